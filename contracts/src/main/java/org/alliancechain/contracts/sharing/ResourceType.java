package org.alliancechain.contracts.sharing;

/** SPEC M-4: what can be shared. MONEY is monetary sharing (M-17), the rest non-monetary (M-18). */
public enum ResourceType {
  DATA,
  INFORMATION,
  PRODUCT,
  MONEY,
  PARTNER,
  HUMAN,
  PPE,
  KNOWLEDGE;

  public boolean monetary() {
    return this == MONEY;
  }
}
