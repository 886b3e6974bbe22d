package org.alliancechain.config;

import java.math.BigDecimal;

/**
 * Every alliance parameter the spec may set, with its unit, range and default. Values are longs:
 * plain integers, basis points (1/10,000), or fixed point with six decimals ("micros": 0.5 is
 * 500,000) — no floating point reaches consensus or execution. The DAO can change the ones marked
 * governable.
 */
public enum Parameter {
  BATCH_TX_MAX(
      "batch-tx-max", Unit.COUNT, 1, 10_000, 1_000, false, "transactions in a block at most"),
  BATCH_TIMEOUT_MS("batch-timeout-ms", Unit.MILLIS, 1, 10_000, 50, false, "cut a block after this"),
  TICK_MS("tick-ms", Unit.MILLIS, 1, 1_000, 10, false, "one logical tick of consensus"),
  VIEW_CHANGE_TIMEOUT_MS(
      "view-change-timeout-ms", Unit.MILLIS, 100, 600_000, 2_000, false, "primary timeout"),
  CHECKPOINT_INTERVAL_BLOCKS(
      "checkpoint-interval-blocks", Unit.COUNT, 1, 100_000, 100, false, "K of PBFT checkpoints"),
  EPOCH_LENGTH_BLOCKS(
      "epoch-length-blocks", Unit.COUNT, 1, 1_000_000, 100, false, "validator changes happen here"),
  BLOCK_TIME_DRIFT_MAX_MS(
      "block-time-drift-max-ms", Unit.MILLIS, 0, 600_000, 5_000, false, "proposer clock bound"),
  TRUST_ALPHA("trust-alpha", Unit.MICROS, 0, 1_000_000, 1_000_000, true, "alpha of eq. (2)"),
  TRUST_BETA("trust-beta", Unit.MICROS, 0, 1_000_000, 500_000, true, "beta of eq. (2)"),
  TRUST_GAMMA("trust-gamma", Unit.MICROS, 0, 1_000_000, 300_000, true, "gamma of eq. (2)"),
  TRUST_THRESHOLD(
      "trust-threshold",
      Unit.MICROS,
      -1_000_000,
      1_000_000,
      400_000,
      true,
      "accept T(i,j) >= this"),
  REWARD_STANDARD_TOKENS(
      "reward-standard-tokens", Unit.COUNT, 0, 1_000_000_000, 100, true, "per contribution (M-19)"),
  BONUS_ACTIVE_SHARING_TOKENS(
      "bonus-active-sharing-tokens", Unit.COUNT, 0, 1_000_000_000, 10, true, "active sharer bonus"),
  BONUS_ACTIVE_SHARING_MIN_CONTRIBUTIONS(
      "bonus-active-sharing-min-contributions",
      Unit.COUNT,
      1,
      1_000_000,
      3,
      true,
      "contributions that make a member an active sharer"),
  DAO_VOTING_PERIOD_BLOCKS(
      "dao-voting-period-blocks", Unit.COUNT, 1, 1_000_000, 20, true, "voting period (M-23)"),
  DAO_QUORUM_BPS("dao-quorum-bps", Unit.BPS, 0, 10_000, 5_000, true, "weight that must vote"),
  DAO_PASS_THRESHOLD_BPS(
      "dao-pass-threshold-bps", Unit.BPS, 5_000, 10_000, 5_000, true, "yes share needed to pass"),
  COMMITTEE_HOLD_BLOCKS_MAX(
      "committee-hold-blocks-max", Unit.COUNT, 0, 1_000_000, 10, true, "review hold bound (M-24)"),
  AMELIORATION_INTERVAL_BLOCKS(
      "amelioration-interval-blocks", Unit.COUNT, 1, 1_000_000, 50, true, "report interval (M-25)"),
  REDEMPTION_RATE_MONEY_PER_TOKEN(
      "redemption-rate-money-per-token",
      Unit.COUNT,
      0,
      1_000_000_000,
      100,
      true,
      "gateway redemption, money minor units per token (M-22)"),
  LFT_ACK_TIMEOUT_MS(
      "lft-ack-timeout-ms", Unit.MILLIS, 10, 60_000, 500, false, "LFT child timeout"),
  TFT_OPEN_DEADLINE_MS(
      "tft-open-deadline-ms", Unit.MILLIS, 10, 3_600_000, 5_000, true, "TFT fallback (M-7)");

  /** How a value is written in the spec file. */
  public enum Unit {
    COUNT,
    MILLIS,
    BPS,
    MICROS
  }

  private final String specName;
  private final Unit unit;
  private final long min;
  private final long max;
  private final long defaultValue;
  private final boolean governable;
  private final String description;

  Parameter(
      String specName,
      Unit unit,
      long min,
      long max,
      long defaultValue,
      boolean governable,
      String description) {
    this.specName = specName;
    this.unit = unit;
    this.min = min;
    this.max = max;
    this.defaultValue = defaultValue;
    this.governable = governable;
    this.description = description;
  }

  public String specName() {
    return specName;
  }

  public Unit unit() {
    return unit;
  }

  public long min() {
    return min;
  }

  public long max() {
    return max;
  }

  public long defaultValue() {
    return defaultValue;
  }

  public boolean governable() {
    return governable;
  }

  public String description() {
    return description;
  }

  public static java.util.Optional<Parameter> bySpecName(String name) {
    for (Parameter p : values()) {
      if (p.specName.equals(name)) {
        return java.util.Optional.of(p);
      }
    }
    return java.util.Optional.empty();
  }

  /**
   * Parses a spec value: an integer, or for {@link Unit#MICROS} a decimal with up to six places.
   *
   * @throws IllegalArgumentException saying what was expected
   */
  public long parse(String text) {
    long value;
    try {
      BigDecimal decimal = new BigDecimal(text.trim());
      if (unit == Unit.MICROS) {
        decimal = decimal.movePointRight(6);
      }
      value = decimal.longValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException(
          unit == Unit.MICROS
              ? "expected a decimal with at most 6 places, got '" + text + "'"
              : "expected a whole number, got '" + text + "'",
          e);
    }
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          "must be between " + format(min) + " and " + format(max) + ", got " + text);
    }
    return value;
  }

  /** The spec form of a value (inverse of {@link #parse}). */
  public String format(long value) {
    if (unit != Unit.MICROS) {
      return Long.toString(value);
    }
    return BigDecimal.valueOf(value, 6).stripTrailingZeros().toPlainString();
  }
}
