package org.alliancechain.consensus.sim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.alliancechain.consensus.core.ConsensusConfig;
import org.alliancechain.consensus.core.InMemoryConsensusStore;
import org.alliancechain.consensus.core.Input;
import org.alliancechain.consensus.core.Ready;
import org.alliancechain.consensus.core.Replica;
import org.alliancechain.consensus.core.RestartState;
import org.alliancechain.consensus.msg.ConsensusMessage;
import org.alliancechain.consensus.msg.Signing;
import org.alliancechain.consensus.msg.SyncRequest;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.block.CertifiedBlock;
import org.alliancechain.core.block.ValidatorChange;
import org.alliancechain.core.block.ValidatorSet;
import org.alliancechain.core.crypto.KeyPair;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.core.hash.Hash;
import org.alliancechain.core.hash.Sha256;
import org.alliancechain.core.tx.Transaction;

/**
 * A scripted cluster for golden interaction tests (in the manner of etcd raft's testdata): no
 * randomness at all, FIFO delivery, and commands that drop, isolate, crash and restart nodes. It
 * prints what changed after each command, so a golden file reads as a story.
 */
final class ScriptCluster {
  private final List<KeyPair> keys = new ArrayList<>();
  private final ValidatorSet validators;
  private final ConsensusConfig config;
  private final List<Node> nodes = new ArrayList<>();
  private final ArrayDeque<Envelope> network = new ArrayDeque<>();
  private final Set<Integer> silent = new TreeSet<>();
  private final Set<Integer> isolated = new TreeSet<>();
  // nodes that never receive a commit vote (every other message reaches them)
  private final Set<Integer> commitsLost = new TreeSet<>();
  private final StringBuilder out = new StringBuilder();
  private final KeyPair client = Simulation.key(500);
  private long tick;
  private long nextNonce;

  private record Envelope(int from, int to, ConsensusMessage message) {}

  private static final class Node {
    final int index;
    final KeyPair key;
    final InMemoryConsensusStore store = new InMemoryConsensusStore();
    final List<CertifiedBlock> chain = new ArrayList<>();
    Hash root = Hash.ZERO;
    Replica replica;

    Node(int index, KeyPair key) {
      this.index = index;
      this.key = key;
    }
  }

  /** The application's decisions in this script: at height h, the set becomes the first k keys. */
  private final Map<Long, Integer> decisions = new java.util.TreeMap<>();

  ScriptCluster(int n) {
    this(n, 0);
  }

  /** {@code n} validators plus {@code observers} nodes whose keys are not (yet) in the set. */
  ScriptCluster(int n, int observers) {
    for (int i = 0; i < n + observers; i++) {
      keys.add(Simulation.key(i + 1));
    }
    validators = ValidatorSet.of(keys.subList(0, n).stream().map(KeyPair::publicKey).toList());
    config = ConsensusConfig.forTests(Simulation.CHAIN_ID, Sha256.hash(new byte[] {1}));
    for (int i = 0; i < n + observers; i++) {
      KeyPair key = i < n ? keyOfMember(i) : keys.get(i);
      Node node = new Node(i, key);
      node.replica = newReplica(node);
      nodes.add(node);
    }
  }

  private KeyPair keyOfMember(int index) {
    PublicKey member = validators.get(index);
    return keys.stream().filter(k -> k.publicKey().equals(member)).findFirst().orElseThrow();
  }

  private Replica newReplica(Node node) {
    return new Replica(
        config,
        node.key,
        validators,
        org.alliancechain.consensus.msg.SignatureVerifier.ED25519,
        new RestartState(
            node.chain.size(),
            node.chain.isEmpty()
                ? Optional.empty()
                : Optional.of(node.chain.get(node.chain.size() - 1).block().header()),
            node.root,
            node.store.load()));
  }

  String output() {
    return out.toString();
  }

