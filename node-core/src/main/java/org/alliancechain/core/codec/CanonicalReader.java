package org.alliancechain.core.codec;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.alliancechain.core.codec.DecodeException.Reason;
import org.alliancechain.core.hash.Hash;

/**
 * Reads the encoding of {@link CanonicalWriter}, rejecting every byte string that is not the one
 * canonical encoding: truncation, over-long lengths (each read names its limit), booleans other
 * than 0/1, negative u63 values, malformed UTF-8, and trailing bytes ({@link #expectEnd(String)}).
 */
public final class CanonicalReader {
  private final byte[] data;
  private int position;
  private final int end;

  public CanonicalReader(byte[] data) {
    this(data, 0, data.length);
  }

  public CanonicalReader(byte[] data, int offset, int length) {
    java.util.Objects.checkFromIndexSize(offset, length, data.length);
    this.data = data;
    this.position = offset;
    this.end = offset + length;
  }

  private void need(int count, String what) {
    if (count < 0 || end - position < count) {
      throw new DecodeException(
          Reason.TRUNCATED, what + " needs " + count + " bytes, " + (end - position) + " left");
    }
  }

  public int remainingBytes() {
    return end - position;
  }

  public int positionBytes() {
    return position;
  }

  /** A copy of the bytes read since {@code start} (an earlier {@link #positionBytes()}). */
  public byte[] bytesSince(int start) {
    java.util.Objects.checkFromToIndex(start, position, end);
    return Arrays.copyOfRange(data, start, position);
  }

  public int u8(String what) {
    need(1, what);
    return data[position++] & 0xff;
  }

  public boolean bool(String what) {
    int value = u8(what);
    if (value > 1) {
      throw new DecodeException(Reason.NON_CANONICAL, what + " is a boolean, got byte " + value);
    }
    return value == 1;
  }

  public int u16(String what) {
    need(2, what);
    int value = ((data[position] & 0xff) << 8) | (data[position + 1] & 0xff);
    position += 2;
    return value;
  }

  /** A u32 that must be at most {@code max} (and so fits a non-negative int). */
  public int u32(String what, int max) {
    need(4, what);
    long value =
        ((long) (data[position] & 0xff) << 24)
            | ((data[position + 1] & 0xff) << 16)
            | ((data[position + 2] & 0xff) << 8)
            | (data[position + 3] & 0xff);
    position += 4;
    if (value > max) {
      throw new DecodeException(Reason.LENGTH_OVER_LIMIT, what + " is " + value + ", limit " + max);
    }
    return (int) value;
  }

  public long i64(String what) {
    need(8, what);
    long value = 0;
    for (int i = 0; i < 8; i++) {
      value = (value << 8) | (data[position + i] & 0xff);
    }
    position += 8;
    return value;
  }

  public long u63(String what) {
    long value = i64(what);
    if (value < 0) {
      throw new DecodeException(Reason.INVALID_VALUE, what + " must be non-negative, got " + value);
    }
    return value;
  }

  public byte[] raw(int length, String what) {
    need(length, what);
    byte[] out = Arrays.copyOfRange(data, position, position + length);
    position += length;
    return out;
  }

  public Hash hash(String what) {
    return Hash.of(raw(Hash.SIZE_BYTES, what));
  }

  public byte[] bytes(String what, int maxBytes) {
    int length = u32(what + " length", maxBytes);
    return raw(length, what);
  }

  public String string(String what, int maxBytes) {
    byte[] bytes = bytes(what, maxBytes);
    if (isAscii(bytes)) {
      // ASCII is valid UTF-8 with one encoding; skips building a decoder (chain ids, per tx).
      return new String(bytes, StandardCharsets.US_ASCII);
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new DecodeException(Reason.NON_CANONICAL, what + " is not valid UTF-8");
    }
  }

  private static boolean isAscii(byte[] bytes) {
    for (byte b : bytes) {
      if (b < 0) {
        return false;
      }
    }
    return true;
  }

  public int count(String what, int max) {
    return u32(what + " count", max);
  }

  /** Rejects trailing bytes: a value's encoding must use the whole input. */
  public void expectEnd(String what) {
    if (position != end) {
      throw new DecodeException(
          Reason.TRAILING_BYTES, what + " has " + (end - position) + " trailing bytes");
    }
  }
}
