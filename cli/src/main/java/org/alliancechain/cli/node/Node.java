package org.alliancechain.cli.node;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.alliancechain.config.Genesis;
import org.alliancechain.config.GenesisMember;
import org.alliancechain.config.NodeConfig;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.Verdict;
import org.alliancechain.core.app.StateReader;
import org.alliancechain.core.block.CertifiedBlock;
import org.alliancechain.core.block.ValidatorSet;
import org.alliancechain.core.codec.DecodeException;
import org.alliancechain.core.crypto.KeyPair;
import org.alliancechain.core.exec.BlockExecutor;
import org.alliancechain.core.exec.ExecutionResult;
import org.alliancechain.core.exec.Nonces;
import org.alliancechain.core.mempool.Mempool;
import org.alliancechain.core.store.RocksStore;
import org.alliancechain.core.store.StoreException;
import org.alliancechain.core.tx.Transaction;
import org.alliancechain.p2p.ChannelMux;
import org.alliancechain.p2p.LinkLimits;
import org.alliancechain.p2p.PeerListener;
import org.alliancechain.p2p.PeerNetwork;
import org.alliancechain.p2p.PeerNetworkConfig;
import org.alliancechain.p2p.PeerNetworks;
import org.alliancechain.p2p.api.ApiLimits;
import org.alliancechain.p2p.api.ApiServer;
import org.alliancechain.p2p.api.ApiServerConfig;
import org.alliancechain.p2p.api.ApiServers;
import org.alliancechain.p2p.api.EventStream;
import org.alliancechain.p2p.api.Health;
import org.alliancechain.p2p.metrics.MetricsRegistry;
import org.alliancechain.token.TokenApplication;
import org.alliancechain.token.engine.ContractsEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running node (SPEC M-31): the store, the ledger application, the mempool, the peer links,
 * consensus (the PBFT driver on validators, block sync elsewhere) and the client API. This class
 * only wires the parts together; each part is tested on its own.
 */
