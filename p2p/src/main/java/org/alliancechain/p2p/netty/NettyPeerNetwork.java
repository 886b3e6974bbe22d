package org.alliancechain.p2p.netty;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.AttributeKey;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.p2p.LinkLimits;
import org.alliancechain.p2p.MessageHandler;
import org.alliancechain.p2p.PeerAddress;
import org.alliancechain.p2p.PeerDirectory;
import org.alliancechain.p2p.PeerListener;
import org.alliancechain.p2p.PeerNetwork;
import org.alliancechain.p2p.PeerNetworkConfig;
import org.alliancechain.p2p.Penalty;
import org.alliancechain.p2p.RejectReason;
import org.alliancechain.p2p.SendResult;
import org.alliancechain.p2p.flow.Backoff;
import org.alliancechain.p2p.flow.FairInbox;
import org.alliancechain.p2p.flow.PeerScores;
import org.alliancechain.p2p.secure.Handshake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Netty implementation of {@link PeerNetwork}. */
public final class NettyPeerNetwork implements PeerNetwork {
  private static final Logger log = LoggerFactory.getLogger(NettyPeerNetwork.class);
  private static final int IO_THREADS = 2;
  private static final int DISPATCH_POLL_MILLIS = 100;
  private static final AttributeKey<InetAddress> HANDSHAKE_ADDRESS =
      AttributeKey.valueOf("p2p-handshake-address");

  private final PeerNetworkConfig config;
  private final PeerDirectory directory;
  private final MessageHandler handler;
  private final PeerListener listener;
  private final MultiThreadIoEventLoopGroup group;
  private final SecureRandom random = new SecureRandom();
  private final Map<PublicKey, PeerChannelHandler> links = new ConcurrentHashMap<>();
  private final Map<PublicKey, Long> roundTrips = new ConcurrentHashMap<>();
  private final Map<RejectReason, LongAdder> rejects = new EnumMap<>(RejectReason.class);
  private final LongAdder throttles = new LongAdder();
  private final AtomicInteger handshakesPending = new AtomicInteger();
  // Accepted connections still in their handshake, per remote address; entries leave at zero.
  private final Map<InetAddress, Integer> handshakesByAddress = new ConcurrentHashMap<>();
  private final PeerScores scores;
  private final Map<Penalty, LongAdder> penalties = new EnumMap<>(Penalty.class);
  private final LongAdder bans = new LongAdder();
  private final FairInbox<PublicKey, byte[]> inbox;
  private final Object dialLock = new Object();
  // Guarded by dialLock. Looked up by key only.
  private final Map<PublicKey, DialState> dials = new ConcurrentHashMap<>();
  private final Backoff backoff;
  private final Thread dispatcher;
  private volatile boolean closed;
  private Channel serverChannel;

  private static final class DialState {
    int failures;
    boolean busy; // a connection attempt or a scheduled retry is outstanding
  }

  private NettyPeerNetwork(
      PeerNetworkConfig config,
      PeerDirectory directory,
      MessageHandler handler,
      PeerListener listener) {
    this.config = config;
    this.directory = directory;
    this.handler = handler;
    this.listener = listener;
    for (RejectReason reason : RejectReason.values()) {
      rejects.put(reason, new LongAdder());
    }
    for (Penalty penalty : Penalty.values()) {
      penalties.put(penalty, new LongAdder());
    }
    LinkLimits limits = config.limits();
    this.scores =
        new PeerScores(limits.scoreRecoveryMillis(), limits.banBaseMillis(), limits.banMaxMillis());
    this.inbox =
        new FairInbox<>(
            limits.inboundQueueBytesMax(), 2L * limits.inboundQueueBytesMax(), this::drained);
    this.backoff =
        new Backoff(
            limits.reconnectBaseMillis(),
            limits.reconnectMaxMillis(),
            new SplittableRandom(config.jitterSeed()));
    this.group = Transports.group("p2p-io", IO_THREADS);
    this.dispatcher = new Thread(this::dispatchLoop, "p2p-dispatch");
    this.dispatcher.setDaemon(true);
  }

