package org.alliancechain.contracts.xml;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.alliancechain.contracts.ContractLimits;
import org.alliancechain.contracts.xml.ContractError.Code;

/**
 * A light lexical pass over the document before StAX sees it. It exists because StAX stops at the
 * first fatal error and reports a raw {@code &} with a generic message and no element: this pass
 * finds every raw {@code &} and entity reference with its line, column and enclosing element,
 * refuses any DOCTYPE before a parser could act on it, records where each start tag begins (StAX
 * only knows where it ends), and produces a repaired copy (each offending {@code &} replaced by
 * {@code +}, same length, so later positions stay exact) in which StAX can look for further errors.
 */
final class XmlPrescan {
  record TagStart(String name, int line, int column) {}

  record Result(List<ContractError> errors, List<TagStart> tagStarts, String repaired) {}

  private static final List<String> PREDEFINED = List.of("amp", "lt", "gt", "quot", "apos");

  private final String text;
  private final StringBuilder repaired;
  private final List<ContractError> errors = new ArrayList<>();
  private final List<TagStart> tagStarts = new ArrayList<>();
  private final Deque<String> open = new ArrayDeque<>();
  private int index;
  private int line = 1;
  private int column = 1;

  private XmlPrescan(String text) {
    this.text = text;
    this.repaired = new StringBuilder(text);
  }

  /** Scans {@code text}; a DOCTYPE ends the scan at once (the only error then). */
  static Result scan(String text) {
    XmlPrescan scan = new XmlPrescan(text);
    scan.run();
    return new Result(
        List.copyOf(scan.errors), List.copyOf(scan.tagStarts), scan.repaired.toString());
  }

  private void run() {
    while (index < text.length() && errors.size() < ContractLimits.ERRORS_MAX) {
      if (text.startsWith("<!--", index)) {
        skipPast("-->");
      } else if (text.startsWith("<![CDATA[", index)) {
        skipPast("]]>");
      } else if (startsWithIgnoreCase("<!DOCTYPE")) {
        errors.clear();
        errors.add(
            new ContractError(
                Code.DTD_FORBIDDEN,
                line,
                column,
                open.isEmpty() ? "" : open.peek(),
                "a document without DOCTYPE: DTDs, entity declarations and external DTDs are not"
                    + " part of the contract language"));
        return;
      } else if (text.startsWith("<?", index)) {
        skipPast("?>");
      } else if (text.startsWith("</", index)) {
        endTag();
      } else if (text.charAt(index) == '<') {
        startTag();
      } else if (text.charAt(index) == '&') {
        ampersand(open.isEmpty() ? "" : open.peek());
      } else {
        advance();
      }
    }
  }

  private boolean startsWithIgnoreCase(String prefix) {
    return text.regionMatches(true, index, prefix, 0, prefix.length());
  }

  private void advance() {
    if (text.charAt(index) == '\n') {
      line++;
      column = 1;
    } else {
      column++;
    }
    index++;
  }

  private void skipPast(String terminator) {
    int end = text.indexOf(terminator, index);
    int stop = end < 0 ? text.length() : end + terminator.length();
    while (index < stop) {
      advance();
    }
  }

  private String name() {
    int start = index;
    while (index < text.length() && isNameChar(text.charAt(index))) {
      advance();
    }
    return text.substring(start, index);
  }

  private static boolean isNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == ':';
  }

  private void endTag() {
    advance();
    advance();
    String name = name();
    if (!open.isEmpty() && open.peek().equals(name)) {
      open.pop();
    }
    skipTagRest(name);
  }

  private void startTag() {
    int tagLine = line;
    int tagColumn = column;
    advance();
    String name = name();
    tagStarts.add(new TagStart(name, tagLine, tagColumn));
    boolean selfClosing = skipTagRest(name);
    if (!selfClosing && !name.isEmpty()) {
      open.push(name);
    }
  }

  /** Skips to the end of a tag, honouring quoted attribute values; true if it ended with "/>". */
  private boolean skipTagRest(String element) {
    char quote = 0;
    char previous = 0;
    while (index < text.length()) {
      char c = text.charAt(index);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else if (c == '&') {
          ampersand(element);
          previous = c;
          continue;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        advance();
        return previous == '/';
      } else if (c == '<') {
        return false; // malformed; StAX reports it
      }
      previous = c;
      advance();
    }
    return false;
  }

  private void ampersand(String element) {
    int refLine = line;
    int refColumn = column;
    int start = index;
    int semicolon = referenceEnd(start);
    if (semicolon > 0) {
      String body = text.substring(start + 1, semicolon);
      if (body.startsWith("#") || PREDEFINED.contains(body)) {
        while (index <= semicolon) {
          advance();
        }
        return;
      }
      errors.add(
          new ContractError(
              Code.ENTITY_FORBIDDEN,
              refLine,
              refColumn,
              element,
              "only the predefined entities &amp; &lt; &gt; &quot; &apos; and character"
                  + " references; found &"
                  + body
                  + "; (entity declarations are not part of the contract language)"));
    } else {
      errors.add(
          new ContractError(
              Code.RAW_AMPERSAND,
              refLine,
              refColumn,
              element,
              "'&amp;' or the word 'and' for a conjunction; a raw '&' is not well-formed XML"));
    }
    repaired.setCharAt(start, '+');
    advance();
  }

  /** Index of the ';' closing an entity or character reference at {@code start}, or -1. */
  private int referenceEnd(int start) {
    int i = start + 1;
    if (i < text.length() && text.charAt(i) == '#') {
      i++;
      boolean hex = i < text.length() && text.charAt(i) == 'x';
      if (hex) {
        i++;
      }
      int digits = i;
      while (i < text.length() && Character.digit(text.charAt(i), hex ? 16 : 10) >= 0) {
        i++;
      }
      return i > digits && i < text.length() && text.charAt(i) == ';' ? i : -1;
    }
    int nameStart = i;
    while (i < text.length() && i - nameStart <= ContractLimits.NAME_CHARS_MAX) {
      char c = text.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-' || c == ':')) {
        break;
      }
      i++;
    }
    boolean startsLikeName =
        i > nameStart
            && (Character.isLetter(text.charAt(nameStart)) || text.charAt(nameStart) == '_');
    return startsLikeName && i < text.length() && text.charAt(i) == ';' ? i : -1;
  }
}
