package org.alliancechain.contracts.xml;

/**
 * One reason a contract document was rejected: what went wrong ({@link Code}, machine-readable),
 * where (line and column, 1-based; 0 when not known), in which element, and what was expected.
 */
public record ContractError(Code code, int line, int column, String element, String expected) {

  /** Machine-readable reason. */
  public enum Code {
    DOCUMENT_TOO_LARGE,
    NOT_UTF8,
    DTD_FORBIDDEN,
    ENTITY_FORBIDDEN,
    RAW_AMPERSAND,
    MALFORMED_XML,
    NESTED_SAME_ELEMENT,
    NAMESPACE_FORBIDDEN,
    DEPTH_OVER_LIMIT,
    ELEMENTS_OVER_LIMIT,
    TEXT_OVER_LIMIT,
    ATTRIBUTES_OVER_LIMIT,
    UNEXPECTED_ELEMENT,
    MISSING_ELEMENT,
    UNEXPECTED_TEXT,
    UNEXPECTED_ATTRIBUTE,
    MISSING_ATTRIBUTE,
    INVALID_VALUE,
    EXPRESSION_SYNTAX,
    UNBOUND_PLACEHOLDER,
    UNUSED_PARAMETER,
    TYPE_MISMATCH
  }

  public ContractError {
    element = element == null ? "" : element;
  }

  /** Human-readable: {@code line 23, column 3, <performance_object>: expected ...}. */
  public String message() {
    StringBuilder out = new StringBuilder();
    if (line > 0) {
      out.append("line ").append(line);
      if (column > 0) {
        out.append(", column ").append(column);
      }
      out.append(", ");
    }
    if (!element.isEmpty()) {
      out.append('<').append(element).append(">: ");
    }
    return out.append(code).append(": expected ").append(expected).toString();
  }

  @Override
  public String toString() {
    return message();
  }
}
