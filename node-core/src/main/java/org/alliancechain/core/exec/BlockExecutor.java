package org.alliancechain.core.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;
import org.alliancechain.core.Verdict;
import org.alliancechain.core.app.Application;
import org.alliancechain.core.app.BlockContext;
import org.alliancechain.core.app.TxOutcome;
import org.alliancechain.core.block.BlockHeader;
import org.alliancechain.core.block.BlockRules;
import org.alliancechain.core.block.CertifiedBlock;
import org.alliancechain.core.block.ValidatorSet;
import org.alliancechain.core.hash.Hash;
import org.alliancechain.core.state.StateUpdate;
import org.alliancechain.core.store.BlockCommit;
import org.alliancechain.core.store.RocksStore;
import org.alliancechain.core.tx.NonceRule;
import org.alliancechain.core.tx.Transaction;

/**
 * Finalizes certified blocks: checks that a block is the store's next one, checks the state root it
 * names against this node's own (a mismatch is a {@link DivergenceException}), runs its
 * transactions through node-core's rules and the {@link Application}, and commits block, outcomes,
 * state changes and new head in one synced batch (SPEC M-26, M-28).
 *
 * <p>Per transaction: chain id and signature, then the nonce rule (a used nonce fails with {@code
 * nonce_used}, a skipped one with {@code nonce_gap}; neither changes state or uses the nonce), then
 * the nonce is used and the application executes it on its own write overlay, which is kept only if
 * the outcome is a success. Then {@link Application#endBlock}, then the new state root.
 *
 * <p>Not thread-safe: one thread finalizes blocks.
 */
public final class BlockExecutor {
  private final Application application;
  private final RocksStore store;
  private final LongFunction<ValidatorSet> validatorsAt;

  /**
   * @param validatorsAt the validator set that must certify the block at a height
   */
  public BlockExecutor(
      Application application, RocksStore store, LongFunction<ValidatorSet> validatorsAt) {
    this.application = application;
    this.store = store;
    this.validatorsAt = validatorsAt;
  }

  public ExecutionResult execute(CertifiedBlock certified) {
    if (!store.isInitialized()) {
      throw new IllegalStateException("store has no genesis");
    }
    Verdict verdict = checkPlacement(certified);
    if (!verdict.isOk()) {
      return new ExecutionResult.Rejected(verdict);
    }
    BlockHeader header = certified.block().header();
    checkExecutedRoot(header);
    BlockContext context = new BlockContext(header);
    WriteOverlay blockState = new WriteOverlay(store::stateValue, false);
    List<TxOutcome> outcomes = new ArrayList<>();
    for (Transaction tx : certified.block().transactions()) {
      outcomes.add(executeTx(context, tx, blockState));
    }
    WriteOverlay endBlock = new WriteOverlay(blockState, true);
    application.endBlock(context, endBlock);
    endBlock.mergeInto(blockState);
    StateUpdate update =
        store.stateTree().update(store.head(), header.height(), blockState.writes());
    store.commitBlock(new BlockCommit(certified, outcomes, update));
    return new ExecutionResult.Committed(header.height(), update.rootHash(), outcomes);
  }

  /**
   * Is this the next block of this chain, whole and certified, every transaction admissible on its
   * own? The protocol's block rules ({@link BlockRules}) against the head; block 1's parent is
   * genesis, which has no header. Checks before any execution.
   */
  private Verdict checkPlacement(CertifiedBlock certified) {
    BlockHeader header = certified.block().header();
    if (!header.chainId().equals(store.chainId())) {
      return Verdict.reject("wrong_chain_id", "block of chain " + header.chainId());
    }
    long expected = store.head() + 1;
    if (header.height() != expected) {
      return Verdict.reject("not_next", "block " + header.height() + ", expected " + expected);
    }
    ValidatorSet validators = validatorsAt.apply(header.height());
    Optional<BlockHeader> parent = store.headHeader();
    if (parent.isPresent()) {
      return BlockRules.checkCertified(certified, parent.get(), validators);
    }
    if (!header.previousHash().equals(store.genesisHash())) {
      return Verdict.reject("bad_previous_hash", "block 1 does not name the genesis hash");
    }
    Verdict verdict = BlockRules.checkValidators(header, validators);
    if (verdict.isOk()) {
      verdict = certified.verify(validators);
    }
    return verdict.isOk() ? BlockRules.checkTransactions(certified.block()) : verdict;
  }

  private void checkExecutedRoot(BlockHeader header) {
    long executed = header.executedHeight();
    Optional<Hash> ours = store.stateRoot(executed);
    if (ours.isEmpty() || !ours.get().equals(header.executedStateRoot())) {
      throw new DivergenceException(
          header.height(), executed, header.executedStateRoot(), ours.orElse(Hash.ZERO));
    }
  }

  private TxOutcome executeTx(BlockContext context, Transaction tx, WriteOverlay blockState) {
    // Chain id, size and signature were checked for the whole block (BlockRules); the nonce
    // depends on the state this block has built so far.
    Verdict nonce = NonceRule.check(Nonces.next(blockState, tx.sender()), tx);
    if (!nonce.isOk()) {
      return TxOutcome.failed(nonce.reason(), nonce.detail());
    }
    // The nonce is used even when the application fails the transaction: it was included.
    Nonces.setNext(blockState, tx.sender(), tx.nonce() + 1);
    WriteOverlay txState = new WriteOverlay(blockState, true);
    TxOutcome outcome = application.execute(context, tx, txState);
    if (outcome.success()) {
      txState.mergeInto(blockState);
    }
    return outcome;
  }
}
