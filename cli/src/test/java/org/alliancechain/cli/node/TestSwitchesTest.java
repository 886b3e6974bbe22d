package org.alliancechain.cli.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.alliancechain.consensus.core.ConsensusStore;
import org.alliancechain.consensus.core.PersistRecord;
import org.alliancechain.core.store.StoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestSwitchesTest {
  private static TestSwitches parse(Map<String, String> values) {
    return TestSwitches.parse(values::get, "v01");
  }

  // Issue 9: the crash switch is test-only, unreachable from production config.
  @Test
  void refusesEveryTestSwitchWithoutTheDevFlag() {
    for (String name :
        List.of(TestSwitches.CRASH_AT, TestSwitches.DISK_FAULT_FILE, TestSwitches.SIGNED_LOG)) {
      assertThatThrownBy(() -> parse(Map.of(name, "block-batch:1")))
          .isInstanceOf(NodeException.class)
          .hasMessageContaining(name)
          .hasMessageContaining(TestSwitches.DEV_FLAG + "=true");
      assertThatThrownBy(() -> parse(Map.of(name, "block-batch:1", TestSwitches.DEV_FLAG, "yes")))
          .isInstanceOf(NodeException.class);
    }
  }

  @Test
  void noSwitchSetMeansNone() {
    assertThat(parse(Map.of())).isSameAs(TestSwitches.NONE);
    assertThat(parse(Map.of(TestSwitches.DEV_FLAG, "true"))).isSameAs(TestSwitches.NONE);
    assertThat(TestSwitches.NONE.active()).isFalse();
  }

  @Test
  void rejectsMalformedCrashPoints() {
    for (String bad : List.of("block-batch", "block-batch:0", "block-batch:x", "fsync:1")) {
      assertThatThrownBy(
              () -> parse(Map.of(TestSwitches.CRASH_AT, bad, TestSwitches.DEV_FLAG, "true")))
          .as(bad)
          .isInstanceOf(NodeException.class);
    }
  }

  @Test
  void anInjectedDiskFaultFailsWritesOnlyWhileItsFileExists(@TempDir Path dir) throws Exception {
    Path flag = dir.resolve("disk-fault");
    TestSwitches switches =
        parse(Map.of(TestSwitches.DISK_FAULT_FILE, flag.toString(), TestSwitches.DEV_FLAG, "true"));
    switches.beforeWrite("a block");
    Files.writeString(flag, "x");
    assertThatThrownBy(() -> switches.beforeWrite("a block"))
        .isInstanceOfSatisfying(
            StoreException.class, e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.IO));
    Files.delete(flag);
    switches.beforeWrite("a block");
  }

  @Test
  void theWrappedConsensusLogRefusesToWriteOnAFullDiskAndPassesEverythingElse(@TempDir Path dir)
      throws Exception {
    Path flag = dir.resolve("disk-fault");
    TestSwitches switches =
        parse(Map.of(TestSwitches.DISK_FAULT_FILE, flag.toString(), TestSwitches.DEV_FLAG, "true"));
    Map<Integer, List<PersistRecord>> saved = new TreeMap<>();
    ConsensusStore inner =
        new ConsensusStore() {
          @Override
          public void save(List<PersistRecord> records) {
            saved.put(saved.size(), records);
          }

          @Override
          public List<PersistRecord> load() {
            return List.of();
          }
        };
    ConsensusStore wrapped = switches.wrap(inner);
    PersistRecord checkpoint =
        new PersistRecord.StableCheckpoint(
            5, org.alliancechain.core.hash.Hash.of(new byte[32]), List.of());
    wrapped.save(List.of(checkpoint));
    assertThat(saved).hasSize(1);
    Files.writeString(flag, "x");
    assertThatThrownBy(() -> wrapped.save(List.of(checkpoint))).isInstanceOf(StoreException.class);
    assertThat(saved).as("nothing reaches the store on a full disk").hasSize(1);
    assertThat(TestSwitches.NONE.wrap(inner)).isSameAs(inner);
  }
}
