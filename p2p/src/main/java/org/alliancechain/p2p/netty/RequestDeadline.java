package org.alliancechain.p2p.netty;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.alliancechain.p2p.metrics.MetricsRegistry;

/**
 * The per-request deadline: armed by a request's first byte, disarmed by the response. A client
 * that trickles its headers or body (slow loris), or a handler that takes too long, gets 408 and
 * the connection closes. Sits before the HTTP codec, so it sees raw bytes both ways.
 */
final class RequestDeadline extends ChannelDuplexHandler {
  private final long deadlineMillis;
  private final MetricsRegistry.Counter expired;
  private ScheduledFuture<?> timer;

  RequestDeadline(long deadlineMillis, MetricsRegistry.Counter expired) {
    this.deadlineMillis = deadlineMillis;
    this.expired = expired;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (timer == null) {
      timer = ctx.executor().schedule(() -> expire(ctx), deadlineMillis, TimeUnit.MILLISECONDS);
    }
    ctx.fireChannelRead(msg);
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    disarm();
    var unused = ctx.write(msg, promise);
  }

  private void expire(ChannelHandlerContext ctx) {
    timer = null;
    expired.increment();
    ctx.channel().config().setAutoRead(false);
    var unused =
        ctx.writeAndFlush(
                HttpResponses.raw(
                    408, "Request Timeout", "request_timeout", "request not completed in time"))
            .addListener(ChannelFutureListener.CLOSE);
  }

  private void disarm() {
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    disarm();
    ctx.fireChannelInactive();
  }
}
