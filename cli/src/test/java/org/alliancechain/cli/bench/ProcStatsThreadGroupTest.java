package org.alliancechain.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

// The bench's CPU by thread: node thread names (as Linux keeps them, 15 characters) to jobs.
class ProcStatsThreadGroupTest {
  @Test
  void nodeThreadsGoToTheirJobs() {
    assertThat(ProcStats.threadGroup("tx-verify-v01-1")).isEqualTo("verify");
    assertThat(ProcStats.threadGroup("proposal-verif")).isEqualTo("verify");
    assertThat(ProcStats.threadGroup("consensus-v01")).isEqualTo("consensus");
    assertThat(ProcStats.threadGroup("p2p-io-3-1")).isEqualTo("p2p");
    assertThat(ProcStats.threadGroup("api-worker-2-1")).isEqualTo("api");
    assertThat(ProcStats.threadGroup("tx-intake-v01")).isEqualTo("intake");
    assertThat(ProcStats.threadGroup("C2 CompilerThre")).isEqualTo("jit");
    assertThat(ProcStats.threadGroup("VM Thread")).isEqualTo("gc");
    assertThat(ProcStats.threadGroup("rocksdb:low")).isEqualTo("rocksdb");
    assertThat(ProcStats.threadGroup("mempool-regossi")).isEqualTo("other");
  }
}
