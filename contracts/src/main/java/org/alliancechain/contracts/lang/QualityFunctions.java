package org.alliancechain.contracts.lang;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The quality rules the interpreter can judge on its own (paper: "the amount of money, the
 * collecting time of information, the book and market value of assets, the potential value of
 * patents"). Each reads the resource metadata entry of the same name. Any other function name is
 * valid syntax but escalates to the committee when evaluated.
 */
public final class QualityFunctions {
  private QualityFunctions() {}

  /** How a metadata value is compared with the rule's bound. */
  public enum Comparison {
    /** {@code f (above_amount)}: holds when metadata[f] is strictly greater than the bound. */
    ABOVE,
    /** {@code f (before_time)}: holds when metadata[f] is strictly less than the bound. */
    BEFORE
  }

  private static final Map<String, Comparison> KNOWN = new TreeMap<>();

  static {
    KNOWN.put("money_amount", Comparison.ABOVE);
    KNOWN.put("patent_value", Comparison.ABOVE);
    KNOWN.put("book_value", Comparison.ABOVE);
    KNOWN.put("market_value", Comparison.ABOVE);
    KNOWN.put("information_collection", Comparison.BEFORE);
  }

  public static Optional<Comparison> comparison(String function) {
    return Optional.ofNullable(KNOWN.get(function));
  }
}
