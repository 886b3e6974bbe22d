package org.alliancechain.contracts.xml;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One element of a parsed document: the small tree the contract reader works on. Attributes keep
 * document order; {@code text} is the element's own character data (children's text excluded).
 */
public record XmlElement(
    String name,
    Map<String, String> attributes,
    String text,
    List<XmlElement> children,
    int line,
    int column) {

  public XmlElement {
    attributes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
    children = List.copyOf(children);
  }

  public Optional<String> attribute(String attributeName) {
    return Optional.ofNullable(attributes.get(attributeName));
  }
}
