package org.alliancechain.contracts.interp;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.alliancechain.core.Invariants;

/**
 * Integer division of an amount by parts, with no unit created or lost. Each recipient gets
 * floor(total * part / sum(parts)); the remainder (fewer units than recipients) goes one unit each
 * to the recipients in listed order, starting with the first. BigInteger keeps total * part exact.
 */
public final class Split {
  private Split() {}

  public static List<Long> byParts(long total, List<Long> parts) {
    if (total < 0 || parts.isEmpty()) {
      throw new IllegalArgumentException("split needs a non-negative total and parts");
    }
    BigInteger sum = BigInteger.ZERO;
    for (long part : parts) {
      if (part < 1) {
        throw new IllegalArgumentException("parts are positive: " + parts);
      }
      sum = sum.add(BigInteger.valueOf(part));
    }
    List<Long> out = new ArrayList<>(parts.size());
    long given = 0;
    for (long part : parts) {
      long share =
          BigInteger.valueOf(total).multiply(BigInteger.valueOf(part)).divide(sum).longValueExact();
      out.add(share);
      given += share;
    }
    long remainder = total - given;
    Invariants.check(remainder >= 0 && remainder < parts.size(), "split remainder below count");
    for (int i = 0; i < remainder; i++) {
      out.set(i, out.get(i) + 1);
    }
    return List.copyOf(out);
  }

  /** Installment {@code index} of {@code count}: the first (total mod count) get one more unit. */
  public static long installment(long total, int index, int count) {
    return total / count + (index < total % count ? 1 : 0);
  }

  /** Start of installment period {@code index}: start + floor(index * length / count), exactly. */
  public static long periodStart(long start, long end, int index, int count) {
    long length = end - start;
    return start + (length / count) * index + ((length % count) * index) / count;
  }
}
