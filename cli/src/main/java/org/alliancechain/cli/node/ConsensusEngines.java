package org.alliancechain.cli.node;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.alliancechain.config.Parameter;
import org.alliancechain.config.Parameters;
import org.alliancechain.consensus.core.ConsensusConfig;
import org.alliancechain.consensus.core.Replica;
import org.alliancechain.consensus.core.RestartState;
import org.alliancechain.consensus.driver.BlockExecutor;
import org.alliancechain.consensus.driver.ConsensusDriver;
import org.alliancechain.consensus.driver.Transport;
import org.alliancechain.consensus.msg.SignatureVerifier;
import org.alliancechain.consensus.msg.Signing;
import org.alliancechain.consensus.store.AreaConsensusStore;
import org.alliancechain.core.block.BlockHeader;
import org.alliancechain.core.block.CertifiedBlock;
import org.alliancechain.core.block.ValidatorSet;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.core.exec.ExecutionResult;
import org.alliancechain.core.hash.Hash;
import org.alliancechain.core.store.RocksStore;
import org.alliancechain.core.tx.Transaction;
import org.alliancechain.p2p.ChannelMux;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Binds the consensus driver to a node: its peer links, its executor and its store. */
public final class ConsensusEngines {
  private static final Logger LOG = LoggerFactory.getLogger(ConsensusEngines.class);

  /** Blocks the primary proposes beyond the last committed one (pipelining). */
  public static final int IN_FLIGHT_BLOCKS = 4;

  private ConsensusEngines() {}

  /**
   * A validator runs the PBFT replica; a follower (a member without the alliance role) runs the
   * same replica, which signs nothing for a key outside the validator set: it certifies blocks from
   * the validators' commit votes, fetches the rest by block sync, and verifies every certificate.
   */
  public static ConsensusEngine forNode(Node node) {
    return new Validator(node, ByzantineMode.fromProperties(System.getProperties()));
  }

  /** The protocol parameters every validator derives alike from the genesis. */
  static ConsensusConfig config(Node node) {
    Parameters p = node.genesis().parameters();
    long tick = p.get(Parameter.TICK_MS);
    int k = (int) p.get(Parameter.CHECKPOINT_INTERVAL_BLOCKS);
    RocksStore store = node.store();
    return new ConsensusConfig(
        node.genesis().chainId(),
        node.genesis().hash(),
        store.stateRoot(0).orElseThrow(),
        node.genesis().genesisTimeMillis(),
        k,
        2 * k,
        IN_FLIGHT_BLOCKS,
        (int) p.get(Parameter.BATCH_TX_MAX),
        (int) Math.max(1, p.get(Parameter.BATCH_TIMEOUT_MS) / tick),
        (int) Math.max(2, p.get(Parameter.VIEW_CHANGE_TIMEOUT_MS) / tick),
        (int) Math.max(1, 200 / tick),
        p.get(Parameter.BLOCK_TIME_DRIFT_MAX_MS),
        (int) p.get(Parameter.EPOCH_LENGTH_BLOCKS),
        Set.of());
  }

  static final class Validator implements ConsensusEngine, Transport, BlockExecutor {
    private final java.util.concurrent.atomic.AtomicLong tooLarge =
        new java.util.concurrent.atomic.AtomicLong();
    private final Node node;
    private final Replica replica;
    private final ConsensusDriver driver;
    private final ConsensusEdge edge;
    // the replica's current set, refreshed with the other snapshots (it changes at epoch
    // boundaries)
    private volatile ValidatorSet validators;
    // Written on the driver thread (the only one that touches the replica), read by the API and
    // metrics threads: the replica's own maps are not safe to read from elsewhere.
    private volatile java.util.Map<String, Long> rejectionsSnapshot = java.util.Map.of();
    private volatile long viewSnapshot;
    private volatile long viewChangesSnapshot;
    private volatile String phaseSnapshot = "normal";
    private volatile org.alliancechain.consensus.core.Stall stallSnapshot =
        new org.alliancechain.consensus.core.Stall("starting", java.util.List.of());
    private volatile String lastViewChangeSnapshot = "";
    private volatile String recoveringSnapshot = "";
    private volatile java.util.Map<PublicKey, org.alliancechain.consensus.core.Stall.PeerProgress>
        progressSnapshot = java.util.Map.of();
    private long ticks; // driver thread only

