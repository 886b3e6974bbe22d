package org.alliancechain.p2p.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.p2p.LinkLimits;
import org.alliancechain.p2p.Penalty;
import org.alliancechain.p2p.RejectReason;
import org.alliancechain.p2p.flow.TokenBucket;
import org.alliancechain.p2p.secure.Handshake;
import org.alliancechain.p2p.secure.HandshakeException;
import org.alliancechain.p2p.secure.SessionCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One peer link: the handshake, then decryption, keepalive and inbound flow control. Every method
 * runs on the channel's event loop, except {@link #send} and {@link #resumeFromQueue}.
 */
final class PeerChannelHandler extends SimpleChannelInboundHandler<ByteBuf> {
  private static final Logger log = LoggerFactory.getLogger(PeerChannelHandler.class);

  private enum State {
    HANDSHAKE,
    ESTABLISHED,
    CLOSED
  }

  private final NettyPeerNetwork network;
  private final LinkLimits limits;
  private final Handshake handshake;
  private final Optional<PublicKey> dialed;
  private final FrameDecoder decoder;
  private State state = State.HANDSHAKE;
  private volatile PublicKey peer;
  private volatile Channel channel;
  private ChannelHandlerContext ctx;
  private ScheduledFuture<?> handshakeDeadline;
  private ScheduledFuture<?> pinger;
  private TokenBucket bucket;
  private boolean pausedByRate;
  private boolean pausedByQueue;
  private boolean sentMessage2;
  private boolean closing;
  private SessionCipher cipher;

  PeerChannelHandler(
      NettyPeerNetwork network,
      Handshake handshake,
      Optional<PublicKey> dialed,
      FrameDecoder decoder) {
    super(ByteBuf.class);
    this.network = network;
    this.limits = network.limits();
    this.handshake = handshake;
    this.dialed = dialed;
    this.decoder = decoder;
  }

  Optional<PublicKey> dialed() {
    return dialed;
  }

  PublicKey peer() {
    return peer;
  }

