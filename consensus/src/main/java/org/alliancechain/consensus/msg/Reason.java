package org.alliancechain.consensus.msg;

import java.util.Set;

/** Machine-readable rejection reasons (counted in metrics, asserted on in tests). */
public final class Reason {
  private Reason() {}

  public static final String NOT_VALIDATOR = "not_validator";
  public static final String BAD_SIGNATURE = "bad_signature";
  public static final String NOT_PRIMARY = "not_primary";
  public static final String WRONG_VIEW = "wrong_view";
  public static final String OUTSIDE_WATERMARKS = "outside_watermarks";
  public static final String DIGEST_MISMATCH = "digest_mismatch";
  public static final String DUPLICATE = "duplicate";
  public static final String CONFLICT = "conflict";
  public static final String BAD_BLOCK = "bad_block";
  public static final String BAD_TX = "bad_tx";
  public static final String TX_REPLAYED = "tx_replayed";
  public static final String PARENT_MISMATCH = "parent_mismatch";
  public static final String TIMESTAMP = "timestamp";
  public static final String STATE_ROOT_MISMATCH = "state_root_mismatch";
  public static final String BAD_PROOF = "bad_proof";
  public static final String BAD_NEW_VIEW = "bad_new_view";
  public static final String STALE = "stale";
  public static final String BAD_CERTIFICATE = "bad_certificate";
  public static final String UNEXPECTED = "unexpected";

  /** Bytes on the consensus channel that decode as no message (counted by the node's edge). */
  public static final String UNDECODABLE = "undecodable";

  /** Reasons that only a faulty or malicious peer causes; they count toward a penalty. */
  public static final Set<String> PENALISED =
      Set.of(
          NOT_VALIDATOR,
          BAD_SIGNATURE,
          NOT_PRIMARY,
          DIGEST_MISMATCH,
          BAD_BLOCK,
          BAD_TX,
          BAD_PROOF,
          BAD_NEW_VIEW,
          BAD_CERTIFICATE);
}
