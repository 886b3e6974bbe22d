package org.alliancechain.p2p.netty;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.timeout.IdleStateEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.alliancechain.core.Bytes;
import org.alliancechain.p2p.api.ApiException;
import org.alliancechain.p2p.api.ApiHandler;
import org.alliancechain.p2p.api.ApiRequest;
import org.alliancechain.p2p.api.ApiResponse;
import org.alliancechain.p2p.api.EventStream;
import org.alliancechain.p2p.api.Router;
import org.alliancechain.p2p.api.StaticFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Routes complete requests to handlers on the worker pool, or opens an event stream. */
final class ApiChannelHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
  private static final Logger log = LoggerFactory.getLogger(ApiChannelHandler.class);
  private static final byte[] HEARTBEAT = ": keepalive\n\n".getBytes(StandardCharsets.US_ASCII);

  private final NettyApiServer server;
  private final Router router;
  private final ExecutorService workers;

  ApiChannelHandler(NettyApiServer server, Router router, ExecutorService workers) {
    super(FullHttpRequest.class);
    this.server = server;
    this.router = router;
    this.workers = workers;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
    boolean keepAlive = HttpUtil.isKeepAlive(req);
    if (!req.decoderResult().isSuccess()) {
      respond(
          ctx, HttpResponses.error(400, "malformed_http", "request could not be parsed"), false);
      return;
    }
    QueryStringDecoder uri = new QueryStringDecoder(req.uri());
    String method = req.method().name();
    switch (router.route(method, uri.path())) {
      case Router.Result.NotFound nf ->
          respond(ctx, HttpResponses.error(404, "not_found", "no route " + uri.path()), keepAlive);
      case Router.Result.MethodNotAllowed na -> {
        FullHttpResponse r =
            HttpResponses.error(405, "method_not_allowed", method + " not allowed here");
        r.headers().set(HttpHeaderNames.ALLOW, String.join(", ", na.allowed()));
        respond(ctx, r, keepAlive);
      }
      case Router.Result.Found found -> {
        ApiRequest request =
            new ApiRequest(
                method,
                uri.path(),
                found.match().params(),
                firstValues(uri.parameters()),
                Bytes.wrap(ByteBufUtil.getBytes(req.content())),
                String.valueOf(ctx.channel().remoteAddress()));
        switch (found.match().route().target()) {
          case Router.Target.Handler h -> dispatch(ctx, h.handler(), request, keepAlive);
          case Router.Target.Events e -> openStream(ctx, e.stream());
          case Router.Target.Files f ->
              serveFile(
                  ctx,
                  f.files(),
                  request.pathParam(Router.FILES_PATH_PARAM),
                  req.headers().get(HttpHeaderNames.IF_NONE_MATCH),
                  keepAlive);
        }
      }
    }
  }

  private static Map<String, String> firstValues(Map<String, List<String>> params) {
    Map<String, String> out = new TreeMap<>();
    params.forEach((k, v) -> out.put(k, v.isEmpty() ? "" : v.get(0)));
    return out;
  }

  private void dispatch(
      ChannelHandlerContext ctx, ApiHandler handler, ApiRequest request, boolean keepAlive) {
    try {
      workers.execute(
          () -> {
            ApiResponse response = run(handler, request);
            ctx.executor().execute(() -> respond(ctx, HttpResponses.toNetty(response), keepAlive));
          });
    } catch (RejectedExecutionException e) {
      respond(ctx, HttpResponses.error(503, "overloaded", "too many requests in progress"), false);
    }
  }

  private void serveFile(
      ChannelHandlerContext ctx,
      StaticFiles files,
      String path,
      String ifNoneMatch,
      boolean keepAlive) {
    try {
      workers.execute(
          () -> {
            FullHttpResponse response =
                files
                    .resolve(path)
                    .map(f -> HttpResponses.file(f, ifNoneMatch))
                    .orElseGet(() -> HttpResponses.error(404, "not_found", "no file " + path));
            ctx.executor().execute(() -> respond(ctx, response, keepAlive));
          });
    } catch (RejectedExecutionException e) {
      respond(ctx, HttpResponses.error(503, "overloaded", "too many requests in progress"), false);
    }
  }

  private static ApiResponse run(ApiHandler handler, ApiRequest request) {
    try {
      return handler.handle(request);
    } catch (ApiException e) {
      return e.toResponse();
    } catch (RuntimeException e) {
      // A handler bug must not leave the client hanging: answer 500 and log it loudly.
      log.error("handler for {} {} failed", request.method(), request.path(), e);
      return new ApiException(500, "internal_error", "internal error", java.util.Optional.empty())
          .toResponse();
    }
  }

  private void respond(ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive) {
    server.countStatus(response.status().code());
    if (keepAlive) {
      response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
      var unused = ctx.writeAndFlush(response);
    } else {
      response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
      var unused = ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
  }

  private void openStream(ChannelHandlerContext ctx, EventStream stream) {
    SseSubscriber subscriber = new SseSubscriber(ctx);
    if (!stream.add(subscriber)) {
      respond(ctx, HttpResponses.error(503, "too_many_streams", "event stream is full"), false);
      return;
    }
    server.countStatus(200);
    HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
    head.headers()
        .set(HttpHeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8")
        .set(HttpHeaderNames.CACHE_CONTROL, "no-cache");
    HttpUtil.setTransferEncodingChunked(head, true);
    var unused = ctx.write(head);
    subscriber.offer(HEARTBEAT); // flushes the head, so the client sees the stream open
    ScheduledFuture<?> heartbeat =
        ctx.executor()
            .scheduleAtFixedRate(
                () -> subscriber.offer(HEARTBEAT),
                server.limits().eventHeartbeatMillis(),
                server.limits().eventHeartbeatMillis(),
                TimeUnit.MILLISECONDS);
    var unusedOnClose =
        ctx.channel()
            .closeFuture()
            .addListener(
                f -> {
                  heartbeat.cancel(false);
                  stream.remove(subscriber);
                });
  }

  /** A client of an event stream; refuses events when its outbound buffer is full. */
  private static final class SseSubscriber implements EventStream.Subscriber {
    private final ChannelHandlerContext ctx;

    SseSubscriber(ChannelHandlerContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public boolean offer(byte[] frame) {
      if (!ctx.channel().isActive() || !ctx.channel().isWritable()) {
        return false;
      }
      var unused = ctx.writeAndFlush(new DefaultHttpContent(Unpooled.wrappedBuffer(frame)));
      return true;
    }

    @Override
    public void close() {
      var unused = ctx.close();
    }
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
    if (event instanceof IdleStateEvent) {
      var unused = ctx.close();
    } else {
      ctx.fireUserEventTriggered(event);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    log.debug("API connection {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
    var unused = ctx.close();
  }
}