  Channel channel() {
    return channel;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws HandshakeException {
    this.ctx = ctx;
    this.channel = ctx.channel();
    handshakeDeadline =
        ctx.executor()
            .schedule(
                () -> reject(RejectReason.HANDSHAKE_TIMEOUT, "no link after deadline"),
                limits.handshakeTimeoutMillis(),
                TimeUnit.MILLISECONDS);
    if (dialed.isPresent()) {
      writeClear(handshake.message1());
    }
    ctx.fireChannelActive();
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, ByteBuf frame) {
    if (closing) {
      return;
    }
    switch (state) {
      case HANDSHAKE -> onHandshakeFrame(ByteBufUtil.getBytes(frame));
      case ESTABLISHED -> onSealedFrame(frame);
      case CLOSED -> {}
    }
  }

  private void onHandshakeFrame(byte[] bytes) {
    try {
      if (dialed.isPresent()) {
        Handshake.InitiatorResult result = handshake.onMessage2(bytes);
        if (admit(result.established().peer())) {
          writeClear(result.message3().toByteArray());
          established(result.established());
        }
      } else if (!sentMessage2) {
        sentMessage2 = true;
        writeClear(handshake.onMessage1(bytes));
      } else {
        Handshake.Established done = handshake.onMessage3(bytes);
        if (admit(done.peer())) {
          established(done);
        }
      }
    } catch (HandshakeException e) {
      reject(RejectReason.BAD_HANDSHAKE, e.getMessage());
    }
  }

  private boolean admit(PublicKey proven) {
    if (!network.directory().isMember(proven)) {
      reject(RejectReason.NOT_MEMBER, "key " + proven + " is not a member");
      return false;
    }
    if (proven.equals(network.self())) {
      reject(RejectReason.NOT_MEMBER, "a link to ourselves");
      return false;
    }
    if (network.isBanned(proven)) {
      if (dialed.isEmpty()
          && channel.remoteAddress() instanceof java.net.InetSocketAddress remote) {
        network.bannedPeerDialedFrom(proven, remote.getAddress());
      }
      reject(RejectReason.BANNED, "member " + proven + " is serving a ban");
      return false;
    }
    return true;
  }

  private void established(Handshake.Established done) {
    handshakeDeadline.cancel(false);
    network.handshakeFinished(channel);
    state = State.ESTABLISHED;
    peer = done.peer();
    decoder.setFrameBytesMax(1 + limits.frameBytesMax() + SessionCipher.overheadBytes());
    ctx.pipeline().addLast("encrypt", new FrameEncryptor(done.cipher()));
    cipher = done.cipher();
    bucket =
        new TokenBucket(
            limits.inboundMessagesPerSecond(), limits.inboundBurstMessages(), System.nanoTime());
    pinger =
        ctx.executor()
            .scheduleAtFixedRate(
                this::ping,
                limits.pingIntervalMillis(),
                limits.pingIntervalMillis(),
                TimeUnit.MILLISECONDS);
    network.linkEstablished(this);
  }

  private void onSealedFrame(ByteBuf frame) {
    byte[] plain;
    try {
      plain = cipher.decrypt(ByteBufUtil.getBytes(frame), 0, frame.readableBytes());
    } catch (HandshakeException e) {
      reject(RejectReason.BAD_FRAME, e.getMessage());
      return;
    }
    if (plain.length == 0) {
      reject(RejectReason.UNKNOWN_FRAME_TYPE, "empty frame");
      return;
    }
    switch (plain[0]) {
      case FrameType.MESSAGE -> onMessage(java.util.Arrays.copyOfRange(plain, 1, plain.length));
      case FrameType.PING ->
          sendTyped(FrameType.PONG, java.util.Arrays.copyOfRange(plain, 1, plain.length));
      case FrameType.PONG -> onPong(plain);
      default -> reject(RejectReason.UNKNOWN_FRAME_TYPE, "type " + plain[0]);
    }
  }

  private void onMessage(byte[] message) {
    long waitNanos = bucket.tryTake(System.nanoTime());
    if (waitNanos > 0 && !pausedByRate) {
      pausedByRate = true;
      network.throttled();
      updateAutoRead();
      var unused =
          ctx.executor()
              .schedule(
                  () -> {
                    pausedByRate = false;
                    updateAutoRead();
                  },
                  waitNanos,
                  TimeUnit.NANOSECONDS);
    }
    switch (network.inbox().offer(peer, message, message.length)) {
      case ACCEPTED -> {}
      case ACCEPTED_PAUSE -> {
        if (!pausedByQueue) {
          pausedByQueue = true;
          network.throttled();
          updateAutoRead();
        }
      }
      case REFUSED -> network.count(RejectReason.INBOUND_OVERFLOW);
    }
  }

  /** Called by the inbox when this peer's backlog has drained; any thread. */
  void resumeFromQueue() {
    ctx.executor()
        .execute(
            () -> {
              pausedByQueue = false;
              updateAutoRead();
            });
  }

  private void updateAutoRead() {
    channel.config().setAutoRead(!pausedByRate && !pausedByQueue);
  }

  private void ping() {
    byte[] body = new byte[FrameType.PING_BODY_BYTES];
    long now = System.nanoTime();
    for (int i = 0; i < 8; i++) {
      body[i] = (byte) (now >>> (56 - 8 * i));
    }
    sendTyped(FrameType.PING, body);
  }

  private void onPong(byte[] plain) {
    if (plain.length != 1 + FrameType.PING_BODY_BYTES) {
      reject(RejectReason.UNKNOWN_FRAME_TYPE, "pong of " + plain.length + " bytes");
      return;
    }
    long sent = 0;
    for (int i = 1; i <= 8; i++) {
      sent = (sent << 8) | (plain[i] & 0xff);
    }
    network.roundTrip(peer, Math.max(0, (System.nanoTime() - sent) / 1000));
  }

  /** Queues a message frame; any thread. False when the outbound queue is at its limit. */
  boolean send(byte[] message) {
    if (!channel.isWritable()) {
      return false;
    }
    sendTyped(FrameType.MESSAGE, message);
    return true;
  }

  private void sendTyped(byte type, byte[] body) {
    ByteBuf buf = Unpooled.buffer(1 + body.length);
    buf.writeByte(type);
    buf.writeBytes(body);
    var unused = channel.writeAndFlush(buf);
  }

  private void writeClear(byte[] message) {
    ByteBuf buf = ctx.alloc().buffer(FrameDecoder.LENGTH_BYTES + message.length);
    buf.writeInt(message.length);
    buf.writeBytes(message);
    var unused = ctx.writeAndFlush(buf);
  }

  void reject(RejectReason reason, String detail) {
    if (closing || state == State.CLOSED) {
      return;
    }
    closing = true;
    network.count(reason);
    if (state == State.ESTABLISHED && breaksProtocol(reason)) {
      network.penalize(peer, Penalty.PROTOCOL_VIOLATION);
    }
    log.warn(
        "closing link {} ({}): {} {}",
        channel.remoteAddress(),
        peer == null ? "unauthenticated" : peer,
        reason.label(),
        detail);
    close();
  }

  private static boolean breaksProtocol(RejectReason reason) {
    return reason == RejectReason.BAD_FRAME
        || reason == RejectReason.UNKNOWN_FRAME_TYPE
        || reason == RejectReason.FRAME_TOO_LARGE;
  }

  void close() {
    closing = true;
    var unused = channel.close();
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
    if (event instanceof IdleStateEvent idle && idle.state() == IdleState.READER_IDLE) {
      reject(RejectReason.IDLE_TIMEOUT, "nothing received");
    } else {
      ctx.fireUserEventTriggered(event);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof io.netty.handler.codec.DecoderException decoding
        && decoding.getCause() instanceof FrameDecoder.FrameTooLargeException tooLarge) {
      reject(RejectReason.FRAME_TOO_LARGE, tooLarge.getMessage());
    } else if (cause instanceof IOException io) {
      log.debug("link {} I/O error: {}", channel.remoteAddress(), io.getMessage());
      close();
    } else {
      log.error("link {} failed", channel.remoteAddress(), cause);
      close();
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    State was = state;
    state = State.CLOSED;
    if (handshakeDeadline != null) {
      handshakeDeadline.cancel(false);
    }
    if (pinger != null) {
      pinger.cancel(false);
    }
    if (was == State.HANDSHAKE) {
      network.handshakeFinished(channel);
    }
    network.linkClosed(this, was == State.ESTABLISHED);
    ctx.fireChannelInactive();
  }
}
