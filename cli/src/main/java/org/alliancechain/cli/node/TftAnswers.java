package org.alliancechain.cli.node;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.alliancechain.core.app.TxOutcome;
import org.alliancechain.core.codec.DecodeException;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.core.hash.Hash;
import org.alliancechain.core.tx.Transaction;
import org.alliancechain.token.engine.Lifecycle;
import org.alliancechain.token.tx.TxKind;

/**
 * SPEC M-7: which TFT announcements wait for an answer, by the sharing request they announce. A
 * request counts as answered when the ledger commits an offer for it from one of the providers it
 * was sent to (a successful SUBMIT_OFFER signed by that provider's key); the trees then do not open
 * it to the rest of the alliance at its deadline. The oldest entries go first past {@link
 * #OPEN_MAX}.
 */
final class TftAnswers {
  static final int OPEN_MAX = 1_000;

  private record Open(Hash announcement, Set<PublicKey> providers) {}

  // insertion order: the oldest is evicted first; lookups by request id
  private final Map<String, Open> open = new LinkedHashMap<>();

  /** The announcement {@code id} carries sharing request {@code requestId} to {@code providers}. */
  synchronized void expect(String requestId, Hash id, List<PublicKey> providers) {
    open.remove(requestId);
    open.put(requestId, new Open(id, new TreeSet<>(providers)));
    Iterator<String> oldest = open.keySet().iterator();
    while (open.size() > OPEN_MAX) {
      oldest.next();
      oldest.remove();
    }
  }

  synchronized int waiting() {
    return open.size();
  }

  /**
   * The announcements a committed block answered: {@code outcomes} are in the order of {@code txs}.
   * Each is answered once.
   */
  synchronized List<Hash> onCommitted(List<Transaction> txs, List<TxOutcome> outcomes) {
    List<Hash> answered = new ArrayList<>();
    if (open.isEmpty()) {
      return answered;
    }
    for (int i = 0; i < txs.size() && i < outcomes.size(); i++) {
      Transaction tx = txs.get(i);
      if (tx.kind() != TxKind.SUBMIT_OFFER.code() || !outcomes.get(i).success()) {
        continue;
      }
      String requestId;
      try {
        requestId =
            ((Lifecycle.SubmitOffer) Lifecycle.decode(TxKind.SUBMIT_OFFER, tx.payload()))
                .offer()
                .requestId();
      } catch (DecodeException | IllegalArgumentException e) {
        continue; // the ledger accepted it, so this does not happen; nothing to answer either way
      }
      Open o = open.get(requestId);
      if (o != null && o.providers().contains(tx.sender())) {
        open.remove(requestId);
        answered.add(o.announcement());
      }
    }
    return answered;
  }
}
