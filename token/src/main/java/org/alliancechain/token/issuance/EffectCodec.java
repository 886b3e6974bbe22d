package org.alliancechain.token.issuance;

import java.util.List;
import org.alliancechain.core.codec.CanonicalReader;
import org.alliancechain.core.codec.CanonicalWriter;
import org.alliancechain.core.codec.DecodeException;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.token.TokenLimits;
import org.alliancechain.token.issuance.ContractEffect.CancellationFee;
import org.alliancechain.token.issuance.ContractEffect.Cancelled;
import org.alliancechain.token.issuance.ContractEffect.Escalated;
import org.alliancechain.token.issuance.ContractEffect.EscrowLock;
import org.alliancechain.token.issuance.ContractEffect.EscrowRelease;
import org.alliancechain.token.issuance.ContractEffect.Executed;
import org.alliancechain.token.issuance.ContractEffect.Failed;
import org.alliancechain.token.issuance.ContractEffect.PaymentKind;
import org.alliancechain.token.issuance.ContractEffect.Quality;
import org.alliancechain.token.issuance.ContractEffect.Registered;
import org.alliancechain.token.issuance.ContractEffect.TokenPayment;
import org.alliancechain.token.issuance.ContractEffect.TransferVerified;
import org.alliancechain.token.issuance.ContractEffect.Uninterpretable;
import org.alliancechain.token.state.Codecs;
import org.alliancechain.token.tx.TxCodec;

/** Canonical encoding of {@link ContractEffect}s (state queue, events, the test engine). */
public final class EffectCodec {
  private EffectCodec() {}

  public static void encode(CanonicalWriter w, ContractEffect effect) {
    switch (effect) {
      case Registered e -> {
        w.u8(1).string(e.contractId());
        e.receiver().encode(w);
        Codecs.list(w, e.providers(), (out, p) -> p.encode(out));
        w.u63(e.tokenAmount()).bool(e.monetary()).string(e.resourceType());
      }
      case TransferVerified e -> w.u8(2).string(e.contractId());
      case Executed e -> w.u8(3).string(e.contractId());
      case TokenPayment e -> {
        w.u8(4).string(e.contractId());
        e.provider().encode(w);
        w.u63(e.amount())
            .u8(Codecs.code(e.kind()))
            .u8(Codecs.code(e.quality()))
            .string(e.caseKind());
      }
      case EscrowLock e -> keyed(w.u8(5).string(e.contractId()), e.from()).u63(e.money());
      case EscrowRelease e -> keyed(w.u8(6).string(e.contractId()), e.to()).u63(e.money());
      case CancellationFee e ->
          keyed(keyed(w.u8(7).string(e.contractId()), e.from()), e.to()).u63(e.tokens());
      case Cancelled e -> keyed(w.u8(8).string(e.contractId()), e.by());
      case Escalated e -> w.u8(9).string(e.contractId()).string(e.reason());
      case Uninterpretable e -> w.u8(10).string(e.contractId()).string(e.reason());
      case Failed e -> w.u8(11).string(e.contractId()).string(e.reason());
    }
  }

  private static CanonicalWriter keyed(CanonicalWriter w, PublicKey key) {
    key.encode(w);
    return w;
  }

  public static ContractEffect decode(CanonicalReader r) {
    int tag = r.u8("effect");
    String id = TxCodec.contractId(r);
    return switch (tag) {
      case 1 -> decodeRegistered(r, id);
      case 2 -> new TransferVerified(id);
      case 3 -> new Executed(id);
      case 4 ->
          new TokenPayment(
              id,
              PublicKey.decode(r, "provider"),
              Codecs.positive(r, "amount"),
              Codecs.enumValue(r, PaymentKind.class, "payment kind"),
              Codecs.enumValue(r, Quality.class, "quality"),
              text(r, "case kind"));
      case 5 -> new EscrowLock(id, key(r), Codecs.positive(r, "money"));
      case 6 -> new EscrowRelease(id, key(r), Codecs.positive(r, "money"));
      case 7 -> new CancellationFee(id, key(r), key(r), Codecs.positive(r, "tokens"));
      case 8 -> new Cancelled(id, key(r));
      case 9 -> new Escalated(id, text(r, "reason"));
      case 10 -> new Uninterpretable(id, text(r, "reason"));
      case 11 -> new Failed(id, text(r, "reason"));
      default -> throw new DecodeException(DecodeException.Reason.UNKNOWN_KIND, "effect " + tag);
    };
  }

  private static Registered decodeRegistered(CanonicalReader r, String id) {
    PublicKey receiver = key(r);
    List<ProviderShare> providers =
        Codecs.list(r, "providers", TokenLimits.PROVIDERS_PER_CONTRACT_MAX, ProviderShare::decode);
    if (providers.isEmpty()) {
      throw new DecodeException(DecodeException.Reason.INVALID_VALUE, "no providers");
    }
    return new Registered(
        id, receiver, providers, r.u63("token amount"), r.bool("monetary"), text(r, "type"));
  }

  private static PublicKey key(CanonicalReader r) {
    return PublicKey.decode(r, "party");
  }

  private static String text(CanonicalReader r, String what) {
    return Codecs.text(r, what, TokenLimits.TEXT_BYTES_MAX);
  }

  public static void encodeList(CanonicalWriter w, List<ContractEffect> effects) {
    Codecs.list(w, effects, EffectCodec::encode);
  }

  public static List<ContractEffect> decodeList(CanonicalReader r, int max) {
    return Codecs.list(r, "effects", max, EffectCodec::decode);
  }
}
