package org.alliancechain.core.store;

import java.io.IOException;
import java.nio.file.Path;
import org.alliancechain.core.exec.ChainFixture;

/** Child process: opens a store, says "holding", and keeps it open until stdin closes. */
public final class HoldStoreMain {
  private HoldStoreMain() {}

  public static void main(String[] args) throws IOException {
    try (RocksStore store = RocksStore.open(Path.of(args[0]), ChainFixture.CHAIN)) {
      System.out.println(store.head() >= 0 ? "holding" : "holding an empty store");
      System.out.flush();
      while (System.in.read() >= 0) {
        // Wait for the parent to close our stdin.
      }
    }
  }
}