  void run(String script) {
    for (String raw : script.split("\n", -1)) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        out.append(raw).append('\n');
        continue;
      }
      out.append("> ").append(line).append('\n');
      String[] words = line.split("\\s+");
      Map<Integer, String> before = snapshot();
      execute(words);
      report(before);
    }
  }

  private void execute(String[] w) {
    switch (w[0]) {
      case "submit" -> submit(Integer.parseInt(w[1]));
      case "run" -> {
        for (int i = 0; i < Integer.parseInt(w[1]); i++) {
          tickAll();
          deliverAll();
        }
      }
      case "silence" -> silent.add(Integer.parseInt(w[1]));
      case "isolate" -> isolated.add(Integer.parseInt(w[1]));
      case "lose-commits-to" -> commitsLost.add(Integer.parseInt(w[1]));
      case "heal" -> {
        silent.clear();
        isolated.clear();
      }
      case "crash" -> nodes.get(Integer.parseInt(w[1])).replica = null;
      case "restart" -> {
        Node node = nodes.get(Integer.parseInt(w[1]));
        node.replica = newReplica(node);
      }
      case "decide-validators" -> decisions.put(Long.parseLong(w[1]), Integer.parseInt(w[2]));
      case "status" -> {
        for (Node node : nodes) {
          out.append("  ").append(describe(node)).append('\n');
        }
      }
      default -> throw new IllegalArgumentException("unknown command " + w[0]);
    }
  }

  private void submit(int count) {
    for (int i = 0; i < count; i++) {
      Transaction tx =
          Transaction.sign(
              client, Simulation.CHAIN_ID, nextNonce, 1, Bytes.wrap(new byte[] {(byte) nextNonce}));
      nextNonce++;
      for (Node node : nodes) {
        step(node, new Input.SubmitTx(tx));
      }
    }
  }

  private void tickAll() {
    tick++;
    for (Node node : nodes) {
      step(node, new Input.Tick(config.genesisTimeMillis() + tick * Simulation.TICK_MILLIS));
    }
  }

  private void deliverAll() {
    int steps = 0;
    while (!network.isEmpty() && steps++ < 100_000) {
      Envelope e = network.poll();
      Node target = nodes.get(e.to());
      if (e.message() instanceof SyncRequest request) {
        serveSync(target, e.from(), request);
      } else {
        step(target, new Input.Receive(e.message()));
      }
    }
  }

  private void serveSync(Node node, int to, SyncRequest request) {
    if (node.replica == null) {
      return;
    }
    List<CertifiedBlock> blocks = new ArrayList<>();
    for (long h = request.fromHeight(); h <= Math.min(request.toHeight(), node.chain.size()); h++) {
      blocks.add(node.chain.get((int) h - 1));
    }
    if (!blocks.isEmpty()) {
      send(node.index, to, new Signing(Simulation.CHAIN_ID, node.key).syncResponse(blocks));
    }
  }

  private void step(Node node, Input input) {
    ArrayDeque<Input> inputs = new ArrayDeque<>();
    inputs.add(input);
    while (!inputs.isEmpty() && node.replica != null) {
      Ready ready = node.replica.step(inputs.poll());
      node.store.save(ready.persist());
      for (Ready.Outgoing o : ready.send()) {
        for (Node target : nodes) {
          if (target != node && (o.to().isEmpty() || o.to().get().equals(target.key.publicKey()))) {
            send(node.index, target.index, o.message());
          }
        }
      }
      for (CertifiedBlock block : ready.commit()) {
        node.chain.add(block);
        node.root = Sha256.hash(node.root.toBytes(), block.block().hash().toBytes());
        out.append(
            String.format(
                "  node %d commits height %d: %d txs, proposed in view %d, certified in view %d"
                    + " by %d votes%n",
                node.index,
                block.block().height(),
                block.block().transactions().size(),
                block.block().header().view(),
                block.certificate().view(),
                block.certificate().votes().size()));
        Integer size = decisions.get(block.block().height());
        long decided = block.block().height();
        Optional<ValidatorChange> next =
            size == null
                ? Optional.empty()
                : Optional.of(
                    new ValidatorChange(
                        decided,
                        ValidatorChange.activationHeight(
                            decided, config.windowBlocks(), config.epochBlocks()),
                        ValidatorSet.of(
                            keys.subList(0, size).stream().map(KeyPair::publicKey).toList())));
        inputs.add(
            new Input.BlockExecuted(block.block().height(), block.block().hash(), node.root, next));
      }
    }
  }

  private void send(int from, int to, ConsensusMessage message) {
    if (silent.contains(from)
        || isolated.contains(from)
        || isolated.contains(to)
        || (commitsLost.contains(to) && message instanceof org.alliancechain.consensus.msg.Commit)
        || nodes.get(to).replica == null) {
      return;
    }
    network.add(new Envelope(from, to, message));
  }

  private Map<Integer, String> snapshot() {
    Map<Integer, String> s = new java.util.TreeMap<>();
    for (Node node : nodes) {
      s.put(node.index, describe(node));
    }
    return s;
  }

  private static String describe(Node node) {
    Replica r = node.replica;
    if (r == null) {
      return "node " + node.index + ": down, chain " + node.chain.size();
    }
    return String.format(
        "node %d: %s view %d%s, committed %d, watermarks (%d, %d], log %d",
        node.index,
        r.state(),
        r.view(),
        r.isPrimary()
            ? " (primary)"
            : r.validators().contains(node.key.publicKey()) ? "" : " (not a validator)",
        r.committedSeq(),
        r.lowWatermark(),
        r.highWatermark(),
        r.logSize());
  }

  private void report(Map<Integer, String> before) {
    for (Map.Entry<Integer, String> e : snapshot().entrySet()) {
      if (!e.getValue().equals(before.get(e.getKey()))) {
        out.append("  ").append(e.getValue()).append('\n');
      }
    }
  }
}
