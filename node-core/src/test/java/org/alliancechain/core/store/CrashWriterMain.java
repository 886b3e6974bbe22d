package org.alliancechain.core.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.crypto.KeyPair;
import org.alliancechain.core.exec.BlockExecutor;
import org.alliancechain.core.exec.ChainFixture;
import org.alliancechain.core.exec.ExecutionResult;
import org.alliancechain.core.exec.KvApp;
import org.alliancechain.core.exec.Nonces;
import org.alliancechain.core.tx.Transaction;

/**
 * Child process of {@link CrashTest}: commits certified blocks through the executor into a real
 * store for ever, printing {@code durable <height>} after each commit returns, until it is killed.
 * Before each block it persists a consensus-area record ({@code voted <height>}), and every third
 * block it uploads a three-chunk resource ({@code resource <hash>}). Blocks mix puts, deletes and
 * failing transactions, and only a few state versions are kept, so pruning runs in the same batches
 * too.
 */
public final class CrashWriterMain {
  static final long STATE_VERSIONS_KEPT = 4;
  static final int TXS_PER_BLOCK = 40;

  private CrashWriterMain() {}

  public static void main(String[] args) {
    ChainFixture chain = new ChainFixture();
    try (RocksStore store =
        RocksStore.open(
            Path.of(args[0]), ChainFixture.CHAIN, new StoreOptions(STATE_VERSIONS_KEPT))) {
      if (!store.isInitialized()) {
        store.initialize(Genesis.empty());
      }
      BlockExecutor executor = new BlockExecutor(new KvApp(), store, h -> chain.validators());
      List<KeyPair> senders = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        senders.add(ChainFixture.key(10 + i));
      }
      while (true) {
        long height = store.head() + 1;
        // What a validator persists before voting (SPEC M-27), and sometimes an off-chain upload.
        store.consensus().put(KvApp.text("vote/" + height), KvApp.text("commit " + height));
        System.out.println("voted " + height);
        if (height % 3 == 0) {
          System.out.println("resource " + height + " " + upload(store, height).toHex());
        }
        List<Transaction> txs = block(store, senders, height);
        ExecutionResult result = executor.execute(chain.next(store, txs));
        if (!(result instanceof ExecutionResult.Committed committed)) {
          throw new IllegalStateException("block refused: " + result);
        }
        System.out.println("durable " + committed.height());
        System.out.flush();
      }
    }
  }

  static byte[] resourceContent(long height) {
    byte[] content = new byte[2 * StoreLimits.RESOURCE_CHUNK_BYTES + 1 + (int) (height % 1000)];
    new java.util.SplittableRandom(height).nextBytes(content);
    return content;
  }

  private static org.alliancechain.core.hash.Hash upload(RocksStore store, long height) {
    byte[] content = resourceContent(height);
    try (ResourceStore.Writer writer = store.resources().newResource()) {
      for (int offset = 0; offset < content.length; offset += 50_000) {
        writer.write(content, offset, Math.min(50_000, content.length - offset));
      }
      return writer.finish();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<Transaction> block(RocksStore store, List<KeyPair> senders, long height) {
    long[] nonces = new long[senders.size()];
    for (int s = 0; s < senders.size(); s++) {
      nonces[s] = Nonces.next(store::stateValue, senders.get(s).publicKey());
    }
    List<Transaction> txs = new ArrayList<>();
    for (int i = 0; i < TXS_PER_BLOCK; i++) {
      int s = (int) ((height + i) % senders.size());
      KeyPair sender = senders.get(s);
      Bytes key = KvApp.text("key-" + ((height * 31 + i * 7L) % 500));
      long nonce = nonces[s]++;
      Transaction tx =
          switch (i % 5) {
            case 0 -> KvApp.delete(sender, ChainFixture.CHAIN, nonce, key);
            case 1 -> KvApp.writeThenFail(sender, ChainFixture.CHAIN, nonce, key);
            default ->
                KvApp.put(sender, ChainFixture.CHAIN, nonce, key, KvApp.text(height + "/" + i));
          };
      txs.add(tx);
    }
    return txs;
  }
}
