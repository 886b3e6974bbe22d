package org.alliancechain.token.value;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Splits an integer total by integer weights so that the parts sum to the total exactly (no unit
 * created or lost): the largest-remainder (Hamilton) method. Each entry first gets {@code
 * floor(total * w_i / W)}; the {@code total - Σ floors} leftover units go one each to the entries
 * with the largest remainders {@code (total * w_i) mod W}; ties go to the entry that comes first in
 * the given order (callers pass entries in address order).
 */
public final class Apportion {
  private Apportion() {}

  public static long[] largestRemainder(long total, long[] weights) {
    if (total < 0) {
      throw new IllegalArgumentException("negative total");
    }
    BigInteger sum = BigInteger.ZERO;
    for (long w : weights) {
      if (w < 0) {
        throw new IllegalArgumentException("negative weight");
      }
      sum = sum.add(BigInteger.valueOf(w));
    }
    long[] parts = new long[weights.length];
    if (sum.signum() == 0) {
      return parts;
    }
    BigInteger[] remainders = new BigInteger[weights.length];
    long given = 0;
    for (int i = 0; i < weights.length; i++) {
      BigInteger[] qr =
          BigInteger.valueOf(total)
              .multiply(BigInteger.valueOf(weights[i]))
              .divideAndRemainder(sum);
      parts[i] = qr[0].longValueExact();
      remainders[i] = qr[1];
      given += parts[i];
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < weights.length; i++) {
      order.add(i);
    }
    order.sort(
        Comparator.<Integer, BigInteger>comparing(i -> remainders[i])
            .reversed()
            .thenComparing(Comparator.naturalOrder()));
    long left = total - given;
    for (int k = 0; k < left; k++) {
      parts[order.get(k)]++;
    }
    return parts;
  }
}