public final class Node implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Node.class);
  public static final int MEMPOOL_TX_MAX = 100_000;
  public static final int EVENT_SUBSCRIBERS_MAX = 64;

  private final NodeConfig config;
  private final Genesis genesis;
  private final GenesisMember self;
  private final KeyPair key;
  private final RocksStore store;
  private final TokenApplication application;
  private final BlockExecutor executor;
  private final Mempool mempool;
  private final ChannelMux mux = new ChannelMux();
  private final MetricsRegistry metrics = new MetricsRegistry();
  private final EventStream blockEvents = new EventStream(EVENT_SUBSCRIBERS_MAX);
  private final GenesisDirectory directory;
  // alliance_tx_rejected_total{source, reason}: reasons are the admission rules' codes, a small
  // fixed set; past TX_REJECT_REASONS_MAX distinct ones the rest count as "other".
  private static final int TX_REJECT_REASONS_MAX = 64;
  private final java.util.concurrent.ConcurrentHashMap<String, MetricsRegistry.Counter> txRejected =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final MetricsRegistry.Counter blocksCommitted;
  private final CommitMetrics commitMetrics;
  private volatile PeerNetwork network;
  private volatile ConsensusEngine consensus;
  private volatile ApiServer api;
  private volatile Trees trees;
  private volatile Resources resources;
  private volatile PrivateRecordBook privateRecords;
  private volatile boolean accepting = true;
  private final TxIntake intake;

  /** How often waiting transactions of stalled senders are gossiped again (StalledSenders). */
  static final long REGOSSIP_PERIOD_MILLIS = 1_000;

  private final StalledSenders stalledSenders;
  private final MetricsRegistry.Counter txRegossiped;
  private final java.util.concurrent.ScheduledExecutorService regossip =
      java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "mempool-regossip");
            t.setDaemon(true);
            return t;
          });
  private final TestSwitches testSwitches;

  private Node(NodeConfig config, Genesis genesis, KeyPair key, RocksStore store) {
    this.config = config;
    this.genesis = genesis;
    this.key = key;
    this.store = store;
    this.self = KeyRotations.self(config, genesis, key, state());
    this.testSwitches = TestSwitches.fromProcess(self.name());
    this.application = new TokenApplication(new ContractsEngine());
    // SPEC M-3: the set that certifies the next block is the ledger's, never the genesis copy.
    this.executor = new BlockExecutor(application, store, this::validatorsAt);
    this.mempool =
        new Mempool(
            genesis.chainId(),
            MEMPOOL_TX_MAX,
            s -> Nonces.next(state(), s),
            hash -> store.transaction(hash).isPresent());
    this.directory = new GenesisDirectory(genesis);
    directory.refresh(new org.alliancechain.token.TokenQueries(state()), store.head() + 1);
    this.intake = new TxIntake(self.name());
    this.stalledSenders = new StalledSenders(mempool);
    this.txRegossiped =
        metrics.counter(
            "alliance_tx_regossiped_total",
            "waiting transactions of stalled senders sent to the peers again");
    metrics.counterFrom(
        "alliance_peer_tx_batches_dropped_total",
        "peers' transaction batches dropped because the admission queue was full",
        intake::peerBatchesDropped);
    this.blocksCommitted = metrics.counter("alliance_blocks_committed_total", "blocks committed");
    metrics.gauge("alliance_height", "committed height", store::head);
    metrics.gauge("alliance_mempool_size", "transactions waiting", mempool::size);
    java.lang.management.MemoryMXBean memory =
        java.lang.management.ManagementFactory.getMemoryMXBean();
    metrics.gauge(
        "jvm_heap_used_bytes",
        "heap in use, live and not yet collected (right after a full GC: the live heap)",
        () -> memory.getHeapMemoryUsage().getUsed());
    metrics.gauge(
        "jvm_heap_committed_bytes",
        "heap the JVM has reserved from the system",
        () -> memory.getHeapMemoryUsage().getCommitted());
    metrics.counterFrom(
        "alliance_signature_verifications_total",
        "Ed25519 verifications the memo of verified signatures could not answer (process-wide)",
        org.alliancechain.core.crypto.Ed25519::verifications);
    metrics.counterFrom(
        "alliance_signature_batch_verified_total",
        "Ed25519 signatures proven valid by batch verification (process-wide)",
        org.alliancechain.core.crypto.Ed25519::batchVerified);
    metrics.counterFrom(
        "alliance_signature_memo_hits_total",
        "signature checks the memo of verified signatures answered (process-wide)",
        org.alliancechain.core.crypto.Ed25519::memoHits);
    for (RocksStore.CacheCounter c : store.cacheCounters()) {
      metrics.counterFrom(
          "alliance_store_cache_lookups_total",
          "RocksDB block cache look-ups by block kind and outcome (bloom absent: reads a Bloom"
              + " filter answered without a data block)",
          c.count(),
          "block",
          c.block(),
          "outcome",
          c.outcome());
    }
    this.commitMetrics = new CommitMetrics(metrics, java.time.Clock.systemUTC());
  }

  /**
   * Opens the store (initialising it from the genesis on first start), then starts the peer links,
   * consensus and the API, in that order.
   */
  public static Node start(
      NodeConfig config,
      Genesis genesis,
      KeyPair key,
      Function<Node, ConsensusEngine> consensusFactory)
      throws IOException {
    RocksStore store = openStore(config, genesis);
    Node node;
    try {
      node = new Node(config, genesis, key, store);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    try {
      node.startParts(consensusFactory);
    } catch (IOException | RuntimeException e) {
      node.close();
      throw e;
    }
    return node;
  }

  /**
   * A member the DAO admitted after genesis (node.yaml says admitted-by-dao): its own entry built
   * from its node config, since the genesis has none. The ledger decides what it may do.
   */
  static GenesisMember admittedSelf(NodeConfig config, Genesis genesis, KeyPair key) {
    if (genesis.member(config.member()).isPresent()) {
      throw new NodeException(
          "the key file "
              + config.keyFile()
              + " holds another key than member '"
              + config.member()
              + "' has in the genesis or was given by a DAO key rotation: wrong key-file?");
    }
    return new GenesisMember(
        config.member(),
        key.publicKey(),
        java.util.Set.of(org.alliancechain.config.Role.CORPORATION),
        config.peerHost(),
        config.peerPort(),
        config.apiPort(),
        new org.alliancechain.config.Profile("", "", List.of(), List.of(), ""),
        List.of());
  }

  /**
   * The validator set that certifies block {@code height}, from the committed ledger: exact up to
   * head + window + 1 (a later decision takes effect later; docs/consensus.md).
   */
  public ValidatorSet validatorsAt(long height) {
    return new org.alliancechain.token.TokenQueries(state()).pendingValidatorSet(height);
  }

  /** The ledger's validator record: the set in force and the DAO's scheduled changes. */
  public org.alliancechain.token.state.ValidatorState validatorSchedule() {
    return new org.alliancechain.token.TokenQueries(state()).validators();
  }

  private static RocksStore openStore(NodeConfig config, Genesis genesis) {
    RocksStore store;
    try {
      store = RocksStore.open(config.dataDir(), genesis.chainId());
    } catch (StoreException e) {
      throw new NodeException(
          "cannot open the data folder " + config.dataDir() + ": " + e.getMessage(), e);
    }
    try {
      if (!store.isInitialized()) {
        store.initialize(LedgerGenesis.storeGenesis(genesis));
        LOG.info("initialised {} from genesis {}", config.dataDir(), genesis.hash().shortHex());
      } else if (!store.genesisHash().equals(genesis.hash())) {
        throw new NodeException(
            "the data folder "
                + config.dataDir()
                + " holds the chain of genesis "
                + store.genesisHash()
                + ", not "
                + genesis.hash()
                + ": wrong data-dir?");
      }
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    return store;
  }

  private void startParts(Function<Node, ConsensusEngine> consensusFactory) throws IOException {
    mux.register(ChannelMux.Channel.MEMPOOL, (sender, bytes) -> onPeerTransaction(bytes));
    resources = new Resources(this);
    privateRecords = new PrivateRecordBook(this, resources.transfer());
    resources.serveRecords(privateRecords::resolve);
    PeerNetworkConfig peerConfig =
        new PeerNetworkConfig(
            key,
            Bytes.wrap(genesis.hash().toBytes()),
            config.peerHost(),
            config.peerPort(),
            LinkLimits.defaults(),
            key.publicKey().hashCode());
    network = PeerNetworks.start(peerConfig, directory, mux, peerListener());
    org.alliancechain.p2p.P2pMetrics.register(metrics, network);
    trees = new Trees(this);
    consensus = consensusFactory.apply(this);
    consensus.start();
    var unused =
        regossip.scheduleWithFixedDelay(
            this::regossipStalled,
            REGOSSIP_PERIOD_MILLIS,
            REGOSSIP_PERIOD_MILLIS,
            java.util.concurrent.TimeUnit.MILLISECONDS);
    api =
        ApiServers.start(
            new ApiServerConfig(config.apiHost(), config.apiPort(), ApiLimits.defaults()),
            ApiRoutes.router(this),
            this::health,
            metrics);
    LOG.info(
        "member {} ({}) up: height {}, peers on {}:{}, API on {}:{}",
        self.name(),
        key.publicKey().toHex().substring(0, 8),
        store.head(),
        config.peerHost(),
        network.port(),
        config.apiHost(),
        api.port());
  }

  private PeerListener peerListener() {
    return new PeerListener() {
      @Override
      public void onConnected(org.alliancechain.core.crypto.PublicKey peer) {
        LOG.info("peer {} connected", memberName(peer));
      }

      @Override
      public void onDisconnected(org.alliancechain.core.crypto.PublicKey peer, String reason) {
        LOG.info("peer {} disconnected: {}", memberName(peer), reason);
      }
    };
  }

  String memberName(org.alliancechain.core.crypto.PublicKey key) {
    return genesis
        .member(key)
        .map(GenesisMember::name)
        .or(
            () ->
                new org.alliancechain.token.TokenQueries(state())
                    .member(key)
                    .map(org.alliancechain.token.state.Member::name))
        .orElse(key.toHex().substring(0, 8));
  }

  /** Committed state at the head. */
  public StateReader state() {
    return store::stateValue;
  }

  /**
   * Admits a transaction from a client: node-core's rules and the application's, then the pool; on
   * success it goes to every peer (once: peers do not forward it again) and to consensus.
   */
  public Verdict submit(Transaction tx) {
    if (!accepting) {
      return Verdict.reject("shutting_down", "the node is stopping");
    }
    Verdict verdict = admit(tx, Source.CLIENT);
    if (verdict.isOk()) {
      network.broadcast(ChannelMux.frame(ChannelMux.Channel.MEMPOOL, tx.encode()));
    }
    return verdict;
  }

  /**
   * Admits many transactions from a client at once: their signatures are verified on all cores
   * first, then each is admitted in order as by {@link #submit}; the admitted ones go to the peers
   * in one frame. Verdicts are in the order of {@code txs}.
   */
  public List<Verdict> submitAll(List<Transaction> txs) {
    if (!accepting) {
      return java.util.Collections.nCopies(
          txs.size(), Verdict.reject("shutting_down", "the node is stopping"));
    }
    intake.verifyAll(txs);
    List<Verdict> verdicts = new java.util.ArrayList<>(txs.size());
    List<Transaction> admitted = new java.util.ArrayList<>(txs.size());
    for (Transaction tx : txs) {
      Verdict verdict = admit(tx, Source.CLIENT);
      verdicts.add(verdict);
      if (verdict.isOk()) {
        admitted.add(tx);
      }
    }
    if (!admitted.isEmpty()) {
      network.broadcast(
          ChannelMux.frame(ChannelMux.Channel.MEMPOOL, TxIntake.gossipFrame(admitted)));
    }
    return verdicts;
  }

  private enum Source {
    CLIENT,
    PEER
  }

  private void countRejected(Source source, String reason) {
    String key = source.name().toLowerCase(java.util.Locale.ROOT) + "/" + reason;
    MetricsRegistry.Counter counter = txRejected.get(key);
    if (counter == null) {
      String label = txRejected.size() < TX_REJECT_REASONS_MAX ? reason : "other";
      counter =
          txRejected.computeIfAbsent(
              key,
              k ->
                  metrics.counter(
                      "alliance_tx_rejected_total",
                      "transactions refused at admission, by where they came from and why",
                      "source",
                      source.name().toLowerCase(java.util.Locale.ROOT),
                      "reason",
                      label));
    }
    counter.increment();
  }

  private Verdict admit(Transaction tx, Source source) {
    Verdict verdict = application.check(tx, state());
    if (verdict.isOk()) {
      verdict = mempool.add(tx);
    }
    if (verdict.isOk()) {
      // Peers gossip as soon as the links are up, which is before the consensus engine exists
      // (it needs the links); such a transaction waits in the mempool, which proposals reap.
      ConsensusEngine engine = consensus;
      if (engine != null) {
        engine.submit(tx);
      }
    } else {
      countRejected(source, verdict.reason());
    }
    return verdict;
  }

  // Runs on the regossip thread; never throws (a scheduled task that throws stops for good).
  private void regossipStalled() {
    try {
      PeerNetwork links = network;
      if (!accepting || links == null) {
        return;
      }
      for (List<Transaction> run : stalledSenders.check(store.head())) {
        links.broadcast(ChannelMux.frame(ChannelMux.Channel.MEMPOOL, TxIntake.gossipFrame(run)));
        txRegossiped.add(run.size());
      }
    } catch (RuntimeException e) {
      LOG.warn("re-gossip of stalled senders failed: {}", e.toString());
    }
  }

  // The mempool's cheap rules, before a peer's transaction is verified (Mempool.checkKnown).
  private boolean knownFromPeer(Transaction tx) {
    Verdict known = mempool.checkKnown(tx);
    if (!known.isOk()) {
      countRejected(Source.PEER, known.reason());
    }
    return !known.isOk();
  }

  private void onPeerTransaction(byte[] bytes) {
    if (TxIntake.isBatchFrame(bytes)) {
      intake.onPeerBatch(bytes, this::knownFromPeer, tx -> admit(tx, Source.PEER));
      return;
    }
    try {
      admit(Transaction.decode(bytes), Source.PEER);
    } catch (DecodeException e) {
      countRejected(Source.PEER, "undecodable");
      LOG.debug("peer sent an undecodable transaction: {}", e.getMessage());
    }
  }

  /**
   * Executes and commits a certified block (called by consensus, from one thread); keeps the
   * mempool and the event stream in step.
   */
  public ExecutionResult finalizeBlock(CertifiedBlock block) {
    testSwitches.beforeWrite("committing block " + block.block().height());
    ExecutionResult result = executor.execute(block);
    if (result instanceof ExecutionResult.Committed committed) {
      testSwitches.afterWrite(TestSwitches.WriteKind.BLOCK_BATCH);
      mempool.commit(block.block().transactions());
      blocksCommitted.increment();
      commitMetrics.onCommitted(block.block());
      refreshMembership();
      if (privateRecords != null) {
        privateRecords.onCommitted();
      }
      if (trees != null) {
        trees.onCommitted(block.block().transactions(), committed.outcomes());
      }
      blockEvents.publish(
          "block",
          new BlockEvent(
              committed.height(), block.block().hash().toHex(),
              block.block().transactions().size(), committed.stateRoot().toHex()));
      LOG.debug(
          "committed block {} with {} transactions",
          committed.height(),
          block.block().transactions().size());
    }
    return result;
  }

  record BlockEvent(long height, String hash, int transactions, String stateRoot) {}

  /**
   * SPEC M-2, M-23: a member the DAO admitted may connect from the block that admits it; one it
   * removed may no longer (its links close, the ledger refuses its transactions) once it no longer
   * certifies blocks. Runs after every block (at most a few hundred members).
   */
  private void refreshMembership() {
    var ledger = new org.alliancechain.token.TokenQueries(state());
    if (directory.refresh(ledger, store.head() + 1)) {
      LOG.info("membership changed: {} keys may connect", directory.members().size());
      network.membershipChanged();
      if (trees != null) {
        trees.refreshMembers(ledger);
      }
    }
  }

  private Health health() {
    if (!accepting) {
      return new Health(true, false, "stopping");
    }
    if (network == null || consensus == null) {
      return Health.notReady("starting");
    }
    return Health.readyNow();
  }

  public NodeConfig config() {
    return config;
  }

  public Genesis genesis() {
    return genesis;
  }

  public GenesisMember self() {
    return self;
  }

  public KeyPair key() {
    return key;
  }

  public RocksStore store() {
    return store;
  }

  public TokenApplication application() {
    return application;
  }

  public Mempool mempool() {
    return mempool;
  }

  public PeerNetwork network() {
    return network;
  }

  TxIntake intake() {
    return intake;
  }

  public ChannelMux mux() {
    return mux;
  }

  public MetricsRegistry metrics() {
    return metrics;
  }

  public EventStream blockEvents() {
    return blockEvents;
  }

  /** Test-only fault switches (NONE on any node not started by a test harness). */
  public TestSwitches testSwitches() {
    return testSwitches;
  }

  public Trees trees() {
    return trees;
  }

  /** Off-chain resources: uploads, serving and fetching (SPEC M-18). */
  public Resources resources() {
    return resources;
  }

  /** Private records of competitive requests and offers (SPEC M-18). */
  public PrivateRecordBook privateRecords() {
    return privateRecords;
  }

  public Optional<ConsensusEngine> consensus() {
    return Optional.ofNullable(consensus);
  }

  public List<GenesisMember> members() {
    return genesis.members();
  }

  /** Stops taking work, then closes the API, consensus, the links and the store, in that order. */
  @Override
  public synchronized void close() {
    accepting = false;
    regossip.shutdownNow();
    try {
      // a check under way reads the store, which is closed below
      if (!regossip.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS)) {
        LOG.warn("the re-gossip check did not stop within 5 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (api != null) {
      api.close();
    }
    intake.close();
    if (consensus != null) {
      consensus.close();
    }
    if (trees != null) {
      trees.close();
    }
    if (privateRecords != null) {
      privateRecords.close();
    }
    if (resources != null) {
      resources.close();
    }
    if (network != null) {
      network.close();
    }
    store.close();
    LOG.info("member {} stopped cleanly", self.name());
  }
}
