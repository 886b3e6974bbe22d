package org.alliancechain.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.Verdict;
import org.alliancechain.core.app.Application;
import org.alliancechain.core.app.BlockContext;
import org.alliancechain.core.app.StateReader;
import org.alliancechain.core.app.StateWriter;
import org.alliancechain.core.app.TxOutcome;
import org.alliancechain.core.block.Block;
import org.alliancechain.core.block.BlockHeader;
import org.alliancechain.core.block.CertifiedBlock;
import org.alliancechain.core.block.CommitCertificate;
import org.alliancechain.core.block.ValidatorSet;
import org.alliancechain.core.crypto.KeyPair;
import org.alliancechain.core.exec.BlockExecutor;
import org.alliancechain.core.exec.ExecutionResult;
import org.alliancechain.core.exec.Nonces;
import org.alliancechain.core.hash.Hash;
import org.alliancechain.core.state.StateUpdate;
import org.alliancechain.core.store.BlockCommit;
import org.alliancechain.core.store.Genesis;
import org.alliancechain.core.store.RocksStore;
import org.alliancechain.core.tx.Transaction;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 2 benchmark: committing a block of 1,000 transactions (each writes one 64-byte value) with
 * a synced write. {@code commitBlock} measures the store alone (block, certificate, tx index, state
 * nodes, head in one synced WriteBatch; the state update is computed in setup); {@code
 * executeAndCommitBlock} the whole executor (signature and nonce checks, application, tree update,
 * commit). The next block is prepared outside the measurement.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class StoreBench {
  static final String CHAIN = "bench-chain";
  static final int TXS = 1_000;

  private final List<KeyPair> validatorKeys = new ArrayList<>();
  private final List<KeyPair> senders = new ArrayList<>();
  private ValidatorSet validators;
  private Path dir;
  private RocksStore store;
  private BlockExecutor executor;
  private CertifiedBlock nextBlock;
  private BlockCommit nextCommit;

  /** Each transaction puts its payload under a key named by its sender and nonce. */
  static final class PutApp implements Application {
    @Override
    public Verdict check(Transaction tx, StateReader state) {
      return Verdict.ok();
    }

    @Override
    public TxOutcome execute(BlockContext block, Transaction tx, StateWriter state) {
      state.put(appKey(tx), tx.payload());
      return TxOutcome.ok();
    }

    @Override
    public void endBlock(BlockContext block, StateWriter state) {}
  }

  static Bytes appKey(Transaction tx) {
    return Bytes.wrap(
        ByteBuffer.allocate(40).put(tx.sender().toBytes()).putLong(tx.nonce() % 5_000).array());
  }

  private static KeyPair key(int i) {
    byte[] seed = new byte[32];
    seed[0] = (byte) i;
    seed[1] = 9;
    return KeyPair.fromSeed(seed);
  }

  @Setup(Level.Trial)
  public void open() throws IOException {
    for (int i = 0; i < 4; i++) {
      validatorKeys.add(key(200 + i));
    }
    for (int i = 0; i < 50; i++) {
      senders.add(key(i));
    }
    validators = ValidatorSet.of(validatorKeys.stream().map(KeyPair::publicKey).toList());
    dir = Files.createTempDirectory("store-bench");
    store = RocksStore.open(dir, CHAIN);
    store.initialize(Genesis.empty());
    executor = new BlockExecutor(new PutApp(), store, h -> validators);
  }

  @Setup(Level.Invocation)
  public void prepareNextBlock() {
    List<Transaction> txs = new ArrayList<>(TXS);
    byte[] payload = new byte[64];
    for (int i = 0; i < TXS; i++) {
      KeyPair sender = senders.get(i % senders.size());
      long nonce = Nonces.next(store::stateValue, sender.publicKey()) + i / senders.size();
      payload[0] = (byte) i;
      txs.add(Transaction.sign(sender, CHAIN, nonce, 1, Bytes.of(payload)));
    }
    nextBlock = certify(txs);
    SortedMap<Bytes, Optional<Bytes>> changes = new TreeMap<>();
    List<TxOutcome> outcomes = new ArrayList<>(TXS);
    for (Transaction tx : txs) {
      changes.put(appKey(tx), Optional.of(tx.payload()));
      changes.put(
          Nonces.key(tx.sender()),
          Optional.of(Bytes.wrap(ByteBuffer.allocate(8).putLong(tx.nonce() + 1).array())));
      outcomes.add(TxOutcome.ok());
    }
    StateUpdate update = store.stateTree().update(store.head(), store.head() + 1, changes);
    nextCommit = new BlockCommit(nextBlock, outcomes, update);
  }

  private CertifiedBlock certify(List<Transaction> txs) {
    long height = store.head() + 1;
    Hash previous =
        height == 1 ? store.genesisHash() : store.block(height - 1).orElseThrow().block().hash();
    BlockHeader header =
        new BlockHeader(
            CHAIN,
            height,
            0,
            previous,
            Block.txRoot(txs),
            txs.size(),
            store.head(),
            store.stateRoot(store.head()).orElseThrow(),
            validators.hash(),
            validators.get(0),
            height * 1_000);
    List<CommitCertificate.Vote> votes = new ArrayList<>();
    for (int i = 0; i < validators.quorum(); i++) {
      int index = i;
      KeyPair signer =
          validatorKeys.stream()
              .filter(k -> k.publicKey().equals(validators.get(index)))
              .findFirst()
              .orElseThrow();
      votes.add(
          new CommitCertificate.Vote(
              i, CommitCertificate.signVote(signer, CHAIN, 0, height, header.hash())));
    }
    return new CertifiedBlock(
        new Block(header, txs), new CommitCertificate(height, 0, header.hash(), votes));
  }

  @Benchmark
  public long commitBlock() {
    store.commitBlock(nextCommit);
    return store.head();
  }

  @Benchmark
  public ExecutionResult executeAndCommitBlock() {
    return executor.execute(nextBlock);
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    store.close();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
