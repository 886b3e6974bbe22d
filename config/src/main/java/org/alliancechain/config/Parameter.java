package org.alliancechain.config;

import java.math.BigDecimal;

/**
 * Every alliance parameter the spec may set, with its unit, range and default. Values are longs:
 * plain integers, basis points (1/10,000), or fixed point with six decimals ("micros": 0.5 is
 * 500,000) — no floating point reaches consensus or execution. The DAO can change the ones marked
 * governable.
 */
public enum Parameter {
  // Node and consensus parameters (not part of the ledger's state; fixed at genesis).
  BATCH_TX_MAX(
      "batch-tx-max", Unit.COUNT, 1, 10_000, 1_000, false, "transactions in a block at most"),
  BATCH_TIMEOUT_MS("batch-timeout-ms", Unit.MILLIS, 1, 10_000, 50, false, "cut a block after this"),
  TICK_MS("tick-ms", Unit.MILLIS, 1, 1_000, 10, false, "one logical tick of consensus"),
  VIEW_CHANGE_TIMEOUT_MS(
      "view-change-timeout-ms", Unit.MILLIS, 100, 600_000, 2_000, false, "primary timeout"),
  CHECKPOINT_INTERVAL_BLOCKS(
      "checkpoint-interval-blocks", Unit.COUNT, 1, 100_000, 50, false, "K of PBFT checkpoints"),
  BLOCK_TIME_DRIFT_MAX_MS(
      "block-time-drift-max-ms", Unit.MILLIS, 0, 600_000, 5_000, false, "proposer clock bound"),
  LFT_ACK_TIMEOUT_MS(
      "lft-ack-timeout-ms", Unit.MILLIS, 10, 60_000, 500, false, "LFT child timeout"),
  TFT_OPEN_DEADLINE_MS(
      "tft-open-deadline-ms", Unit.MILLIS, 10, 3_600_000, 5_000, false, "TFT fallback (M-7)"),
  FOUNDING_TOKENS(
      "founding-tokens",
      Unit.COUNT,
      0,
      1_000_000_000,
      0,
      false,
      "tokens each founding member holds at genesis, so the DAO can vote before any is issued (M-23)"),
  // Ledger parameters: the token application's ParamId set, same defaults and ranges (a test in
  // cli keeps them equal); the DAO changes them after genesis (SPEC M-23).
  REWARD_STANDARD_TOKENS(
      "reward-standard-tokens", Unit.COUNT, 1, 1_000_000_000, 100, true, "per contribution (M-19)"),
  BONUS_EVERY_CONTRIBUTIONS(
      "bonus-every-contributions",
      Unit.COUNT,
      0,
      1_000_000,
      5,
      true,
      "every this many verified contributions earn a bonus, 0 = none (M-19)"),
  BONUS_TOKENS("bonus-tokens", Unit.COUNT, 0, 1_000_000_000, 50, true, "the bonus (M-19)"),
  TRUST_ALPHA("trust-alpha", Unit.MICROS, 0, 10_000_000, 1_000_000, true, "alpha of eq. (2)"),
  TRUST_BETA("trust-beta", Unit.MICROS, 0, 1_000_000, 600_000, true, "beta of eq. (2)"),
  TRUST_GAMMA("trust-gamma", Unit.MICROS, 0, 10_000_000, 200_000, true, "gamma of eq. (2)"),
  TRUST_THRESHOLD(
      "trust-threshold", Unit.MICROS, 0, 10_000_000, 500_000, true, "accept T(i,j) >= this (M-7)"),
  SHARING_REWARD_MIN_TOKENS(
      "sharing-reward-min-tokens",
      Unit.COUNT,
      0,
      1_000_000_000,
      1,
      true,
      "a request offers at least this reward"),
  SHARING_DEADLINE_MAX_SECONDS(
      "sharing-deadline-max-seconds",
      Unit.COUNT,
      1,
      1_000_000_000,
      2_592_000,
      true,
      "a request's deadline is at most this far after it is made (block time)"),
  REDEMPTION_MONEY_PER_TOKEN(
      "redemption-money-per-token",
      Unit.COUNT,
      0,
      1_000_000_000,
      100,
      true,
      "gateway redemption rate, money minor units per token, 0 = closed (M-22)"),
  DAO_QUORUM(
      "dao-quorum", Unit.MICROS, 0, 1_000_000, 400_000, true, "share of weight that must vote"),
  DAO_PASS("dao-pass", Unit.MICROS, 0, 999_999, 500_000, true, "yes share above which it passes"),
  DAO_VOTING_PERIOD_BLOCKS(
      "dao-voting-period-blocks", Unit.COUNT, 1, 100_000, 20, true, "voting period (M-23)"),
  COMMITTEE_HOLD_BLOCKS(
      "committee-hold-blocks", Unit.COUNT, 1, 10_000, 10, true, "review hold of a proposal (M-24)"),
  AMELIORATION_INTERVAL_BLOCKS(
      "amelioration-interval-blocks",
      Unit.COUNT,
      0,
      1_000_000,
      50,
      true,
      "a report every this many blocks, 0 = never (M-25)"),
  ANOMALY_MAD_K("anomaly-mad-k", Unit.COUNT, 1, 1_000, 3, true, "outlier: beyond median + k MAD"),
  CANCELLATIONS_MAX(
      "cancellations-max", Unit.COUNT, 1, 1_000_000, 3, true, "repeated cancellations flagged"),
  CIRCULAR_EDGES_MIN(
      "circular-edges-min", Unit.COUNT, 1, 1_000_000, 3, true, "circular sharing flagged"),
  STAKE_AGE_CAP_BLOCKS(
      "stake-age-cap-blocks",
      Unit.COUNT,
      1,
      1_000_000,
      1_000,
      true,
      "holding time after which a token weighs double in stake (M-21)"),
  EPOCH_LENGTH_BLOCKS(
      "epoch-length-blocks", Unit.COUNT, 1, 1_000_000, 100, true, "validator changes happen here");

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
