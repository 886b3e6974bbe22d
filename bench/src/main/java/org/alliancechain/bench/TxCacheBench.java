package org.alliancechain.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.codec.CanonicalWriter;
import org.alliancechain.core.crypto.Domain;
import org.alliancechain.core.crypto.Ed25519;
import org.alliancechain.core.crypto.KeyPair;
import org.alliancechain.core.hash.Hash;
import org.alliancechain.core.hash.Sha256;
import org.alliancechain.core.tx.Transaction;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What asking a transaction for its id and for its signature's validity costs when the node asks
 * again (it does at admission, proposal, pre-prepare checks, block root, execution and the tx
 * index): the {@code reencoded} rows do what {@code Transaction} did before it kept its encoding
 * (encode the fields again, hash, and ask the signature memo with fresh signing bytes), the {@code
 * cached} rows call today's {@code Transaction}. 1,000 transfers of 162 bytes, checked once before
 * (so every signature check is a memo or cache hit). Results: docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TxCacheBench {
  private static final int TX_COUNT = 1_000;
  private final List<Transaction> txs = new ArrayList<>();

  @Setup
  public void setUp() {
    KeyPair key = KeyPair.fromSeed(new byte[32]);
    for (int i = 0; i < TX_COUNT; i++) {
      Transaction tx = Transaction.sign(key, "bench-chain", i, 3, Bytes.wrap(new byte[60]));
      Transaction decoded = Transaction.decode(tx.encode());
      if (!decoded.hasValidSignature() || !oldSignatureCheck(decoded)) {
        throw new IllegalStateException("bench transaction does not verify");
      }
      txs.add(decoded);
    }
  }

  private static byte[] oldSigningBytes(Transaction tx) {
    CanonicalWriter w = new CanonicalWriter(96 + tx.payload().size());
    w.u8(Transaction.VERSION).string(tx.chainId());
    tx.sender().encode(w);
    w.u63(tx.nonce()).u16(tx.kind()).bytes(tx.payload().unsafeArray());
    return w.toByteArray();
  }

  private static Hash oldHash(Transaction tx) {
    CanonicalWriter w = new CanonicalWriter(160 + tx.payload().size());
    w.u8(Transaction.VERSION).string(tx.chainId());
    tx.sender().encode(w);
    w.u63(tx.nonce()).u16(tx.kind()).bytes(tx.payload().unsafeArray());
    tx.signature().encode(w);
    return Sha256.hash(w.toByteArray());
  }

  private static boolean oldSignatureCheck(Transaction tx) {
    return Ed25519.verify(tx.sender(), Domain.TRANSACTION, oldSigningBytes(tx), tx.signature());
  }

  @Benchmark
  public void hashReencoded(Blackhole bh) {
    for (Transaction tx : txs) {
      bh.consume(oldHash(tx));
    }
  }

  @Benchmark
  public void hashCached(Blackhole bh) {
    for (Transaction tx : txs) {
      bh.consume(tx.hash());
    }
  }

  @Benchmark
  public void signatureCheckReencodedMemo(Blackhole bh) {
    for (Transaction tx : txs) {
      bh.consume(oldSignatureCheck(tx));
    }
  }

  @Benchmark
  public void signatureCheckCached(Blackhole bh) {
    for (Transaction tx : txs) {
      bh.consume(tx.hasValidSignature());
    }
  }
}
