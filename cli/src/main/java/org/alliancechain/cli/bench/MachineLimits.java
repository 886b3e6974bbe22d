package org.alliancechain.cli.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import org.alliancechain.core.crypto.Ed25519;
import org.alliancechain.core.crypto.KeyPair;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * The machine's own limits, measured in the same run as the alliance: what one core verifies, and
 * how many synced write batches the disk takes. The node cannot beat either.
 */
final class MachineLimits {
  static final int MESSAGES = 256;
  static final int MESSAGE_BYTES = 200; // about one transfer transaction's signed bytes
  static final int BATCH_PUTS = 100;
  static final int VALUE_BYTES = 200;

  private MachineLimits() {}

  /**
   * Single-thread Ed25519 verifications per second: Bouncy Castle's verification from the key's
   * bytes, without the node's memo of verified signatures or its kept decoded keys. This measures
   * the machine, not the node's savings (until session 7 it measured the profile, which was the
   * same figure within 1 %).
   */
  static double verifiesPerSecond(Duration warmup, Duration measure) {
    SecureRandom random = new SecureRandom();
    KeyPair key = KeyPair.generate(random);
    byte[][] messages = new byte[MESSAGES][];
    byte[][] signatures = new byte[MESSAGES][];
    for (int i = 0; i < MESSAGES; i++) {
      messages[i] = new byte[MESSAGE_BYTES];
      random.nextBytes(messages[i]);
      signatures[i] = key.signRaw(messages[i]);
    }
    verifyFor(key, messages, signatures, warmup);
    long start = System.nanoTime();
    long count = verifyFor(key, messages, signatures, measure);
    return count * 1e9 / (System.nanoTime() - start);
  }

  private static long verifyFor(
      KeyPair key, byte[][] messages, byte[][] signatures, Duration duration) {
    byte[] publicKey = key.publicKey().toBytes();
    long deadline = System.nanoTime() + duration.toNanos();
    long count = 0;
    while (System.nanoTime() < deadline) {
      int i = (int) (count % MESSAGES);
      if (!Ed25519.verifyBouncyCastleBytes(publicKey, messages[i], signatures[i])) {
        throw new IllegalStateException("a valid signature failed to verify");
      }
      count++;
    }
    return count;
  }

  /** Synced RocksDB write batches of {@value #BATCH_PUTS} puts per second, in {@code dir}. */
  static double syncedBatchesPerSecond(Path dir, Duration measure) throws IOException {
    org.alliancechain.core.store.RocksLibrary.load();
    byte[] value = new byte[VALUE_BYTES];
    new SecureRandom().nextBytes(value);
    try (Options options = new Options().setCreateIfMissing(true);
        RocksDB db = RocksDB.open(options, dir.toString());
        WriteOptions sync = new WriteOptions().setSync(true)) {
      long start = System.nanoTime();
      long deadline = start + measure.toNanos();
      long batches = 0;
      while (System.nanoTime() < deadline) {
        try (WriteBatch batch = new WriteBatch()) {
          for (int i = 0; i < BATCH_PUTS; i++) {
            batch.put(("k" + batches + "/" + i).getBytes(StandardCharsets.UTF_8), value);
          }
          db.write(sync, batch);
        }
        batches++;
      }
      return batches * 1e9 / (System.nanoTime() - start);
    } catch (RocksDBException e) {
      throw new IOException("RocksDB: " + e.getMessage(), e);
    }
  }
}
