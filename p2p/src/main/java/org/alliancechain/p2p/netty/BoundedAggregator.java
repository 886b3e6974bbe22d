package org.alliancechain.p2p.netty;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import org.alliancechain.p2p.metrics.MetricsRegistry;

/**
 * Aggregates a request body up to the limit. A declared Content-Length over the limit is refused
 * with 413 as soon as the headers arrive, before any of the body is read; a chunked body is refused
 * the moment it passes the limit. Either way the connection closes, since the rest of the body
 * would otherwise have to be read and thrown away.
 */
final class BoundedAggregator extends HttpObjectAggregator {
  private final int bodyBytesMax;
  private final MetricsRegistry.Counter refused;

  BoundedAggregator(int bodyBytesMax, MetricsRegistry.Counter refused) {
    super(bodyBytesMax, true);
    this.bodyBytesMax = bodyBytesMax;
    this.refused = refused;
  }

  @Override
  protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
    refused.increment();
    ctx.channel().config().setAutoRead(false);
    FullHttpResponse response =
        HttpResponses.error(413, "body_too_large", "body over " + bodyBytesMax + " bytes");
    response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    var unused = ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
  }
}
