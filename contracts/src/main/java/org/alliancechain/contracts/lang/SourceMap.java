package org.alliancechain.contracts.lang;

import java.util.Map;
import java.util.TreeMap;

/**
 * Where each element of a parsed contract was in its document, keyed by a path such as {@code
 * precondition[1]} or {@code param[amount]}, so semantic errors can name the line. A contract built
 * in code has no source: {@link #NONE} reports line 0 (unknown).
 */
public final class SourceMap {
  /** A position in the document and the element found there. */
  public record Location(int line, int column, String element) {}

  public static final SourceMap NONE = new SourceMap();

  private final Map<String, Location> locations = new TreeMap<>();

  void put(String key, Location location) {
    locations.put(key, location);
  }

  /** The location of {@code key}, or line 0 with the element named by the key's prefix. */
  public Location at(String key) {
    Location location = locations.get(key);
    if (location != null) {
      return location;
    }
    int bracket = key.indexOf('[');
    return new Location(0, 0, bracket < 0 ? key : key.substring(0, bracket));
  }
}
