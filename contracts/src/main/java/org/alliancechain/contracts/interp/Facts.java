package org.alliancechain.contracts.interp;

import java.util.Collections;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The read-only view of the ledger the interpreter may look at, and nothing else: which parties (by
 * address) signed, which installment periods the receiver's node verified (period 0 is the whole
 * sharing when there is one installment), the shared resource's metadata (integers: minor units or
 * block-time seconds), and the block. Block time is the only clock.
 */
public record Facts(
    SortedSet<String> signed,
    SortedSet<Integer> verifiedPeriods,
    SortedMap<String, Long> metadata,
    long blockHeight,
    long blockTimeSeconds) {

  public Facts {
    signed = Collections.unmodifiableSortedSet(new TreeSet<>(signed));
    verifiedPeriods = Collections.unmodifiableSortedSet(new TreeSet<>(verifiedPeriods));
    metadata = Collections.unmodifiableSortedMap(new TreeMap<>(metadata));
  }

  public Facts at(long height, long timeSeconds) {
    return new Facts(signed, verifiedPeriods, metadata, height, timeSeconds);
  }
}
