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
    long blocksAtLastOpen = 0;
    int killsAfterProgress = 0;
    int killsWithUnreportedCommit = 0;
    for (int kill = 0; kill < KILLS; kill++) {
      Process child = ChildJvm.start(CrashWriterMain.class, dir.toString());
      try (BufferedReader out =
          new BufferedReader(
              new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        int linesBeforeKill = 1 + random.nextInt(4);
        for (int i = 0; i < linesBeforeKill; i++) {
          String line = out.readLine();
          assertThat(line).as("child died before the kill (see its stderr)").isNotNull();
          durable = Math.max(durable, durableHeight(line));
        }
        // The kill moment: a seeded random point inside the next block's work (signing,
        // execution, tree update or the synced write), not a wait for anything.
        LockSupport.parkNanos(random.nextLong(8_000_000));
        // SIGKILL through the process handle: Process.destroyForcibly would also close our end
        // of the pipe and lose lines the child printed just before dying.
        assertThat(child.toHandle().destroyForcibly()).isTrue();
        // Lines already in the pipe were printed after their commit returned: durable too.
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          durable = Math.max(durable, durableHeight(line));
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

  private static long durableHeight(String line) throws IOException {
    if (!line.startsWith("durable ")) {
      throw new IOException("unexpected child output: " + line);
    }
    return Long.parseLong(line.substring("durable ".length()));
  }
}
