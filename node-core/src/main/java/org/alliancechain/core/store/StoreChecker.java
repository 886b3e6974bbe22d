package org.alliancechain.core.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.Verdict;
import org.alliancechain.core.block.BlockHeader;
import org.alliancechain.core.block.BlockRules;
import org.alliancechain.core.block.CertifiedBlock;
import org.alliancechain.core.block.ValidatorSet;
import org.alliancechain.core.hash.Hash;
import org.alliancechain.core.state.Node;
import org.alliancechain.core.state.NodeRef;
import org.alliancechain.core.state.StateTree;
import org.alliancechain.core.state.TreeHashing;
import org.alliancechain.core.tx.Transaction;

/**
 * Checks a store's consistency from its contents alone: used after crashes in tests and by
 * operators. Every block from {@code fromHeight} to the head must decode, link to its parent, match
 * its transaction root, carry a certificate that verifies against the validator set, have its index
 * entries, and name an executed state root equal to the one recorded at its executed height;
 * nothing may be stored above the head; and the head state tree is walked in full, every node's
 * hash recomputed, its shape checked, and its leaves compared with the flat value index. Cost:
 * linear in the blocks checked plus the state size.
 */
public final class StoreChecker {
  /** One inconsistency: a machine-readable reason and what was found. */
  public record Problem(String reason, String detail) {}

  /** What a check found; {@link #isOk()} when nothing. */
  public record Report(List<Problem> problems, long blocksChecked, long stateLeavesChecked) {
    public Report {
      problems = List.copyOf(problems);
    }

    public boolean isOk() {
      return problems.isEmpty();
    }

    @Override
    public String toString() {
      return (isOk() ? "consistent" : problems.size() + " problems " + problems)
          + " ("
          + blocksChecked
          + " blocks, "
          + stateLeavesChecked
          + " state leaves)";
    }
  }

  private final RocksStore store;
  private final LongFunction<ValidatorSet> validatorsAt;
  private final List<Problem> problems = new ArrayList<>();
  private long leaves;

  private StoreChecker(RocksStore store, LongFunction<ValidatorSet> validatorsAt) {
    this.store = store;
    this.validatorsAt = validatorsAt;
  }

  /** Checks blocks from height 1 and the head state. */
  public static Report check(RocksStore store, LongFunction<ValidatorSet> validatorsAt) {
    return check(store, validatorsAt, 1);
  }

  public static Report check(
      RocksStore store, LongFunction<ValidatorSet> validatorsAt, long fromHeight) {
    return new StoreChecker(store, validatorsAt).run(Math.max(1, fromHeight));
  }

  private Report run(long fromHeight) {
    long head = store.head();
    if (head < 0) {
      return new Report(List.of(), 0, 0);
    }
    if (store.lastStoredBlockHeight() != head) {
      problem(
          "block_above_head",
          "last stored block " + store.lastStoredBlockHeight() + ", head " + head);
    }
    long checked = 0;
    Optional<BlockHeader> parent =
        fromHeight > 1
            ? store.block(fromHeight - 1).map(b -> b.block().header())
            : Optional.empty();
    for (long height = fromHeight; height <= head && !full(); height++) {
      Optional<CertifiedBlock> block = store.block(height);
      if (block.isEmpty()) {
        problem("block_missing", "height " + height);
        parent = Optional.empty();
        continue;
      }
      checkBlock(height, block.get(), parent);
      parent = Optional.of(block.get().block().header());
      checked++;
    }
    checkState(head);
    return new Report(problems, checked, leaves);
  }

  private void checkBlock(long height, CertifiedBlock certified, Optional<BlockHeader> parent) {
    BlockHeader header = certified.block().header();
    if (header.height() != height || !header.chainId().equals(store.chainId())) {
      problem(
          "block_misplaced",
          "height " + height + " holds " + header.chainId() + "/" + header.height());
      return;
    }
    Hash expectedParent =
        height == 1 ? store.genesisHash() : parent.map(BlockHeader::hash).orElse(null);
    if (expectedParent != null && !header.previousHash().equals(expectedParent)) {
      problem("parent_mismatch", "block " + height + " does not link to its parent");
    }
    ValidatorSet validators = validatorsAt.apply(height);
    Verdict verdict =
        parent.isPresent()
            ? BlockRules.checkCertified(certified, parent.get(), validators)
            : certified.verify(validators);
    if (!verdict.isOk()) {
      problem("block_invalid", "block " + height + ": " + verdict);
    }
    if (!store.blockHeight(header.hash()).equals(Optional.of(height))) {
      problem("block_hash_index", "block " + height + " hash not indexed to its height");
    }
    checkTxIndex(height, certified.block().transactions());
    checkExecutedRoot(height, header, parent);
    if (store.stateRoot(height).isEmpty()) {
      problem("state_root_missing", "no state root recorded for height " + height);
    }
  }