    Validator(Node node, Optional<ByzantineMode> byzantine) {
      this.node = node;
      RocksStore store = node.store();
      org.alliancechain.consensus.core.ConsensusStore log =
          node.testSwitches().wrap(new AreaConsensusStore(store.consensus()));
      long head = store.head();
      // SPEC M-3: the set in force at the next height and the changes scheduled after it, from the
      // committed ledger (the one source; a restarted node resumes between a decision and its
      // activation with both).
      this.validators = node.validatorsAt(head + 1);
      Optional<BlockHeader> headHeader = store.block(head).map(b -> b.block().header());
      Hash headRoot = store.stateRoot(head).orElseThrow();
      // An empty log may be a wiped data folder: the replica recovers before it votes.
      RestartState restart = new RestartState(head, headHeader, headRoot, log.load(), true);
      SignatureVerifier verifier = new SignatureMemo(node.intake()::verifyProposal);
      this.replica =
          new Replica(
              config(node),
              node.key(),
              validators,
              verifier,
              restart,
              new NodeTxPool(node.mempool(), hash -> store.transaction(hash).isPresent()));
      node.validatorSchedule().pendingAfter(head + 1).forEach(replica::restoreScheduledChange);
      long tickMillis = node.genesis().parameters().get(Parameter.TICK_MS);
      Signing signing = new Signing(node.genesis().chainId(), node.key());
      Transport transport =
          byzantine.isPresent()
              ? new ByzantineTransport(this, node, signing, byzantine.get())
              : this;
      this.driver =
          new ConsensusDriver(
              replica,
              transport,
              log,
              this,
              signing,
              Clock.systemUTC(),
              tickMillis,
              node.self().name());
      this.edge =
          new ConsensusEdge(node.genesis().chainId(), verifier, node.network(), driver::onMessage);
      node.mux().register(ChannelMux.Channel.CONSENSUS, edge);
      driver.afterEveryTick(this::snapshotNowAndThen);
      snapshot();
      registerMetrics(node.metrics());
    }

    void snapshot() {
      rejectionsSnapshot = java.util.Map.copyOf(replica.rejections());
      validators = replica.validators();
      viewSnapshot = replica.view();
      viewChangesSnapshot = replica.viewChangesStarted();
      phaseSnapshot = replica.state().name().toLowerCase(java.util.Locale.ROOT);
      stallSnapshot = replica.stall();
      lastViewChangeSnapshot = replica.lastViewChange();
      recoveringSnapshot = replica.recovering().orElse("");
      progressSnapshot = java.util.Map.copyOf(replica.peerProgress());
    }

    // Every tenth tick is often enough for an operator and cheap at any load.
    private void snapshotNowAndThen() {
      if (ticks++ % 10 == 0) {
        snapshot();
      }
    }

    private void registerMetrics(org.alliancechain.p2p.metrics.MetricsRegistry metrics) {
      metrics.gauge("alliance_consensus_view", "current PBFT view", () -> viewSnapshot);
      metrics.gauge(
          "alliance_consensus_recovering",
          "1 while a validator that lost its consensus log may not vote",
          () -> recoveringSnapshot.isEmpty() ? 0 : 1);
      metrics.counterFrom(
          "alliance_consensus_messages_too_large_total",
          "consensus messages dropped because they exceed the peer links' frame limit",
          tooLarge::get);
      metrics.counterFrom(
          "alliance_consensus_view_changes_total",
          "view changes started",
          () -> viewChangesSnapshot);
      metrics.counterFrom(
          "alliance_consensus_ticks_skipped_total",
          "timer ticks not delivered because the consensus thread was busy (executing blocks)",
          driver::skippedTicks);
      for (java.lang.reflect.Field field :
          org.alliancechain.consensus.msg.Reason.class.getFields()) {
        if (field.getType() != String.class) {
          continue;
        }
        String reason;
        try {
          reason = (String) field.get(null);
        } catch (IllegalAccessException e) {
          throw new AssertionError("Reason constants are public", e);
        }
        metrics.counterFrom(
            "alliance_consensus_invalid_messages_total",
            "consensus messages rejected, by reason",
            // The edge's refusals never reach the replica: one family, two sources.
            () -> rejectionsSnapshot.getOrDefault(reason, 0L) + edge.rejectedCount(reason),
            "reason",
            reason);
      }
    }

