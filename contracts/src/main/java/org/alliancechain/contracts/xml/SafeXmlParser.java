package org.alliancechain.contracts.xml;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.alliancechain.contracts.ContractLimits;
import org.alliancechain.contracts.xml.ContractError.Code;

/**
 * The hardened XML front end: UTF-8 only, bounded size, no DTD (so no internal or external
 * entities, no billion laughs), no external resources of any kind (the resolver refuses and the
 * JDK's access property is empty), no namespaces (so no XInclude), and limits on depth, element
 * count, text and attributes from {@link ContractLimits}. It uses the JDK's own StAX implementation
 * ({@link XMLInputFactory#newDefaultFactory()}), never a provider found on the class path. Errors
 * come back as a {@link ContractException} listing every problem found, each with line, column and
 * element.
 */
public final class SafeXmlParser {

  private SafeXmlParser() {}

  // Creating a factory costs milliseconds; one per thread, configured once, never shared.
  private static final ThreadLocal<XMLInputFactory> FACTORY =
      ThreadLocal.withInitial(SafeXmlParser::factory);

  private static XMLInputFactory factory() {
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setXMLResolver(
        (publicId, systemId, baseUri, namespace) -> {
          throw new XMLStreamException("external resource refused: " + systemId);
        });
    return factory;
  }

