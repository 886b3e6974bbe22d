package org.alliancechain.p2p.secure;

import javax.crypto.Cipher;

/**
 * The two directional ChaCha20-Poly1305 keys of an established link. Each direction numbers its
 * frames from zero and uses the number as the nonce, so a replayed, dropped or reordered frame
 * fails authentication. Not thread-safe: each direction is used by one thread (the link's event
 * loop), in wire order.
 */
public final class SessionCipher {
  private static final byte[] NO_AD = new byte[0];

  private final byte[] sendKey;
  private final byte[] receiveKey;
  // One cipher object per direction, re-initialised per frame: getInstance is a provider lookup.
  private final Cipher sendAead = Primitives.newAead();
  private final Cipher receiveAead = Primitives.newAead();
  private long sendCounter;
  private long receiveCounter;

  SessionCipher(byte[] sendKey, byte[] receiveKey) {
    this.sendKey = sendKey;
    this.receiveKey = receiveKey;
  }

  public static int overheadBytes() {
    return Primitives.TAG_BYTES;
  }

  public byte[] encrypt(byte[] plaintext) {
    // A counter at its maximum would reuse a nonce; 2^63 frames never happen on one link.
    org.alliancechain.core.Invariants.check(sendCounter < Long.MAX_VALUE, "send nonce exhausted");
    return Primitives.seal(sendAead, sendKey, sendCounter++, NO_AD, plaintext);
  }

  public byte[] decrypt(byte[] frame, int offset, int length) throws HandshakeException {
    if (receiveCounter == Long.MAX_VALUE) {
      throw new HandshakeException(HandshakeException.Reason.OUT_OF_ORDER, "nonce exhausted");
    }
    byte[] plain =
        Primitives.open(receiveAead, receiveKey, receiveCounter, NO_AD, frame, offset, length);
    receiveCounter++;
    return plain;
  }
}
