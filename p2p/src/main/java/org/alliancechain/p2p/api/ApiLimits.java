package org.alliancechain.p2p.api;

/**
 * Every limit of the client API, in one place, with units in the names.
 *
 * @param bodyBytesMax largest request body; larger ones get 413 before being read
 * @param headerBytesMax largest request line plus headers
 * @param requestDeadlineMillis from a request's first byte to its response; slow clients get 408
 * @param idleTimeoutMillis a keep-alive connection with no traffic is closed after this
 * @param connectionsPerAddressMax open connections from one IP address
 * @param connectionsMax open connections in all
 * @param workerThreads threads running route handlers
 * @param workerQueueMax requests waiting for a worker; more get 503
 * @param eventHeartbeatMillis comment lines on event streams, to keep them open through proxies
 */
public record ApiLimits(
    int bodyBytesMax,
    int headerBytesMax,
    int requestDeadlineMillis,
    int idleTimeoutMillis,
    int connectionsPerAddressMax,
    int connectionsMax,
    int workerThreads,
    int workerQueueMax,
    int eventHeartbeatMillis) {

  public ApiLimits {
    if (bodyBytesMax < 1
        || headerBytesMax < 1024
        || requestDeadlineMillis < 1
        || idleTimeoutMillis < 1
        || connectionsPerAddressMax < 1
        || connectionsMax < connectionsPerAddressMax
        || workerThreads < 1
        || workerQueueMax < 1
        || eventHeartbeatMillis < 1) {
      throw new IllegalArgumentException("API limits out of range");
    }
  }

  public static ApiLimits defaults() {
    return new ApiLimits(1024 * 1024, 16 * 1024, 10_000, 60_000, 32, 1_024, 4, 256, 15_000);
  }
}
