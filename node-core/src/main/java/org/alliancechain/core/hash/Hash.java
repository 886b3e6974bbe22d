package org.alliancechain.core.hash;

import java.util.Arrays;
import org.alliancechain.core.Hex;

/** A 32-byte SHA-256 digest. Immutable; ordered by unsigned lexicographic bytes. */
public final class Hash implements Comparable<Hash> {
  public static final int SIZE_BYTES = 32;
  public static final Hash ZERO = new Hash(new byte[SIZE_BYTES]);

  private final byte[] bytes;

  private Hash(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Wraps a copy of exactly 32 bytes. */
  public static Hash of(byte[] bytes) {
    if (bytes.length != SIZE_BYTES) {
      throw new IllegalArgumentException("a hash has 32 bytes, got " + bytes.length);
    }
    return new Hash(bytes.clone());
  }

  public static Hash fromHex(String hex) {
    return of(Hex.decode(hex));
  }

  /** A copy of the digest bytes. */
  public byte[] toBytes() {
    return bytes.clone();
  }

  /** Writes the 32 bytes into {@code out} at {@code offset} without copying through a new array. */
  public void copyTo(byte[] out, int offset) {
    System.arraycopy(bytes, 0, out, offset, SIZE_BYTES);
  }

  public byte byteAt(int index) {
    return bytes[index];
  }

  /** The bit at {@code index} (0 = most significant bit of the first byte). */
  public boolean bit(int index) {
    return ((bytes[index >>> 3] >>> (7 - (index & 7))) & 1) == 1;
  }

  public String toHex() {
    return Hex.encode(bytes);
  }

  /** The first 8 hex digits, for logs. */
  public String shortHex() {
    return toHex().substring(0, 8);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Hash h && Arrays.equals(bytes, h.bytes);
  }

  @Override
  public int hashCode() {
    return (bytes[0] & 0xff) << 24
        | (bytes[1] & 0xff) << 16
        | (bytes[2] & 0xff) << 8
        | (bytes[3] & 0xff);
  }

  @Override
  public int compareTo(Hash other) {
    return Arrays.compareUnsigned(bytes, other.bytes);
  }

  @Override
  public String toString() {
    return toHex();
  }
}
