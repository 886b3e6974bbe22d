package org.alliancechain.core.store;

import java.util.ArrayList;
import java.util.List;
import org.alliancechain.core.Bytes;

/**
 * Writes to the consensus area that must land together (for example a vote and the view it was cast
 * in), applied atomically and synced by {@link ConsensusArea#write}. A plain value: building one
 * touches no disk.
 */
public final class ConsensusBatch {
  /** One write of a batch. */
  public sealed interface Op {}

  public record Put(Bytes key, Bytes value) implements Op {}

  public record Delete(Bytes key) implements Op {}

  /** Deletes keys from {@code fromInclusive} up to {@code toExclusive} (log truncation). */
  public record DeleteRange(Bytes fromInclusive, Bytes toExclusive) implements Op {}

  private final List<Op> ops = new ArrayList<>();

  public ConsensusBatch put(Bytes key, Bytes value) {
    ConsensusArea.checkKey(key);
    ConsensusArea.checkValue(value);
    ops.add(new Put(key, value));
    return this;
  }

  public ConsensusBatch delete(Bytes key) {
    ConsensusArea.checkKey(key);
    ops.add(new Delete(key));
    return this;
  }

  public ConsensusBatch deleteRange(Bytes fromInclusive, Bytes toExclusive) {
    ConsensusArea.checkKey(fromInclusive);
    ConsensusArea.checkKey(toExclusive);
    ops.add(new DeleteRange(fromInclusive, toExclusive));
    return this;
  }

  public List<Op> ops() {
    return List.copyOf(ops);
  }

  public boolean isEmpty() {
    return ops.isEmpty();
  }
}
