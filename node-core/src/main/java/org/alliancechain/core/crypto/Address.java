package org.alliancechain.core.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.alliancechain.core.Hex;
import org.alliancechain.core.codec.CanonicalReader;
import org.alliancechain.core.codec.CanonicalWriter;
import org.alliancechain.core.hash.Sha256;

/**
 * A member's address (SPEC M-2): the first 20 bytes of SHA-256(tag ‖ public key), tag being the
 * length-prefixed ASCII text {@code alliancechain/v1/address}. Printed as {@code ac1} followed by
 * the 20 bytes in lower-case hex and a 4-byte checksum in lower-case hex, the first 4 bytes of
 * SHA-256(length-prefixed {@code alliancechain/v1/address-checksum} ‖ the 20 bytes): 51 characters.
 * The checksum catches any typo with probability 1 - 2^-32 (docs/crypto.md).
 */
public final class Address implements Comparable<Address> {
  public static final int SIZE_BYTES = 20;
  public static final String PREFIX = "ac1";
  public static final int CHECKSUM_BYTES = 4;
  public static final int TEXT_LENGTH_CHARS = PREFIX.length() + 2 * (SIZE_BYTES + CHECKSUM_BYTES);

  private static final byte[] ADDRESS_TAG = tag("alliancechain/v1/address");
  private static final byte[] CHECKSUM_TAG = tag("alliancechain/v1/address-checksum");

  private final byte[] bytes;

  private Address(byte[] bytes) {
    this.bytes = bytes;
  }

  public static Address of(PublicKey key) {
    byte[] digest = Sha256.hash(ADDRESS_TAG, key.unsafeBytes()).toBytes();
    return new Address(Arrays.copyOf(digest, SIZE_BYTES));
  }

  public static Address fromBytes(byte[] bytes) {
    if (bytes.length != SIZE_BYTES) {
      throw new IllegalArgumentException("an address has 20 bytes, got " + bytes.length);
    }
    return new Address(bytes.clone());
  }

  /**
   * Parses the printable form.
   *
   * @throws AddressFormatException saying what is wrong: prefix, length, digits or checksum
   */
  public static Address parse(String text) {
    if (!text.startsWith(PREFIX)) {
      throw new AddressFormatException(
          AddressFormatException.Reason.WRONG_PREFIX, "an address starts with \"" + PREFIX + "\"");
    }
    if (text.length() != TEXT_LENGTH_CHARS) {
      throw new AddressFormatException(
          AddressFormatException.Reason.WRONG_LENGTH,
          "an address has " + TEXT_LENGTH_CHARS + " characters, got " + text.length());
    }
    for (int i = PREFIX.length(); i < text.length(); i++) {
      char c = text.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        throw new AddressFormatException(
            AddressFormatException.Reason.NOT_LOWER_CASE_HEX,
            "character " + i + " is '" + c + "', not one of 0-9 a-f");
      }
    }
    int checksumStart = PREFIX.length() + 2 * SIZE_BYTES;
    byte[] body = Hex.decode(text.substring(PREFIX.length(), checksumStart));
    byte[] checksum = Hex.decode(text.substring(checksumStart));
    if (!Arrays.equals(checksum, checksum(body))) {
      throw new AddressFormatException(
          AddressFormatException.Reason.WRONG_CHECKSUM,
          "checksum does not match: the address is mistyped or damaged");
    }
    return new Address(body);
  }

  public static Address decode(CanonicalReader reader, String what) {
    return new Address(reader.raw(SIZE_BYTES, what));
  }

  public void encode(CanonicalWriter writer) {
    writer.raw(bytes);
  }

  public byte[] toBytes() {
    return bytes.clone();
  }

  /** The printable form, {@code ac1} + 40 hex digits + 8 hex digits of checksum. */
  public String toText() {
    return PREFIX + Hex.encode(bytes) + Hex.encode(checksum(bytes));
  }

  private static byte[] checksum(byte[] body) {
    return Arrays.copyOf(Sha256.hash(CHECKSUM_TAG, body).toBytes(), CHECKSUM_BYTES);
  }

  private static byte[] tag(String text) {
    byte[] ascii = text.getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[ascii.length + 1];
    out[0] = (byte) ascii.length;
    System.arraycopy(ascii, 0, out, 1, ascii.length);
    return out;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Address a && Arrays.equals(bytes, a.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public int compareTo(Address other) {
    return Arrays.compareUnsigned(bytes, other.bytes);
  }

  @Override
  public String toString() {
    return toText();
  }
}
