package org.alliancechain.contracts.lang;

import java.util.ArrayList;
import java.util.List;
import org.alliancechain.contracts.ContractLimits;
import org.alliancechain.contracts.model.Arg;
import org.alliancechain.contracts.model.Call;
import org.alliancechain.contracts.model.Conjunction;
import org.alliancechain.contracts.model.Party;

/**
 * Recursive-descent parser of the expression language inside contract elements (grammar in
 * docs/contracts.md). Whitespace, including newlines, separates tokens only; a rule list is a run
 * of rules with no separator, which is unambiguous because a rule never ends in a name.
 */
public final class ExpressionParser {

  /** A syntax error at a character offset of the element's text. */
  public static final class SyntaxException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int offset;

    SyntaxException(int offset, String expected) {
      super(expected);
      this.offset = offset;
    }

    public int offset() {
      return offset;
    }

    public String expected() {
      return getMessage();
    }
  }

  private final String text;
  private int position;

  private ExpressionParser(String text) {
    this.text = text;
  }

  public static Call call(String text) {
    ExpressionParser parser = new ExpressionParser(text);
    Call call = parser.parseCall();
    parser.expectEnd("the end of the expression after " + call);
    return call;
  }

  public static Conjunction conjunction(String text) {
    ExpressionParser parser = new ExpressionParser(text);
    Conjunction conjunction = parser.parseConjunction();
    parser.expectEnd("'&amp;', 'and' or the end of the expression");
    return conjunction;
  }

  /** One or more calls, as in {@code rule_conditions}. */
  public static List<Call> callList(String text) {
    ExpressionParser parser = new ExpressionParser(text);
    List<Call> calls = new ArrayList<>();
    do {
      if (calls.size() == ContractLimits.EXPRESSION_TERMS_MAX) {
        throw parser.error("at most " + ContractLimits.EXPRESSION_TERMS_MAX + " rules");
      }
      calls.add(parser.parseCall());
      parser.skipSpace();
    } while (parser.position < text.length());
    return calls;
  }

  /** One or more conjunctions, as in {@code bonus_rules}. */
  public static List<Conjunction> conjunctionList(String text) {
    ExpressionParser parser = new ExpressionParser(text);
    List<Conjunction> rules = new ArrayList<>();
    do {
      if (rules.size() == ContractLimits.EXPRESSION_TERMS_MAX) {
        throw parser.error("at most " + ContractLimits.EXPRESSION_TERMS_MAX + " rules");
      }
      rules.add(parser.parseConjunction());
      parser.skipSpace();
    } while (parser.position < text.length());
    return rules;
  }

  /** {@code Name (address_ref)}: a party, or the word {@code nil} when {@code nilAllowed}. */
  public static Party party(String text) {
    ExpressionParser parser = new ExpressionParser(text);
    parser.skipSpace();
    int open = text.indexOf('(');
    if (open < 0) {
      throw parser.error("a party as 'Name (address_placeholder)'");
    }
    String name = text.substring(0, open).strip();
    if (!isPartyName(name)) {
      throw new SyntaxException(
          parser.position,
          "a party name of (Unicode) letters, digits, '_', '-', '.' and inner spaces (at most "
              + ContractLimits.NAME_CHARS_MAX
              + " characters) before '('");
    }
    parser.position = open + 1;
    String ref = parser.identifier("an address placeholder");
    parser.expect(')');
    parser.expectEnd("the end of the party after ')'");
    return new Party(name, ref);
  }

  static boolean isPartyName(String name) {
    if (name.isEmpty() || name.length() > ContractLimits.NAME_CHARS_MAX) {
      return false;
    }
    if (!Character.isLetterOrDigit(name.charAt(0)) || name.endsWith(" ")) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      // Corporations' names are not ASCII everywhere: any Unicode letter or digit (BMP) is allowed.
      boolean ok = Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == ' ';
      if (!ok || (c == ' ' && name.charAt(i - 1) == ' ')) {
        return false;
      }
    }
    return true;
  }

  public static boolean isIdentifier(String name) {
    if (name.isEmpty() || name.length() > ContractLimits.NAME_CHARS_MAX) {
      return false;
    }
    if (!isAsciiLetter(name.charAt(0))) {
      return false;
    }
    for (int i = 1; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!(isAsciiLetterOrDigit(c) || c == '_')) {
        return false;
      }
    }
    return !name.equals("and");
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return isAsciiLetter(c) || (c >= '0' && c <= '9');
  }

  private Conjunction parseConjunction() {
    List<Call> terms = new ArrayList<>();
    terms.add(parseCall());
    while (true) {
      skipSpace();
      if (peek() == '&') {
        position++;
      } else if (atWord("and")) {
        position += 3;
      } else {
        break;
      }
      if (terms.size() == ContractLimits.EXPRESSION_TERMS_MAX) {
        throw error("at most " + ContractLimits.EXPRESSION_TERMS_MAX + " terms in a conjunction");
      }
      terms.add(parseCall());
    }
    return new Conjunction(terms);
  }

  private Call parseCall() {
    String name = identifier("a function name such as token, date or resources");
    expect('(');
    List<Arg> args = new ArrayList<>();
    skipSpace();
    if (peek() != ')') {
      args.add(argument());
      skipSpace();
      while (peek() == ',') {
        position++;
        if (args.size() == ContractLimits.CALL_ARGUMENTS_MAX) {
          throw error("at most " + ContractLimits.CALL_ARGUMENTS_MAX + " arguments");
        }
        args.add(argument());
        skipSpace();
      }
    }
    expect(')');
    return new Call(name, args);
  }

  private Arg argument() {
    skipSpace();
    char c = peek();
    if (c >= '0' && c <= '9') {
      int start = position;
      while (position < text.length() && Character.isDigit(text.charAt(position))) {
        position++;
      }
      String digits = text.substring(start, position);
      if (digits.length() > 1 && digits.charAt(0) == '0') {
        throw new SyntaxException(start, "an integer without leading zeros");
      }
      try {
        return new Arg.Literal(Long.parseLong(digits));
      } catch (NumberFormatException e) {
        throw new SyntaxException(start, "an integer at most " + Long.MAX_VALUE);
      }
    }
    return new Arg.Ref(identifier("an argument (a placeholder name or an integer)"));
  }

  private String identifier(String what) {
    skipSpace();
    int start = position;
    if (start < text.length() && isAsciiLetter(text.charAt(start))) {
      position++;
      while (position < text.length()
          && (isAsciiLetterOrDigit(text.charAt(position)) || text.charAt(position) == '_')) {
        position++;
      }
    }
    String name = text.substring(start, position);
    if (name.isEmpty()) {
      throw new SyntaxException(start, what + describeFound(start));
    }
    if (!isIdentifier(name)) {
      throw new SyntaxException(
          start, what + " (at most " + ContractLimits.NAME_CHARS_MAX + " characters, not 'and')");
    }
    return name;
  }

  private boolean atWord(String word) {
    int end = position + word.length();
    return text.startsWith(word, position)
        && (end == text.length()
            || !(isAsciiLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_'));
  }

  private void expect(char c) {
    skipSpace();
    if (peek() != c) {
      throw error("'" + c + "'");
    }
    position++;
  }

  private void expectEnd(String what) {
    skipSpace();
    if (position < text.length()) {
      throw error(what);
    }
  }

  private SyntaxException error(String expected) {
    return new SyntaxException(position, expected + describeFound(position));
  }

  private String describeFound(int at) {
    if (at >= text.length()) {
      return ", found the end of the text";
    }
    int end = Math.min(text.length(), at + 12);
    return ", found '" + text.substring(at, end).replace('\n', ' ') + "'";
  }

  private char peek() {
    return position < text.length() ? text.charAt(position) : '\0';
  }

  private void skipSpace() {
    while (position < text.length() && isSpace(text.charAt(position))) {
      position++;
    }
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }
}
