package org.alliancechain.consensus.msg;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.alliancechain.core.codec.DecodeException;
import org.junit.jupiter.api.Test;

/**
 * A seeded fuzz of the consensus codec, which decodes whatever an authenticated peer sends (issue
 * 9, hostile peer frames). Every input either decodes to a message whose encoding is exactly the
 * input (one canonical encoding, ARCHITECTURE.md rule 3) or is refused with a {@link
 * DecodeException}: any other exception would escape the node's edge check and stop its peer
 * dispatch thread. Replay with {@code -DconsensusCodecFuzz.seed=S}.
 */
class MessageCodecFuzzTest {
  private static final int ROUNDS = 10_000;

  @Test
  void everyMutationDecodesCanonicallyOrIsRefusedWithADecodeException() {
    long seed = Long.getLong("consensusCodecFuzz.seed", new SecureRandom().nextLong());
    System.out.println(
        "consensusCodecFuzz seed "
            + seed
            + " (replay with -DconsensusCodecFuzz.seed="
            + seed
            + ")");
    SplittableRandom random = new SplittableRandom(seed);
    List<byte[]> valid =
        new MessageCodecTest().oneOfEachKind().stream().map(MessageCodec::encode).toList();
    int decoded = 0;
    for (int round = 0; round < ROUNDS; round++) {
      byte[] input = mutate(random, valid.get(random.nextInt(valid.size())));
      ConsensusMessage message;
      try {
        message = MessageCodec.decode(input);
      } catch (DecodeException refused) {
        continue;
      } catch (RuntimeException e) {
        throw new AssertionError(
            "round " + round + " (seed " + seed + "): " + e + " for " + hex(input), e);
      }
      decoded++;
      assertThat(MessageCodec.encode(message)).as("round %d seed %d", round, seed).isEqualTo(input);
    }
    // The mutations must not all be refused at the first byte, or the fuzz tests nothing.
    assertThat(decoded).isPositive();
  }

  private static byte[] mutate(SplittableRandom random, byte[] base) {
    byte[] b = base.clone();
    switch (random.nextInt(6)) {
      case 0 -> { // flip a few bits
        for (int i = 1 + random.nextInt(8); i > 0; i--) {
          int bit = random.nextInt(b.length * 8);
          b[bit / 8] ^= (byte) (1 << (bit % 8));
        }
      }
      case 1 -> b = Arrays.copyOf(b, random.nextInt(b.length)); // truncate
      case 2 -> { // append junk
        byte[] longer = Arrays.copyOf(b, b.length + 1 + random.nextInt(16));
        for (int i = b.length; i < longer.length; i++) {
          longer[i] = (byte) random.nextInt(256);
        }
        b = longer;
      }
      case 3 -> { // a huge or negative length/count somewhere
        int at = random.nextInt(Math.max(1, b.length - 4));
        int value = random.nextBoolean() ? Integer.MAX_VALUE : -1 - random.nextInt(1 << 20);
        for (int i = 0; i < 4 && at + i < b.length; i++) {
          b[at + i] = (byte) (value >>> (24 - 8 * i));
        }
      }
      case 4 -> { // a byte set to an edge value (0, 1, 0x7f, 0x80, 0xff)
        int[] edges = {0, 1, 0x7f, 0x80, 0xff};
        b[random.nextInt(b.length)] = (byte) edges[random.nextInt(edges.length)];
      }
      default -> random.nextBytes(b); // pure noise of the same length
    }
    return b;
  }

  private static String hex(byte[] b) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < Math.min(b.length, 64); i++) {
      s.append(String.format("%02x", b[i]));
    }
    return s + (b.length > 64 ? "..." : "");
  }
}
