package org.alliancechain.contracts.model;

/** The {@code <state>} element: a disabled contract is stored but never executes. */
public enum Activation {
  ENABLED("enabled"),
  DISABLED("disabled");

  private final String text;

  Activation(String text) {
    this.text = text;
  }

  public String text() {
    return text;
  }
}
