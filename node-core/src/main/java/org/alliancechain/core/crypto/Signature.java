package org.alliancechain.core.crypto;

import java.util.Arrays;
import org.alliancechain.core.Hex;
import org.alliancechain.core.codec.CanonicalReader;
import org.alliancechain.core.codec.CanonicalWriter;

/** An Ed25519 signature: 64 bytes (R ‖ S) as encoded by RFC 8032. */
public final class Signature {
  public static final int SIZE_BYTES = 64;

  private final byte[] bytes;

  private Signature(byte[] bytes) {
    this.bytes = bytes;
  }

  public static Signature of(byte[] bytes) {
    if (bytes.length != SIZE_BYTES) {
      throw new IllegalArgumentException("an Ed25519 signature has 64 bytes, got " + bytes.length);
    }
    return new Signature(bytes.clone());
  }

  public static Signature decode(CanonicalReader reader, String what) {
    return new Signature(reader.raw(SIZE_BYTES, what));
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
    return other instanceof Signature s && Arrays.equals(bytes, s.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return toHex();
  }
}
