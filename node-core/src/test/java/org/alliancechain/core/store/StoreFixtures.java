package org.alliancechain.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.crypto.KeyPair;
import org.alliancechain.core.exec.BlockExecutor;
import org.alliancechain.core.exec.ChainFixture;
import org.alliancechain.core.exec.ExecutionResult;
import org.alliancechain.core.exec.KvApp;
import org.alliancechain.core.exec.Nonces;
import org.alliancechain.core.hash.Sha256;
import org.alliancechain.core.tx.Transaction;

/** Shared helpers for store tests: a chain of blocks written through the executor. */
final class StoreFixtures {
  private StoreFixtures() {}

  /** Executes {@code blocks} blocks of {@code txsPerBlock} puts from a few senders. */
  static void writeBlocks(RocksStore store, ChainFixture chain, int blocks, int txsPerBlock) {
    if (!store.isInitialized()) {
      store.initialize(Genesis.empty());
    }
    BlockExecutor executor = new BlockExecutor(new KvApp(), store, h -> chain.validators());
    List<KeyPair> senders = List.of(ChainFixture.key(1), ChainFixture.key(2), ChainFixture.key(3));
    for (int b = 0; b < blocks; b++) {
      long height = store.head() + 1;
      List<Transaction> txs = new ArrayList<>();
      long[] nonces = new long[senders.size()];
      for (int s = 0; s < senders.size(); s++) {
        nonces[s] = Nonces.next(store::stateValue, senders.get(s).publicKey());
      }
      for (int i = 0; i < txsPerBlock; i++) {
        int s = i % senders.size();
        Bytes key = KvApp.text("k" + (height * 7 + i) % 50);
        Bytes value = KvApp.text("v" + height + "/" + i);
        txs.add(KvApp.put(senders.get(s), ChainFixture.CHAIN, nonces[s]++, key, value));
      }
      ExecutionResult result = executor.execute(chain.next(store, txs));
      assertThat(result).isInstanceOf(ExecutionResult.Committed.class);
    }
  }

  /** Every file in the folder with a hash of its bytes: equal snapshots mean nothing changed. */
  static SortedMap<String, String> snapshot(Path dir) {
    SortedMap<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        out.put(dir.relativize(file).toString(), Sha256.hash(Files.readAllBytes(file)).toHex());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
