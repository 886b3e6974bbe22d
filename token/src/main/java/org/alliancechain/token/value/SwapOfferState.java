package org.alliancechain.token.value;

import java.util.Optional;
import org.alliancechain.core.codec.CanonicalReader;
import org.alliancechain.core.codec.CanonicalWriter;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.core.hash.Hash;
import org.alliancechain.token.state.Codecs;

/** A stored OTC swap offer; {@code status} moves OPEN → FILLED or CANCELLED, never back. */
public record SwapOfferState(
    Hash id,
    PublicKey maker,
    boolean makerSellsTokens,
    long tokens,
    long money,
    Optional<PublicKey> taker,
    long expiresAtHeight,
    Status status) {

  /** The ordinal is the wire code: only append. */
  public enum Status {
    OPEN,
    FILLED,
    CANCELLED
  }

  public SwapOfferState with(Status next) {
    return new SwapOfferState(
        id, maker, makerSellsTokens, tokens, money, taker, expiresAtHeight, next);
  }

  public void encode(CanonicalWriter w) {
    w.hash(id);
    maker.encode(w);
    w.bool(makerSellsTokens).u63(tokens).u63(money).bool(taker.isPresent());
    taker.ifPresent(k -> k.encode(w));
    w.u63(expiresAtHeight).u8(Codecs.code(status));
  }

  public static SwapOfferState decode(CanonicalReader r) {
    Hash id = r.hash("offer id");
    PublicKey maker = PublicKey.decode(r, "maker");
    boolean sells = r.bool("maker sells tokens");
    long tokens = r.u63("tokens");
    long money = r.u63("money");
    Optional<PublicKey> taker =
        r.bool("has taker") ? Optional.of(PublicKey.decode(r, "taker")) : Optional.empty();
    long expires = r.u63("expires");
    return new SwapOfferState(
        id,
        maker,
        sells,
        tokens,
        money,
        taker,
        expires,
        Codecs.enumValue(r, Status.class, "status"));
  }
}