  private void checkTxIndex(long height, List<Transaction> txs) {
    for (int i = 0; i < txs.size(); i++) {
      Hash hash = txs.get(i).hash();
      Optional<TxLocation> location = store.transaction(hash);
      if (location.isEmpty()) {
        problem("tx_not_indexed", "tx " + i + " of block " + height);
        continue;
      }
      TxLocation at = location.get();
      boolean here = at.height() == height && at.index() == i;
      boolean earlier =
          (at.height() < height || (at.height() == height && at.index() < i))
              && store
                  .block(at.height())
                  .map(b -> b.block().transactions())
                  .filter(list -> at.index() < list.size())
                  .map(list -> list.get(at.index()).hash().equals(hash))
                  .orElse(false);
      if (!here && !earlier) {
        problem(
            "tx_index_mismatch",
            "tx " + i + " of block " + height + " indexed at " + at.height() + "/" + at.index());
      }
    }
  }

  private void checkExecutedRoot(long height, BlockHeader header, Optional<BlockHeader> parent) {
    long executed = header.executedHeight();
    if (parent.isPresent() && executed < parent.get().executedHeight()) {
      problem("executed_height_regressed", "block " + height + " executed height " + executed);
    }
    Optional<Hash> recorded = store.stateRoot(executed);
    if (!recorded.equals(Optional.of(header.executedStateRoot()))) {
      problem(
          "executed_root_mismatch",
          "block "
              + height
              + " names root "
              + header.executedStateRoot().shortHex()
              + " for height "
              + executed
              + ", recorded "
              + recorded.map(Hash::shortHex).orElse("none"));
    }
  }

  private void checkState(long head) {
    StateTree tree = store.stateTree();
    Optional<Hash> recorded = store.stateRoot(head);
    Optional<NodeRef> root = tree.store().root(head);
    if (recorded.isEmpty() || root.isEmpty()) {
      problem("head_state_missing", "no state root for head " + head);
      return;
    }
    Hash walked = walk(root.get(), 0, new boolean[0]);
    if (!walked.equals(recorded.get()) || !root.get().hash().equals(recorded.get())) {
      problem(
          "head_state_root_mismatch",
          "recomputed " + walked.shortHex() + ", recorded " + recorded.get().shortHex());
    }
    long[] indexed = {0};
    store.forEachLatest((keyHash, value) -> indexed[0]++);
    if (indexed[0] != leaves) {
      problem("latest_index_count", indexed[0] + " indexed values, " + leaves + " tree leaves");
    }
  }

  /** Recomputes a subtree's hash from its nodes, checking shape and placement on the way. */
  private Hash walk(NodeRef ref, int depth, boolean[] path) {
    if (full() || ref.isEmpty()) {
      return TreeHashing.EMPTY;
    }
    Optional<Node> loaded = store.stateNodeOnDisk(ref.key());
    if (loaded.isEmpty()) {
      problem("state_node_missing", "node " + ref);
      return ref.hash();
    }
    Node node = loaded.get();
    if (node instanceof Node.Leaf leaf) {
      leaves++;
      for (int i = 0; i < depth; i++) {
        if (leaf.keyHash().bit(i) != path[i]) {
          problem("leaf_misplaced", "leaf " + leaf.keyHash().shortHex() + " at depth " + depth);
          break;
        }
      }
      Optional<Bytes> indexed = store.stateValue(leaf.key());
      if (!indexed.equals(Optional.of(leaf.value()))) {
        problem("latest_index_mismatch", "key " + leaf.keyHash().shortHex());
      }
      checkHash(ref, leaf.hash(), ref.kind() == NodeRef.Kind.LEAF);
      return leaf.hash();
    }
    Node.Internal internal = (Node.Internal) node;
    boolean loneLeaf =
        (internal.left().isEmpty() && internal.right().kind() != NodeRef.Kind.INTERNAL)
            || (internal.right().isEmpty() && internal.left().kind() != NodeRef.Kind.INTERNAL);
    if (loneLeaf || depth >= 256) {
      problem("state_shape", "node " + ref + " at depth " + depth + " is not canonical");
      return ref.hash();
    }
    Hash left = walk(internal.left(), depth + 1, extend(path, false));
    Hash right = walk(internal.right(), depth + 1, extend(path, true));
    Hash hash = TreeHashing.internal(left, right);
    checkHash(ref, hash, ref.kind() == NodeRef.Kind.INTERNAL);
    return hash;
  }

  private void checkHash(NodeRef ref, Hash recomputed, boolean kindMatches) {
    if (!recomputed.equals(ref.hash()) || !kindMatches) {
      problem("state_node_hash", "node " + ref + " recomputes to " + recomputed.shortHex());
    }
  }

  private static boolean[] extend(boolean[] path, boolean bit) {
    boolean[] out = java.util.Arrays.copyOf(path, path.length + 1);
    out[path.length] = bit;
    return out;
  }

  private boolean full() {
    return problems.size() >= StoreLimits.CHECK_PROBLEMS_MAX;
  }

  private void problem(String reason, String detail) {
    if (!full()) {
      problems.add(new Problem(reason, detail));
    }
  }
}
