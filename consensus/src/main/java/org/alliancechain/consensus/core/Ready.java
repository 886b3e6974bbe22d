package org.alliancechain.consensus.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.alliancechain.consensus.msg.ConsensusMessage;
import org.alliancechain.core.block.CertifiedBlock;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.core.tx.Transaction;

/**
 * Everything one {@link Replica#step} asks the outside world to do, in this order: save {@code
 * persist} durably, then send {@code send}, then execute {@code commit} in order (etcd raft's
 * Ready: state must be saved before messages are sent).
 *
 * @param commit committed blocks, contiguous by height, each with its commit certificate
 * @param gossip transactions this replica created (evidence) for every validator's mempool
 * @param penalize peers that sent too many invalid messages
 * @param timers deadlines (in ticks) set during this step, for drivers that sleep between ticks
 */
public record Ready(
    List<PersistRecord> persist,
    List<Outgoing> send,
    List<CertifiedBlock> commit,
    List<Transaction> gossip,
    List<PublicKey> penalize,
    List<Timer> timers) {

  /** A message to one peer, or to every other validator when {@code to} is empty. */
  public record Outgoing(Optional<PublicKey> to, ConsensusMessage message) {}

  /** A timer the replica set, for information: the replica fires it itself on a later tick. */
  public record Timer(String kind, long deadlineTick) {}

  public boolean isEmpty() {
    return persist.isEmpty()
        && send.isEmpty()
        && commit.isEmpty()
        && gossip.isEmpty()
        && penalize.isEmpty();
  }

  /** Collects the effects of one step. */
  static final class Builder {
    final List<PersistRecord> persist = new ArrayList<>();
    final List<Outgoing> send = new ArrayList<>();
    final List<CertifiedBlock> commit = new ArrayList<>();
    final List<Transaction> gossip = new ArrayList<>();
    final List<PublicKey> penalize = new ArrayList<>();
    final List<Timer> timers = new ArrayList<>();

    void broadcast(ConsensusMessage message) {
      send.add(new Outgoing(Optional.empty(), message));
    }

    void sendTo(PublicKey to, ConsensusMessage message) {
      send.add(new Outgoing(Optional.of(to), message));
    }

    /** Persist-then-send: the contract that prevents equivocation after a restart. */
    void signed(ConsensusMessage message, long seq) {
      persist.add(new PersistRecord.Signed(message, seq));
      broadcast(message);
    }

    Ready build() {
      return new Ready(
          List.copyOf(persist),
          List.copyOf(send),
          List.copyOf(commit),
          List.copyOf(gossip),
          List.copyOf(penalize),
          List.copyOf(timers));
    }
  }
}
