package org.alliancechain.p2p.api;

import java.io.IOException;
import java.util.function.Supplier;
import org.alliancechain.p2p.metrics.MetricsRegistry;
import org.alliancechain.p2p.netty.NettyApiServer;

/**
 * Starts the client API. Besides the given routes it serves {@code GET /health} (200 when ready,
 * 503 with the reason when not) and {@code GET /metrics} (Prometheus text).
 */
public final class ApiServers {
  private ApiServers() {}

  public static ApiServer start(
      ApiServerConfig config, Router router, Supplier<Health> health, MetricsRegistry metrics)
      throws IOException {
    return NettyApiServer.start(config, router, health, metrics);
  }
}
