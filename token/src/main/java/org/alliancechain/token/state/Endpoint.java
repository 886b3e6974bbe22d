package org.alliancechain.token.state;

import java.nio.charset.StandardCharsets;
import org.alliancechain.core.codec.CanonicalReader;
import org.alliancechain.core.codec.CanonicalWriter;
import org.alliancechain.core.codec.DecodeException;

/**
 * Where a member admitted by the DAO listens (genesis members' endpoints are in the genesis): the
 * other nodes dial it there and accept its peer links (SPEC M-2, M-23).
 */
public record Endpoint(String host, int peerPort, int apiPort) {
  public static final int HOST_BYTES_MAX = 253;

  public Endpoint {
    int hostBytes = host.getBytes(StandardCharsets.UTF_8).length;
    if (hostBytes == 0 || hostBytes > HOST_BYTES_MAX) {
      throw new IllegalArgumentException("host must be 1 to " + HOST_BYTES_MAX + " bytes");
    }
    if (peerPort < 1 || peerPort > 65_535 || apiPort < 1 || apiPort > 65_535) {
      throw new IllegalArgumentException("ports are 1 to 65535");
    }
  }

  /** Parses {@code HOST:PEER-PORT:API-PORT}. */
  public static Endpoint parse(String text) {
    String[] parts = text.split(":", -1);
    if (parts.length != 3) {
      throw new IllegalArgumentException("expected HOST:PEER-PORT:API-PORT, got " + text);
    }
    try {
      return new Endpoint(parts[0], Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("ports are integers: " + text, e);
    }
  }

  @Override
  public String toString() {
    return host + ":" + peerPort + ":" + apiPort;
  }

  public void encode(CanonicalWriter w) {
    w.string(host).u16(peerPort).u16(apiPort);
  }

  public static Endpoint decode(CanonicalReader r) {
    String host = r.string("host", HOST_BYTES_MAX);
    int peer = r.u16("peer port");
    int api = r.u16("api port");
    try {
      return new Endpoint(host, peer, api);
    } catch (IllegalArgumentException e) {
      throw new DecodeException(DecodeException.Reason.INVALID_VALUE, e.getMessage());
    }
  }
}
