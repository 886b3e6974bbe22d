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

  public static ConsensusEngine forNode(Node node) {
    if (!node.self().isValidator()) {
      throw new NodeException(
          "member "
              + node.self().name()
              + " is not a validator; nodes without the alliance role"
              + " cannot follow the chain yet (block sync for followers is not built)");
    }
    return new Validator(node);
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

  private static final class Validator implements ConsensusEngine, Transport, BlockExecutor {
    private final Node node;
    private final Replica replica;
    private final ConsensusDriver driver;
    private final ValidatorSet validators;
    // Written on the driver thread (the only one that touches the replica), read by the API and
    // metrics threads: the replica's own maps are not safe to read from elsewhere.
    private volatile java.util.Map<String, Long> rejectionsSnapshot = java.util.Map.of();
    private volatile long viewSnapshot;
    private volatile long viewChangesSnapshot;
    private volatile String phaseSnapshot = "normal";

    Validator(Node node) {
      this.node = node;
      this.validators = node.genesis().validatorSet();
      RocksStore store = node.store();
      org.alliancechain.consensus.core.ConsensusStore log =
          node.testSwitches().wrap(new AreaConsensusStore(store.consensus()));
      long head = store.head();
      Optional<BlockHeader> headHeader = store.block(head).map(b -> b.block().header());
      Hash headRoot = store.stateRoot(head).orElseThrow();
      RestartState restart = new RestartState(head, headHeader, headRoot, log.load());
      this.replica =
          new Replica(config(node), node.key(), validators, SignatureVerifier.ED25519, restart);
      long tickMillis = node.genesis().parameters().get(Parameter.TICK_MS);
      this.driver =
          new ConsensusDriver(
              replica,
              this,
              log,
              this,
              new Signing(node.genesis().chainId(), node.key()),
              Clock.systemUTC(),
              tickMillis,
              node.self().name());
      node.mux().register(ChannelMux.Channel.CONSENSUS, (sender, bytes) -> driver.onMessage(bytes));
      snapshot();
      registerMetrics(node.metrics());
    }

    private void snapshot() {
      rejectionsSnapshot = java.util.Map.copyOf(replica.rejections());
      viewSnapshot = replica.view();
      viewChangesSnapshot = replica.viewChangesStarted();
      phaseSnapshot = replica.state().name().toLowerCase(java.util.Locale.ROOT);
    }

    private void registerMetrics(org.alliancechain.p2p.metrics.MetricsRegistry metrics) {
      metrics.gauge("alliance_consensus_view", "current PBFT view", () -> viewSnapshot);
      metrics.counterFrom(
          "alliance_consensus_view_changes_total",
          "view changes started",
          () -> viewChangesSnapshot);
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
            () -> rejectionsSnapshot.getOrDefault(reason, 0L),
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
      long view = viewSnapshot;
      PublicKey primary = validators.get((int) (view % validators.size()));
      return new ApiViews.ConsensusStatus(
          true, view, node.memberName(primary), phaseSnapshot, "", viewChangesSnapshot, "");
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
      node.network().send(to, ChannelMux.frame(ChannelMux.Channel.CONSENSUS, message));
    }

    @Override
    public void broadcast(byte[] message) {
      snapshot(); // on the driver thread: the replica just stepped
      node.network().broadcast(ChannelMux.frame(ChannelMux.Channel.CONSENSUS, message));
    }

    @Override
    public void gossip(Transaction tx) {
      var verdict = node.submit(tx);
      LOG.info("submitted evidence transaction {}: {}", tx.hash().shortHex(), verdict);
    }

    @Override
    public void penalize(PublicKey peer) {
      LOG.warn("peer {} keeps sending invalid consensus messages", node.memberName(peer));
    }

    // BlockExecutor

    @Override
    public Executed execute(CertifiedBlock block) {
      long height = block.block().height();
      if (height <= node.store().head()) {
        // Already stored (caught up while this commit was in flight): same chain, same root.
        return new Executed(node.store().stateRoot(height).orElseThrow(), Optional.empty());
      }
      snapshot();
      ExecutionResult result = node.finalizeBlock(block);
      return switch (result) {
        case ExecutionResult.Committed c -> new Executed(c.stateRoot(), Optional.empty());
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
