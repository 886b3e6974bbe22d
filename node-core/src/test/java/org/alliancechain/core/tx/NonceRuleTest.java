package org.alliancechain.core.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.alliancechain.core.Bytes;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.core.crypto.Signature;
import org.junit.jupiter.api.Test;

// SPEC M-26: a used nonce is rejected (no replay); a skipped one too (no reordering).
class NonceRuleTest {
  private static Transaction withNonce(long nonce) {
    return new Transaction(
        "alliance-1",
        PublicKey.of(new byte[32]),
        nonce,
        0,
        Bytes.EMPTY,
        Signature.of(new byte[64]));
  }

  @Test
  void acceptsExactlyTheExpectedNonce() {
    assertThat(NonceRule.check(0, withNonce(0)).isOk()).isTrue();
    assertThat(NonceRule.check(41, withNonce(41)).isOk()).isTrue();
  }

  @Test
  void rejectsAUsedNonce() {
    assertThat(NonceRule.check(5, withNonce(4)).reason()).isEqualTo("nonce_used");
    assertThat(NonceRule.check(5, withNonce(0)).reason()).isEqualTo("nonce_used");
  }

  @Test
  void rejectsASkippedNonce() {
    assertThat(NonceRule.check(5, withNonce(6)).reason()).isEqualTo("nonce_gap");
    assertThat(NonceRule.check(0, withNonce(Long.MAX_VALUE)).reason()).isEqualTo("nonce_gap");
  }

  @Test
  void aSequenceIsAcceptedOnceInOrder() {
    long next = 0;
    for (long nonce = 0; nonce < 5; nonce++) {
      assertThat(NonceRule.check(next, withNonce(nonce)).isOk()).isTrue();
      next++;
      assertThat(NonceRule.check(next, withNonce(nonce)).reason())
          .as("replaying nonce %d", nonce)
          .isEqualTo("nonce_used");
    }
  }

  @Test
  void refusesANegativeExpectation() {
    assertThatThrownBy(() -> NonceRule.check(-1, withNonce(0)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
