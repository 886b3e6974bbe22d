package org.alliancechain.cli.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.alliancechain.contracts.sharing.Offer;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.app.TxOutcome;
import org.alliancechain.core.crypto.KeyPair;
import org.alliancechain.core.hash.Hash;
import org.alliancechain.core.hash.Sha256;
import org.alliancechain.core.tx.Transaction;
import org.alliancechain.token.engine.Lifecycle;
import org.alliancechain.token.tx.TxKind;
import org.junit.jupiter.api.Test;

/** SPEC M-7: a TFT request is answered when a trusted provider's offer for it is committed. */
class TftAnswersTest {
  private static final KeyPair TRUSTED = key(1);
  private static final KeyPair OTHER = key(2);
  private static final Hash ANNOUNCEMENT = Sha256.hash(new byte[] {42});

  private static KeyPair key(int seed) {
    byte[] bytes = new byte[32];
    bytes[0] = (byte) seed;
    return KeyPair.fromSeed(bytes);
  }

  private static Transaction offer(KeyPair provider, String requestId) {
    Bytes body =
        Lifecycle.encode(
            new Lifecycle.SubmitOffer(
                new Offer("o-" + requestId, requestId, "p", "provider", "data", "profile", 10)));
    return Transaction.sign(provider, "test-1", 0, TxKind.SUBMIT_OFFER.code(), body);
  }

  private static TftAnswers expecting(String requestId) {
    TftAnswers answers = new TftAnswers();
    answers.expect(requestId, ANNOUNCEMENT, List.of(TRUSTED.publicKey()));
    return answers;
  }

  @Test
  void aCommittedOfferFromATrustedProviderAnswersTheRequestOnce() {
    TftAnswers answers = expecting("req-1");
    List<Transaction> block = List.of(offer(TRUSTED, "req-1"));
    assertThat(answers.onCommitted(block, List.of(TxOutcome.ok()))).containsExactly(ANNOUNCEMENT);
    assertThat(answers.onCommitted(block, List.of(TxOutcome.ok()))).isEmpty();
    assertThat(answers.waiting()).isZero();
  }

  @Test
  void anOfferFromAProviderTheRequestWasNotSentToDoesNotAnswerIt() {
    TftAnswers answers = expecting("req-1");
    assertThat(answers.onCommitted(List.of(offer(OTHER, "req-1")), List.of(TxOutcome.ok())))
        .isEmpty();
    assertThat(answers.waiting()).isEqualTo(1);
  }

  @Test
  void anOfferTheLedgerRefusedOrForAnotherRequestDoesNotAnswerIt() {
    TftAnswers answers = expecting("req-1");
    assertThat(
            answers.onCommitted(
                List.of(offer(TRUSTED, "req-1")), List.of(TxOutcome.failed("not_open", "closed"))))
        .isEmpty();
    assertThat(answers.onCommitted(List.of(offer(TRUSTED, "req-2")), List.of(TxOutcome.ok())))
        .isEmpty();
    assertThat(answers.waiting()).isEqualTo(1);
  }

  @Test
  void keepsAtMostOpenMaxRequestsDroppingTheOldest() {
    TftAnswers answers = new TftAnswers();
    for (int i = 0; i <= TftAnswers.OPEN_MAX; i++) {
      answers.expect("req-" + i, ANNOUNCEMENT, List.of(TRUSTED.publicKey()));
    }
    assertThat(answers.waiting()).isEqualTo(TftAnswers.OPEN_MAX);
    assertThat(answers.onCommitted(List.of(offer(TRUSTED, "req-0")), List.of(TxOutcome.ok())))
        .isEmpty();
    assertThat(answers.onCommitted(List.of(offer(TRUSTED, "req-1")), List.of(TxOutcome.ok())))
        .containsExactly(ANNOUNCEMENT);
  }
}
