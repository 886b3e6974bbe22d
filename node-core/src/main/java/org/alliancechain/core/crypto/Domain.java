package org.alliancechain.core.crypto;

import java.nio.charset.StandardCharsets;

/**
 * Domain separation for signatures: every signed message is prefixed with its domain's tag, so a
 * signature made for one purpose (a transaction) can never be replayed as another (a commit vote).
 */
public enum Domain {
  TRANSACTION("alliancechain/v1/transaction"),
  CONSENSUS("alliancechain/v1/consensus"),
  COMMIT_VOTE("alliancechain/v1/commit-vote"),
  PEER_HANDSHAKE("alliancechain/v1/peer-handshake"),
  OFF_CHAIN("alliancechain/v1/off-chain");

  // Private and never handed out, so the enum stays immutable in practice.
  @SuppressWarnings("ImmutableEnumChecker")
  private final byte[] tag;

  Domain(String tag) {
    byte[] text = tag.getBytes(StandardCharsets.US_ASCII);
    // Length-prefixed so that no tag is a prefix of another tag plus message bytes.
    this.tag = new byte[text.length + 1];
    this.tag[0] = (byte) text.length;
    System.arraycopy(text, 0, this.tag, 1, text.length);
  }

  byte[] prefix(byte[] message) {
    byte[] out = new byte[tag.length + message.length];
    System.arraycopy(tag, 0, out, 0, tag.length);
    System.arraycopy(message, 0, out, tag.length, message.length);
    return out;
  }
}
