package org.alliancechain.core.exec;

import static org.alliancechain.core.exec.KvApp.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.app.TxOutcome;
import org.alliancechain.core.block.BlockHeader;
import org.alliancechain.core.block.CertifiedBlock;
import org.alliancechain.core.crypto.KeyPair;
import org.alliancechain.core.hash.Hash;
import org.alliancechain.core.state.InMemoryNodeStore;
import org.alliancechain.core.state.StateTree;
import org.alliancechain.core.state.StateUpdate;
import org.alliancechain.core.store.Genesis;
import org.alliancechain.core.store.RocksStore;
import org.alliancechain.core.store.StoreChecker;
import org.alliancechain.core.tx.NonceRule;
import org.alliancechain.core.tx.Transaction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

// SPEC M-26 (nonces, state root in the header), M-28 (atomic commit); issue 2.
class BlockExecutorTest {
  private static final String CHAIN = ChainFixture.CHAIN;
  private final ChainFixture chain = new ChainFixture();
  private final KeyPair alice = ChainFixture.key(1);
  private final KeyPair bob = ChainFixture.key(2);
  @TempDir Path dir;
  private RocksStore store;
  private BlockExecutor executor;

  @BeforeEach
  void open() {
    store = RocksStore.open(dir, CHAIN);
    store.initialize(new Genesis(Hash.ZERO, new TreeMap<>(java.util.Map.of(text("g"), text("1")))));
    executor = new BlockExecutor(new KvApp(), store, h -> chain.validators());
  }

  @AfterEach
  void close() {
    store.close();
  }

  private ExecutionResult.Committed run(List<Transaction> txs) {
    ExecutionResult result = executor.execute(chain.next(store, txs));
    assertThat(result).isInstanceOf(ExecutionResult.Committed.class);
    return (ExecutionResult.Committed) result;
  }

  private static List<String> codes(ExecutionResult.Committed committed) {
    return committed.outcomes().stream().map(TxOutcome::code).toList();
  }

  @Test
  void executesTransactionsInOrderAndCommitsStateOutcomesIndexAndHead() {
    Transaction put = KvApp.put(alice, CHAIN, 0, text("a"), text("1"));
    Transaction overwrite = KvApp.put(alice, CHAIN, 1, text("a"), text("2"));
    Transaction other = KvApp.put(bob, CHAIN, 0, text("b"), text("3"));
    ExecutionResult.Committed committed = run(List.of(put, overwrite, other));

    assertThat(codes(committed)).containsExactly("ok", "ok", "ok");
    assertThat(store.head()).isEqualTo(1);
    assertThat(store.stateValue(text("a"))).contains(text("2"));
    assertThat(store.stateValue(text("b"))).contains(text("3"));
    assertThat(Nonces.next(store::stateValue, alice.publicKey())).isEqualTo(2);
    assertThat(store.stateRoot(1)).contains(committed.stateRoot());
    assertThat(store.stateTree().rootHash(1)).isEqualTo(committed.stateRoot());
    assertThat(store.transaction(overwrite.hash()).orElseThrow().index()).isEqualTo(1);
    assertThat(store.transaction(other.hash()).orElseThrow().outcome().events())
        .isEqualTo(text("did 1"));
    assertThat(StoreChecker.check(store, h -> chain.validators()).isOk()).isTrue();
  }

  @Test
  void stateRootEqualsAnIndependentTreeOfTheResultingState() {
    run(List.of(KvApp.put(alice, CHAIN, 0, text("a"), text("1"))));
    ExecutionResult.Committed second =
        run(
            List.of(
                KvApp.delete(alice, CHAIN, 1, text("a")),
                KvApp.put(bob, CHAIN, 0, text("c"), text("x"))));
    // Expected state written out by hand: genesis key, app counter, two nonces, bob's key.
    SortedMap<Bytes, Optional<Bytes>> expected = new TreeMap<>();
    expected.put(text("g"), Optional.of(text("1")));
    expected.put(text("c"), Optional.of(text("x")));
    expected.put(KvApp.BLOCKS_KEY, Optional.of(Bytes.wrap(new byte[] {0, 0, 0, 0, 0, 0, 0, 2})));
    expected.put(
        Nonces.key(alice.publicKey()),
        Optional.of(Bytes.wrap(new byte[] {0, 0, 0, 0, 0, 0, 0, 2})));
    expected.put(
        Nonces.key(bob.publicKey()), Optional.of(Bytes.wrap(new byte[] {0, 0, 0, 0, 0, 0, 0, 1})));
    StateTree fresh = new StateTree(new InMemoryNodeStore());
    assertThat(fresh.update(StateUpdate.NO_BASE, 0, expected).rootHash())
        .isEqualTo(second.stateRoot());
  }

