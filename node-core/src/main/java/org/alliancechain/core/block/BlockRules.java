package org.alliancechain.core.block;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.alliancechain.core.Verdict;
import org.alliancechain.core.hash.Hash;
import org.alliancechain.core.tx.Transaction;
import org.alliancechain.core.tx.TxRules;

/**
 * Pure validity rules for a block against its parent (SPEC M-26), each returning a {@link Verdict}
 * with a reason. Nothing here reads a clock: a validator passes its local time in. Cheap checks
 * come first; signatures last.
 *
 * <p>Which rules apply when:
 *
 * <ul>
 *   <li>a fresh proposal (PBFT pre-prepare): {@link #checkProposal}, which bounds the proposer's
 *       timestamp by the validator's clock;
 *   <li>a block re-proposed after a view change, or a certified block received from a peer (sync):
 *       {@link #checkCertified} or {@link #checkChild} plus the body checks, without the clock
 *       bound, since a quorum already judged its time and an old block is legitimately old.
 * </ul>
 *
 * <p>Reasons: {@code wrong_chain_id}, {@code bad_height}, {@code bad_previous_hash}, {@code
 * view_regressed}, {@code executed_height_regressed}, {@code executed_root_changed}, {@code
 * timestamp_not_increasing}, {@code timestamp_too_far_ahead}, {@code timestamp_too_old}, {@code
 * validator_set_mismatch}, {@code proposer_not_validator}, {@code tx_count_mismatch}, {@code
 * tx_root_mismatch}, {@code duplicate_tx}, {@code tx_<reason of TxRules>}, and the certificate's
 * reasons ({@link CommitCertificate#verify}).
 */
public final class BlockRules {
  /** How far a proposed timestamp may run ahead of the validator's clock (skew allowance). */
  public static final long TIMESTAMP_AHEAD_MILLIS_MAX = 5_000;

  /** How far a fresh proposal's timestamp may lag the validator's clock (skew plus delivery). */
  public static final long TIMESTAMP_BEHIND_MILLIS_MAX = 30_000;

  private BlockRules() {}

  /** The header links to its parent: same chain, next height, parent's hash, monotone fields. */
  public static Verdict checkChild(BlockHeader header, BlockHeader parent) {
    if (!header.chainId().equals(parent.chainId())) {
      return Verdict.reject("wrong_chain_id", header.chainId() + " after " + parent.chainId());
    }
    if (header.height() != parent.height() + 1) {
      return Verdict.reject(
          "bad_height", "height " + header.height() + " after parent " + parent.height());
    }
    if (!header.previousHash().equals(parent.hash())) {
      return Verdict.reject("bad_previous_hash", "previous hash is not the parent's hash");
    }
    if (header.view() < parent.view()) {
      return Verdict.reject("view_regressed", "view " + header.view() + " < " + parent.view());
    }
    return checkExecutedAndTime(header, parent);
  }

  private static Verdict checkExecutedAndTime(BlockHeader header, BlockHeader parent) {
    // The constructor already holds executedHeight < height; here: never behind the parent.
    if (header.executedHeight() < parent.executedHeight()) {
      return Verdict.reject(
          "executed_height_regressed",
          header.executedHeight() + " after parent's " + parent.executedHeight());
    }
    if (header.executedHeight() == parent.executedHeight()
        && !header.executedStateRoot().equals(parent.executedStateRoot())) {
      return Verdict.reject("executed_root_changed", "same executed height, different state root");
    }
    if (header.timestampMillis() <= parent.timestampMillis()) {
      return Verdict.reject(
          "timestamp_not_increasing",
          header.timestampMillis() + " ms after parent's " + parent.timestampMillis());
    }
    return Verdict.ok();
  }

  /** The proposer's timestamp is within the given bounds of the validator's local time. */
  public static Verdict checkTimestamp(
      BlockHeader header, long localTimeMillis, long aheadMillisMax, long behindMillisMax) {
    if (localTimeMillis < 0 || aheadMillisMax < 0 || behindMillisMax < 0) {
      throw new IllegalArgumentException("times and bounds are non-negative");
    }
    long timestamp = header.timestampMillis();
    // Subtractions cannot overflow: both times are non-negative longs.
    if (timestamp - localTimeMillis > aheadMillisMax) {
      return Verdict.reject(
          "timestamp_too_far_ahead",
          (timestamp - localTimeMillis) + " ms ahead, limit " + aheadMillisMax);
    }
    if (localTimeMillis - timestamp > behindMillisMax) {
      return Verdict.reject(
          "timestamp_too_old",
          (localTimeMillis - timestamp) + " ms behind, limit " + behindMillisMax);
    }
    return Verdict.ok();
  }

  /** The header names the validator set that must certify it, and its proposer is a member. */
  public static Verdict checkValidators(BlockHeader header, ValidatorSet validators) {
    if (!header.validatorSetHash().equals(validators.hash())) {
      return Verdict.reject("validator_set_mismatch", "header names another validator set");
    }
    if (!validators.contains(header.proposer())) {
      return Verdict.reject("proposer_not_validator", "proposer " + header.proposer());
    }
    return Verdict.ok();
  }

  /**
   * Every transaction is admissible on its own (TxRules, with the header's chain id) and appears
   * once. Nonces are the executor's (stateful) business.
   */
  public static Verdict checkTransactions(Block block) {
    List<Transaction> txs = block.transactions();
    Set<Hash> seen = new TreeSet<>();
    for (int i = 0; i < txs.size(); i++) {
      if (!seen.add(txs.get(i).hash())) {
        return Verdict.reject("duplicate_tx", "transaction " + i + " appears earlier");
      }
    }
    for (int i = 0; i < txs.size(); i++) {
      Verdict verdict = TxRules.checkStateless(txs.get(i), block.header().chainId());
      if (!verdict.isOk()) {
        return Verdict.reject("tx_" + verdict.reason(), "transaction " + i + ": " + verdict);
      }
    }
    return Verdict.ok();
  }

  /** A fresh proposal, with the default clock bounds. */
  public static Verdict checkProposal(
      Block block, BlockHeader parent, ValidatorSet validators, long localTimeMillis) {
    return checkProposal(
        block,
        parent,
        validators,
        localTimeMillis,
        TIMESTAMP_AHEAD_MILLIS_MAX,
        TIMESTAMP_BEHIND_MILLIS_MAX);
  }

  public static Verdict checkProposal(
      Block block,
      BlockHeader parent,
      ValidatorSet validators,
      long localTimeMillis,
      long aheadMillisMax,
      long behindMillisMax) {
    BlockHeader header = block.header();
    Verdict verdict = checkChild(header, parent);
    if (verdict.isOk()) {
      verdict = checkTimestamp(header, localTimeMillis, aheadMillisMax, behindMillisMax);
    }
    if (verdict.isOk()) {
      verdict = checkValidators(header, validators);
    }
    if (verdict.isOk()) {
      verdict = block.checkBody();
    }
    return verdict.isOk() ? checkTransactions(block) : verdict;
  }

  /** A committed block from a peer: links to the parent, body, certificate, transactions. */
  public static Verdict checkCertified(
      CertifiedBlock certified, BlockHeader parent, ValidatorSet validators) {
    Verdict verdict = checkChild(certified.block().header(), parent);
    if (verdict.isOk()) {
      verdict = checkValidators(certified.block().header(), validators);
    }
    if (verdict.isOk()) {
      verdict = certified.verify(validators);
    }
    return verdict.isOk() ? checkTransactions(certified.block()) : verdict;
  }
}
