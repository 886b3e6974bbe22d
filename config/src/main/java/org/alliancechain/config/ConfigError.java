package org.alliancechain.config;

/**
 * One problem in a config or spec file: where (a path such as {@code members[2].peerPort}) and
 * what.
 */
public record ConfigError(String path, String message) {
  @Override
  public String toString() {
    return path + ": " + message;
  }
}
