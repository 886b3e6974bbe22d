package org.alliancechain.contracts.model;

/** The attributes of {@code <smart_contract>}. */
public record ContractAttributes(
    String tagName, String contractId, boolean changeable, boolean monetary) {
  public static final String TAG_RESOURCES_SHARING = "resources_sharing";
}
