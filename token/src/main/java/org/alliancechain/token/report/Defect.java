package org.alliancechain.token.report;

import org.alliancechain.core.codec.CanonicalReader;
import org.alliancechain.core.codec.CanonicalWriter;
import org.alliancechain.token.TokenLimits;
import org.alliancechain.token.state.Codecs;

/** A contract defect for the amelioration report (SPEC M-25). */
public record Defect(String contractId, Kind kind, String reason, long height) {
  /** The ordinal is the wire code: only append. */
  public enum Kind {
    FAILED,
    ESCALATED,
    UNINTERPRETABLE,
    QUALITY_FAILED,
    ISSUANCE_REFUSED
  }

  public void encode(CanonicalWriter w) {
    w.string(contractId).u8(Codecs.code(kind)).string(reason).u63(height);
  }

  public static Defect decode(CanonicalReader r) {
    return new Defect(
        r.string("contract id", TokenLimits.CONTRACT_ID_BYTES_MAX),
        Codecs.enumValue(r, Kind.class, "defect kind"),
        r.string("reason", TokenLimits.TEXT_BYTES_MAX),
        r.u63("height"));
  }
}
