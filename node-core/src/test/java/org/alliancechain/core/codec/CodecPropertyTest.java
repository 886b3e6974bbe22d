package org.alliancechain.core.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Supplier;
import org.alliancechain.core.block.Block;
import org.alliancechain.core.block.BlockHeader;
import org.alliancechain.core.block.CertifiedBlock;
import org.alliancechain.core.block.CommitCertificate;
import org.alliancechain.core.block.ValidatorSet;
import org.alliancechain.core.tx.Transaction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The canonical codec has exactly one encoding per value (issue 2, SPEC M-26; ARCHITECTURE rule 3):
 * decode(encode(x)) == x for generated values, and every byte string either is rejected with a
 * {@link DecodeException} carrying a reason or decodes to a value whose encoding is that very byte
 * string. No other exception may escape a decoder. Replay with {@code -Dcodec.seed=<seed>}.
 */
class CodecPropertyTest {
  private static final int VALUES_PER_TYPE = 300;
  private static final int MUTATIONS_PER_VALUE = 12;

  private static long seed;

  @BeforeAll
  static void chooseSeed() {
    seed = LedgerGenerators.seed("codec");
  }

  /** One encoded type: how to make, encode and decode it. */
  private record Codec<T>(
      String name,
      Function<LedgerGenerators, T> generate,
      Function<T, byte[]> encode,
      Function<byte[], T> decode) {

    byte[] encodeUnchecked(Object value) {
      @SuppressWarnings("unchecked")
      T typed = (T) value;
      return encode.apply(typed);
    }
  }

  private static final List<Codec<?>> CODECS =
      List.of(
          new Codec<>(
              "Transaction",
              LedgerGenerators::transaction,
              Transaction::encode,
              Transaction::decode),
          new Codec<>(
              "BlockHeader", LedgerGenerators::header, BlockHeader::encode, BlockHeader::decode),
          new Codec<>("Block", LedgerGenerators::block, Block::encode, Block::decode),
          new Codec<>(
              "CommitCertificate",
              LedgerGenerators::certificate,
              CommitCertificate::encode,
              CommitCertificate::decode),
          new Codec<>(
              "CertifiedBlock",
              LedgerGenerators::certifiedBlock,
              CertifiedBlock::encode,
              CertifiedBlock::decode),
          new Codec<>(
              "ValidatorSet",
              LedgerGenerators::validatorSet,
              ValidatorSet::encode,
              ValidatorSet::decode));

  @Test
  void decodingAnEncodingGivesTheValueBack() {
    LedgerGenerators gen = new LedgerGenerators(new SplittableRandom(seed));
    for (Codec<?> codec : CODECS) {
      checkRoundTrips(gen, codec);
    }
  }

  private static <T> void checkRoundTrips(LedgerGenerators gen, Codec<T> codec) {
    for (int i = 0; i < VALUES_PER_TYPE; i++) {
      T value = codec.generate().apply(gen);
      byte[] encoded = codec.encode().apply(value);
      String at = codec.name() + " #" + i + " (seed " + seed + ")";
      T decoded = codec.decode().apply(encoded);
      assertThat(decoded).as(at).isEqualTo(value);
      assertThat(codec.encode().apply(decoded)).as(at).isEqualTo(encoded);
    }
  }

  @Test
  void mutatedBytesAreRejectedWithAReasonOrAreCanonical() {
    LedgerGenerators gen = new LedgerGenerators(new SplittableRandom(seed + 1));
    for (Codec<?> codec : CODECS) {
      int[] outcomes = new int[2];
      for (int i = 0; i < VALUES_PER_TYPE; i++) {
        byte[] encoded = codec.encodeUnchecked(codec.generate().apply(gen));
        for (int m = 0; m < MUTATIONS_PER_VALUE; m++) {
          byte[] mutated = mutate(gen.random(), encoded);
          String at = codec.name() + " #" + i + " mutation " + m + " (seed " + seed + ")";
          outcomes[checkMutated(codec, mutated, at) ? 1 : 0]++;
        }
      }
      System.out.printf(
          "%s: %d mutated inputs rejected, %d accepted canonically%n",
          codec.name(), outcomes[0], outcomes[1]);
      // Truncations alone guarantee rejections; a fuzz that never rejects tests nothing.
      assertThat(outcomes[0]).as(codec.name() + " rejections").isPositive();
    }
  }

