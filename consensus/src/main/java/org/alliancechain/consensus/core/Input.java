package org.alliancechain.consensus.core;

import java.util.Optional;
import org.alliancechain.consensus.msg.ConsensusMessage;
import org.alliancechain.core.block.ValidatorChange;
import org.alliancechain.core.hash.Hash;
import org.alliancechain.core.tx.Transaction;

/** One event for {@link Replica#step}. Time only enters through {@link Tick}. */
public sealed interface Input {

  /** One logical tick passed; {@code timeMillis} is this node's time, used only for block time. */
  record Tick(long timeMillis) implements Input {}

  /** A message arrived from a peer (already decoded; validation is the replica's job). */
  record Receive(ConsensusMessage message) implements Input {}

  /** A transaction for the mempool (signature and chain id are checked by the replica). */
  record SubmitTx(Transaction tx) implements Input {}

  /**
   * The executor finished block {@code height}: its hash, the state root after it, and the
   * validator-set change the application decided in it, if any, with the activation height the
   * ledger computed (the port for SPEC M-3 changes; the replica does not recompute it).
   */
  record BlockExecuted(
      long height, Hash blockHash, Hash stateRoot, Optional<ValidatorChange> nextValidators)
      implements Input {}
}
