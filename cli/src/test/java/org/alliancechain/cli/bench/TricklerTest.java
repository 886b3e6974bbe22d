package org.alliancechain.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.crypto.KeyPair;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.p2p.LinkLimits;
import org.alliancechain.p2p.PeerAddress;
import org.alliancechain.p2p.PeerDirectory;
import org.alliancechain.p2p.PeerListener;
import org.alliancechain.p2p.PeerNetwork;
import org.alliancechain.p2p.PeerNetworkConfig;
import org.alliancechain.p2p.PeerNetworks;
import org.alliancechain.p2p.api.ApiLimits;
import org.alliancechain.p2p.api.ApiResponse;
import org.alliancechain.p2p.api.ApiServer;
import org.alliancechain.p2p.api.ApiServerConfig;
import org.alliancechain.p2p.api.ApiServers;
import org.alliancechain.p2p.api.Health;
import org.alliancechain.p2p.api.Router;
import org.alliancechain.p2p.metrics.MetricsRegistry;
import org.junit.jupiter.api.Test;

/**
 * The suite's smoke test of `alliance dev trickle` (issue 9): 50 trickling connections against a
 * real API server and peer port with one-second deadlines. It asserts correctness only, never time:
 * the deadlines cut the slow connections (idle timers alone would not, a byte arrives every 100 ms)
 * and the API and a member's handshake are still served meanwhile.
 */
class TricklerTest {
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final Bytes NET = Bytes.wrap("trickle-net".getBytes(StandardCharsets.UTF_8));

  private static KeyPair key(int i) {
    byte[] seed = new byte[32];
    seed[0] = (byte) i;
    return KeyPair.fromSeed(seed);
  }

  private static LinkLimits limits() {
    LinkLimits d = LinkLimits.defaults();
    return new LinkLimits(
        d.frameBytesMax(),
        d.outboundQueueBytesMax(),
        d.inboundQueueBytesMax(),
        d.inboundMessagesPerSecond(),
        d.inboundBurstMessages(),
        d.handshakesPendingMax(),
        1_000, // handshake deadline
        d.idleTimeoutMillis(),
        d.pingIntervalMillis(),
        d.connectTimeoutMillis(),
        d.reconnectBaseMillis(),
        d.reconnectMaxMillis(),
        d.handshakesPerAddressMax(),
        d.scoreRecoveryMillis(),
        d.banBaseMillis(),
        d.banMaxMillis(),
        d.bannedAddressHandshakeIntervalMillis());
  }

  private static PeerNetwork member(KeyPair self, List<KeyPair> all, Map<PublicKey, Integer> ports)
      throws Exception {
    List<PublicKey> keys = all.stream().map(KeyPair::publicKey).sorted().toList();
    PeerDirectory directory =
        new PeerDirectory() {
          @Override
          public boolean isMember(PublicKey key) {
            return keys.contains(key);
          }

          @Override
          public List<PublicKey> members() {
            return keys;
          }

          @Override
          public Optional<PeerAddress> address(PublicKey member) {
            Integer port = ports.get(member);
            return port == null
                ? Optional.empty()
                : Optional.of(new PeerAddress("127.0.0.1", port));
          }
        };
    return PeerNetworks.start(
        new PeerNetworkConfig(self, NET, "127.0.0.1", 0, limits(), 3),
        directory,
        (sender, message) -> {},
        new PeerListener() {
          @Override
          public void onConnected(PublicKey peer) {}

          @Override
          public void onDisconnected(PublicKey peer, String reason) {}
        });
  }

  @Test
  void slowConnectionsAreCutByTheDeadlinesWhileTheNodeKeepsServing() throws Exception {
    ApiLimits apiLimits = new ApiLimits(64 * 1024, 8 * 1024, 1_000, 60_000, 32, 1_024, 2, 16, 200);
    Router router = new Router().get("/ping", r -> ApiResponse.ok(Map.of("pong", true)));
    // The smaller key of a pair dials: the trickled node a is the larger one, b dials it.
    KeyPair x = key(1);
    KeyPair y = key(2);
    boolean xLarger = x.publicKey().compareTo(y.publicKey()) > 0;
    KeyPair a = xLarger ? x : y;
    KeyPair b = xLarger ? y : x;
    Map<PublicKey, Integer> ports = new java.util.concurrent.ConcurrentHashMap<>();
    try (ApiServer api =
            ApiServers.start(
                new ApiServerConfig("127.0.0.1", 0, apiLimits),
                router,
                Health::readyNow,
                new MetricsRegistry());
        PeerNetwork peer = member(a, List.of(a, b), ports);
        HttpClient client = HttpClient.newHttpClient()) {
      ports.put(a.publicKey(), peer.port());
      List<Trickler.Target> targets =
          List.of(
              new Trickler.Target(
                  new InetSocketAddress(InetAddress.getLoopbackAddress(), api.port()), true),
              new Trickler.Target(
                  new InetSocketAddress(InetAddress.getLoopbackAddress(), peer.port()), false));
      int connections = 50;
      try (Trickler trickle = new Trickler(targets, connections, 100).start()) {
        Await.until(
            "every slow connection cut at least once on average",
            WAIT,
            () -> trickle.stats().cutByServer() >= connections);
        assertThat(trickle.stats().connects()).isGreaterThan(connections);
        HttpResponse<String> pong =
            client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + "/ping"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(pong.statusCode()).isEqualTo(200);
        try (PeerNetwork other = member(b, List.of(a, b), ports)) {
          Await.until(
              "a member still links up",
              WAIT,
              () ->
                  peer.connectedPeers().contains(b.publicKey())
                      && other.connectedPeers().contains(a.publicKey()));
        }
      }
    }
  }

  /** Polls a condition until it holds or the deadline passes (no fixed sleeps). */
  static final class Await {
    private Await() {}

    static void until(String what, Duration max, java.util.function.BooleanSupplier ok)
        throws InterruptedException {
      long end = System.nanoTime() + max.toNanos();
      while (!ok.getAsBoolean()) {
        if (System.nanoTime() > end) {
          throw new AssertionError("timed out waiting for: " + what);
        }
        Thread.sleep(20);
      }
    }
  }
}
