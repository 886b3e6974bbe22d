package org.alliancechain.core.hash;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256, the one hash function of the protocol. */
public final class Sha256 {
  private static final ThreadLocal<MessageDigest> DIGEST =
      ThreadLocal.withInitial(Sha256::newDigest);

  private Sha256() {}

  public static Hash hash(byte[] data) {
    MessageDigest digest = DIGEST.get();
    digest.reset();
    return Hash.of(digest.digest(data));
  }

  /** Hash of the concatenation of the parts, without building the concatenation. */
  public static Hash hash(byte[]... parts) {
    MessageDigest digest = DIGEST.get();
    digest.reset();
    for (byte[] part : parts) {
      digest.update(part);
    }
    return Hash.of(digest.digest());
  }

  /** A fresh digest for streaming large inputs (resources); not shared between threads. */
  public static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every JDK has SHA-256", e);
    }
  }
}
