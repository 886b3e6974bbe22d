package org.alliancechain.config;

/** SPEC M-1: fixed in genesis. */
public enum Mode {
  COOPERATIVE("cooperative"),
  COMPETITIVE("competitive");

  private final String specName;

  Mode(String specName) {
    this.specName = specName;
  }

  public String specName() {
    return specName;
  }

  public static Mode fromSpecName(String name) {
    for (Mode mode : values()) {
      if (mode.specName.equals(name)) {
        return mode;
      }
    }
    throw new IllegalArgumentException("expected cooperative or competitive, got '" + name + "'");
  }
}
