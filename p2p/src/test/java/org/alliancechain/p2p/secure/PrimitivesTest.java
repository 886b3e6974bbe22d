package org.alliancechain.p2p.secure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.bouncycastle.crypto.modes.ChaCha20Poly1305;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;

class PrimitivesTest {
  private static final long SEED = Long.getLong("primitives.seed", System.nanoTime());

  /** Bouncy Castle's ChaCha20-Poly1305, the implementation the links used before the JDK's. */
  private static byte[] bouncyCastleSeal(byte[] key, long counter, byte[] ad, byte[] plain)
      throws Exception {
    ChaCha20Poly1305 aead = new ChaCha20Poly1305();
    aead.init(
        true, new AEADParameters(new KeyParameter(key), 128, Primitives.counterNonce(counter), ad));
    byte[] out = new byte[aead.getOutputSize(plain.length)];
    aead.doFinal(out, aead.processBytes(plain, 0, plain.length, out, 0));
    return out;
  }

  @Test
  void sealsTheSameBytesAsBouncyCastleSoOldAndNewNodesInteroperate() throws Exception {
    // RFC 8439 §2.8: two independent implementations of one AEAD must agree byte for byte.
    System.out.println("primitives.seed=" + SEED);
    SplittableRandom random = new SplittableRandom(SEED);
    for (int i = 0; i < 200; i++) {
      byte[] key = bytes(random, 32);
      long counter = random.nextLong(0, Long.MAX_VALUE);
      byte[] ad = bytes(random, random.nextInt(0, 3) == 0 ? 0 : random.nextInt(1, 64));
      byte[] plain = bytes(random, random.nextInt(0, 5000));
      byte[] sealed = Primitives.seal(key, counter, ad, plain);
      assertThat(sealed).isEqualTo(bouncyCastleSeal(key, counter, ad, plain));
      assertThat(Primitives.open(key, counter, ad, sealed, 0, sealed.length)).isEqualTo(plain);
    }
  }

  @Test
  void aSessionCipherOpensManyFramesInOrderAndRefusesAReplay() throws Exception {
    SplittableRandom random = new SplittableRandom(SEED);
    byte[] a = bytes(random, 32);
    byte[] b = bytes(random, 32);
    SessionCipher sender = new SessionCipher(a, b);
    SessionCipher receiver = new SessionCipher(b, a);
    byte[] last = new byte[0];
    for (int i = 0; i < 50; i++) {
      byte[] plain = bytes(random, random.nextInt(0, 2000));
      last = sender.encrypt(plain);
      assertThat(receiver.decrypt(last, 0, last.length)).isEqualTo(plain);
    }
    byte[] replayed = last;
    assertThatThrownBy(() -> receiver.decrypt(replayed, 0, replayed.length))
        .isInstanceOf(HandshakeException.class)
        .hasMessageContaining("tag");
  }

  @Test
  void refusesAFlippedBitAtAnOffset() throws Exception {
    byte[] key = new byte[32];
    byte[] sealed = Primitives.seal(key, 7, new byte[0], new byte[100]);
    byte[] framed = new byte[sealed.length + 3];
    System.arraycopy(sealed, 0, framed, 3, sealed.length);
    assertThat(Primitives.open(key, 7, new byte[0], framed, 3, sealed.length)).hasSize(100);
    framed[3 + 50] ^= 1;
    assertThatThrownBy(() -> Primitives.open(key, 7, new byte[0], framed, 3, sealed.length))
        .isInstanceOf(HandshakeException.class);
  }

  private static byte[] bytes(SplittableRandom random, int n) {
    byte[] out = new byte[n];
    random.nextBytes(out);
    return out;
  }
}
