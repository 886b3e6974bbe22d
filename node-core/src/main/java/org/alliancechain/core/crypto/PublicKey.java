package org.alliancechain.core.crypto;

import java.util.Arrays;
import org.alliancechain.core.Hex;
import org.alliancechain.core.codec.CanonicalReader;
import org.alliancechain.core.codec.CanonicalWriter;

/**
 * An Ed25519 public key: 32 bytes as encoded by RFC 8032. Wrapping does not validate the point;
 * {@link Ed25519#verify} rejects keys its profile does not accept.
 */
public final class PublicKey implements Comparable<PublicKey> {
  public static final int SIZE_BYTES = 32;

  private final byte[] bytes;

  private PublicKey(byte[] bytes) {
    this.bytes = bytes;
  }

  public static PublicKey of(byte[] bytes) {
    if (bytes.length != SIZE_BYTES) {
      throw new IllegalArgumentException("an Ed25519 public key has 32 bytes, got " + bytes.length);
    }
    return new PublicKey(bytes.clone());
  }

  public static PublicKey fromHex(String hex) {
    return of(Hex.decode(hex));
  }

  public static PublicKey decode(CanonicalReader reader, String what) {
    return new PublicKey(reader.raw(SIZE_BYTES, what));
  }

  public void encode(CanonicalWriter writer) {
    writer.raw(bytes);
  }

  public byte[] toBytes() {
    return bytes.clone();
  }

  byte[] unsafeBytes() {
    return bytes;
  }

  public String toHex() {
    return Hex.encode(bytes);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PublicKey k && Arrays.equals(bytes, k.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public int compareTo(PublicKey other) {
    return Arrays.compareUnsigned(bytes, other.bytes);
  }

  @Override
  public String toString() {
    return toHex();
  }
}
