package org.alliancechain.p2p.netty;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.AttributeKey;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.alliancechain.p2p.metrics.MetricsRegistry;

/** Caps open connections per client address and in all; the excess get 429 or 503 and close. */
@ChannelHandler.Sharable
final class ConnectionLimiter extends ChannelInboundHandlerAdapter {
  private static final AttributeKey<InetAddress> COUNTED = AttributeKey.valueOf("api-counted");

  private final int perAddressMax;
  private final int totalMax;
  private final ConcurrentHashMap<InetAddress, Integer> perAddress = new ConcurrentHashMap<>();
  private final AtomicInteger total = new AtomicInteger();
  private final MetricsRegistry.Counter refusedPerAddress;
  private final MetricsRegistry.Counter refusedTotal;

  ConnectionLimiter(int perAddressMax, int totalMax, MetricsRegistry metrics) {
    this.perAddressMax = perAddressMax;
    this.totalMax = totalMax;
    String help = "client API connections refused by limit";
    this.refusedPerAddress =
        metrics.counter("api_connections_refused_total", help, "reason", "per_address");
    this.refusedTotal = metrics.counter("api_connections_refused_total", help, "reason", "total");
    metrics.gauge("api_connections_open", "open client API connections", total::get);
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    InetAddress address = ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress();
    int forAddress = perAddress.merge(address, 1, Integer::sum);
    int all = total.incrementAndGet();
    ctx.channel().attr(COUNTED).set(address);
    if (forAddress > perAddressMax) {
      refusedPerAddress.increment();
      refuse(ctx, 429, "Too Many Requests", "too many connections from this address");
      return;
    }
    if (all > totalMax) {
      refusedTotal.increment();
      refuse(ctx, 503, "Service Unavailable", "too many connections");
      return;
    }
    ctx.fireChannelActive();
  }

  private static void refuse(ChannelHandlerContext ctx, int status, String reason, String message) {
    ctx.channel().config().setAutoRead(false);
    var unused =
        ctx.writeAndFlush(HttpResponses.raw(status, reason, "connection_limit", message))
            .addListener(ChannelFutureListener.CLOSE);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    InetAddress address = ctx.channel().attr(COUNTED).getAndSet(null);
    if (address != null) {
      perAddress.computeIfPresent(address, (a, n) -> n == 1 ? null : n - 1);
      total.decrementAndGet();
    }
    ctx.fireChannelInactive();
  }
}
