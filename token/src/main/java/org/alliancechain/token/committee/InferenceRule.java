package org.alliancechain.token.committee;

/**
 * The paper's inference rule for regulatory support (section IV.B.5, SPEC M-24), exactly:
 *
 * <pre>
 * IF   smart contract has been executed
 * AND  tokens have not been issued
 * AND  resource sharing system has verified the resource sharing
 * AND  the receiver OR the provider has requested for support
 * OR   the token issuing system reports the inability to identify the content of the contract
 * THEN the regulatory committee provides support (opens a case)
 * </pre>
 *
 * AND binds tighter than OR, as in the paper's layout: {@code (A ∧ B ∧ C ∧ D) ∨ E}.
 */
public final class InferenceRule {
  private InferenceRule() {}

  /** The rule's inputs, each read from the ledger. */
  public record Facts(
      boolean contractExecuted,
      boolean tokensIssued,
      boolean sharingVerified,
      boolean supportRequested,
      boolean cannotIdentifyContent) {}

  public static boolean opensCase(Facts f) {
    return (f.contractExecuted()
            && !f.tokensIssued()
            && f.sharingVerified()
            && f.supportRequested())
        || f.cannotIdentifyContent();
  }

  /** Why the rule does not open a case, naming the first condition that fails. */
  public static String whyNot(Facts f) {
    if (!f.supportRequested()) {
      return "no support requested and the contract is interpretable";
    }
    if (!f.contractExecuted()) {
      return "the contract has not been executed";
    }
    if (f.tokensIssued()) {
      return "tokens have already been issued";
    }
    if (!f.sharingVerified()) {
      return "the sharing has not been verified";
    }
    return "";
  }
}
