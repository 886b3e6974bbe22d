package org.alliancechain.config;

/** SPEC M-3: the roles a node may hold (several at once). */
public enum Role {
  /** Every member runs one: keys, wallet, requests, private resources. */
  CORPORATION("corporation"),
  /** A consensus validator that also relays broadcasts to the whole alliance. */
  ALLIANCE("alliance"),
  /** Competitive mode: the relay of a named small alliance. */
  PRIVATE_ALLIANCE("private-alliance");

  private final String specName;

  Role(String specName) {
    this.specName = specName;
  }

  public String specName() {
    return specName;
  }

  public static Role fromSpecName(String name) {
    for (Role role : values()) {
      if (role.specName.equals(name)) {
        return role;
      }
    }
    throw new IllegalArgumentException(
        "expected one of corporation, alliance, private-alliance, got '" + name + "'");
  }
}