    @Override
    public void start() {
      driver.start();
    }

    @Override
    public void submit(Transaction tx) {
      driver.submit(tx);
    }

    @Override
    public ApiViews.ConsensusStatus status() {
      return StallReport.status(
          node,
          validators,
          viewSnapshot,
          phaseSnapshot,
          viewChangesSnapshot,
          lastViewChangeSnapshot,
          stallSnapshot,
          recoveringSnapshot,
          progressSnapshot);
    }

    @Override
    public void close() {
      try {
        driver.stop();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    // Transport

    @Override
    public void send(PublicKey to, byte[] message) {
      noteTooLarge(
          node.network().send(to, ChannelMux.frame(ChannelMux.Channel.CONSENSUS, message)),
          message);
    }

    @Override
    public void broadcast(byte[] message) {
      snapshot(); // on the driver thread: the replica just stepped
      var results =
          node.network().broadcast(ChannelMux.frame(ChannelMux.Channel.CONSENSUS, message));
      if (results.containsValue(org.alliancechain.p2p.SendResult.TOO_LARGE)) {
        noteTooLarge(org.alliancechain.p2p.SendResult.TOO_LARGE, message);
      }
    }

    /**
     * A consensus message larger than a link frame is dropped by the link: a view-change or
     * new-view carries whole blocks and can outgrow it, and then the view change cannot complete
     * (docs/benchmarks.md, session 4). Counted and logged, so an operator sees why.
     */
    private void noteTooLarge(org.alliancechain.p2p.SendResult result, byte[] message) {
      if (result != org.alliancechain.p2p.SendResult.TOO_LARGE) {
        return;
      }
      long n = tooLarge.incrementAndGet();
      if (Long.bitCount(n) == 1) { // 1st, 2nd, 4th, 8th ...: visible, never a flood
        LOG.warn(
            "consensus message of {} bytes is over the peer links' frame limit and was dropped"
                + " ({} so far); a view change carrying it cannot complete",
            message.length,
            n);
      }
    }

    @Override
    public void gossip(Transaction tx) {
      var verdict = node.submit(tx);
      LOG.info("submitted evidence transaction {}: {}", tx.hash().shortHex(), verdict);
    }

    @Override
    public void penalize(PublicKey peer) {
      // The replica names a proven signer: every message it judges passed the edge's check.
      LOG.warn("peer {} keeps sending invalid consensus messages", node.memberName(peer));
      node.network().penalize(peer, org.alliancechain.p2p.Penalty.REPEATED_INVALID);
    }

    // BlockExecutor

    @Override
    public Executed execute(CertifiedBlock block) {
      long height = block.block().height();
      if (height <= node.store().head()) {
        // Already stored (caught up while this commit was in flight): same chain, same root.
        return new Executed(
            node.store().stateRoot(height).orElseThrow(),
            node.validatorSchedule().decidedAt(height));
      }
      snapshot();
      ExecutionResult result = node.finalizeBlock(block);
      return switch (result) {
        case ExecutionResult.Committed c ->
            // the change the DAO decided in this block, with the activation height the ledger
            // computed; the replica schedules it as it is
            new Executed(c.stateRoot(), node.validatorSchedule().decidedAt(height));
        case ExecutionResult.Rejected r ->
            throw new AssertionError(
                "consensus committed block "
                    + height
                    + " that the executor rejects: "
                    + r.verdict());
      };
    }

    @Override
    public Optional<CertifiedBlock> load(long height) {
      return node.store().block(height);
    }
  }
}
