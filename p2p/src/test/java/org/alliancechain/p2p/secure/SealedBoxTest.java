package org.alliancechain.p2p.secure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.alliancechain.core.crypto.KeyPair;
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.junit.jupiter.api.Test;

class SealedBoxTest {
  private final SecureRandom random = new SecureRandom();
  private final KeyPair alice = HandshakeTest.key(1);
  private final KeyPair bob = HandshakeTest.key(2);
  private final KeyPair carol = HandshakeTest.key(3);

  @Test
  void convertedPublicKeyIsTheX25519KeyOfTheConvertedPrivateKey() throws Exception {
    // RFC 7748 §4.1 map applied to the public key must agree with X25519 base-point
    // multiplication of the RFC 8032 secret scalar: two independent computations.
    for (int seed = 1; seed <= 20; seed++) {
      KeyPair k = HandshakeTest.key(seed);
      byte[] expected = new byte[32];
      X25519.generatePublicKey(MontgomeryKeys.privateKey(k.seed()), 0, expected, 0);
      assertThat(MontgomeryKeys.publicKey(k.publicKey())).isEqualTo(expected);
    }
  }

  @Test
  void onlyTheRecipientOpensTheBoxAndLearnsTheSender() throws Exception {
    byte[] payload = "offer: 10 tonnes".getBytes(StandardCharsets.UTF_8);
    byte[] box = SealedBox.seal(alice, bob.publicKey(), payload, random);
    assertThat(box).hasSize(payload.length + SealedBox.OVERHEAD_BYTES);
    assertThat(HandshakeTest.indexOf(box, payload)).isEqualTo(-1);

    SealedBox.Opened opened = SealedBox.open(bob, box);
    assertThat(opened.sender()).isEqualTo(alice.publicKey());
    assertThat(opened.payload().toByteArray()).isEqualTo(payload);
    assertThatThrownBy(() -> SealedBox.open(carol, box)).isInstanceOf(HandshakeException.class);
  }

  @Test
  void aTamperedBoxIsRefused() throws Exception {
    byte[] box = SealedBox.seal(alice, bob.publicKey(), new byte[] {1, 2, 3}, random);
    box[box.length - 20] ^= 1;
    assertThatThrownBy(() -> SealedBox.open(bob, box))
        .isInstanceOfSatisfying(
            HandshakeException.class,
            e -> assertThat(e.reason()).isEqualTo(HandshakeException.Reason.DECRYPT_FAILED));
  }
}
