package org.alliancechain.p2p;

/** A host name or IP literal and a TCP port. */
public record PeerAddress(String host, int port) {
  public PeerAddress {
    if (host.isEmpty() || port < 1 || port > 65_535) {
      throw new IllegalArgumentException("bad peer address " + host + ":" + port);
    }
  }

  @Override
  public String toString() {
    return host + ":" + port;
  }
}
