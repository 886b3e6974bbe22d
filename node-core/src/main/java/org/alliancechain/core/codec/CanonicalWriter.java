package org.alliancechain.core.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.alliancechain.core.hash.Hash;

/**
 * Writes the canonical binary encoding. The format has no choices, so every value has exactly one
 * encoding: integers are fixed-width big-endian, booleans are one byte 0 or 1, byte strings and
 * UTF-8 strings are a u32 length then the bytes, lists are a u32 count then the elements, hashes
 * are 32 raw bytes. {@link CanonicalReader} reads it back and rejects anything else.
 */
public final class CanonicalWriter {
  private byte[] buffer;
  private int size;

  public CanonicalWriter() {
    this(256);
  }

  public CanonicalWriter(int initialCapacityBytes) {
    buffer = new byte[Math.max(16, initialCapacityBytes)];
  }

  private void ensure(int more) {
    if (size + more > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
    }
  }

  public CanonicalWriter u8(int value) {
    if (value < 0 || value > 0xff) {
      throw new IllegalArgumentException("u8 out of range: " + value);
    }
    ensure(1);
    buffer[size++] = (byte) value;
    return this;
  }

  public CanonicalWriter bool(boolean value) {
    return u8(value ? 1 : 0);
  }

  public CanonicalWriter u16(int value) {
    if (value < 0 || value > 0xffff) {
      throw new IllegalArgumentException("u16 out of range: " + value);
    }
    ensure(2);
    buffer[size++] = (byte) (value >>> 8);
    buffer[size++] = (byte) value;
    return this;
  }

  /** An unsigned 32-bit value given as a non-negative int (we never need the top bit). */
  public CanonicalWriter u32(int value) {
    if (value < 0) {
      throw new IllegalArgumentException("u32 must be non-negative here: " + value);
    }
    ensure(4);
    buffer[size++] = (byte) (value >>> 24);
    buffer[size++] = (byte) (value >>> 16);
    buffer[size++] = (byte) (value >>> 8);
    buffer[size++] = (byte) value;
    return this;
  }

  /** A signed 64-bit value, two's complement big-endian. */
  public CanonicalWriter i64(long value) {
    ensure(8);
    for (int shift = 56; shift >= 0; shift -= 8) {
      buffer[size++] = (byte) (value >>> shift);
    }
    return this;
  }

  /** A non-negative 64-bit value (heights, nonces, amounts); the reader rejects negatives. */
  public CanonicalWriter u63(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("value must be non-negative: " + value);
    }
    return i64(value);
  }

  /** Bytes written as they are, for fixed-size fields (keys, signatures). */
  public CanonicalWriter raw(byte[] bytes) {
    ensure(bytes.length);
    System.arraycopy(bytes, 0, buffer, size, bytes.length);
    size += bytes.length;
    return this;
  }

  public CanonicalWriter hash(Hash hash) {
    ensure(Hash.SIZE_BYTES);
    hash.copyTo(buffer, size);
    size += Hash.SIZE_BYTES;
    return this;
  }

  /** A length-prefixed byte string. */
  public CanonicalWriter bytes(byte[] bytes) {
    u32(bytes.length);
    return raw(bytes);
  }

  /** A length-prefixed UTF-8 string. */
  public CanonicalWriter string(String text) {
    return bytes(text.getBytes(StandardCharsets.UTF_8));
  }

  /** A list count; the caller writes the elements. */
  public CanonicalWriter count(int count) {
    return u32(count);
  }

  public int sizeBytes() {
    return size;
  }

  public byte[] toByteArray() {
    return Arrays.copyOf(buffer, size);
  }
}
