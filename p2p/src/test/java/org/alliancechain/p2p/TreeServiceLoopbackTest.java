package org.alliancechain.p2p;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.crypto.KeyPair;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.core.hash.Sha256;
import org.alliancechain.p2p.tree.LftNode;
import org.alliancechain.p2p.tree.SealedBoxSealer;
import org.alliancechain.p2p.tree.TftNode;
import org.alliancechain.p2p.tree.TreeAction;
import org.alliancechain.p2p.tree.TreeService;
import org.alliancechain.p2p.tree.TrustFirstPlan;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

// SPEC M-6, M-7, M-8 over real loopback links.
class TreeServiceLoopbackTest {
  private final MutableDirectory directory = new MutableDirectory();
  private final List<PeerNetwork> networks = new ArrayList<>();
  private final List<ScheduledExecutorService> executors = new ArrayList<>();
  private final List<TreeService> services = new ArrayList<>();
  private final List<List<TreeAction.Deliver>> delivered = new ArrayList<>();
  private final List<KeyPair> keys = PeerNetworkTest.sortedKeys(4, 40);

  private List<PublicKey> members() {
    return keys.stream().map(KeyPair::publicKey).toList();
  }

  private void startAll() throws Exception {
    for (KeyPair key : keys) {
      ChannelMux mux = new ChannelMux();
      PeerNetwork net =
          PeerNetworks.start(
              new PeerNetworkConfig(
                  key, PeerNetworkTest.NET, "127.0.0.1", 0, PeerNetworkTest.testLimits(), 3),
              directory,
              mux,
              PeerListener.NONE);
      networks.add(net);
      directory.put(key.publicKey(), Optional.of(new PeerAddress("127.0.0.1", net.port())));
      ScheduledExecutorService ex = Executors.newSingleThreadScheduledExecutor();
      executors.add(ex);
      List<TreeAction.Deliver> got = new CopyOnWriteArrayList<>();
      delivered.add(got);
      HalfRoundTrip latency = new HalfRoundTrip(net);
      TreeService service =
          new TreeService(
              new LftNode(
                  key.publicKey(), members(), new LftNode.Limits(500_000, 1_000, 1_000), latency),
              new TftNode(
                  key.publicKey(),
                  new TftNode.Limits(1_000, 100),
                  latency,
                  new SealedBoxSealer(key, new SecureRandom())),
              (peer, bytes) -> net.send(peer, ChannelMux.frame(ChannelMux.Channel.TREE, bytes)),
              got::add,
              ex,
              () -> System.nanoTime() / 1_000,
              64 * 1024,
              10_000);
      mux.register(ChannelMux.Channel.TREE, service);
      services.add(service);
    }
    for (PeerNetwork net : networks) {
      net.membershipChanged();
    }
    for (PeerNetwork net : networks) {
      Await.until("mesh", PeerNetworkTest.WAIT, () -> net.connectedPeers().size() == 3);
    }
  }

  private record HalfRoundTrip(PeerNetwork net) implements org.alliancechain.p2p.tree.HopLatency {
    @Override
    public long oneWayMicros(PublicKey peer) {
      return net.roundTripMicros(peer).orElse(0) / 2;
    }
  }

  @AfterEach
  void stop() throws InterruptedException {
    networks.forEach(PeerNetwork::close);
    for (ScheduledExecutorService ex : executors) {
      ex.shutdownNow();
      assertThat(ex.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void anLftBroadcastReachesEveryOtherMemberAndIsTimed() throws Exception {
    startAll();
    Bytes payload = Bytes.wrap("request: pallets".getBytes(StandardCharsets.UTF_8));
    var id = Sha256.hash(payload.unsafeArray());
    services.get(3).broadcast(id, payload, List.of(members().get(0)));
    for (int i = 0; i < 3; i++) {
      int n = i;
      Await.until("delivered", PeerNetworkTest.WAIT, () -> delivered.get(n).size() == 1);
      assertThat(delivered.get(n).get(0).payload()).isEqualTo(payload);
      assertThat(services.get(n).commTimes().cooperative().routes()).isEqualTo(1);
    }
    assertThat(delivered.get(3)).isEmpty(); // the origin does not deliver its own request

    org.alliancechain.p2p.metrics.MetricsRegistry registry =
        new org.alliancechain.p2p.metrics.MetricsRegistry();
    P2pMetrics.register(registry, networks.get(0));
    P2pMetrics.register(registry, services.get(0));
    assertThat(registry.render())
        .contains(
            "p2p_peers_connected 3",
            "tree_f_aco_routes 1",
            "p2p_rejected_total{reason=\"not_member\"} 0");
  }

  @Test
  void aTftRequestThroughTheAllianceNodeReachesOnlyTheTrustedProvider() throws Exception {
    startAll();
    Bytes payload = Bytes.wrap("private request".getBytes(StandardCharsets.UTF_8));
    var id = Sha256.hash(payload.unsafeArray());
    TrustFirstPlan plan =
        TrustFirstPlan.of(
            members().get(1),
            List.of(new TrustFirstPlan.Trust(members().get(2), 10)),
            5,
            TrustFirstPlan.Option.VIA_ALLIANCE,
            Optional.empty(),
            members().get(0),
            members());
    TreeService receiver = services.get(1);
    receiver.request(id, payload, plan, receiver.nowMicros() + 60_000_000, false);
    Await.until("delivered", PeerNetworkTest.WAIT, () -> delivered.get(2).size() == 1);
    assertThat(delivered.get(2).get(0).payload()).isEqualTo(payload);
    assertThat(services.get(2).commTimes().competitive().nonPrivateRoutes()).isEqualTo(1);
    assertThat(delivered.get(0)).isEmpty(); // the relay
    assertThat(delivered.get(3)).isEmpty();
  }
}
