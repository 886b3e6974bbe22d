package org.alliancechain.contracts.model;

/** {@code <member_obligation>to-do</member_obligation>} and its legal counterpart. */
public record Obligation(Kind kind, Duty duty) {

  /** Cooperative (alliance rules) or competitive (enforceable off the chain). */
  public enum Kind {
    MEMBER("member_obligation"),
    LEGAL("legal_obligation");

    private final String element;

    Kind(String element) {
      this.element = element;
    }

    public String element() {
      return element;
    }
  }

  /** What the obligor owes: to do something (share) or to refrain from something. */
  public enum Duty {
    TO_DO("to-do"),
    NOT_TO_DO("not-to-do");

    private final String text;

    Duty(String text) {
      this.text = text;
    }

    public String text() {
      return text;
    }
  }
}
