package org.alliancechain.p2p.api;

/**
 * Where the client API listens. Loopback unless the operator opens it: the API is for the member's
 * own staff and tools.
 */
public record ApiServerConfig(String bindHost, int bindPort, ApiLimits limits) {
  public static final String LOOPBACK = "127.0.0.1";

  public static ApiServerConfig loopback(int port) {
    return new ApiServerConfig(LOOPBACK, port, ApiLimits.defaults());
  }
}
