package org.alliancechain.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.hash.Hash;
import org.junit.jupiter.api.Test;

// SPEC M-26 (state root in the header), issue 2 "Authenticated state".
class StateTreeTest {

  private static long seed(String name) {
    long seed = Long.getLong("state.seed", System.nanoTime());
    System.out.println(name + " seed = " + seed + " (replay with -Dstate.seed=" + seed + ")");
    return seed;
  }

  private static Bytes randomKey(SplittableRandom random) {
    byte[] key = new byte[1 + random.nextInt(12)];
    random.nextBytes(key);
    return Bytes.wrap(key);
  }

  private static Bytes randomValue(SplittableRandom random) {
    byte[] value = new byte[random.nextInt(20)];
    random.nextBytes(value);
    return Bytes.wrap(value);
  }

  private static Bytes text(String s) {
    return Bytes.wrap(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** Commits one version over the latest one and returns its root. */
  private static Hash commit(
      StateTree tree, long version, SortedMap<Bytes, Optional<Bytes>> changes) {
    StateUpdate update = tree.update(version - 1, version, changes);
    tree.store().commit(update);
    return update.rootHash();
  }

  private static StateTree emptyTreeAtVersionZero() {
    StateTree tree = new StateTree(new InMemoryNodeStore());
    tree.store().commit(tree.update(StateUpdate.NO_BASE, 0, new TreeMap<>()));
    return tree;
  }

  private static Hash rootOfOneBatch(Map<Bytes, Bytes> state) {
    StateTree tree = new StateTree(new InMemoryNodeStore());
    SortedMap<Bytes, Optional<Bytes>> changes = new TreeMap<>();
    state.forEach((k, v) -> changes.put(k, Optional.of(v)));
    StateUpdate update = tree.update(StateUpdate.NO_BASE, 0, changes);
    tree.store().commit(update);
    return update.rootHash();
  }

  @Test
  void emptyStateHasTheZeroRoot() {
    assertThat(emptyTreeAtVersionZero().rootHash(0)).isEqualTo(Hash.ZERO);
  }

  @Test
  void rootFollowsTheTreeDefinitionThroughRandomHistoriesOfPutsAndDeletes() {
    SplittableRandom random = new SplittableRandom(seed("history"));
    for (int round = 0; round < 20; round++) {
      StateTree tree = emptyTreeAtVersionZero();
      TreeMap<Bytes, Bytes> model = new TreeMap<>();
      List<TreeMap<Bytes, Bytes>> history = new ArrayList<>();
      history.add(new TreeMap<>());
      List<Bytes> known = new ArrayList<>();
      for (long version = 1; version <= 30; version++) {
        SortedMap<Bytes, Optional<Bytes>> changes = new TreeMap<>();
        int count = random.nextInt(8);
        for (int i = 0; i < count; i++) {
          boolean reuse = !known.isEmpty() && random.nextInt(3) > 0;
          Bytes key = reuse ? known.get(random.nextInt(known.size())) : randomKey(random);
          known.add(key);
          Optional<Bytes> value =
              random.nextInt(3) == 0 ? Optional.empty() : Optional.of(randomValue(random));
          changes.put(key, value);
        }
        changes.forEach((k, v) -> v.ifPresentOrElse(x -> model.put(k, x), () -> model.remove(k)));
        assertThat(commit(tree, version, changes)).isEqualTo(ReferenceSmt.root(model));
        history.add(new TreeMap<>(model));
      }
      // Every old version still reads and roots as it was.
      for (int version = 0; version < history.size(); version++) {
        assertThat(tree.rootHash(version)).isEqualTo(ReferenceSmt.root(history.get(version)));
        for (Bytes key : known) {
          assertThat(tree.get(key, version))
              .isEqualTo(Optional.ofNullable(history.get(version).get(key)));
        }
      }
      for (Bytes key : known) {
        assertThat(tree.store().latestValue(TreeHashing.keyHash(key)))
            .isEqualTo(Optional.ofNullable(model.get(key)));
      }
    }
  }

  @Test
  void rootIsIndependentOfInsertionOrder() {
    SplittableRandom random = new SplittableRandom(seed("order"));
    for (int round = 0; round < 20; round++) {
      TreeMap<Bytes, Bytes> state = new TreeMap<>();
      int size = 1 + random.nextInt(200);
      for (int i = 0; i < size; i++) {
        state.put(randomKey(random), randomValue(random));
      }
      Hash expected = rootOfOneBatch(state);
      List<Bytes> keys = new ArrayList<>(state.keySet());
      Collections.shuffle(keys, new java.util.Random(random.nextLong()));
      // Insert in shuffled order, in batches of random sizes, one version per batch.
      StateTree tree = emptyTreeAtVersionZero();
      long version = 0;
      int next = 0;
      while (next < keys.size()) {
        int batch = 1 + random.nextInt(10);
        SortedMap<Bytes, Optional<Bytes>> changes = new TreeMap<>();
        for (int i = 0; i < batch && next < keys.size(); i++, next++) {
          changes.put(keys.get(next), Optional.of(state.get(keys.get(next))));
        }
        commit(tree, ++version, changes);
      }
      assertThat(tree.rootHash(version)).isEqualTo(expected);
    }
  }

  @Test
  void differentStatesHaveDifferentRoots() {
    SplittableRandom random = new SplittableRandom(seed("distinct"));
    Set<Hash> roots = new HashSet<>();
    Set<TreeMap<Bytes, Bytes>> states = new HashSet<>();
    for (int round = 0; round < 300; round++) {
      TreeMap<Bytes, Bytes> state = new TreeMap<>();
      int size = random.nextInt(30);
      for (int i = 0; i < size; i++) {
        state.put(randomKey(random), randomValue(random));
      }
      // One small change: add a key, drop a key, or change one value (maybe to the empty value).
      TreeMap<Bytes, Bytes> changed = new TreeMap<>(state);
      int kind = state.isEmpty() ? 0 : random.nextInt(3);
      Bytes some =
          state.isEmpty()
              ? null
              : new ArrayList<>(state.keySet()).get(random.nextInt(state.size()));
      switch (kind) {
        case 0 -> changed.put(randomKey(random), Bytes.EMPTY);
        case 1 -> changed.remove(some);
        default -> {
          byte[] value = state.get(some).toByteArray();
          changed.put(some, value.length == 0 ? Bytes.of(new byte[] {0}) : Bytes.wrap(new byte[0]));
        }
      }
      if (changed.equals(state)) {
        continue;
      }
      Hash a = rootOfOneBatch(state);
      Hash b = rootOfOneBatch(changed);
      assertThat(a).as("round %d kind %d", round, kind).isNotEqualTo(b);
      if (states.add(state)) {
        assertThat(roots.add(a)).as("a root shared by two different states").isTrue();
      }
    }
  }

  @Test
  void deletingAKeyRestoresThePreviousRoot() {
    SplittableRandom random = new SplittableRandom(seed("delete"));
    StateTree tree = emptyTreeAtVersionZero();
    SortedMap<Bytes, Optional<Bytes>> initial = new TreeMap<>();
    for (int i = 0; i < 500; i++) {
      initial.put(randomKey(random), Optional.of(randomValue(random)));
    }
    Hash before = commit(tree, 1, initial);
    long version = 1;
    for (int i = 0; i < 50; i++) {
      Bytes key = randomKey(random);
      if (tree.get(key, version).isPresent()) {
        continue;
      }
      TreeMap<Bytes, Optional<Bytes>> put = new TreeMap<>();
      put.put(key, Optional.of(randomValue(random)));
      assertThat(commit(tree, ++version, put)).isNotEqualTo(before);
      TreeMap<Bytes, Optional<Bytes>> delete = new TreeMap<>();
      delete.put(key, Optional.empty());
      assertThat(commit(tree, ++version, delete)).isEqualTo(before);
    }
  }

  @Test
  void inclusionAndExclusionProofsVerifyAtEveryKeptVersion() {
    SplittableRandom random = new SplittableRandom(seed("proofs"));
    StateTree tree = emptyTreeAtVersionZero();
    List<TreeMap<Bytes, Bytes>> history = new ArrayList<>();
    history.add(new TreeMap<>());
    TreeMap<Bytes, Bytes> model = new TreeMap<>();
    for (long version = 1; version <= 10; version++) {
      SortedMap<Bytes, Optional<Bytes>> changes = new TreeMap<>();
      for (int i = 0; i < 40; i++) {
        changes.put(randomKey(random), Optional.of(randomValue(random)));
      }
      if (!model.isEmpty()) {
        changes.put(model.firstKey(), Optional.empty());
      }
      changes.forEach((k, v) -> v.ifPresentOrElse(x -> model.put(k, x), () -> model.remove(k)));
      commit(tree, version, changes);
      history.add(new TreeMap<>(model));
    }
    int exclusionsThroughALeaf = 0;
    for (int version = 0; version < history.size(); version++) {
      Hash root = tree.rootHash(version);
      for (Map.Entry<Bytes, Bytes> e : history.get(version).entrySet()) {
        StateProof proof = tree.prove(e.getKey(), version);
        assertThat(proof.verify(root, e.getKey(), Optional.of(e.getValue())).isOk()).isTrue();
        assertThat(proof.verify(root, e.getKey(), Optional.empty()).reason())
            .isEqualTo("key_present");
      }
      for (int i = 0; i < 50; i++) {
        Bytes absent = randomKey(random);
        if (history.get(version).containsKey(absent)) {
          continue;
        }
        StateProof proof = tree.prove(absent, version);
        assertThat(proof.verify(root, absent, Optional.empty()).isOk()).isTrue();
        assertThat(proof.verify(root, absent, Optional.of(Bytes.EMPTY)).isOk()).isFalse();
        exclusionsThroughALeaf += proof.leaf().isPresent() ? 1 : 0;
      }
    }
    // Both kinds of exclusion (ending in another key's leaf, or in an empty subtree) were seen.
    assertThat(exclusionsThroughALeaf).isPositive();
  }

  @Test
  void tamperedProofsFail() {
    SplittableRandom random = new SplittableRandom(seed("tamper"));
    StateTree tree = emptyTreeAtVersionZero();
    SortedMap<Bytes, Optional<Bytes>> changes = new TreeMap<>();
    for (int i = 0; i < 300; i++) {
      changes.put(randomKey(random), Optional.of(randomValue(random)));
    }
    Hash root = commit(tree, 1, changes);
    for (Map.Entry<Bytes, Optional<Bytes>> e : changes.entrySet()) {
      Bytes key = e.getKey();
      Optional<Bytes> value = e.getValue();
      StateProof proof = tree.prove(key, 1);
      assertThat(proof.verify(root, key, value).isOk()).isTrue();
      for (StateProof bad : tamperings(proof, random)) {
        assertThat(bad.verify(root, key, value).isOk()).as("tampered %s", bad).isFalse();
      }
      byte[] otherValue = value.get().toByteArray();
      Bytes wrongValue = Bytes.wrap(java.util.Arrays.copyOf(otherValue, otherValue.length + 1));
      assertThat(proof.verify(root, key, Optional.of(wrongValue)).reason())
          .isEqualTo("value_mismatch");
      byte[] otherRoot = root.toBytes();
      otherRoot[random.nextInt(32)] ^= 1;
      assertThat(proof.verify(Hash.of(otherRoot), key, value).reason()).isEqualTo("root_mismatch");
      Bytes otherKey = randomKey(random);
      while (otherKey.equals(key)) { // short keys collide: 1 byte long one time in 12
        otherKey = randomKey(random);
      }
      assertThat(proof.verify(root, otherKey, value).isOk()).isFalse();
    }
  }

  /** Every single-field change of a proof: each sibling bit flip, one fewer, one more, the leaf. */
  private static List<StateProof> tamperings(StateProof proof, SplittableRandom random) {
    List<StateProof> out = new ArrayList<>();
    List<Hash> siblings = proof.siblings();
    for (int i = 0; i < siblings.size(); i++) {
      List<Hash> changed = new ArrayList<>(siblings);
      byte[] bytes = siblings.get(i).toBytes();
      bytes[random.nextInt(32)] ^= (byte) (1 << random.nextInt(8));
      changed.set(i, Hash.of(bytes));
      out.add(new StateProof(changed, proof.leaf()));
    }
    if (!siblings.isEmpty()) {
      out.add(new StateProof(siblings.subList(1, siblings.size()), proof.leaf()));
      out.add(new StateProof(siblings.subList(0, siblings.size() - 1), proof.leaf()));
    }
    List<Hash> longer = new ArrayList<>(siblings);
    longer.add(Hash.ZERO);
    out.add(new StateProof(longer, proof.leaf()));
    out.add(new StateProof(siblings, Optional.empty()));
    proof
        .leaf()
        .ifPresent(
            leaf -> {
              byte[] v = leaf.valueHash().toBytes();
              v[0] ^= 1;
              out.add(
                  new StateProof(
                      siblings,
                      Optional.of(new StateProof.LeafSummary(leaf.keyHash(), Hash.of(v)))));
            });
    return out;
  }

  @Test
  void proofsSurviveTheirEncoding() {
    StateTree tree = emptyTreeAtVersionZero();
    SortedMap<Bytes, Optional<Bytes>> changes = new TreeMap<>();
    for (int i = 0; i < 100; i++) {
      changes.put(text("k" + i), Optional.of(text("v" + i)));
    }
    Hash root = commit(tree, 1, changes);
    for (Bytes key : List.of(text("k7"), text("absent"))) {
      StateProof proof = tree.prove(key, 1);
      StateProof decoded = StateProof.decode(proof.encode());
      assertThat(decoded).isEqualTo(proof);
      assertThat(decoded.verify(root, key, tree.get(key, 1)).isOk()).isTrue();
    }
  }

  /** Counts node reads, to show an update's cost does not grow with the state. */
  private static final class CountingStore implements NodeStore {
    private final InMemoryNodeStore inner = new InMemoryNodeStore();
    int reads;

    @Override
    public Optional<Node> node(NodeKey key) {
      reads++;
      return inner.node(key);
    }

    @Override
    public Optional<NodeRef> root(long version) {
      return inner.root(version);
    }

    @Override
    public java.util.OptionalLong latestVersion() {
      return inner.latestVersion();
    }

    @Override
    public java.util.OptionalLong oldestVersion() {
      return inner.oldestVersion();
    }

    @Override
    public Optional<Bytes> latestValue(Hash keyHash) {
      return inner.latestValue(keyHash);
    }

    @Override
    public void commit(StateUpdate update) {
      inner.commit(update);
    }

    @Override
    public void prune(long versionKeptMin) {
      inner.prune(versionKeptMin);
    }
  }

  @Test
  void updatingOneKeyTouchesAboutLogNNodesNotTheStateAndNot256() {
    SplittableRandom random = new SplittableRandom(seed("cost"));
    CountingStore store = new CountingStore();
    StateTree tree = new StateTree(store);
    SortedMap<Bytes, Optional<Bytes>> initial = new TreeMap<>();
    for (int i = 0; i < 20_000; i++) {
      initial.put(randomKey(random), Optional.of(randomValue(random)));
    }
    store.commit(tree.update(StateUpdate.NO_BASE, 0, initial));
    // log2(20,000) is about 14.3; a random tree's deepest path is a small multiple of that.
    int levelsBound = 48;
    for (int version = 1; version <= 50; version++) {
      store.reads = 0;
      SortedMap<Bytes, Optional<Bytes>> one = new TreeMap<>();
      one.put(randomKey(random), Optional.of(randomValue(random)));
      StateUpdate update = tree.update(version - 1, version, one);
      store.commit(update);
      assertThat(update.newNodes().size()).isLessThanOrEqualTo(levelsBound);
      assertThat(store.reads).isLessThanOrEqualTo(levelsBound);
      assertThat(tree.prove(one.firstKey(), version).siblings().size()).isLessThan(levelsBound);
    }
  }

  @Test
  void pruningForgetsOldVersionsAndKeepsExactlyTheNodesOfKeptOnes() {
    SplittableRandom random = new SplittableRandom(seed("prune"));
    InMemoryNodeStore store = new InMemoryNodeStore();
    StateTree tree = new StateTree(store);
    store.commit(tree.update(StateUpdate.NO_BASE, 0, new TreeMap<>()));
    List<Bytes> keys = new ArrayList<>();
    TreeMap<Bytes, Bytes> model = new TreeMap<>();
    for (long version = 1; version <= 40; version++) {
      SortedMap<Bytes, Optional<Bytes>> changes = new TreeMap<>();
      for (int i = 0; i < 20; i++) {
        boolean reuse = !keys.isEmpty() && random.nextBoolean();
        Bytes key = reuse ? keys.get(random.nextInt(keys.size())) : randomKey(random);
        keys.add(key);
        changes.put(
            key, random.nextInt(4) == 0 ? Optional.empty() : Optional.of(randomValue(random)));
      }
      changes.forEach((k, v) -> v.ifPresentOrElse(x -> model.put(k, x), () -> model.remove(k)));
      commit(tree, version, changes);
    }
    store.prune(40);
    assertThatThrownBy(() -> tree.rootHash(39))
        .isInstanceOfSatisfying(
            StateVersionException.class,
            e -> assertThat(e.reason()).isEqualTo(StateVersionException.Reason.PRUNED));
    // Only the head's nodes remain: as many as a fresh tree of the same state has.
    InMemoryNodeStore fresh = new InMemoryNodeStore();
    SortedMap<Bytes, Optional<Bytes>> all = new TreeMap<>();
    model.forEach((k, v) -> all.put(k, Optional.of(v)));
    fresh.commit(new StateTree(fresh).update(StateUpdate.NO_BASE, 0, all));
    assertThat(store.nodeCount()).isEqualTo(fresh.nodeCount());
    assertThat(tree.rootHash(40)).isEqualTo(ReferenceSmt.root(model));
    for (Bytes key : keys) {
      Optional<Bytes> value = Optional.ofNullable(model.get(key));
      assertThat(tree.get(key, 40)).isEqualTo(value);
      assertThat(tree.prove(key, 40).verify(tree.rootHash(40), key, value).isOk()).isTrue();
    }
  }
}
