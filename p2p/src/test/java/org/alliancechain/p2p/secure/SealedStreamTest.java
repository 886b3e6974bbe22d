package org.alliancechain.p2p.secure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.alliancechain.core.crypto.KeyPair;
import org.junit.jupiter.api.Test;

// SPEC M-18: competitive resources are encrypted to the receiver's key, streamed in segments.
class SealedStreamTest {
  private static final int SEGMENT = SealedStream.SEGMENT_BYTES;
  private final SecureRandom random = new SecureRandom();
  private final KeyPair bob = HandshakeTest.key(2);
  private final KeyPair carol = HandshakeTest.key(3);

  private byte[] seal(byte[] plain, int writeSize) throws IOException {
    ByteArrayOutputStream sealed = new ByteArrayOutputStream();
    try (OutputStream out = SealedStream.seal(sealed, bob.publicKey(), random)) {
      for (int offset = 0; offset < plain.length; offset += writeSize) {
        out.write(plain, offset, Math.min(writeSize, plain.length - offset));
      }
    }
    return sealed.toByteArray();
  }

  private static byte[] open(byte[] sealed, KeyPair recipient) throws IOException {
    try (InputStream in = SealedStream.open(new ByteArrayInputStream(sealed), recipient)) {
      return in.readAllBytes();
    }
  }

  @Test
  void everySizeAroundTheSegmentBoundaryRoundTripsAndHasThePredictedSize() throws IOException {
    long seed = Long.getLong("sealedStream.seed", System.nanoTime());
    System.out.println("sealedStream.seed=" + seed);
    SplittableRandom r = new SplittableRandom(seed);
    for (int size : new int[] {0, 1, SEGMENT - 1, SEGMENT, SEGMENT + 1, 3 * SEGMENT + 17}) {
      byte[] plain = new byte[size];
      r.nextBytes(plain);
      byte[] sealed = seal(plain, 1 + r.nextInt(3 * SEGMENT));
      assertThat(sealed.length).as("size %d", size).isEqualTo(SealedStream.sealedSize(size));
      assertThat(open(sealed, bob)).as("size %d", size).isEqualTo(plain);
      if (size >= 16) {
        assertThat(HandshakeTest.indexOf(sealed, Arrays.copyOf(plain, 16))).isEqualTo(-1);
      }
    }
  }

  @Test
  void anotherMemberCannotOpenIt() throws IOException {
    byte[] sealed = seal(new byte[100], 100);
    assertThatThrownBy(() -> open(sealed, carol)).isInstanceOf(IOException.class);
  }

  @Test
  void aStreamCutShortReorderedOrFlippedIsRefused() throws IOException {
    byte[] plain = new byte[2 * SEGMENT + 5];
    byte[] sealed = seal(plain, plain.length);
    int header = 33;
    int segment = 1 + SEGMENT + 16;
    // cut after the first two (full) segments: the last-segment flag never came
    assertThatThrownBy(() -> open(Arrays.copyOf(sealed, header + 2 * segment), bob))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("cut short");
    // a full segment relabelled as the last one: its associated data no longer matches
    byte[] relabelled = Arrays.copyOf(sealed, header + segment);
    relabelled[header] = 1;
    assertThatThrownBy(() -> open(relabelled, bob)).isInstanceOf(IOException.class);
    // the first two segments swapped: their nonces no longer match
    byte[] swapped = sealed.clone();
    System.arraycopy(sealed, header + segment, swapped, header, segment);
    System.arraycopy(sealed, header, swapped, header + segment, segment);
    assertThatThrownBy(() -> open(swapped, bob)).isInstanceOf(IOException.class);
    // one bit flipped in the last segment
    byte[] flipped = sealed.clone();
    flipped[flipped.length - 3] ^= 1;
    assertThatThrownBy(() -> open(flipped, bob)).isInstanceOf(IOException.class);
  }
}
