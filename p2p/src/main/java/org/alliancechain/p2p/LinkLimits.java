package org.alliancechain.p2p;

/**
 * Every limit of the peer links, in one place, with units in the names. Checked against each other
 * on construction.
 *
 * @param frameBytesMax largest message (plaintext) on an established link
 * @param outboundQueueBytesMax bytes queued to one peer before sends to it are refused
 * @param inboundQueueBytesMax bytes queued from one peer before reading from it pauses
 * @param inboundMessagesPerSecond sustained messages per second read from one peer
 * @param inboundBurstMessages messages one peer may send at once above that rate
 * @param handshakesPendingMax connections still in their handshake; more are closed at once
 * @param handshakeTimeoutMillis deadline from TCP accept or connect to an established link
 * @param idleTimeoutMillis a link on which nothing arrives for this long is closed
 * @param pingIntervalMillis keepalive and round-trip measurement period
 * @param connectTimeoutMillis TCP connect deadline
 * @param reconnectBaseMillis first reconnect delay; doubles per failed attempt
 * @param reconnectMaxMillis reconnect delay cap
 * @param handshakesPerAddressMax connections from one IP address still in their handshake; more are
 *     closed at once, so one host cannot take every handshake slot from the others
 * @param scoreRecoveryMillis a penalised peer regains one score point per this many milliseconds
 * @param banBaseMillis first ban of a peer whose score reached zero; doubles per ban
 * @param banMaxMillis ban length cap
 * @param bannedAddressHandshakeIntervalMillis from an address where a banned member proved its key,
 *     at most one handshake starts per this many milliseconds until the ban ends; the others are
 *     closed before any crypto ({@code flow.BannedAddresses})
 */
public record LinkLimits(
    int frameBytesMax,
    int outboundQueueBytesMax,
    int inboundQueueBytesMax,
    int inboundMessagesPerSecond,
    int inboundBurstMessages,
    int handshakesPendingMax,
    int handshakeTimeoutMillis,
    int idleTimeoutMillis,
    int pingIntervalMillis,
    int connectTimeoutMillis,
    int reconnectBaseMillis,
    int reconnectMaxMillis,
    int handshakesPerAddressMax,
    int scoreRecoveryMillis,
    int banBaseMillis,
    int banMaxMillis,
    int bannedAddressHandshakeIntervalMillis) {

  /**
   * 32 MiB: room for a proposal of the largest block (8 MiB of transactions) and for the
   * view-changes and new-views of seven validators under load, which carry whole blocks (14 MB
   * measured; at 8 MiB the link dropped them and the view change never completed,
   * docs/benchmarks.md, session 4). The consensus codec's own bound is 64 MiB; a new-view between
   * the two is still dropped, counted in {@code alliance_consensus_messages_too_large_total}.
   */
  public static final int FRAME_BYTES_MAX_DEFAULT = 32 * 1024 * 1024;

  /** Addresses remembered for {@code bannedAddressHandshakeIntervalMillis}. */
  public static final int BANNED_ADDRESSES_MAX = 4_096;

  public LinkLimits {
    require(frameBytesMax >= 1024, "frameBytesMax >= 1024");
    require(outboundQueueBytesMax >= 2 * frameBytesMax, "outboundQueueBytesMax >= 2 frames");
    require(inboundQueueBytesMax >= 2 * frameBytesMax, "inboundQueueBytesMax >= 2 frames");
    require(inboundMessagesPerSecond >= 1 && inboundBurstMessages >= 1, "inbound rate >= 1");
    require(handshakesPendingMax >= 1, "handshakesPendingMax >= 1");
    require(handshakeTimeoutMillis >= 1, "handshakeTimeoutMillis >= 1");
    // Pings keep a quiet link alive, so the idle timeout must leave room for at least two.
    require(idleTimeoutMillis >= 2 * pingIntervalMillis, "idleTimeoutMillis >= 2 pings");
    require(pingIntervalMillis >= 1 && connectTimeoutMillis >= 1, "intervals >= 1");
    require(
        reconnectBaseMillis >= 1 && reconnectMaxMillis >= reconnectBaseMillis,
        "1 <= reconnectBaseMillis <= reconnectMaxMillis");
    require(
        handshakesPerAddressMax >= 1 && handshakesPerAddressMax <= handshakesPendingMax,
        "1 <= handshakesPerAddressMax <= handshakesPendingMax");
    require(scoreRecoveryMillis >= 1, "scoreRecoveryMillis >= 1");
    require(banBaseMillis >= 1 && banMaxMillis >= banBaseMillis, "1 <= banBaseMillis <= max");
    require(bannedAddressHandshakeIntervalMillis >= 1, "bannedAddressHandshakeIntervalMillis >= 1");
  }

  public static LinkLimits defaults() {
    return new LinkLimits(
        FRAME_BYTES_MAX_DEFAULT,
        2 * FRAME_BYTES_MAX_DEFAULT,
        2 * FRAME_BYTES_MAX_DEFAULT,
        20_000,
        2_000,
        64,
        5_000,
        30_000,
        5_000,
        5_000,
        200,
        30_000,
        // Members on one host (a local alliance) share an address: room for a few of them.
        16,
        // 10 invalid messages (10 points each) in a burst ban; one point back a second.
        1_000,
        30_000,
        60 * 60_000,
        // A banned member's redials cost one handshake a second, whatever its redial rate.
        1_000);
  }

  private static void require(boolean ok, String rule) {
    if (!ok) {
      throw new IllegalArgumentException("link limits break the rule " + rule);
    }
  }
}
