package org.alliancechain.token.issuance;

import java.util.ArrayList;
import java.util.List;
import org.alliancechain.core.codec.CanonicalReader;
import org.alliancechain.core.codec.CanonicalWriter;
import org.alliancechain.token.TokenLimits;
import org.alliancechain.token.TxRejected;
import org.alliancechain.token.issuance.ContractEffect.TokenPayment;
import org.alliancechain.token.state.Codecs;
import org.alliancechain.token.state.Keys;
import org.alliancechain.token.state.Store;

/** Token payments queued during a block, issued in queue order by the TCA at its end. */
public final class PendingIssuance {
  /** Where a queued payment comes from. The ordinal is the wire code: only append. */
  public enum Source {
    CONTRACT,
    COMMITTEE,
    PRECEDENT,
    ACTIVE_SHARING_BONUS
  }

  public record Entry(TokenPayment payment, Source source) {
    void encode(CanonicalWriter w) {
      EffectCodec.encode(w, payment);
      w.u8(Codecs.code(source));
    }

    static Entry decode(CanonicalReader r) {
      if (!(EffectCodec.decode(r) instanceof TokenPayment p)) {
        throw new AssertionError("invariant broken: pending entry is not a token payment");
      }
      return new Entry(p, Codecs.enumValue(r, Source.class, "source"));
    }
  }

  private final Store store;

  public PendingIssuance(Store store) {
    this.store = store;
  }

  public List<Entry> entries() {
    return store
        .get(
            Keys.PENDING_ISSUANCE,
            r ->
                Codecs.list(
                    r, "pending", TokenLimits.PENDING_ISSUANCES_PER_BLOCK_MAX, Entry::decode))
        .orElse(List.of());
  }

  public void add(TokenPayment payment, Source source) {
    List<Entry> entries = new ArrayList<>(entries());
    TxRejected.require(
        entries.size() < TokenLimits.PENDING_ISSUANCES_PER_BLOCK_MAX,
        "block_issuance_full",
        "this block already queued " + entries.size() + " payments");
    entries.add(new Entry(payment, source));
    store.put(Keys.PENDING_ISSUANCE, w -> Codecs.list(w, entries, (out, e) -> e.encode(out)));
  }

  public void clear() {
    store.delete(Keys.PENDING_ISSUANCE);
  }
}
