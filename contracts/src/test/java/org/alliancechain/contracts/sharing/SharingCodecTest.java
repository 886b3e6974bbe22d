package org.alliancechain.contracts.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.alliancechain.contracts.Seeds;
import org.alliancechain.core.codec.DecodeException;
import org.junit.jupiter.api.Test;

class SharingCodecTest {

  static String text(SplittableRandom random, int maxChars) {
    String alphabet = "abcXYZ019 _-.é漢\uD83D\uDE00";
    StringBuilder out = new StringBuilder();
    int length = random.nextInt(maxChars + 1);
    while (out.length() < length) {
      int at = random.nextInt(alphabet.length());
      char c = alphabet.charAt(at);
      if (Character.isHighSurrogate(c)) {
        out.append(c).append(alphabet.charAt(at + 1));
      } else if (!Character.isLowSurrogate(c)) {
        out.append(c);
      }
    }
    return out.toString();
  }

  static Request request(SplittableRandom random) {
    AllianceMode mode = random.nextBoolean() ? AllianceMode.COOPERATIVE : AllianceMode.COMPETITIVE;
    List<QualityRequirement> quality = new ArrayList<>();
    for (int i = random.nextInt(4); i > 0; i--) {
      quality.add(
          new QualityRequirement("q" + random.nextInt(100), random.nextLong(Long.MAX_VALUE)));
    }
    BroadcastOption[] options = BroadcastOption.values();
    return new Request(
        text(random, 20),
        mode,
        text(random, 20),
        text(random, 20),
        List.of(ResourceType.values()).get(random.nextInt(ResourceType.values().length)),
        text(random, 200),
        random.nextLong(Long.MAX_VALUE),
        quality,
        random.nextLong(Long.MAX_VALUE),
        random.nextLong(Long.MAX_VALUE),
        random.nextBoolean()
            ? Optional.empty()
            : Optional.of(List.of(options).get(random.nextInt(options.length))));
  }

  static Offer offer(SplittableRandom random) {
    return new Offer(
        text(random, 20),
        text(random, 20),
        text(random, 30),
        text(random, 20),
        text(random, 300),
        text(random, 300),
        random.nextLong(Long.MAX_VALUE));
  }

  static Acceptance acceptance(SplittableRandom random) {
    List<Acceptance.Accepted> offers = new ArrayList<>();
    for (int i = random.nextInt(5); i > 0; i--) {
      offers.add(new Acceptance.Accepted(text(random, 20), random.nextLong(Long.MAX_VALUE)));
    }
    return new Acceptance(text(random, 20), offers);
  }

  @Test
  void decodeOfEncodeIsTheIdentityForRandomRecords() {
    SplittableRandom random = Seeds.random("contracts.codec");
    for (int i = 0; i < 500; i++) {
      Request request = request(random);
      assertThat(SharingCodec.decodeRequest(SharingCodec.encode(request))).isEqualTo(request);
      Offer offer = offer(random);
      assertThat(SharingCodec.decodeOffer(SharingCodec.encode(offer))).isEqualTo(offer);
      Acceptance acceptance = acceptance(random);
      assertThat(SharingCodec.decodeAcceptance(SharingCodec.encode(acceptance)))
          .isEqualTo(acceptance);
    }
  }

  @Test
  void everyTruncationAndAnyTrailingByteIsRejected() {
    SplittableRandom random = Seeds.random("contracts.codec.truncation");
    byte[] bytes = SharingCodec.encode(request(random));
    for (int length = 0; length < bytes.length; length++) {
      byte[] cut = Arrays.copyOf(bytes, length);
      assertThatThrownBy(() -> SharingCodec.decodeRequest(cut)).isInstanceOf(DecodeException.class);
    }
    byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
    assertThatThrownBy(() -> SharingCodec.decodeRequest(longer))
        .isInstanceOfSatisfying(
            DecodeException.class,
            e -> assertThat(e.reason()).isEqualTo(DecodeException.Reason.TRAILING_BYTES));
  }

  @Test
  void rejectsAnotherKindAndUnknownEnumCodes() {
    byte[] offer = SharingCodec.encode(offer(new SplittableRandom(1)));
    assertThatThrownBy(() -> SharingCodec.decodeRequest(offer))
        .isInstanceOfSatisfying(
            DecodeException.class,
            e -> assertThat(e.reason()).isEqualTo(DecodeException.Reason.UNKNOWN_KIND));
    assertThatThrownBy(() -> SharingCodec.type(9)).isInstanceOf(DecodeException.class);
    assertThatThrownBy(() -> SharingCodec.broadcast(0)).isInstanceOf(DecodeException.class);
  }

  @Test
  void wireCodesAreFixedAndDistinct() {
    // The codes are part of the canonical encoding: a change here is a consensus change.
    assertThat(Arrays.stream(ResourceType.values()).map(SharingCodec::code))
        .containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    for (ResourceType type : ResourceType.values()) {
      assertThat(SharingCodec.type(SharingCodec.code(type))).isEqualTo(type);
    }
  }

  @Test
  void encodingRefusesFieldsDecodingWouldRefuse() {
    Offer huge = new Offer("o", "r", "p", "n", "x".repeat(9000), "", 0);
    assertThatThrownBy(() -> SharingCodec.encode(huge))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
