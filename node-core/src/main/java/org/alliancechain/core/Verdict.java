package org.alliancechain.core;

/**
 * The outcome of a validation: accepted, or rejected with a machine-readable reason code (counted
 * in metrics, asserted on in tests) and a human-readable detail. Validators return this instead of
 * a boolean so that every rejection says why.
 */
public record Verdict(String reason, String detail) {
  private static final Verdict OK = new Verdict("ok", "");

  public static Verdict ok() {
    return OK;
  }

  public static Verdict reject(String reason, String detail) {
    if (reason.equals("ok")) {
      throw new IllegalArgumentException("a rejection needs a reason other than ok");
    }
    return new Verdict(reason, detail);
  }

  public boolean isOk() {
    return reason.equals("ok");
  }

  @Override
  public String toString() {
    return isOk() ? "ok" : reason + ": " + detail;
  }
}