  @Test
  void randomBytesAreRejectedWithAReasonOrAreCanonical() {
    LedgerGenerators gen = new LedgerGenerators(new SplittableRandom(seed + 2));
    for (Codec<?> codec : CODECS) {
      for (int i = 0; i < 2_000; i++) {
        byte[] bytes = gen.bytes(gen.random().nextInt(0, 400));
        if (bytes.length > 0 && gen.random().nextBoolean()) {
          bytes[0] = 1; // A valid version byte gets the decoder past the first check.
        }
        checkMutated(codec, bytes, codec.name() + " random #" + i + " (seed " + seed + ")");
      }
    }
  }

  /** True when the bytes decoded (canonically), false when rejected with a reason. */
  private static boolean checkMutated(Codec<?> codec, byte[] bytes, String at) {
    Object decoded;
    try {
      decoded = codec.decode().apply(bytes);
    } catch (DecodeException e) {
      assertThat(e.reason()).as(at).isNotNull();
      assertThat(e.getMessage()).as(at).startsWith(e.reason().name() + ": ").hasSizeGreaterThan(12);
      return false;
    } catch (RuntimeException e) {
      throw new AssertionError(at + ": a decoder let " + e + " escape", e);
    }
    assertThat(codec.encodeUnchecked(decoded)).as(at + " re-encoding").isEqualTo(bytes);
    return true;
  }

  private static byte[] mutate(SplittableRandom random, byte[] original) {
    byte[] b = original.clone();
    int n = b.length;
    return switch (random.nextInt(8)) {
      case 0 -> flipBits(random, b, 1);
      case 1 -> flipBits(random, b, random.nextInt(2, 6));
      case 2 -> Arrays.copyOf(b, random.nextInt(n)); // truncation
      case 3 -> extend(random, b);
      case 4 -> overwrite(random, b);
      case 5 -> insertOrDelete(random, b);
      case 6 -> bigLength(random, b);
      default -> random(random, n);
    };
  }

  private static byte[] flipBits(SplittableRandom random, byte[] b, int count) {
    for (int i = 0; i < count; i++) {
      b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
    }
    return b;
  }

  private static byte[] extend(SplittableRandom random, byte[] b) {
    byte[] out = Arrays.copyOf(b, b.length + random.nextInt(1, 9));
    for (int i = b.length; i < out.length; i++) {
      out[i] = (byte) random.nextInt(256);
    }
    return out;
  }

  private static byte[] overwrite(SplittableRandom random, byte[] b) {
    int start = random.nextInt(b.length);
    int end = Math.min(b.length, start + random.nextInt(1, 17));
    for (int i = start; i < end; i++) {
      b[i] = (byte) random.nextInt(256);
    }
    return b;
  }

  private static byte[] insertOrDelete(SplittableRandom random, byte[] b) {
    int at = random.nextInt(b.length);
    if (random.nextBoolean()) {
      byte[] out = new byte[b.length + 1];
      System.arraycopy(b, 0, out, 0, at);
      out[at] = (byte) random.nextInt(256);
      System.arraycopy(b, at, out, at + 1, b.length - at);
      return out;
    }
    byte[] out = new byte[b.length - 1];
    System.arraycopy(b, 0, out, 0, at);
    System.arraycopy(b, at + 1, out, at, b.length - at - 1);
    return out;
  }

  /** Writes a large u32 somewhere: often lands on a length or count field. */
  private static byte[] bigLength(SplittableRandom random, byte[] b) {
    if (b.length < 4) {
      return flipBits(random, b, 1);
    }
    int at = random.nextInt(b.length - 3);
    int value = random.nextBoolean() ? 0x7fffffff : random.nextInt(1 << 20);
    b[at] = (byte) (value >>> 24);
    b[at + 1] = (byte) (value >>> 16);
    b[at + 2] = (byte) (value >>> 8);
    b[at + 3] = (byte) value;
    return b;
  }

  private static byte[] random(SplittableRandom random, int length) {
    byte[] out = new byte[length];
    random.nextBytes(out);
    return out;
  }

  @Test
  void generatorsCoverEveryDecoderAndTheFuzzReachesThem() {
    // A guard against a silently empty property: every type above is exercised.
    assertThat(CODECS).extracting(Codec::name).hasSize(6).doesNotHaveDuplicates();
    Supplier<LedgerGenerators> gen = () -> new LedgerGenerators(new SplittableRandom(seed));
    assertThat(gen.get().block().encode()).isNotEmpty();
  }
}
