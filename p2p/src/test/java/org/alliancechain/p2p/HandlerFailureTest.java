package org.alliancechain.p2p;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.alliancechain.core.crypto.KeyPair;
import org.junit.jupiter.api.Test;

// Chaos soak finding 4 (docs/reliability.md): a message handler that threw closed the peer links
// and nothing else, so the node went on serving its API with no peers and never caught up. The
// failure must reach the thread's uncaught-exception handler as a broken invariant (the node's
// FatalErrors stops the process on it).
class HandlerFailureTest {
  @Test
  void aThrowingHandlerClosesTheLinksAndRaisesABrokenInvariant() throws Exception {
    AtomicReference<Throwable> uncaught = new AtomicReference<>();
    Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
    Thread.setDefaultUncaughtExceptionHandler((t, e) -> uncaught.compareAndSet(null, e));
    List<KeyPair> keys = PeerNetworkTest.sortedKeys(2, 40);
    MutableDirectory directory = new MutableDirectory();
    PeerNetwork failing = null;
    PeerNetwork sender = null;
    try {
      failing =
          PeerNetworks.start(
              new PeerNetworkConfig(
                  keys.get(0),
                  PeerNetworkTest.NET,
                  "127.0.0.1",
                  0,
                  PeerNetworkTest.testLimits(),
                  7),
              directory,
              (from, message) -> {
                throw new IllegalStateException("a bug in the handler");
              },
              PeerListener.NONE);
      directory.put(
          keys.get(0).publicKey(), Optional.of(new PeerAddress("127.0.0.1", failing.port())));
      sender =
          PeerNetworks.start(
              new PeerNetworkConfig(
                  keys.get(1),
                  PeerNetworkTest.NET,
                  "127.0.0.1",
                  0,
                  PeerNetworkTest.testLimits(),
                  7),
              directory,
              (from, message) -> {},
              PeerListener.NONE);
      directory.put(
          keys.get(1).publicKey(), Optional.of(new PeerAddress("127.0.0.1", sender.port())));
      failing.membershipChanged();
      sender.membershipChanged();
      PeerNetwork s = sender;
      Await.until(
          "link up",
          PeerNetworkTest.WAIT,
          () -> s.connectedPeers().contains(keys.get(0).publicKey()));
      s.send(keys.get(0).publicKey(), "boom".getBytes(StandardCharsets.UTF_8));
      Await.until("uncaught failure", PeerNetworkTest.WAIT, () -> uncaught.get() != null);
      assertThat(uncaught.get())
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("peer message handler failed")
          .hasRootCauseMessage("a bug in the handler");
      PeerNetwork f = failing;
      Await.until("links closed", PeerNetworkTest.WAIT, () -> f.connectedPeers().isEmpty());
    } finally {
      Thread.setDefaultUncaughtExceptionHandler(before);
      if (failing != null) {
        failing.close();
      }
      if (sender != null) {
        sender.close();
      }
    }
  }
}
