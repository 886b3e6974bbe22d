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

  private static org.alliancechain.core.hash.Hash digestInSet(int set, int n) {
    // hashCode() is the first four bytes big-endian; the set is its low bits.
    byte[] b = new byte[32];
    int slot = set * VerifiedSignatures.WAYS;
    b[2] = (byte) (slot >>> 8);
    b[3] = (byte) slot;
    b[10] = (byte) n;
    b[4] = (byte) n;
    return org.alliancechain.core.hash.Hash.of(b);
  }

  @Test
  void digestsWhoseSlotsCollideAreAllKeptUpToTheSetSize() {
    VerifiedSignatures memo = new VerifiedSignatures();
    var digests = new java.util.ArrayList<org.alliancechain.core.hash.Hash>();
    for (int n = 0; n < VerifiedSignatures.WAYS; n++) {
      digests.add(digestInSet(77, n));
      memo.add(digests.get(n));
    }
    assertThat(digests)
        .allMatch(d -> VerifiedSignatures.firstSlot(d) == 77 * VerifiedSignatures.WAYS);
    assertThat(digests).allMatch(memo::contains);
    // One more in the same set evicts exactly one of them, and nothing else is claimed.
    var extra = digestInSet(77, 9);
    memo.add(extra);
    assertThat(memo.contains(extra)).isTrue();
    assertThat(digests.stream().filter(memo::contains).count())
        .isEqualTo(VerifiedSignatures.WAYS - 1);
    assertThat(memo.contains(digestInSet(77, 200))).isFalse();
    assertThat(memo.contains(digestInSet(78, 0))).isFalse();
  }

  @Test
  void aThousandDistinctSignaturesAreAllRememberedAtOnce() {
    // The old direct-mapped table lost about 26 of 1,000 to slot collisions (birthday bound).
    KeyPair k = key(4);
    var messages = new java.util.ArrayList<byte[]>();
    var signatures = new java.util.ArrayList<Signature>();
    for (int i = 0; i < 1000; i++) {
      byte[] m = ("message " + i).getBytes(StandardCharsets.UTF_8);
      messages.add(m);
      signatures.add(k.sign(Domain.TRANSACTION, m));
      assertThat(Ed25519.verify(k.publicKey(), Domain.TRANSACTION, m, signatures.get(i))).isTrue();
    }
    long before = Ed25519.memoHits();
    for (int i = 0; i < 1000; i++) {
      assertThat(
              Ed25519.verify(k.publicKey(), Domain.TRANSACTION, messages.get(i), signatures.get(i)))
          .isTrue();
    }
    assertThat(Ed25519.memoHits() - before).isGreaterThanOrEqualTo(1000);
  }
}