  @Test
  void failedTransactionKeepsNoWritesButUsesItsNonce() {
    ExecutionResult.Committed committed =
        run(
            List.of(
                KvApp.writeThenFail(alice, CHAIN, 0, text("x")),
                KvApp.put(alice, CHAIN, 1, text("y"), text("1"))));
    assertThat(codes(committed)).containsExactly("app_refused", "ok");
    assertThat(store.stateValue(text("x"))).isEmpty();
    assertThat(store.stateValue(text("y"))).contains(text("1"));
    assertThat(Nonces.next(store::stateValue, alice.publicKey())).isEqualTo(2);
  }

  @Test
  void usedNonceAndNonceGapFailWithoutStateChangesOrUsingTheNonce() {
    run(List.of(KvApp.put(alice, CHAIN, 0, text("a"), text("1"))));
    ExecutionResult.Committed committed =
        run(
            List.of(
                KvApp.put(alice, CHAIN, 0, text("a"), text("replayed")),
                KvApp.put(alice, CHAIN, 5, text("a"), text("early")),
                KvApp.put(alice, CHAIN, 1, text("z"), text("ok"))));
    assertThat(codes(committed)).containsExactly("nonce_used", "nonce_gap", "ok");
    assertThat(store.stateValue(text("a"))).contains(text("1"));
    assertThat(Nonces.next(store::stateValue, alice.publicKey())).isEqualTo(2);
    // The same transaction twice: the index keeps the first inclusion.
    Transaction first = KvApp.put(bob, CHAIN, 0, text("b"), text("1"));
    run(List.of(first));
    assertThat(codes(run(List.of(first)))).containsExactly("nonce_used");
    assertThat(store.transaction(first.hash()).orElseThrow().height()).isEqualTo(3);
    assertThat(StoreChecker.check(store, h -> chain.validators()).isOk()).isTrue();
  }

  @Test
  void blockWithATransactionOfAnotherChainOrABadSignatureIsRejectedWhole() {
    Transaction foreign = KvApp.put(alice, "other-chain", 0, text("a"), text("1"));
    Transaction good = KvApp.put(alice, CHAIN, 0, text("a"), text("1"));
    Transaction forged =
        new Transaction(CHAIN, bob.publicKey(), 0, KvApp.PUT, good.payload(), good.signature());
    // BlockRules: such a block is invalid, so honest validators never certify it.
    assertThat(reason(chain.next(store, List.of(good, foreign)))).isEqualTo("tx_wrong_chain_id");
    assertThat(reason(chain.next(store, List.of(forged)))).isEqualTo("tx_bad_signature");
    assertThat(store.head()).isZero();
    assertThat(store.stateValue(text("a"))).isEmpty();
  }

  @Test
  void blockNotLinkedToTheHeadIsRejected() {
    run(List.of(KvApp.put(alice, CHAIN, 0, text("a"), text("1"))));
    List<Transaction> txs = List.of(KvApp.put(alice, CHAIN, 1, text("a"), text("2")));
    BlockHeader good = chain.nextHeader(store, txs);
    assertThat(reason(chain.certify(copy(good, 2, Hash.fromHex("22".repeat(32))), txs)))
        .isEqualTo("bad_previous_hash");
    assertThat(store.head()).isEqualTo(1);
  }

