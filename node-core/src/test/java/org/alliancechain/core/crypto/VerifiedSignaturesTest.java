package org.alliancechain.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class VerifiedSignaturesTest {
  private static KeyPair key(int i) {
    byte[] seed = new byte[32];
    seed[5] = (byte) i;
    return KeyPair.fromSeed(seed);
  }

  @Test
  void aSecondCheckOfTheSameSignatureIsAnsweredByTheMemo() {
    KeyPair k = key(1);
    byte[] message = "memo".getBytes(StandardCharsets.UTF_8);
    Signature signature = k.sign(Domain.TRANSACTION, message);
    assertThat(Ed25519.verify(k.publicKey(), Domain.TRANSACTION, message, signature)).isTrue();
    long before = Ed25519.memoHits();
    assertThat(Ed25519.verify(k.publicKey(), Domain.TRANSACTION, message, signature)).isTrue();
    assertThat(Ed25519.memoHits()).isGreaterThan(before);
  }

  @Test
  void theMemoNeverAcceptsWhatDoesNotVerify() {
    KeyPair k = key(2);
    byte[] message = "original".getBytes(StandardCharsets.UTF_8);
    Signature signature = k.sign(Domain.TRANSACTION, message);
    assertThat(Ed25519.verify(k.publicKey(), Domain.TRANSACTION, message, signature)).isTrue();
    // Same signature, other message, other domain, other key: each is a fresh (failing) check.
    assertThat(
            Ed25519.verify(
                k.publicKey(),
                Domain.TRANSACTION,
                "changed".getBytes(StandardCharsets.UTF_8),
                signature))
        .isFalse();
    assertThat(Ed25519.verify(k.publicKey(), Domain.COMMIT_VOTE, message, signature)).isFalse();
    assertThat(Ed25519.verify(key(3).publicKey(), Domain.TRANSACTION, message, signature))
        .isFalse();
    // A failure is not remembered as a success either.
    assertThat(
            Ed25519.verify(
                k.publicKey(),
                Domain.TRANSACTION,
                "changed".getBytes(StandardCharsets.UTF_8),
                signature))
        .isFalse();
  }
}
