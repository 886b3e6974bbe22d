package org.alliancechain.token.state;

import java.util.Optional;
import org.alliancechain.token.TokenLimits;

/**
 * The alliance parameters the DAO can change (SPEC M-23), each with a stable wire code, a default
 * and an inclusive range. Fixed-point values are in parts per million ({@code _PPM}).
 */
public enum ParamId {
  /** M-19: tokens for every verified contribution under a standardized contract. */
  REWARD_STANDARD_TOKENS(1, 100, 1, 1_000_000_000L),
  /** M-19 bonus rule: every this many verified contributions earn a bonus (0 = no bonus). */
  BONUS_EVERY_CONTRIBUTIONS(2, 5, 0, 1_000_000L),
  BONUS_TOKENS(3, 50, 0, 1_000_000_000L),
  /** M-9 trust formula coefficients and acceptance threshold, read by the contracts module. */
  TRUST_ALPHA_PPM(4, 1_000_000, 0, 10 * TokenLimits.PPM),
  TRUST_BETA_PPM(5, 600_000, 0, TokenLimits.PPM),
  TRUST_GAMMA_PPM(6, 200_000, 0, 10 * TokenLimits.PPM),
  TRUST_THRESHOLD_PPM(7, 500_000, 0, 10 * TokenLimits.PPM),
  /** Sharing requirements: a request offers at least this reward, its deadline within this. */
  SHARING_REWARD_MIN_TOKENS(8, 1, 0, 1_000_000_000L),
  SHARING_DEADLINE_MAX_SECONDS(9, 2_592_000, 1, 1_000_000_000L),
  /** M-22: money minor units paid by the gateway per redeemed token (0 = redemption closed). */
  REDEMPTION_MONEY_PER_TOKEN(10, 100, 0, 1_000_000_000L),
  DAO_QUORUM_PPM(11, 400_000, 0, TokenLimits.PPM),
  DAO_PASS_PPM(12, 500_000, 0, TokenLimits.PPM - 1),
  DAO_VOTING_PERIOD_BLOCKS(13, 20, 1, TokenLimits.VOTING_PERIOD_BLOCKS_MAX),
  /** M-24: how long a committee hold delays a proposal's close. */
  COMMITTEE_HOLD_BLOCKS(14, 10, 1, TokenLimits.HOLD_BLOCKS_MAX),
  /** M-25: a report every this many blocks (0 = never). */
  AMELIORATION_INTERVAL_BLOCKS(15, 50, 0, 1_000_000L),
  ANOMALY_MAD_K(16, 3, 1, 1000),
  CANCELLATIONS_MAX(17, 3, 1, 1_000_000L),
  CIRCULAR_EDGES_MIN(18, 3, 1, 1_000_000L),
  /** M-21: holding time after which a token weighs double in stake. */
  STAKE_AGE_CAP_BLOCKS(19, 1000, 1, TokenLimits.STAKE_AGE_CAP_BLOCKS_MAX),
  /** M-3: validator changes take effect at multiples of this height. */
  EPOCH_LENGTH_BLOCKS(20, 100, 1, 1_000_000L),
  /**
   * M-3: the consensus checkpoint interval K, fixed at genesis (the DAO cannot change it): the
   * window of 2K blocks is part of the validator-change rule ({@code ValidatorChange}).
   */
  CHECKPOINT_INTERVAL_BLOCKS(21, 50, 1, 100_000L);

  private final int code;
  private final long defaultValue;
  private final long min;
  private final long max;

  ParamId(int code, long defaultValue, long min, long max) {
    this.code = code;
    this.defaultValue = defaultValue;
    this.min = min;
    this.max = max;
  }

  public int code() {
    return code;
  }

  public long defaultValue() {
    return defaultValue;
  }

  public boolean accepts(long value) {
    return value >= min && value <= max;
  }

  public String range() {
    return "[" + min + ", " + max + "]";
  }

  public static Optional<ParamId> fromCode(int code) {
    for (ParamId id : values()) {
      if (id.code == code) {
        return Optional.of(id);
      }
    }
    return Optional.empty();
  }
}
