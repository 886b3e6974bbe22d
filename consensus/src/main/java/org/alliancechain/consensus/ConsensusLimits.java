package org.alliancechain.consensus;

import org.alliancechain.core.Invariants;
import org.alliancechain.core.block.Block;
import org.alliancechain.core.block.ValidatorSet;

/** Every limit of the consensus module, in one place, with its unit in its name. */
public final class ConsensusLimits {
  private ConsensusLimits() {}

  /** Encoded size of one consensus message on the wire. */
  public static final int MESSAGE_BYTES_MAX = 64 * 1024 * 1024;

  /** Sequence numbers a replica keeps in its log above the stable checkpoint (high - low). */
  public static final int WINDOW_BLOCKS_MAX = 1_024;

  /** Distinct block bodies remembered per sequence number (an equivocating primary sends two). */
  public static final int BODIES_PER_SLOT_MAX = 4;

  /** Prepared certificates in one view-change (one per sequence number in the window). */
  public static final int PREPARED_CERTIFICATES_MAX = WINDOW_BLOCKS_MAX;

  /** Pre-prepares in one new-view (one per sequence number in the window). */
  public static final int NEW_VIEW_PRE_PREPARES_MAX = WINDOW_BLOCKS_MAX;

  /** Blocks in one sync response. */
  public static final int SYNC_BLOCKS_MAX = 64;

  /** Transactions a replica holds waiting to be proposed. */
  public static final int PENDING_TXS_MAX = 100_000;

  /** Hashes of committed transactions remembered to reject a replayed transaction. */
  public static final int COMMITTED_TX_HASHES_MAX = 200_000;

  /** Future views for which view-change messages are kept. */
  public static final int VIEW_CHANGE_VIEWS_MAX = 16;

  /** Doublings of the view-change timeout (the timeout stops growing after this many). */
  public static final int VIEW_CHANGE_BACKOFF_DOUBLINGS_MAX = 3;

  /** Invalid messages from one peer before the driver is told to penalise it. */
  public static final int INVALID_MESSAGES_BEFORE_PENALTY_MAX = 16;

  /** Offences this replica remembers having reported (so it reports each once). */
  public static final int EVIDENCE_REMEMBERED_MAX = 1_024;

  /** Inputs waiting in the driver's inbox. */
  public static final int DRIVER_INBOX_INPUTS_MAX = 10_000;

  /**
   * A replica that keeps making progress re-sends its proposals once in this many retransmission
   * periods (votes: every period); one that made no progress, every period.
   */
  public static final int PROPOSALS_RESENT_EVERY_PERIODS_MAX = 8;

  /**
   * A replica's own view-change is re-sent after 1, 2, 4, ... retransmission periods, at most this
   * many doublings apart (16 periods: 3.2 s on a node).
   */
  public static final int VIEW_CHANGE_RESEND_DOUBLINGS_MAX = 4;

  /**
   * Transactions carried by the consensus messages waiting in a driver's inbox (proposals, and the
   * blocks inside view-changes and new-views). A proposal that would go over while others wait is
   * dropped like one that finds the inbox full, and retransmission brings it again; view-changes
   * and new-views count but are never dropped for it. Counting messages alone let 10,000 big ones
   * hold about a million decoded transactions (docs/benchmarks.md, session 4).
   */
  public static final int DRIVER_INBOX_TXS_MAX = 100_000;

  static {
    Invariants.check(WINDOW_BLOCKS_MAX > 0, "window is positive");
    Invariants.check(ValidatorSet.SIZE_MAX <= 0xffff, "validator indexes fit a u16");
    Invariants.check(SYNC_BLOCKS_MAX * (long) Block.TRANSACTIONS_MAX > 0, "sync size");
    Invariants.check(PENDING_TXS_MAX <= COMMITTED_TX_HASHES_MAX, "replay memory covers the pool");
  }
}
