package org.alliancechain.contracts.model;

/**
 * A party as written in the listings, {@code Provider_1 (address_1)}: a name and an address ref.
 */
public record Party(String name, String addressRef) {
  @Override
  public String toString() {
    return name + " (" + addressRef + ")";
  }
}
