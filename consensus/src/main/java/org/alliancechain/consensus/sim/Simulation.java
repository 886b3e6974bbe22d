package org.alliancechain.consensus.sim;

import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.alliancechain.consensus.ConsensusLimits;
import org.alliancechain.consensus.core.ConsensusConfig;
import org.alliancechain.consensus.core.InMemoryConsensusStore;
import org.alliancechain.consensus.core.Input;
import org.alliancechain.consensus.core.Ready;
import org.alliancechain.consensus.core.Replica;
import org.alliancechain.consensus.core.ReplicaState;
import org.alliancechain.consensus.core.RestartState;
import org.alliancechain.consensus.msg.ConsensusMessage;
import org.alliancechain.consensus.msg.Evidence;
import org.alliancechain.consensus.msg.NewView;
import org.alliancechain.consensus.msg.SyncRequest;
import org.alliancechain.consensus.msg.ViewChange;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.block.CertifiedBlock;
import org.alliancechain.core.block.ValidatorSet;
import org.alliancechain.core.crypto.KeyPair;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.core.hash.Hash;
import org.alliancechain.core.hash.Sha256;
import org.alliancechain.core.tx.Transaction;

/**
 * A deterministic simulation of n validators in one thread (ARCHITECTURE.md rule 1): a simulated
 * network with delay, loss, duplication, reordering and partitions that heal; crashes and restarts
 * from each node's persisted consensus log; clock skew; Byzantine nodes; checkers after every step.
 * Everything random comes from one {@link SplittableRandom} seeded by the run's seed, and nothing
 * is iterated in hash order, so a seed replays exactly.
 */
public final class Simulation {
  static final String CHAIN_ID = "sim-chain";
  static final long TICK_MILLIS = 100;
  private static final int CLIENT = -1;
  private static final int CLIENT_RETRY_TICKS = 30;

  private final Scenario scenario;
  private final java.util.function.IntFunction<org.alliancechain.consensus.core.ConsensusStore>
      storeFactory;
  private final long seed;
  private final SplittableRandom random;
  private final MemoVerifier verifier = new MemoVerifier();
  private final ConsensusConfig config;
  private final ValidatorSet validators;
  private final List<SimNode> nodes = new ArrayList<>();
  private final Set<PublicKey> byzantineKeys = new TreeSet<>();
  private final PriorityQueue<Event> queue = new PriorityQueue<>();
  private final Map<Long, List<Transaction>> submissions = new TreeMap<>();
  private final LinkedHashMap<Hash, Transaction> submittedValid = new LinkedHashMap<>();
  private final Checker checker;
  private final MessageDigest trace = Sha256.newDigest();
  private final List<Fault> faults = new ArrayList<>();
  private long tick;
  private long order;
  private long delivered;
  private long blocksCommitted;
  private List<Integer> partitionGroup;
  private int[] twinGroup;

  /** A message or transaction in flight; ordered by delivery tick, then by send order. */
  private record Event(long at, long order, int from, int to, Object payload)
      implements Comparable<Event> {
    @Override
    public int compareTo(Event o) {
      return at != o.at ? Long.compare(at, o.at) : Long.compare(order, o.order);
    }
  }

  /** A scheduled fault: a partition (groups per node) or a crash, from one tick to another. */
  private record Fault(long from, long to, int node, List<Integer> groups) {}

  public Simulation(Scenario scenario, long seed) {
    this(scenario, seed, node -> new InMemoryConsensusStore());
  }

