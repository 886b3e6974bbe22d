package org.alliancechain.token.issuance;

import org.alliancechain.core.codec.CanonicalReader;
import org.alliancechain.core.codec.CanonicalWriter;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.token.TokenLimits;
import org.alliancechain.token.issuance.ContractEffect.PaymentKind;
import org.alliancechain.token.issuance.PendingIssuance.Source;
import org.alliancechain.token.state.Codecs;

/** One issuance by the TCA, logged per block so every member sees what was issued (M-19). */
public record Issued(
    String contractId, PublicKey member, long amount, PaymentKind kind, Source source) {
  public void encode(CanonicalWriter w) {
    w.string(contractId);
    member.encode(w);
    w.u63(amount).u8(Codecs.code(kind)).u8(Codecs.code(source));
  }

  public static Issued decode(CanonicalReader r) {
    return new Issued(
        r.string("contract id", TokenLimits.CONTRACT_ID_BYTES_MAX),
        PublicKey.decode(r, "member"),
        r.u63("amount"),
        Codecs.enumValue(r, PaymentKind.class, "kind"),
        Codecs.enumValue(r, Source.class, "source"));
  }
}
