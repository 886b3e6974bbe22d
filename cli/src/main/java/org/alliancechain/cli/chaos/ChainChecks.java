package org.alliancechain.cli.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The end-of-run checks, as pure functions over what the nodes served (issue 9, "Checks after the
 * run"): the same blocks and state roots on every node up to the lowest head; every acknowledged
 * block still there; every acknowledged transaction in every chain exactly once; no two different
 * digests signed by one validator for the same (view, sequence, phase).
 */
final class ChainChecks {
  private ChainChecks() {}

  /** What the checks found; empty lists mean the run passed them. */
  record Findings(List<String> divergences, List<String> lost, List<String> conflicts) {
    boolean clean() {
      return divergences.isEmpty() && lost.isEmpty() && conflicts.isEmpty();
    }
  }

  /**
   * @param chains each member's blocks from height 1 up to its head, in order
   * @param heads each member's head at the end
   * @param acknowledgedBlocks block hash by height, as acknowledged during the run
   * @param acknowledgedTxs height by transaction hash, as acknowledged during the run
   * @param signedLog lines {@code member phase view seq digest} from every node's signed-vote log
   */
  static Findings check(
      Map<String, List<ChainWatcher.BlockSeen>> chains,
      Map<String, ChainWatcher.Head> heads,
      Map<Long, String> acknowledgedBlocks,
      Map<String, Long> acknowledgedTxs,
      List<String> signedLog) {
    List<String> divergences = new ArrayList<>();
    List<String> lost = new ArrayList<>();
    long lowest = Long.MAX_VALUE;
    for (List<ChainWatcher.BlockSeen> chain : chains.values()) {
      lowest = Math.min(lowest, chain.size());
    }
    String reference = chains.keySet().iterator().next();
    for (Map.Entry<String, List<ChainWatcher.BlockSeen>> e : chains.entrySet()) {
      List<ChainWatcher.BlockSeen> chain = e.getValue();
      for (int i = 0; i < chain.size(); i++) {
        ChainWatcher.BlockSeen b = chain.get(i);
        if (b.height() != i + 1) {
          divergences.add(e.getKey() + " served block " + b.height() + " at position " + (i + 1));
        }
        if (i < lowest && !b.hash().equals(chains.get(reference).get(i).hash())) {
          divergences.add(
              "block "
                  + (i + 1)
                  + ": "
                  + e.getKey()
                  + " has "
                  + b.hash()
                  + ", "
                  + reference
                  + " has "
                  + chains.get(reference).get(i).hash());
        }
      }
      for (Map.Entry<Long, String> ack : acknowledgedBlocks.entrySet()) {
        long h = ack.getKey();
        if (h > chain.size()) {
          lost.add(e.getKey() + " lacks acknowledged block " + h + " (head " + chain.size() + ")");
        } else if (!chain.get((int) h - 1).hash().equals(ack.getValue())) {
          divergences.add(
              e.getKey() + " has another block at acknowledged height " + h + " than acknowledged");
        }
      }
      checkTransactions(e.getKey(), chain, acknowledgedTxs, lost, divergences);
    }
    checkStateRoots(heads, divergences);
    return new Findings(divergences, lost, conflicts(signedLog));
  }

  private static void checkTransactions(
      String member,
      List<ChainWatcher.BlockSeen> chain,
      Map<String, Long> acknowledgedTxs,
      List<String> lost,
      List<String> divergences) {
    Map<String, Integer> count = new TreeMap<>();
    for (ChainWatcher.BlockSeen b : chain) {
      for (String tx : b.transactions()) {
        count.merge(tx, 1, Integer::sum);
      }
    }
    for (Map.Entry<String, Integer> c : count.entrySet()) {
      if (c.getValue() > 1) {
        divergences.add(
            member + " holds transaction " + c.getKey() + " " + c.getValue() + " times");
      }
    }
    for (Map.Entry<String, Long> ack : acknowledgedTxs.entrySet()) {
      if (ack.getValue() <= chain.size() && !count.containsKey(ack.getKey())) {
        lost.add(member + " lacks acknowledged transaction " + ack.getKey());
      }
    }
  }

  private static void checkStateRoots(
      Map<String, ChainWatcher.Head> heads, List<String> divergences) {
    Map<Long, String> rootAt = new TreeMap<>();
    for (Map.Entry<String, ChainWatcher.Head> e : heads.entrySet()) {
      ChainWatcher.Head h = e.getValue();
      String before = rootAt.putIfAbsent(h.height(), h.stateRoot());
      if (before != null && !before.equals(h.stateRoot())) {
        divergences.add(
            "state root at height "
                + h.height()
                + ": "
                + e.getKey()
                + " has "
                + h.stateRoot()
                + ", another node "
                + before);
      }
    }
  }

  /** Two different digests for one (member, phase, view, seq): an equivocation. */
  static List<String> conflicts(List<String> signedLog) {
    Map<String, String> digests = new TreeMap<>();
    List<String> out = new ArrayList<>();
    for (String line : signedLog) {
      String[] f = line.trim().split(" ", -1);
      if (f.length != 5 || f[4].length() != 64) {
        continue; // a line cut short by a kill mid-append carries no complete vote
      }
      String slot = f[0] + " " + f[1] + " view " + f[2] + " seq " + f[3];
      String before = digests.putIfAbsent(slot, f[4]);
      if (before != null && !before.equals(f[4])) {
        out.add(slot + ": signed " + before + " and " + f[4]);
      }
    }
    return out;
  }
}
