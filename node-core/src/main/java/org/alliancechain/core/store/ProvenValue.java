package org.alliancechain.core.store;

import java.util.Optional;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.Verdict;
import org.alliancechain.core.hash.Hash;
import org.alliancechain.core.state.StateProof;

/**
 * A state query's answer with its proof (SPEC M-26): the value of a key (or its absence) at a
 * height, the state root of that height, and the proof linking them. A client that trusts the root
 * (from a certified header's {@code executedStateRoot}) checks the answer with {@link #verify}.
 */
public record ProvenValue(
    long height, Hash stateRoot, Bytes key, Optional<Bytes> value, StateProof proof) {
  public Verdict verify() {
    return proof.verify(stateRoot, key, value);
  }
}