  public static XmlElement parse(byte[] document) {
    if (document.length > ContractLimits.DOCUMENT_BYTES_MAX) {
      throw new ContractException(
          new ContractError(
              Code.DOCUMENT_TOO_LARGE,
              0,
              0,
              "",
              "at most "
                  + ContractLimits.DOCUMENT_BYTES_MAX
                  + " bytes (DOCUMENT_BYTES_MAX), got "
                  + document.length));
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(document))
              .toString();
    } catch (CharacterCodingException e) {
      throw new ContractException(
          new ContractError(Code.NOT_UTF8, 0, 0, "", "a UTF-8 document: " + e.getMessage()));
    }
    return parseChecked(text);
  }

  public static XmlElement parse(String document) {
    return parse(document.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * StAX alone, without the prescan: only for tests that prove the StAX configuration refuses XXE
   * payloads by itself (defence in depth), should the prescan ever miss one.
   */
  static XmlElement parseWithoutPrescan(String text) {
    return new TreeBuilder(List.of()).build(text);
  }

  private static XmlElement parseChecked(String text) {
    XmlPrescan.Result scan = XmlPrescan.scan(text);
    List<ContractError> errors = new ArrayList<>(scan.errors());
    if (errors.stream().anyMatch(e -> e.code() == Code.DTD_FORBIDDEN)) {
      throw new ContractException(errors);
    }
    XmlElement root = null;
    try {
      root = new TreeBuilder(scan.tagStarts()).build(scan.repaired());
    } catch (ContractException e) {
      errors.addAll(e.errors());
    }
    if (!errors.isEmpty()) {
      throw new ContractException(
          errors.subList(0, Math.min(errors.size(), ContractLimits.ERRORS_MAX)));
    }
    return root;
  }

  /** Builds the element tree from StAX events, enforcing the structural limits as it goes. */
  private static final class TreeBuilder {
    private final List<XmlPrescan.TagStart> tagStarts;
    private final Deque<Frame> stack = new ArrayDeque<>();
    private int elementCount;
    private XmlElement root;

    private static final class Frame {
      final String name;
      final Map<String, String> attributes;
      final StringBuilder text = new StringBuilder();
      final List<XmlElement> children = new ArrayList<>();
      final int line;
      final int column;

      Frame(String name, Map<String, String> attributes, int line, int column) {
        this.name = name;
        this.attributes = attributes;
        this.line = line;
        this.column = column;
      }
    }

    TreeBuilder(List<XmlPrescan.TagStart> tagStarts) {
      this.tagStarts = tagStarts;
    }

    XmlElement build(String text) {
      XMLStreamReader reader = null;
      try {
        reader = FACTORY.get().createXMLStreamReader(new StringReader(text));
        while (reader.hasNext()) {
          event(reader, reader.next());
        }
      } catch (XMLStreamException e) {
        throw translate(e);
      } finally {
        close(reader);
      }
      if (root == null) {
        throw error(Code.MALFORMED_XML, 0, 0, "a root element <smart_contract>");
      }
      return root;
    }

    private static void close(XMLStreamReader reader) {
      if (reader != null) {
        try {
          reader.close();
        } catch (XMLStreamException e) {
          // Closing a reader over a String releases nothing; a failure here cannot lose data.
        }
      }
    }

    private void event(XMLStreamReader reader, int event) {
      switch (event) {
        case XMLStreamConstants.START_ELEMENT -> start(reader);
        case XMLStreamConstants.END_ELEMENT -> end();
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
            text(reader);
        case XMLStreamConstants.DTD ->
            throw error(Code.DTD_FORBIDDEN, reader.getLocation(), "a document without DOCTYPE");
        case XMLStreamConstants.ENTITY_REFERENCE ->
            throw error(
                Code.ENTITY_FORBIDDEN,
                reader.getLocation(),
                "only predefined entities; found &" + reader.getLocalName() + ";");
        default -> {
          // comments, processing instructions, document start and end carry no contract content
        }
      }
    }

    private void start(XMLStreamReader reader) {
      String name = reader.getLocalName();
      int[] position = startPosition(name, reader.getLocation());
      elementCount++;
      if (elementCount > ContractLimits.ELEMENT_COUNT_MAX) {
        throw error(
            Code.ELEMENTS_OVER_LIMIT,
            position,
            name,
            "at most " + ContractLimits.ELEMENT_COUNT_MAX + " elements (ELEMENT_COUNT_MAX)");
      }
      if (stack.size() + 1 > ContractLimits.ELEMENT_DEPTH_MAX) {
        throw error(
            Code.DEPTH_OVER_LIMIT,
            position,
            name,
            "nesting depth at most " + ContractLimits.ELEMENT_DEPTH_MAX + " (ELEMENT_DEPTH_MAX)");
      }
      if (name.indexOf(':') >= 0) {
        throw error(
            Code.NAMESPACE_FORBIDDEN,
            position,
            name,
            "an element of the contract language without a namespace prefix (no XInclude)");
      }
      Frame parent = stack.peek();
      if (parent != null && parent.name.equals(name)) {
        throw error(
            Code.NESTED_SAME_ELEMENT,
            position,
            name,
            "the closing tag </"
                + name
                + "> of the <"
                + name
                + "> opened at line "
                + parent.line
                + ", found another opening tag <"
                + name
                + ">");
      }
      if (parent == null && root != null) {
        throw error(Code.MALFORMED_XML, position, name, "a single root element");
      }
      stack.push(new Frame(name, attributes(reader, name, position), position[0], position[1]));
    }

    private Map<String, String> attributes(XMLStreamReader reader, String element, int[] position) {
      int count = reader.getAttributeCount();
      if (count > ContractLimits.ATTRIBUTE_COUNT_MAX) {
        throw error(
            Code.ATTRIBUTES_OVER_LIMIT,
            position,
            element,
            "at most " + ContractLimits.ATTRIBUTE_COUNT_MAX + " attributes (ATTRIBUTE_COUNT_MAX)");
      }
      Map<String, String> attributes = new LinkedHashMap<>();
      for (int i = 0; i < count; i++) {
        String name = reader.getAttributeLocalName(i);
        String prefix = reader.getAttributePrefix(i);
        if (name.indexOf(':') >= 0
            || name.equals("xmlns")
            || (prefix != null && !prefix.isEmpty())) {
          throw error(
              Code.NAMESPACE_FORBIDDEN,
              position,
              element,
              "attributes without namespaces; found " + name);
        }
        String value = reader.getAttributeValue(i);
        if (value.length() > ContractLimits.ATTRIBUTE_VALUE_CHARS_MAX) {
          throw error(
              Code.TEXT_OVER_LIMIT,
              position,
              element,
              "attribute "
                  + name
                  + " at most "
                  + ContractLimits.ATTRIBUTE_VALUE_CHARS_MAX
                  + " characters (ATTRIBUTE_VALUE_CHARS_MAX)");
        }
        attributes.put(name, value);
      }
      return attributes;
    }

    private void text(XMLStreamReader reader) {
      Frame frame = stack.peek();
      String chunk = reader.getText();
      if (frame == null) {
        if (!chunk.isBlank()) {
          throw error(Code.MALFORMED_XML, reader.getLocation(), "only markup outside the root");
        }
        return;
      }
      if (frame.text.length() + chunk.length() > ContractLimits.TEXT_CHARS_MAX) {
        throw error(
            Code.TEXT_OVER_LIMIT,
            new int[] {frame.line, frame.column},
            frame.name,
            "text at most " + ContractLimits.TEXT_CHARS_MAX + " characters (TEXT_CHARS_MAX)");
      }
      frame.text.append(chunk);
    }

    private void end() {
      Frame frame = stack.pop();
      XmlElement element =
          new XmlElement(
              frame.name,
              frame.attributes,
              frame.text.toString(),
              frame.children,
              frame.line,
              frame.column);
      Frame parent = stack.peek();
      if (parent == null) {
        root = element;
      } else {
        parent.children.add(element);
      }
    }

    /** Where the start tag begins (from the prescan), falling back to where StAX says it ended. */
    private int[] startPosition(String name, Location location) {
      int index = elementCount;
      if (index < tagStarts.size() && tagStarts.get(index).name().equals(name)) {
        XmlPrescan.TagStart tag = tagStarts.get(index);
        return new int[] {tag.line(), tag.column()};
      }
      return new int[] {location.getLineNumber(), 0};
    }

    private ContractException translate(XMLStreamException e) {
      Location location = e.getLocation();
      String element = stack.isEmpty() ? "" : stack.peek().name;
      String detail = e.getMessage() == null ? "" : e.getMessage();
      int cut = detail.indexOf("Message: ");
      if (cut >= 0) {
        detail = detail.substring(cut + "Message: ".length());
      }
      String expected =
          stack.isEmpty()
              ? "well-formed XML (" + detail.strip() + ")"
              : "well-formed XML; the innermost open element is <"
                  + element
                  + "> opened at line "
                  + stack.peek().line
                  + " ("
                  + detail.strip()
                  + ")";
      int line = location == null ? 0 : Math.max(0, location.getLineNumber());
      int column = location == null ? 0 : Math.max(0, location.getColumnNumber());
      return new ContractException(
          new ContractError(Code.MALFORMED_XML, line, column, element, expected));
    }

    private ContractException error(Code code, Location location, String expected) {
      String element = stack.isEmpty() ? "" : stack.peek().name;
      return new ContractException(
          new ContractError(
              code,
              location.getLineNumber(),
              Math.max(0, location.getColumnNumber()),
              element,
              expected));
    }

    private static ContractException error(Code code, int line, int column, String expected) {
      return new ContractException(new ContractError(code, line, column, "", expected));
    }

    private static ContractException error(
        Code code, int[] position, String element, String expected) {
      return new ContractException(
          new ContractError(code, position[0], position[1], element, expected));
    }
  }
}
