package org.alliancechain.cli.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ChainChecksTest {
  private static final String D1 = "a".repeat(64);
  private static final String D2 = "b".repeat(64);

  private static ChainWatcher.BlockSeen block(long h, String hash, String... txs) {
    return new ChainWatcher.BlockSeen(h, hash, List.of(txs));
  }

  private static List<ChainWatcher.BlockSeen> chain(String... hashes) {
    List<ChainWatcher.BlockSeen> out = new ArrayList<>();
    for (int i = 0; i < hashes.length; i++) {
      out.add(block(i + 1, hashes[i], "tx" + (i + 1)));
    }
    return out;
  }

  private static Map<String, ChainWatcher.Head> heads(long height, String... roots) {
    Map<String, ChainWatcher.Head> out = new TreeMap<>();
    for (int i = 0; i < roots.length; i++) {
      out.put("v0" + (i + 1), new ChainWatcher.Head(height, "h", roots[i]));
    }
    return out;
  }

  // Issue 9 checks: agreement up to the lowest head, nothing acknowledged lost.
  @Test
  void identicalChainsWithEveryAcknowledgementPass() {
    Map<String, List<ChainWatcher.BlockSeen>> chains = new LinkedHashMap<>();
    chains.put("v01", chain("h1", "h2", "h3"));
    chains.put("v02", chain("h1", "h2", "h3"));
    chains.put("v03", chain("h1", "h2")); // behind is not divergent
    var findings =
        ChainChecks.check(
            chains,
            heads(3, "r", "r"),
            Map.of(1L, "h1", 2L, "h2"),
            Map.of("tx1", 1L, "tx2", 2L),
            List.of("v01 prepare 0 1 " + D1, "v01 prepare 0 1 " + D1));
    assertThat(findings.clean()).as(findings.toString()).isTrue();
  }

  @Test
  void aForkedBlockIsADivergence() {
    Map<String, List<ChainWatcher.BlockSeen>> chains = new LinkedHashMap<>();
    chains.put("v01", chain("h1", "h2"));
    chains.put("v02", chain("h1", "X2"));
    var findings = ChainChecks.check(chains, Map.of(), Map.of(), Map.of(), List.of());
    assertThat(findings.divergences()).hasSize(1).first().asString().contains("block 2");
  }

  @Test
  void anAcknowledgedBlockMissingAfterARestartIsLost() {
    Map<String, List<ChainWatcher.BlockSeen>> chains = new LinkedHashMap<>();
    chains.put("v01", chain("h1", "h2", "h3"));
    chains.put("v02", chain("h1"));
    var findings =
        ChainChecks.check(chains, Map.of(), Map.of(3L, "h3"), Map.of("tx3", 3L), List.of());
    assertThat(findings.lost())
        .hasSize(1)
        .first()
        .asString()
        .contains("v02 lacks acknowledged block 3");
  }

  @Test
  void aTransactionTwiceInAChainOrMissingIsCaught() {
    Map<String, List<ChainWatcher.BlockSeen>> chains = new LinkedHashMap<>();
    chains.put("v01", List.of(block(1, "h1", "tx1"), block(2, "h2", "tx1")));
    var findings = ChainChecks.check(chains, Map.of(), Map.of(), Map.of("tx9", 2L), List.of());
    assertThat(findings.divergences()).anyMatch(d -> d.contains("tx1 2 times"));
    assertThat(findings.lost()).anyMatch(d -> d.contains("tx9"));
  }

  @Test
  void differentStateRootsAtOneHeightAreADivergence() {
    Map<String, List<ChainWatcher.BlockSeen>> chains = new LinkedHashMap<>();
    chains.put("v01", chain("h1"));
    var findings = ChainChecks.check(chains, heads(1, "r1", "r2"), Map.of(), Map.of(), List.of());
    assertThat(findings.divergences()).anyMatch(d -> d.contains("state root at height 1"));
  }

  // SPEC M-27: a restarted validator never signs two different digests for one slot.
  @Test
  void twoDigestsForOneViewSequenceAndPhaseAreAConflict() {
    List<String> log =
        List.of(
            "v02 commit 3 17 " + D1,
            "v02 prepare 3 17 " + D2, // another phase: no conflict
            "v01 commit 3 17 " + D2, // another validator: no conflict
            "v02 commit 4 17 " + D2, // another view: no conflict
            "v02 commit 3 17 " + D2,
            "v02 commit 3 18 " + D2.substring(0, 20)); // cut short by a kill: ignored
    assertThat(ChainChecks.conflicts(log))
        .singleElement()
        .asString()
        .contains("v02 commit view 3 seq 17");
  }
}
