package org.alliancechain.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.alliancechain.core.codec.CanonicalReader;
import org.alliancechain.core.codec.CanonicalWriter;
import org.junit.jupiter.api.Test;

// SPEC M-2: an address derived from the public key, printable with a checksum (docs/crypto.md).
class AddressTest {
  // RFC 8032 §7.1 TEST 1 public key. The expected text was computed outside Java with Python's
  // hashlib from the construction in docs/crypto.md:
  //   a = sha256(bytes([24]) + b"alliancechain/v1/address" + pk)[:20]
  //   c = sha256(bytes([33]) + b"alliancechain/v1/address-checksum" + a)[:4]
  //   "ac1" + a.hex() + c.hex()
  private static final PublicKey RFC_TEST_1 =
      PublicKey.fromHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
  private static final String RFC_TEST_1_ADDRESS =
      "ac1267c4040e3c3a634fd05eebe20dc9e60552de6b1b5ddfd0c";

  private static long seed() {
    long seed = Long.getLong("address.seed", System.nanoTime());
    System.out.println("AddressTest seed = " + seed + " (replay: -Daddress.seed=" + seed + ")");
    return seed;
  }

  private static AddressFormatException.Reason reasonOf(String text) {
    try {
      Address.parse(text);
    } catch (AddressFormatException e) {
      return e.reason();
    }
    throw new AssertionError("parsed: " + text);
  }

  @Test
  void derivationMatchesAnIndependentComputation() {
    Address address = Address.of(RFC_TEST_1);
    assertThat(address.toText()).isEqualTo(RFC_TEST_1_ADDRESS).hasSize(51);
    assertThat(address.toString()).isEqualTo(RFC_TEST_1_ADDRESS);
    assertThat(Address.parse(RFC_TEST_1_ADDRESS)).isEqualTo(address);
  }

  @Test
  void printableFormAndCodecRoundTripForRandomKeys() {
    SplittableRandom random = new SplittableRandom(seed());
    for (int i = 0; i < 200; i++) {
      byte[] seed = new byte[32];
      random.nextBytes(seed);
      Address address = Address.of(KeyPair.fromSeed(seed).publicKey());
      assertThat(Address.parse(address.toText())).isEqualTo(address);
      CanonicalWriter writer = new CanonicalWriter();
      address.encode(writer);
      byte[] encoded = writer.toByteArray();
      assertThat(encoded).hasSize(Address.SIZE_BYTES);
      CanonicalReader reader = new CanonicalReader(encoded);
      assertThat(Address.decode(reader, "address")).isEqualTo(address);
      reader.expectEnd("address");
      assertThat(Address.fromBytes(address.toBytes())).isEqualTo(address);
    }
  }

  @Test
  void differentKeysGiveDifferentAddresses() {
    Address a = Address.of(KeyPair.fromSeed(new byte[32]).publicKey());
    byte[] seed = new byte[32];
    seed[31] = 1;
    Address b = Address.of(KeyPair.fromSeed(seed).publicKey());
    assertThat(a).isNotEqualTo(b);
    assertThat(a.compareTo(b)).isNotZero();
  }

  @Test
  void everySingleDigitChangeIsCaughtByTheChecksum() {
    String good = RFC_TEST_1_ADDRESS;
    for (int i = Address.PREFIX.length(); i < good.length(); i++) {
      for (char c : "0123456789abcdef".toCharArray()) {
        if (c == good.charAt(i)) {
          continue;
        }
        String typo = good.substring(0, i) + c + good.substring(i + 1);
        assertThat(reasonOf(typo))
            .as("digit %d changed to %s", i, c)
            .isEqualTo(AddressFormatException.Reason.WRONG_CHECKSUM);
      }
    }
  }

  @Test
  void everyAdjacentTranspositionIsCaughtByTheChecksum() {
    String good = RFC_TEST_1_ADDRESS;
    for (int i = Address.PREFIX.length(); i + 1 < good.length(); i++) {
      if (good.charAt(i) == good.charAt(i + 1)) {
        continue;
      }
      String swapped =
          good.substring(0, i) + good.charAt(i + 1) + good.charAt(i) + good.substring(i + 2);
      assertThat(reasonOf(swapped))
          .as("digits %d and %d swapped", i, i + 1)
          .isEqualTo(AddressFormatException.Reason.WRONG_CHECKSUM);
    }
  }

  @Test
  void wrongPrefixIsNamed() {
    assertThat(reasonOf("ac2" + RFC_TEST_1_ADDRESS.substring(3)))
        .isEqualTo(AddressFormatException.Reason.WRONG_PREFIX);
    assertThat(reasonOf("0x" + RFC_TEST_1_ADDRESS.substring(3)))
        .isEqualTo(AddressFormatException.Reason.WRONG_PREFIX);
    assertThat(reasonOf(RFC_TEST_1_ADDRESS.toUpperCase(java.util.Locale.ROOT)))
        .isEqualTo(AddressFormatException.Reason.WRONG_PREFIX);
    assertThat(reasonOf("")).isEqualTo(AddressFormatException.Reason.WRONG_PREFIX);
  }

  @Test
  void wrongLengthIsNamed() {
    assertThat(reasonOf(RFC_TEST_1_ADDRESS.substring(0, 50)))
        .isEqualTo(AddressFormatException.Reason.WRONG_LENGTH);
    assertThat(reasonOf(RFC_TEST_1_ADDRESS + "0"))
        .isEqualTo(AddressFormatException.Reason.WRONG_LENGTH);
    assertThat(reasonOf(RFC_TEST_1_ADDRESS + " "))
        .isEqualTo(AddressFormatException.Reason.WRONG_LENGTH);
    assertThat(reasonOf("ac1")).isEqualTo(AddressFormatException.Reason.WRONG_LENGTH);
  }

  @Test
  void upperCaseOrNonHexDigitsAreNamed() {
    String upper = "ac1" + RFC_TEST_1_ADDRESS.substring(3).toUpperCase(java.util.Locale.ROOT);
    assertThat(reasonOf(upper)).isEqualTo(AddressFormatException.Reason.NOT_LOWER_CASE_HEX);
    String withG = RFC_TEST_1_ADDRESS.substring(0, 10) + "g" + RFC_TEST_1_ADDRESS.substring(11);
    assertThatThrownBy(() -> Address.parse(withG))
        .isInstanceOf(AddressFormatException.class)
        .hasMessageContaining("character 10");
    assertThat(reasonOf(withG)).isEqualTo(AddressFormatException.Reason.NOT_LOWER_CASE_HEX);
  }

  @Test
  void fromBytesRefusesOtherLengths() {
    assertThatThrownBy(() -> Address.fromBytes(new byte[21]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("20 bytes");
  }
}