  @Test
  void rejectsBlocksThatAreNotTheNextCertifiedOneAndWritesNothing() {
    List<Transaction> txs = List.of(KvApp.put(alice, CHAIN, 0, text("a"), text("1")));
    BlockHeader good = chain.nextHeader(store, txs);
    Hash rootBefore = store.stateRoot(0).orElseThrow();

    BlockHeader skipped = copy(good, 2, good.previousHash());
    BlockHeader orphan = copy(good, 1, Hash.fromHex("11".repeat(32)));
    assertThat(reason(chain.certify(skipped, txs))).isEqualTo("not_next");
    assertThat(reason(chain.certify(orphan, txs))).isEqualTo("bad_previous_hash");
    CertifiedBlock certified = chain.certify(good, txs);
    CertifiedBlock underSigned =
        new CertifiedBlock(
            certified.block(),
            new org.alliancechain.core.block.CommitCertificate(
                1, 0, good.hash(), certified.certificate().votes().subList(0, 2)));
    assertThat(reason(underSigned)).isEqualTo("no_quorum");
    CertifiedBlock wrongBody =
        new CertifiedBlock(
            new org.alliancechain.core.block.Block(
                good, List.of(KvApp.put(alice, CHAIN, 0, text("a"), text("2")))),
            certified.certificate());
    assertThat(reason(wrongBody)).isEqualTo("tx_root_mismatch");

    assertThat(store.head()).isZero();
    assertThat(store.block(1)).isEmpty();
    assertThat(store.stateRoot(1)).isEmpty();
    assertThat(store.stateRoot(0)).contains(rootBefore);
    assertThat(executor.execute(certified)).isInstanceOf(ExecutionResult.Committed.class);
  }

  private String reason(CertifiedBlock block) {
    ExecutionResult result = executor.execute(block);
    assertThat(result).isInstanceOf(ExecutionResult.Rejected.class);
    return ((ExecutionResult.Rejected) result).verdict().reason();
  }

  private static BlockHeader copy(BlockHeader h, long height, Hash previous) {
    return new BlockHeader(
        h.chainId(),
        height,
        h.view(),
        previous,
        h.txRoot(),
        h.txCount(),
        h.executedHeight(),
        h.executedStateRoot(),
        h.validatorSetHash(),
        h.proposer(),
        h.timestampMillis());
  }

  @Test
  void aBlockNamingAnotherStateRootStopsWithDivergenceAndWritesNothing() {
    run(List.of(KvApp.put(alice, CHAIN, 0, text("a"), text("1"))));
    List<Transaction> txs = List.of(KvApp.put(alice, CHAIN, 1, text("a"), text("2")));
    BlockHeader h = chain.nextHeader(store, txs);
    BlockHeader lying =
        new BlockHeader(
            h.chainId(),
            h.height(),
            h.view(),
            h.previousHash(),
            h.txRoot(),
            h.txCount(),
            h.executedHeight(),
            Hash.fromHex("ab".repeat(32)),
            h.validatorSetHash(),
            h.proposer(),
            h.timestampMillis());
    assertThatThrownBy(() -> executor.execute(chain.certify(lying, txs)))
        .isInstanceOfSatisfying(
            DivergenceException.class,
            e -> {
              assertThat(e.blockHeight()).isEqualTo(2);
              assertThat(e.executedHeight()).isEqualTo(1);
              assertThat(e.ours()).isEqualTo(store.stateRoot(1).orElseThrow());
            });
    assertThat(store.head()).isEqualTo(1);
    assertThat(store.block(2)).isEmpty();
    assertThat(store.stateValue(text("a"))).contains(text("1"));
  }

  @Test
  void applicationCannotWriteNodeCoresReservedKeys() {
    Transaction forge =
        Transaction.sign(
            alice, CHAIN, 0, KvApp.WRITE_RESERVED, Bytes.wrap(new byte[] {0, 0, 0, 0}));
    assertThatThrownBy(() -> executor.execute(chain.next(store, List.of(forge))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reserved");
    assertThat(store.head()).isZero();
  }

  @Test
  void mempoolNonceSourceSeesTheCommittedNonces() {
    run(List.of(KvApp.put(alice, CHAIN, 0, text("a"), text("1"))));
    org.alliancechain.core.mempool.NonceSource source = sender -> Nonces.next(store, sender);
    assertThat(source.nextNonce(alice.publicKey())).isEqualTo(1);
    assertThat(source.nextNonce(bob.publicKey())).isZero();
    Transaction replay = KvApp.put(alice, CHAIN, 0, text("a"), text("1"));
    assertThat(NonceRule.check(source.nextNonce(alice.publicKey()), replay).reason())
        .isEqualTo("nonce_used");
  }
}
