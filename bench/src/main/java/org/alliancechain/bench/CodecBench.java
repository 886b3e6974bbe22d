package org.alliancechain.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.block.Block;
import org.alliancechain.core.block.BlockHeader;
import org.alliancechain.core.crypto.KeyPair;
import org.alliancechain.core.hash.Hash;
import org.alliancechain.core.tx.Transaction;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Canonical codec on a block of 1,000 signed transactions of about 200 bytes each (issue 2, "codec
 * encode/decode of a block of 1,000 transactions"). Results: docs/ledger-format.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CodecBench {
  static final String CHAIN = "alliance-bench";
  static final int TRANSACTIONS = 1_000;
  // 115 fixed bytes + the chain id + payload = 200 bytes per encoded transaction.
  static final int PAYLOAD_BYTES = 200 - 115 - CHAIN.length();

  private Block block;
  private byte[] encoded;

  @Setup
  public void setUp() {
    SplittableRandom random = new SplittableRandom(1);
    byte[] seed = new byte[32];
    random.nextBytes(seed);
    KeyPair key = KeyPair.fromSeed(seed);
    List<Transaction> txs = new ArrayList<>(TRANSACTIONS);
    for (int i = 0; i < TRANSACTIONS; i++) {
      byte[] payload = new byte[PAYLOAD_BYTES];
      random.nextBytes(payload);
      txs.add(Transaction.sign(key, CHAIN, i, 1, Bytes.wrap(payload)));
    }
    BlockHeader header =
        new BlockHeader(
            CHAIN,
            2,
            0,
            Hash.ZERO,
            Block.txRoot(txs),
            txs.size(),
            1,
            Hash.ZERO,
            Hash.ZERO,
            key.publicKey(),
            1);
    block = new Block(header, txs);
    encoded = block.encode();
    if (txs.get(0).encodedSizeBytes() != 200) {
      throw new IllegalStateException("transactions should encode to 200 bytes");
    }
  }

  @Benchmark
  public byte[] encodeBlock() {
    return block.encode();
  }

  @Benchmark
  public Block decodeBlock() {
    return Block.decode(encoded);
  }

  /** Hashing every transaction and building the RFC 6962 root: what checkBody costs. */
  @Benchmark
  public Hash txRootOfBlock() {
    return Block.txRoot(block.transactions());
  }
}
