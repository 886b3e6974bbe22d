package org.alliancechain.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.hash.Hash;
import org.alliancechain.core.state.InMemoryNodeStore;
import org.alliancechain.core.state.NodeStore;
import org.alliancechain.core.state.StateTree;
import org.alliancechain.core.state.StateUpdate;
import org.alliancechain.core.store.RocksStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 2 benchmark: update 1,000 keys (half changed, half new) in a state of 100,000 keys and
 * compute the new root, with the tree's nodes in memory or in RocksDB. The update is computed, not
 * written, so every invocation starts from the same state.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class StateBench {
  @Param({"100000"})
  int stateKeys;

  @Param({"1000"})
  int changedKeys;

  @Param({"memory", "rocksdb"})
  String nodes;

  private Path dir;
  private RocksStore rocks;
  private StateTree tree;
  private long version;
  private final SortedMap<Bytes, Optional<Bytes>> changes = new TreeMap<>();

  private static Bytes key(int i) {
    return Bytes.wrap(("account/" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Setup(Level.Trial)
  public void fillState() throws IOException {
    NodeStore store;
    if (nodes.equals("rocksdb")) {
      dir = Files.createTempDirectory("state-bench");
      rocks = RocksStore.open(dir, "bench-chain");
      store = rocks.stateTree().store();
    } else {
      store = new InMemoryNodeStore();
    }
    tree = new StateTree(store);
    SplittableRandom random = new SplittableRandom(1);
    int batch = 10_000;
    version = StateUpdate.NO_BASE;
    for (int from = 0; from < stateKeys; from += batch) {
      SortedMap<Bytes, Optional<Bytes>> fill = new TreeMap<>();
      for (int i = from; i < Math.min(stateKeys, from + batch); i++) {
        fill.put(key(i), Optional.of(value(random)));
      }
      store.commit(tree.update(version, version + 1, fill));
      version++;
    }
    for (int i = 0; i < changedKeys; i++) {
      int k = i % 2 == 0 ? random.nextInt(stateKeys) : stateKeys + i;
      changes.put(key(k), Optional.of(value(random)));
    }
  }

  private static Bytes value(SplittableRandom random) {
    byte[] value = new byte[64];
    random.nextBytes(value);
    return Bytes.wrap(value);
  }

  @Benchmark
  public Hash update1000KeysAndRecomputeRoot() {
    return tree.update(version, version + 1, changes).rootHash();
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    if (rocks != null) {
      rocks.close();
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }
}
