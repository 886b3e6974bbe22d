package org.alliancechain.token;

import java.math.BigInteger;
import org.alliancechain.core.Invariants;

/** Every limit of the token module, with its unit in its name (STYLE.md rule 7). */
public final class TokenLimits {
  private TokenLimits() {}

  /** Member accounts; the gateway has one more. Bounds every loop over accounts. */
  public static final int MEMBERS_MAX = 256;

  public static final int ACCOUNTS_MAX = MEMBERS_MAX + 1;

  /** Token supply cap: with {@link #STAKE_AGE_CAP_BLOCKS_MAX} keeps coin age inside a long. */
  public static final long TOKEN_SUPPLY_MAX = 1_000_000_000_000L;

  public static final long STAKE_AGE_CAP_BLOCKS_MAX = 1_000_000L;

  public static final int CONTRACT_ID_BYTES_MAX = 64;
  public static final int TEXT_BYTES_MAX = 256;
  public static final int PROVIDERS_PER_CONTRACT_MAX = 16;
  public static final int EFFECTS_PER_TX_MAX = 64;
  public static final int EFFECTS_PER_END_BLOCK_MAX = 4096;
  public static final int PENDING_ISSUANCES_PER_BLOCK_MAX = 8192;
  public static final int LIFECYCLE_BODY_BYTES_MAX = 64 * 1024;
  public static final int OPEN_PROPOSALS_MAX = 64;
  public static final int PROFIT_CONTRACTS_MAX = 32;
  public static final int DEFECTS_PER_REPORT_MAX = 256;
  public static final int ANOMALIES_PER_REPORT_MAX = 1024;
  public static final int LIVE_CONTRACTS_MAX = 4096;
  public static final int CONTRACT_METADATA_ENTRIES_MAX = 64;
  public static final int AWARD_PER_MILLE_MAX = 2000;
  public static final long VOTING_PERIOD_BLOCKS_MAX = 100_000L;
  public static final long HOLD_BLOCKS_MAX = 10_000L;
  public static final long SWAP_EXPIRY_BLOCKS_MAX = 1_000_000L;
  public static final long PPM = 1_000_000L;
  public static final long PER_MILLE = 1000L;

  static {
    // Invariant: coin age (tokens x blocks, capped) plus one more block of it fits a long.
    Invariants.check(
        BigInteger.valueOf(TOKEN_SUPPLY_MAX)
                .multiply(BigInteger.valueOf(2 * STAKE_AGE_CAP_BLOCKS_MAX))
                .bitLength()
            < Long.SIZE - 1,
        "coin age bound fits a long");
    Invariants.check(PENDING_ISSUANCES_PER_BLOCK_MAX >= EFFECTS_PER_TX_MAX, "pending >= per tx");
    Invariants.check(ACCOUNTS_MAX == MEMBERS_MAX + 1, "one gateway account");
  }
}
