package org.alliancechain.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.alliancechain.core.crypto.Ed25519;
import org.alliancechain.core.crypto.KeyPair;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Ed25519 batch verification ({@code Ed25519.verifyAllRaw}, no memo) of 64 signatures over
 * transaction-sized messages (200 bytes) by {@code keys} distinct keys, in signatures per second to
 * compare with {@code SignatureBench.verify}. A member's node and gateway sign many transactions
 * with one key, and the batch multiplies each distinct key once. Results: docs/crypto.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class BatchSignatureBench {
  static final int BATCH = 64;
  private static final int MESSAGE_BYTES = 200;

  @Param({"4", "64"})
  public int keys;

  private byte[][] publicKeys;
  private byte[][] messages;
  private byte[][] signatures;

  @Setup
  public void setUp() {
    Random random = new Random(42);
    KeyPair[] pairs = new KeyPair[keys];
    for (int k = 0; k < keys; k++) {
      byte[] seed = new byte[KeyPair.SEED_BYTES];
      random.nextBytes(seed);
      pairs[k] = KeyPair.fromSeed(seed);
    }
    publicKeys = new byte[BATCH][];
    messages = new byte[BATCH][];
    signatures = new byte[BATCH][];
    for (int i = 0; i < BATCH; i++) {
      KeyPair pair = pairs[i % keys];
      messages[i] = new byte[MESSAGE_BYTES];
      random.nextBytes(messages[i]);
      publicKeys[i] = pair.publicKey().toBytes();
      signatures[i] = pair.signRaw(messages[i]);
    }
    for (boolean ok : Ed25519.verifyAllRaw(publicKeys, messages, signatures)) {
      if (!ok) {
        throw new IllegalStateException("benchmark signature does not verify");
      }
    }
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public boolean[] verifyBatchOf64() {
    return Ed25519.verifyAllRaw(publicKeys, messages, signatures);
  }
}