  /**
   * With each node's consensus log in a store from {@code stores} (node index to store), for
   * example a RocksDB one; the store object outlives the node's crashes, like a disk.
   */
  public Simulation(
      Scenario scenario,
      long seed,
      java.util.function.IntFunction<org.alliancechain.consensus.core.ConsensusStore> stores) {
    this.storeFactory = stores;
    this.scenario = scenario;
    this.seed = seed;
    this.random = new SplittableRandom(seed ^ scenario.name().hashCode() * 0x9E3779B97F4A7C15L);
    List<KeyPair> keys = new ArrayList<>();
    for (int i = 0; i < scenario.validators(); i++) {
      keys.add(key(i + 1));
    }
    this.validators = ValidatorSet.of(keys.stream().map(KeyPair::publicKey).toList());
    Hash genesis = Sha256.hash(CHAIN_ID.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    this.config = ConsensusConfig.forTests(CHAIN_ID, genesis).withBugs(scenario.bugs());
    buildNodes(keys);
    Set<Hash> submittedHashes = prepareTransactions();
    this.checker = new Checker(CHAIN_ID, validators, verifier, byzantineKeys, submittedHashes);
    scheduleFaults();
  }

  static KeyPair key(int i) {
    byte[] seedBytes = new byte[32];
    seedBytes[0] = (byte) i;
    seedBytes[1] = (byte) (i >>> 8);
    seedBytes[31] = 7;
    return KeyPair.fromSeed(seedBytes);
  }

  private void buildNodes(List<KeyPair> keys) {
    // Byzantine nodes are chosen by validator index so that scenarios can aim at primaries:
    // EQUIVOCATE and BAD_DIGEST sit at the view-0 primary, LYING_NEW_VIEW at view 1's.
    Set<Integer> byz = new TreeSet<>();
    int first =
        switch (scenario.byzantine()) {
          case LYING_NEW_VIEW -> 1;
          case HONEST -> -1;
          default -> random.nextInt(2) == 0 ? 0 : random.nextInt(keys.size());
        };
    for (int i = 0; i < scenario.byzantineCount(); i++) {
      byz.add((first + i * 2) % keys.size());
    }
    for (int i = 0; i < keys.size(); i++) {
      KeyPair k = keyAt(keys, i);
      Behavior behavior = byz.contains(i) ? scenario.byzantine() : Behavior.HONEST;
      nodes.add(new SimNode(nodes.size(), k, behavior, skew(), storeFactory.apply(nodes.size())));
      if (behavior != Behavior.HONEST) {
        byzantineKeys.add(k.publicKey());
      }
    }
    if (scenario.byzantine() == Behavior.TWIN) {
      SimNode original = nodes.get(byz.iterator().next());
      nodes.add(
          new SimNode(
              nodes.size(), original.key, Behavior.TWIN, skew(), storeFactory.apply(nodes.size())));
    }
    for (SimNode node : nodes) {
      node.replica = newReplica(node);
    }
  }

  private static KeyPair keyAt(List<KeyPair> keys, int validatorIndex) {
    ValidatorSet set = ValidatorSet.of(keys.stream().map(KeyPair::publicKey).toList());
    PublicKey wanted = set.get(validatorIndex);
    return keys.stream().filter(k -> k.publicKey().equals(wanted)).findFirst().orElseThrow();
  }

  private long skew() {
    long max = scenario.clockSkewMillisMax();
    return max == 0 ? 0 : random.nextLong(-max, max + 1);
  }

  private Replica newReplica(SimNode node) {
    return new Replica(
        config,
        node.key,
        validators,
        verifier,
        new RestartState(
            node.chain.size(),
            node.chain.isEmpty()
                ? Optional.empty()
                : Optional.of(node.chain.get(node.chain.size() - 1).block().header()),
            node.stateRoot,
            node.store.load()));
  }

  private Set<Hash> prepareTransactions() {
    Set<Hash> hashes = new HashSet<>();
    List<KeyPair> clients = List.of(key(1001), key(1002), key(1003));
    long lastSubmitTick = Math.max(1, scenario.activeTicks() * 2L / 3);
    for (int i = 0; i < scenario.transactions(); i++) {
      KeyPair client = clients.get(i % clients.size());
      Transaction tx =
          Transaction.sign(client, CHAIN_ID, i, 1, Bytes.wrap(new byte[] {(byte) i, 1, 2, 3}));
      submissions
          .computeIfAbsent(1 + random.nextLong(lastSubmitTick), t -> new ArrayList<>())
          .add(tx);
      submittedValid.put(tx.hash(), tx);
      hashes.add(tx.hash());
    }
    // A forged transaction (valid shape, wrong signature) that must never be committed.
    Transaction good = Transaction.sign(clients.get(0), CHAIN_ID, 999_999, 1, Bytes.EMPTY);
    Transaction forged =
        new Transaction(CHAIN_ID, good.sender(), 1_000_000, 1, Bytes.EMPTY, good.signature());
    submissions.computeIfAbsent(1L, t -> new ArrayList<>()).add(forged);
    return hashes;
  }

  private void scheduleFaults() {
    int n = nodes.size();
    if (scenario.partitions()) {
      int episodes = 1 + random.nextInt(3);
      for (int i = 0; i < episodes; i++) {
        long from = random.nextLong(scenario.activeTicks() / 2 + 1);
        long to = Math.min(scenario.activeTicks(), from + 20 + random.nextLong(100));
        List<Integer> groups = new ArrayList<>();
        for (int j = 0; j < n; j++) {
          groups.add(random.nextInt(3) == 0 ? 1 : 0);
        }
        faults.add(new Fault(from, to, -1, groups));
      }
    }
    if (scenario.crashes()) {
      int episodes = 1 + random.nextInt(3);
      long cursor = 10 + random.nextLong(40);
      for (int i = 0; i < episodes && cursor < scenario.activeTicks(); i++) {
        int node = scenario.crashPrimary() ? -2 : random.nextInt(scenario.validators());
        long duration = 3 + random.nextLong(scenario.crashPrimary() ? 30 : 80);
        long to = Math.min(scenario.activeTicks(), cursor + duration);
        faults.add(new Fault(cursor, to, node, null));
        cursor = to + 10 + random.nextLong(60);
      }
    }
    if (scenario.byzantine() == Behavior.TWIN) {
      // Each twin instance talks to its own half of the honest replicas while active.
      twinGroup = new int[n];
      for (int j = 0; j < n; j++) {
        twinGroup[j] = j % 2;
      }
      for (SimNode node : nodes) {
        if (node.behavior == Behavior.TWIN) {
          twinGroup[node.index] = node.index == n - 1 ? 1 : 0;
        }
      }
    }
  }

  // ------------------------------------------------------------------ the run

  public SimResult run() {
    long end = scenario.activeTicks() + (long) scenario.healTicksMax();
    for (tick = 1; tick <= end; tick++) {
      applyFaults();
      submitClientTransactions();
      while (!queue.isEmpty() && queue.peek().at() <= tick) {
        deliver(queue.poll());
      }
      for (SimNode node : nodes) {
        if (node.up) {
          step(
              node,
              new Input.Tick(config.genesisTimeMillis() + tick * TICK_MILLIS + node.skewMillis));
        }
      }
      if (tick > scenario.activeTicks()
          && ((allDone() && viewsSettled()) || !checker.violations().isEmpty())) {
        break;
      }
    }
    finish();
    long viewChanges = 0;
    for (SimNode node : nodes) {
      if (node.replica != null) {
        viewChanges = Math.max(viewChanges, node.replica.viewChangesStarted());
      }
    }
    return new SimResult(
        scenario.name(),
        scenario.validators(),
        seed,
        checker.violations(),
        java.util.HexFormat.of().formatHex(trace.digest()),
        blocksCommitted,
        viewChanges,
        tick,
        delivered,
        convicted());
  }

  private int convicted() {
    Set<PublicKey> everywhere = null;
    for (Set<PublicKey> onChain : offendersOnChain().values()) {
      if (everywhere == null) {
        everywhere = new TreeSet<>(onChain);
      } else {
        everywhere.retainAll(onChain);
      }
    }
    return everywhere == null ? 0 : everywhere.size();
  }

  private void applyFaults() {
    partitionGroup = null;
    for (Fault f : faults) {
      boolean active = tick >= f.from() && tick < f.to();
      if (f.groups() != null) {
        if (active) {
          partitionGroup = f.groups();
        }
        continue;
      }
      if (tick == f.from()) {
        crash(f.node() == -2 ? currentPrimary() : f.node(), f.to());
      }
    }
    for (SimNode node : nodes) {
      if (!node.up && node.restartAt <= tick) {
        node.up = true;
        node.replica = newReplica(node);
        traceLong(-3, node.index);
      }
    }
  }

  private void crash(int victim, long restartAt) {
    SimNode node = nodes.get(victim);
    if (node.up && node.behavior == Behavior.HONEST) {
      node.up = false;
      node.replica = null;
      node.restartAt = restartAt;
      traceLong(-2, victim);
    }
  }

  private int currentPrimary() {
    long view = 0;
    for (SimNode node : nodes) {
      if (node.up && node.behavior == Behavior.HONEST) {
        view = Math.max(view, node.replica.view());
      }
    }
    PublicKey primary = validators.get((int) (view % validators.size()));
    for (SimNode node : nodes) {
      if (node.key.publicKey().equals(primary)) {
        return node.index;
      }
    }
    return 0;
  }

  private void submitClientTransactions() {
    for (Transaction tx : submissions.getOrDefault(tick, List.of())) {
      for (SimNode node : nodes) {
        send(CLIENT, node.index, tx);
      }
    }
    if (tick % CLIENT_RETRY_TICKS == 0) {
      // PBFT clients retransmit until their request is executed (Castro–Liskov §4.1).
      for (Transaction tx : submittedValid.values()) {
        if (tickSubmitted(tx) <= tick && !committedEverywhere(tx.hash())) {
          for (SimNode node : nodes) {
            send(CLIENT, node.index, tx);
          }
        }
      }
    }
  }

  private long tickSubmitted(Transaction tx) {
    for (Map.Entry<Long, List<Transaction>> e : submissions.entrySet()) {
      if (e.getValue().contains(tx)) {
        return e.getKey();
      }
    }
    return Long.MAX_VALUE;
  }

  private boolean committedEverywhere(Hash tx) {
    for (SimNode node : nodes) {
      if (node.behavior == Behavior.HONEST && !node.committedTxs.contains(tx)) {
        return false;
      }
    }
    return true;
  }

  private boolean allDone() {
    for (SimNode node : nodes) {
      if (node.behavior == Behavior.HONEST
          && (!node.up || node.committedTxs.size() < submittedValid.size())) {
        return false;
      }
    }
    for (Transaction tx : submittedValid.values()) {
      if (!committedEverywhere(tx.hash())) {
        return false;
      }
    }
    return checker.evidenceComplete(offendersOnChain());
  }

  // Once the work is done a quorum of honest replicas must be in the normal phase of one view, so
  // that the next request commits without waiting for a view change: in the soak of reliability
  // finding 2 two of four sat in a view change, idle, and nothing could commit. A lone replica
  // left in a later view's change may stay there until the others move (docs/consensus.md), so
  // with f Byzantine validators (2f + 1 honest) an idle cluster may have no such quorum until the
  // next request's timer moves the others: checked only in the all-honest view-change-loss runs.
  private boolean viewsSettled() {
    if (scenario.viewChangeLossPercent() == 0) {
      return true;
    }
    TreeMap<Long, Integer> normalByView = new TreeMap<>();
    for (SimNode node : nodes) {
      if (node.behavior == Behavior.HONEST
          && node.up
          && node.replica.state() == ReplicaState.NORMAL) {
        normalByView.merge(node.replica.view(), 1, Integer::sum);
      }
    }
    return normalByView.values().stream().anyMatch(c -> c >= validators.quorum());
  }

  private String views() {
    List<String> each = new ArrayList<>();
    for (SimNode node : nodes) {
      if (node.behavior == Behavior.HONEST) {
        each.add(
            node.index
                + "="
                + (node.up ? node.replica.state() + "@" + node.replica.view() : "down"));
      }
    }
    return each.toString();
  }

  private void finish() {
    Map<Integer, Set<Hash>> committed = new TreeMap<>();
    for (SimNode node : nodes) {
      if (node.behavior == Behavior.HONEST) {
        committed.put(node.index, node.committedTxs);
      }
    }
    checker.atEnd(committed, submittedValid.keySet(), scenario.healTicksMax());
    if (!viewsSettled()) {
      checker
          .violations()
          .add("liveness: no quorum of idle honest replicas in one view's normal phase " + views());
    }
    checker.checkEvidence(offendersOnChain());
  }

  private Map<Integer, Set<PublicKey>> offendersOnChain() {
    Map<Integer, Set<PublicKey>> result = new TreeMap<>();
    for (SimNode node : nodes) {
      if (node.behavior == Behavior.HONEST) {
        result.put(node.index, node.offendersOnChain);
      }
    }
    return result;
  }

  // ------------------------------------------------------------------ nodes

  private void deliver(Event e) {
    SimNode node = nodes.get(e.to());
    if (!node.up) {
      return;
    }
    delivered++;
    traceEvent(e);
    if (e.payload() instanceof Transaction tx) {
      step(node, new Input.SubmitTx(tx));
    } else if (e.payload() instanceof SyncRequest request) {
      serveSync(node, e.from(), request);
    } else {
      step(node, new Input.Receive((ConsensusMessage) e.payload()));
    }
  }

  // The driver, not the core, serves sync from the block store.
  private void serveSync(SimNode node, int to, SyncRequest request) {
    if (node.behavior == Behavior.SILENT) {
      return;
    }
    List<CertifiedBlock> blocks = new ArrayList<>();
    for (long h = request.fromHeight();
        h <= Math.min(request.toHeight(), node.chain.size())
            && blocks.size() < ConsensusLimits.SYNC_BLOCKS_MAX;
        h++) {
      blocks.add(node.chain.get((int) h - 1));
    }
    if (!blocks.isEmpty()) {
      send(node.index, to, node.signing().syncResponse(blocks));
    }
  }

  private void step(SimNode node, Input input) {
    ArrayDeque<Input> inputs = new ArrayDeque<>();
    inputs.add(input);
    while (!inputs.isEmpty() && node.up) {
      Ready ready;
      try {
        ready = node.replica.step(inputs.poll());
      } catch (AssertionError broken) {
        // A replica that detects a broken invariant stops; for the checkers that is a finding.
        checker
            .violations()
            .add("invariant broken at node " + node.index + ": " + broken.getMessage());
        node.up = false;
        node.restartAt = Long.MAX_VALUE;
        return;
      }
      node.store.save(ready.persist());
      for (Ready.Outgoing out : ready.send()) {
        route(node, out);
      }
      for (CertifiedBlock block : ready.commit()) {
        inputs.add(execute(node, block));
      }
      for (Transaction tx : ready.gossip()) {
        if (node.behavior == Behavior.HONEST) {
          checker.onHonestEvidence(Evidence.decode(tx.payload().unsafeArray()).offender());
        }
        for (SimNode other : nodes) {
          if (other != node) {
            send(node.index, other.index, tx);
          }
        }
      }
    }
  }

  private Input execute(SimNode node, CertifiedBlock block) {
    if (node.behavior == Behavior.HONEST) {
      checker.onCommit(node.index, tick, block);
      blocksCommitted = Math.max(blocksCommitted, block.block().height());
      traceLong(-4, node.index);
      trace.update(block.block().hash().toBytes());
    }
    node.chain.add(block);
    node.stateRoot = Sha256.hash(node.stateRoot.toBytes(), block.block().hash().toBytes());
    for (Transaction tx : block.block().transactions()) {
      node.committedTxs.add(tx.hash());
      if (tx.kind() == Evidence.TX_KIND) {
        node.offendersOnChain.add(Evidence.decode(tx.payload().unsafeArray()).offender());
      }
    }
    return new Input.BlockExecuted(
        block.block().height(), block.block().hash(), node.stateRoot, Optional.empty());
  }

  private void route(SimNode node, Ready.Outgoing out) {
    for (SimNode target : nodes) {
      if (target == node || target.key.publicKey().equals(node.key.publicKey())) {
        continue;
      }
      if (out.to().isPresent() && !out.to().get().equals(target.key.publicKey())) {
        continue;
      }
      for (ConsensusMessage m : Byzantine.rewrite(this, node, target, out.message())) {
        // Only a node's own signatures are its votes; a forwarded message is someone else's.
        boolean own = m.sender().equals(node.key.publicKey());
        checker.onSent(node.index, own && node.behavior == Behavior.HONEST, m);
        send(node.index, target.index, m);
      }
    }
  }

  // ------------------------------------------------------------------ network

  private void send(int from, int to, Object payload) {
    if (from != CLIENT && !linked(from, to)) {
      return;
    }
    boolean active = tick < scenario.activeTicks();
    if (active && random.nextInt(100) < scenario.lossPercent()) {
      return;
    }
    if (active
        && scenario.viewChangeLossPercent() > 0
        && (payload instanceof ViewChange || payload instanceof NewView)
        && random.nextInt(100) < scenario.viewChangeLossPercent()) {
      return;
    }
    int copies = active && random.nextInt(100) < scenario.duplicatePercent() ? 2 : 1;
    for (int i = 0; i < copies; i++) {
      long delay = 1L + random.nextInt(active ? scenario.delayTicksMax() : 2);
      queue.add(new Event(tick + delay, order++, from, to, payload));
    }
  }

  private boolean linked(int from, int to) {
    if (twinGroup != null
        && tick < scenario.activeTicks()
        && (nodes.get(from).behavior == Behavior.TWIN || nodes.get(to).behavior == Behavior.TWIN)
        && twinGroup[from] != twinGroup[to]) {
      return false;
    }
    return partitionGroup == null || partitionGroup.get(from).equals(partitionGroup.get(to));
  }

  // ------------------------------------------------------------------ trace

  private void traceEvent(Event e) {
    traceLong(e.at(), e.from() * 1000L + e.to());
    if (e.payload() instanceof ConsensusMessage m) {
      trace.update(m.signature().toBytes());
    } else if (e.payload() instanceof Transaction tx) {
      trace.update(tx.signature().toBytes());
    }
  }

  private void traceLong(long a, long b) {
    for (int i = 56; i >= 0; i -= 8) {
      trace.update((byte) (a >>> i));
      trace.update((byte) (b >>> i));
    }
  }

  /** One line per node: its state at the end of a run, for failure reports. */
  public List<String> describeNodes() {
    List<String> lines = new ArrayList<>();
    for (SimNode node : nodes) {
      Replica r = node.replica;
      lines.add(
          "node "
              + node.index
              + " "
              + node.behavior
              + (r == null
                  ? " down"
                  : " view="
                      + r.view()
                      + " "
                      + r.state()
                      + " committed="
                      + r.committedSeq()
                      + " low="
                      + r.lowWatermark()
                      + " log="
                      + r.logSize()
                      + " pending="
                      + r.pendingTxCount()
                      + " primary="
                      + r.isPrimary()
                      + " rejections="
                      + r.rejections()));
    }
    return lines;
  }

  // ------------------------------------------------------------------ for Byzantine rewriting

  SplittableRandom random() {
    return random;
  }

  ConsensusConfig config() {
    return config;
  }

  ValidatorSet validators() {
    return validators;
  }

  int nodeCount() {
    return nodes.size();
  }

  /** One simulated machine: a replica, its persisted consensus log and its block store. */
  static final class SimNode {
    final int index;
    final KeyPair key;
    final Behavior behavior;
    final long skewMillis;
    final org.alliancechain.consensus.core.ConsensusStore store;
    final List<CertifiedBlock> chain = new ArrayList<>();
    final Set<Hash> committedTxs = new LinkedHashSet<>();
    final Set<PublicKey> offendersOnChain = new TreeSet<>();
    final Map<Long, ConsensusMessage> sentForReplay = new TreeMap<>();
    final Map<String, ConsensusMessage> alternatives = new HashMap<>();
    Hash stateRoot = Hash.ZERO;
    Replica replica;
    boolean up = true;
    long restartAt = Long.MAX_VALUE;
    private org.alliancechain.consensus.msg.Signing signing;

    SimNode(
        int index,
        KeyPair key,
        Behavior behavior,
        long skewMillis,
        org.alliancechain.consensus.core.ConsensusStore store) {
      this.store = store;
      this.index = index;
      this.key = key;
      this.behavior = behavior;
      this.skewMillis = skewMillis;
    }

    org.alliancechain.consensus.msg.Signing signing() {
      if (signing == null) {
        signing = new org.alliancechain.consensus.msg.Signing(CHAIN_ID, key);
      }
      return signing;
    }
  }
}
