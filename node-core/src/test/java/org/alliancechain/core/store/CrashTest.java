package org.alliancechain.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;
import org.alliancechain.core.exec.ChainFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC M-28: "a node killed at any moment restarts to a consistent state without losing a committed
 * block". A child JVM commits blocks in a loop and is SIGKILLed at seeded random moments; after
 * every kill the store must reopen, pass {@link StoreChecker}, and hold every block the child
 * reported durable (it prints only after the synced commit returned).
 */
class CrashTest {
  private static final int KILLS = Integer.getInteger("crash.kills", 20);
  private final ChainFixture chain = new ChainFixture();
  @TempDir Path dir;

  @Test
  void killedWriterNeverLosesADurableBlockAndAlwaysReopensConsistent() throws Exception {
    long seed = Long.getLong("crash.seed", System.nanoTime());
    System.out.println("crash test seed = " + seed + " (replay with -Dcrash.seed=" + seed + ")");
    SplittableRandom random = new SplittableRandom(seed);
    long durable = 0;
    Reported reported = new Reported();
    long blocksAtLastOpen = 0;
    int killsAfterProgress = 0;
    int killsWithUnreportedCommit = 0;
    for (int kill = 0; kill < KILLS; kill++) {
      Process child = ChildJvm.start(CrashWriterMain.class, dir.toString());
      try (BufferedReader out =
          new BufferedReader(
              new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        int commitsBeforeKill = 2 + random.nextInt(4);
        long firstCommitNanos = 0;
        for (int commits = 0; commits < commitsBeforeKill; ) {
          String line = out.readLine();
          assertThat(line).as("child died before the kill (see its stderr)").isNotNull();
          long height = reported.read(line);
          if (height > 0) {
            durable = Math.max(durable, height);
            firstCommitNanos = commits == 0 ? System.nanoTime() : firstCommitNanos;
            commits++;
          }
        }
        // The kill moment: a seeded random point in the next two block cycles (building,
        // signing, execution, tree update, the synced write), measured from the child's own pace.
        // This is where the kill lands, not a wait for anything.
        long cycleNanos = (System.nanoTime() - firstCommitNanos) / (commitsBeforeKill - 1);
        LockSupport.parkNanos(random.nextLong(Math.max(1, 2 * cycleNanos)));
        // SIGKILL through the process handle: Process.destroyForcibly would also close our end
        // of the pipe and lose lines the child printed just before dying.
        assertThat(child.toHandle().destroyForcibly()).isTrue();
        // Lines already in the pipe were printed after their commit returned: durable too.
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          durable = Math.max(durable, reported.read(line));
        }
      } finally {
        child.destroyForcibly();
        child.waitFor();
      }
      try (RocksStore store =
          RocksStore.open(
              dir, ChainFixture.CHAIN, new StoreOptions(CrashWriterMain.STATE_VERSIONS_KEPT))) {
        StoreChecker.Report report =
            StoreChecker.check(store, h -> chain.validators(), Math.max(1, blocksAtLastOpen - 2));
        assertThat(report.problems())
            .as("after kill %d (seed %d): %s", kill, seed, report)
            .isEmpty();
        assertThat(store.head())
            .as("durable block lost after kill %d (seed %d)", kill, seed)
            .isGreaterThanOrEqualTo(durable);
        reported.assertAllPresent(store, kill, seed);
        killsAfterProgress += store.head() > blocksAtLastOpen ? 1 : 0;
        killsWithUnreportedCommit += store.head() > durable ? 1 : 0;
        blocksAtLastOpen = store.head();
      }
    }
    System.out.println(
        "crash test: "
            + KILLS
            + " kills, "
            + blocksAtLastOpen
            + " blocks, last durable "
            + durable
            + "; kills that found a commit the child had not yet reported: "
            + killsWithUnreportedCommit);
    assertThat(killsAfterProgress).isEqualTo(KILLS);
    // The whole chain, once more from the first block.
    try (RocksStore store =
        RocksStore.open(
            dir, ChainFixture.CHAIN, new StoreOptions(CrashWriterMain.STATE_VERSIONS_KEPT))) {
      assertThat(StoreChecker.check(store, h -> chain.validators()).problems()).isEmpty();
    }
  }

  /** What the child reported durable: blocks, consensus records, resources. */
  private static final class Reported {
    private final java.util.TreeSet<Long> votes = new java.util.TreeSet<>();
    private final java.util.TreeMap<Long, org.alliancechain.core.hash.Hash> resources =
        new java.util.TreeMap<>();

    /** Parses one line; returns the durable block height it reports, or 0. */
    long read(String line) throws IOException {
      String[] parts = line.split(" ", -1);
      switch (parts[0]) {
        case "durable" -> {
          return Long.parseLong(parts[1]);
        }
        case "voted" -> votes.add(Long.parseLong(parts[1]));
        case "resource" ->
            resources.put(
                Long.parseLong(parts[1]), org.alliancechain.core.hash.Hash.fromHex(parts[2]));
        default -> throw new IOException("unexpected child output: " + line);
      }
      return 0;
    }

    void assertAllPresent(RocksStore store, int kill, long seed) {
      for (long vote : votes) {
        assertThat(store.consensus().get(org.alliancechain.core.exec.KvApp.text("vote/" + vote)))
            .as("consensus record %d lost after kill %d (seed %d)", vote, kill, seed)
            .isPresent();
      }
      long chunks = 0;
      for (var resource : resources.entrySet()) {
        byte[] content = CrashWriterMain.resourceContent(resource.getKey());
        assertThat(resource.getValue()).isEqualTo(org.alliancechain.core.hash.Sha256.hash(content));
        assertThat(store.resources().sizeBytes(resource.getValue()))
            .as("resource lost after kill %d (seed %d)", kill, seed)
            .contains((long) content.length);
      }
      // Every stored chunk belongs to a finished resource: interrupted uploads were cleaned up.
      try (var it = store.db.newIterator(store.resources().family())) {
        for (it.seek(new byte[] {Keys.CHUNK});
            it.isValid() && it.key()[0] == Keys.CHUNK;
            it.next()) {
          chunks++;
        }
      }
      long manifests = 0;
      try (var it = store.db.newIterator(store.resources().family())) {
        for (it.seek(new byte[] {Keys.MANIFEST});
            it.isValid() && it.key()[0] == Keys.MANIFEST;
            it.next()) {
          manifests++;
        }
      }
      assertThat(chunks)
          .as("orphan resource chunks after kill %d (seed %d)", kill, seed)
          .isEqualTo(3 * manifests);
    }
  }
}
