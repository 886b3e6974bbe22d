package org.alliancechain.consensus.driver;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.core.tx.Transaction;

/**
 * Transports in one process, for tests: every endpoint delivers straight into the receiving
 * driver's inbox (which is bounded, so a slow receiver drops rather than blocks the sender).
 */
public final class InMemoryNetwork {

  /** What an endpoint delivers to: consensus bytes and gossiped transactions. */
  public interface Receiver {
    void onMessage(byte[] bytes);

    void onTransaction(Transaction tx);
  }

  private final Map<PublicKey, Receiver> receivers = new ConcurrentHashMap<>();

  public void register(PublicKey key, Receiver receiver) {
    receivers.put(key, receiver);
  }

  public Transport endpoint(PublicKey self) {
    return new Transport() {
      @Override
      public void send(PublicKey to, byte[] message) {
        Receiver r = receivers.get(to);
        if (r != null) {
          r.onMessage(message);
        }
      }

      @Override
      public void broadcast(byte[] message) {
        forEachOther(r -> r.onMessage(message));
      }

      @Override
      public void gossip(Transaction tx) {
        forEachOther(r -> r.onTransaction(tx));
      }

      @Override
      public void penalize(PublicKey peer) {}

      private void forEachOther(Consumer<Receiver> action) {
        // Sorted, so that delivery order does not depend on hash order.
        new TreeMap<>(receivers)
            .forEach(
                (key, r) -> {
                  if (!key.equals(self)) {
                    action.accept(r);
                  }
                });
      }
    };
  }
}
