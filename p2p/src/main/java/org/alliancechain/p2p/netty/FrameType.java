package org.alliancechain.p2p.netty;

/** Wire codes of the first plaintext byte of an established link's frames. */
final class FrameType {
  static final byte MESSAGE = 0;
  static final byte PING = 1;
  static final byte PONG = 2;
  static final int PING_BODY_BYTES = 8;

  private FrameType() {}
}
