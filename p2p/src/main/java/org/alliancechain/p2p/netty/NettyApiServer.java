package org.alliancechain.p2p.netty;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.alliancechain.p2p.api.ApiLimits;
import org.alliancechain.p2p.api.ApiResponse;
import org.alliancechain.p2p.api.ApiServer;
import org.alliancechain.p2p.api.ApiServerConfig;
import org.alliancechain.p2p.api.Health;
import org.alliancechain.p2p.api.Router;
import org.alliancechain.p2p.metrics.MetricsRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Netty implementation of {@link ApiServer}. */
public final class NettyApiServer implements ApiServer {
  private static final Logger log = LoggerFactory.getLogger(NettyApiServer.class);
  private static final int IO_THREADS = 1;
  private static final int INITIAL_LINE_BYTES_MAX = 4096;
  private static final int EVENT_BUFFER_BYTES_MAX = 256 * 1024;

  private final ApiServerConfig config;
  private final MetricsRegistry metrics;
  private final MultiThreadIoEventLoopGroup group;
  private final ThreadPoolExecutor workers;
  private Channel serverChannel;

  private NettyApiServer(ApiServerConfig config, MetricsRegistry metrics) {
    this.config = config;
    this.metrics = metrics;
    this.group = Transports.group("api-io", IO_THREADS);
    ApiLimits limits = config.limits();
    this.workers =
        new ThreadPoolExecutor(
            limits.workerThreads(),
            limits.workerThreads(),
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(limits.workerQueueMax()),
            new io.netty.util.concurrent.DefaultThreadFactory("api-worker", true));
  }

  public static NettyApiServer start(
      ApiServerConfig config, Router router, Supplier<Health> health, MetricsRegistry metrics)
      throws IOException {
    router.get("/health", request -> healthResponse(health.get()));
    router.get(
        "/metrics",
        request ->
            ApiResponse.text(200, "text/plain; version=0.0.4; charset=utf-8", metrics.render()));
    NettyApiServer server = new NettyApiServer(config, metrics);
    server.bind(router);
    return server;
  }

  private static ApiResponse healthResponse(Health h) {
    return ApiResponse.json(h.live() && h.ready() ? 200 : 503, h);
  }

  private void bind(Router router) throws IOException {
    ApiLimits limits = config.limits();
    ConnectionLimiter limiter =
        new ConnectionLimiter(limits.connectionsPerAddressMax(), limits.connectionsMax(), metrics);
    MetricsRegistry.Counter timeouts =
        metrics.counter(
            "api_requests_refused_total", "client API requests refused", "reason", "deadline");
    MetricsRegistry.Counter tooLarge =
        metrics.counter(
            "api_requests_refused_total",
            "client API requests refused",
            "reason",
            "body_too_large");
    ServerBootstrap bootstrap =
        new ServerBootstrap()
            .group(group)
            .channel(Transports.serverChannel())
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(
                ChannelOption.WRITE_BUFFER_WATER_MARK,
                new WriteBufferWaterMark(EVENT_BUFFER_BYTES_MAX / 2, EVENT_BUFFER_BYTES_MAX))
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    ch.pipeline()
                        .addLast("limit", limiter)
                        .addLast(
                            "deadline",
                            new RequestDeadline(limits.requestDeadlineMillis(), timeouts))
                        .addLast(
                            "idle",
                            new IdleStateHandler(
                                0, 0, limits.idleTimeoutMillis(), TimeUnit.MILLISECONDS))
                        .addLast(
                            "http",
                            new HttpServerCodec(
                                INITIAL_LINE_BYTES_MAX, limits.headerBytesMax(), 8192))
                        .addLast("body", new BoundedAggregator(limits.bodyBytesMax(), tooLarge))
                        .addLast(
                            "api", new ApiChannelHandler(NettyApiServer.this, router, workers));
                  }
                });
    try {
      serverChannel = bootstrap.bind(config.bindHost(), config.bindPort()).sync().channel();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new IOException("interrupted while binding", e);
    } catch (RuntimeException e) {
      close();
      throw new IOException("cannot listen on " + config.bindHost() + ":" + config.bindPort(), e);
    }
    log.info("client API listening on {}", serverChannel.localAddress());
  }

  ApiLimits limits() {
    return config.limits();
  }

  void countStatus(int status) {
    metrics
        .counter(
            "api_responses_total",
            "client API responses by status",
            "status",
            Integer.toString(status))
        .increment();
  }

  @Override
  public int port() {
    return ((InetSocketAddress) serverChannel.localAddress()).getPort();
  }

  @Override
  public void close() {
    if (serverChannel != null) {
      serverChannel.close().syncUninterruptibly();
    }
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    workers.shutdownNow();
    try {
      if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
        log.warn("API workers still running after 5 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