  public static NettyPeerNetwork start(
      PeerNetworkConfig config,
      PeerDirectory directory,
      MessageHandler handler,
      PeerListener listener)
      throws IOException {
    NettyPeerNetwork network = new NettyPeerNetwork(config, directory, handler, listener);
    network.bind();
    network.dispatcher.start();
    network.membershipChanged();
    return network;
  }

  private void bind() throws IOException {
    LinkLimits limits = config.limits();
    ServerBootstrap server =
        new ServerBootstrap()
            .group(group)
            .channel(Transports.serverChannel())
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, waterMark(limits))
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    if (handshakesPending.incrementAndGet() > limits.handshakesPendingMax()) {
                      handshakesPending.decrementAndGet();
                      count(RejectReason.TOO_MANY_HANDSHAKES);
                      var unused = ch.close();
                      return;
                    }
                    if (!admitHandshakeFrom(ch)) {
                      handshakesPending.decrementAndGet();
                      count(RejectReason.TOO_MANY_HANDSHAKES_FROM_ADDRESS);
                      var unused = ch.close();
                      return;
                    }
                    Handshake hs =
                        Handshake.responder(
                            config.identity(), config.networkId().unsafeArray(), random);
                    initPipeline(ch, hs, Optional.empty());
                  }
                });
    try {
      serverChannel = server.bind(config.bindHost(), config.bindPort()).sync().channel();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new IOException("interrupted while binding", e);
    } catch (RuntimeException e) {
      close();
      throw new IOException("cannot listen on " + config.bindHost() + ":" + config.bindPort(), e);
    }
    log.info("peer links of {} listening on {}", self(), serverChannel.localAddress());
  }

  private boolean admitHandshakeFrom(SocketChannel ch) {
    InetAddress address = ch.remoteAddress().getAddress();
    int n = handshakesByAddress.merge(address, 1, Integer::sum);
    if (n > config.limits().handshakesPerAddressMax()) {
      handshakesByAddress.computeIfPresent(address, (a, k) -> k == 1 ? null : k - 1);
      return false;
    }
    ch.attr(HANDSHAKE_ADDRESS).set(address);
    return true;
  }

  private static WriteBufferWaterMark waterMark(LinkLimits limits) {
    return new WriteBufferWaterMark(
        limits.outboundQueueBytesMax() / 2, limits.outboundQueueBytesMax());
  }

  private void initPipeline(SocketChannel ch, Handshake hs, Optional<PublicKey> dialed) {
    LinkLimits limits = config.limits();
    FrameDecoder decoder = new FrameDecoder(Handshake.MESSAGE_BYTES_MAX);
    ch.pipeline()
        .addLast(
            "idle", new IdleStateHandler(limits.idleTimeoutMillis(), 0, 0, TimeUnit.MILLISECONDS))
        .addLast("frames", decoder)
        .addLast("link", new PeerChannelHandler(this, hs, dialed, decoder));
  }

  // ---- dialing: the smaller key of each pair dials, so one pair has one link.

  private boolean shouldDial(PublicKey peer) {
    return !closed
        && self().compareTo(peer) < 0
        && directory.isMember(peer)
        && directory.address(peer).isPresent();
  }

  private void maintain(PublicKey peer) {
    synchronized (dialLock) {
      DialState st = dials.computeIfAbsent(peer, k -> new DialState());
      if (st.busy || links.containsKey(peer) || !shouldDial(peer)) {
        return;
      }
      st.busy = true;
    }
    long banned = scores.banRemainingMillis(peer, PeerScores.monotonicMillis());
    if (banned > 0) {
      scheduleDial(peer, banned + 1);
      return;
    }
    PeerAddress address = directory.address(peer).orElseThrow();
    LinkLimits limits = config.limits();
    Bootstrap bootstrap =
        new Bootstrap()
            .group(group)
            .channel(Transports.clientChannel())
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, limits.connectTimeoutMillis())
            .option(ChannelOption.WRITE_BUFFER_WATER_MARK, waterMark(limits))
            .handler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    handshakesPending.incrementAndGet();
                    Handshake hs =
                        Handshake.initiator(
                            config.identity(), config.networkId().unsafeArray(), peer, random);
                    initPipeline(ch, hs, Optional.of(peer));
                  }
                });
    var unused =
        bootstrap
            .connect(new InetSocketAddress(address.host(), address.port()))
            .addListener(
                (ChannelFutureListener)
                    f -> {
                      if (!f.isSuccess()) {
                        log.debug("dial {} at {} failed: {}", peer, address, f.cause().toString());
                        retryLater(peer);
                      }
                    });
  }

  private void retryLater(PublicKey peer) {
    long delay;
    synchronized (dialLock) {
      DialState st = dials.computeIfAbsent(peer, k -> new DialState());
      delay = backoff.delayMillis(st.failures);
      st.failures++;
      st.busy = true;
    }
    scheduleDial(peer, delay);
  }

  private void scheduleDial(PublicKey peer, long delay) {
    if (closed) {
      return;
    }
    var unused =
        group.schedule(
            () -> {
              synchronized (dialLock) {
                dials.computeIfAbsent(peer, k -> new DialState()).busy = false;
              }
              maintain(peer);
            },
            delay,
            TimeUnit.MILLISECONDS);
  }

  // ---- callbacks from links

  PeerDirectory directory() {
    return directory;
  }

  LinkLimits limits() {
    return config.limits();
  }

  FairInbox<PublicKey, byte[]> inbox() {
    return inbox;
  }

  void count(RejectReason reason) {
    rejects.get(reason).increment();
  }

  void throttled() {
    throttles.increment();
  }

  void handshakeFinished(Channel ch) {
    handshakesPending.decrementAndGet();
    InetAddress address = ch.attr(HANDSHAKE_ADDRESS).getAndSet(null);
    if (address != null) {
      handshakesByAddress.computeIfPresent(address, (a, k) -> k == 1 ? null : k - 1);
    }
  }

  boolean isBanned(PublicKey peer) {
    return scores.isBanned(peer, PeerScores.monotonicMillis());
  }

  void roundTrip(PublicKey peer, long micros) {
    roundTrips.put(peer, micros);
  }

  void linkEstablished(PeerChannelHandler link) {
    PublicKey peer = link.peer();
    if (closed || isBanned(peer)) {
      link.close();
      return;
    }
    PeerChannelHandler old = links.put(peer, link);
    if (old != null) {
      log.info("link to {} replaced by a newer one", peer);
      old.close();
    }
    if (isBanned(peer)) {
      // Banned while this handshake was finishing: penalize() closed the link it saw, not this one.
      links.remove(peer, link);
      link.close();
      return;
    }
    if (link.dialed().isPresent()) {
      synchronized (dialLock) {
        DialState st = dials.computeIfAbsent(peer, k -> new DialState());
        st.failures = 0;
        st.busy = false;
      }
    }
    log.info("link to {} established ({})", peer, link.channel().remoteAddress());
    listener.onConnected(peer);
  }

  void linkClosed(PeerChannelHandler link, boolean wasEstablished) {
    PublicKey peer = link.peer();
    if (wasEstablished && links.remove(peer, link)) {
      roundTrips.remove(peer);
      listener.onDisconnected(peer, "link closed");
      log.info("link to {} closed", peer);
    }
    link.dialed().ifPresent(this::retryLater);
  }

  private void drained(PublicKey peer) {
    PeerChannelHandler link = links.get(peer);
    if (link != null) {
      link.resumeFromQueue();
    }
  }

  private void dispatchLoop() {
    while (!closed) {
      Optional<FairInbox.Entry<PublicKey, byte[]>> next;
      try {
        next = inbox.poll(DISPATCH_POLL_MILLIS, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        return;
      }
      if (next.isPresent()) {
        try {
          handler.onMessage(next.get().peer(), next.get().item());
        } catch (RuntimeException e) {
          // The handler's contract is not to throw: this is a bug, so stop rather than limp on.
          // Closing the links alone left a process that served its API with no peers and never
          // caught up (chaos soak, docs/reliability.md finding 4): the error goes on to the
          // thread's uncaught-exception handler, which stops the whole node (the node's
          // FatalErrors), so that its supervisor restarts it.
          log.error("message handler failed; stopping the peer network", e);
          close();
          AssertionError fatal = new AssertionError("peer message handler failed: " + e, e);
          throw fatal;
        }
      }
    }
  }

  // ---- PeerNetwork

  @Override
  public int port() {
    return ((InetSocketAddress) serverChannel.localAddress()).getPort();
  }

  @Override
  public PublicKey self() {
    return config.identity().publicKey();
  }

  @Override
  public SendResult send(PublicKey peer, byte[] message) {
    if (peer.equals(self())) {
      return SendResult.SELF;
    }
    if (message.length > config.limits().frameBytesMax()) {
      return SendResult.TOO_LARGE;
    }
    PeerChannelHandler link = links.get(peer);
    if (link == null) {
      return SendResult.NOT_CONNECTED;
    }
    return link.send(message) ? SendResult.QUEUED : SendResult.QUEUE_FULL;
  }

  @Override
  public Map<PublicKey, SendResult> broadcast(byte[] message) {
    Map<PublicKey, SendResult> results = new LinkedHashMap<>();
    for (PublicKey peer : connectedPeers()) {
      results.put(peer, send(peer, message));
    }
    return results;
  }

  @Override
  public Set<PublicKey> connectedPeers() {
    return new TreeSet<>(links.keySet());
  }

  @Override
  public OptionalLong roundTripMicros(PublicKey peer) {
    Long micros = roundTrips.get(peer);
    return micros == null ? OptionalLong.empty() : OptionalLong.of(micros);
  }

  @Override
  public long rejectCount(RejectReason reason) {
    return rejects.get(reason).sum();
  }

  @Override
  public Map<RejectReason, Long> rejectCounts() {
    Map<RejectReason, Long> out = new EnumMap<>(RejectReason.class);
    rejects.forEach((reason, adder) -> out.put(reason, adder.sum()));
    return out;
  }

  @Override
  public long throttleCount() {
    return throttles.sum();
  }

  @Override
  public void penalize(PublicKey peer, Penalty penalty) {
    if (closed || peer.equals(self()) || !directory.isMember(peer)) {
      return; // only members are scored, so the table stays bounded by the member count
    }
    penalties.get(penalty).increment();
    long now = PeerScores.monotonicMillis();
    if (scores.isBanned(peer, now)) {
      return;
    }
    if (scores.penalize(peer, penalty.points(), now) == PeerScores.Outcome.BANNED) {
      bans.increment();
      log.warn(
          "banning {} for {} ms: score reached zero (last: {})",
          peer,
          scores.banRemainingMillis(peer, now),
          penalty.label());
      PeerChannelHandler link = links.get(peer);
      if (link != null) {
        link.close();
      }
      inbox.discard(peer);
    }
  }

  @Override
  public long score(PublicKey peer) {
    return scores.score(peer, PeerScores.monotonicMillis());
  }

  @Override
  public long penaltyCount(Penalty penalty) {
    return penalties.get(penalty).sum();
  }

  @Override
  public long banCount() {
    return bans.sum();
  }

  @Override
  public int bannedCount() {
    return scores.bannedCount(PeerScores.monotonicMillis());
  }

  @Override
  public void membershipChanged() {
    for (PeerChannelHandler link : links.values()) {
      if (!directory.isMember(link.peer())) {
        log.info("closing link to {}: no longer a member", link.peer());
        link.close();
        inbox.discard(link.peer());
      }
    }
    for (PublicKey member : directory.members()) {
      if (!member.equals(self())) {
        maintain(member);
      }
    }
  }

  @Override
  public void close() {
    // Idempotent: the dispatcher closes the network on a handler failure, and the node's own
    // shutdown closes it again (the event loops, once terminated, refuse further work).
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    if (serverChannel != null) {
      serverChannel.close().syncUninterruptibly();
    }
    for (PeerChannelHandler link : links.values()) {
      link.close();
    }
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    if (Thread.currentThread() == dispatcher) {
      return;
    }
    dispatcher.interrupt();
    try {
      dispatcher.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
