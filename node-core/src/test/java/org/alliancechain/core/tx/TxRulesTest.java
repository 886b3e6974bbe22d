package org.alliancechain.core.tx;

import static org.assertj.core.api.Assertions.assertThat;

import org.alliancechain.core.Bytes;
import org.alliancechain.core.crypto.Domain;
import org.alliancechain.core.crypto.KeyPair;
import org.alliancechain.core.crypto.Signature;
import org.junit.jupiter.api.Test;

// SPEC M-26: transactions are signed by their sender and carry the chain id (no replay).
class TxRulesTest {
  private static final String CHAIN = "alliance-1";

  private static KeyPair key(int i) {
    byte[] seed = new byte[32];
    seed[31] = (byte) i;
    return KeyPair.fromSeed(seed);
  }

  private static Transaction signed(long nonce, byte[] payload) {
    return Transaction.sign(key(1), CHAIN, nonce, 3, Bytes.of(payload));
  }

  @Test
  void acceptsAProperlySignedTransactionForThisChain() {
    assertThat(TxRules.checkStateless(signed(0, new byte[] {1, 2, 3}), CHAIN).isOk()).isTrue();
  }

  @Test
  void rejectsATransactionSignedForAnotherChain() {
    Transaction other = Transaction.sign(key(1), "alliance-2", 0, 3, Bytes.of(new byte[] {1}));
    assertThat(other.hasValidSignature()).isTrue();
    assertThat(TxRules.checkStateless(other, CHAIN).reason()).isEqualTo("wrong_chain_id");
  }

  @Test
  void rejectsAReplayWhoseChainIdWasRewritten() {
    // The chain id is under the signature: relabelling a foreign transaction breaks it.
    Transaction other = Transaction.sign(key(1), "alliance-2", 0, 3, Bytes.of(new byte[] {1}));
    Transaction relabelled =
        new Transaction(
            CHAIN, other.sender(), other.nonce(), other.kind(), other.payload(), other.signature());
    assertThat(TxRules.checkStateless(relabelled, CHAIN).reason()).isEqualTo("bad_signature");
  }

  @Test
  void rejectsTamperedFields() {
    Transaction tx = signed(4, new byte[] {9, 9});
    Transaction payload =
        new Transaction(
            CHAIN, tx.sender(), 4, tx.kind(), Bytes.of(new byte[] {9, 8}), tx.signature());
    Transaction kind = new Transaction(CHAIN, tx.sender(), 4, 4, tx.payload(), tx.signature());
    Transaction sender =
        new Transaction(CHAIN, key(2).publicKey(), 4, tx.kind(), tx.payload(), tx.signature());
    byte[] sig = tx.signature().toBytes();
    sig[10] ^= 1;
    Transaction flipped =
        new Transaction(CHAIN, tx.sender(), 4, tx.kind(), tx.payload(), Signature.of(sig));
    for (Transaction bad : new Transaction[] {payload, kind, sender, flipped}) {
      assertThat(TxRules.checkStateless(bad, CHAIN).reason()).isEqualTo("bad_signature");
    }
  }

  @Test
  void rejectsASignatureMadeForAnotherDomain() {
    // The same bytes signed as a commit vote must not pass as a transaction (Domain separation).
    Transaction tx = signed(0, new byte[] {7});
    Signature vote = key(1).sign(Domain.COMMIT_VOTE, tx.signingBytes());
    Transaction crossDomain = new Transaction(CHAIN, tx.sender(), 0, tx.kind(), tx.payload(), vote);
    assertThat(TxRules.checkStateless(crossDomain, CHAIN).reason()).isEqualTo("bad_signature");
  }

  @Test
  void rejectsTransactionsOverTheSizeLimit() {
    Transaction tx = signed(0, new byte[500]);
    assertThat(TxRules.checkStateless(tx, CHAIN, tx.encodedSizeBytes()).isOk()).isTrue();
    assertThat(TxRules.checkStateless(tx, CHAIN, tx.encodedSizeBytes() - 1).reason())
        .isEqualTo("too_large");
    // The protocol limit is the codec's: the largest constructible transaction passes it.
    Transaction largest = signed(0, new byte[Transaction.PAYLOAD_BYTES_MAX]);
    assertThat(largest.encodedSizeBytes()).isLessThanOrEqualTo(Transaction.ENCODED_BYTES_MAX);
    assertThat(TxRules.checkStateless(largest, CHAIN).isOk()).isTrue();
  }

  @Test
  void rejectsTheLastRepresentableNonce() {
    Transaction tx = signed(Long.MAX_VALUE, new byte[0]);
    assertThat(TxRules.checkStateless(tx, CHAIN).reason()).isEqualTo("nonce_exhausted");
    assertThat(TxRules.checkStateless(signed(Long.MAX_VALUE - 1, new byte[0]), CHAIN).isOk())
        .isTrue();
  }

  @Test
  void cheapChecksComeBeforeTheSignature() {
    Transaction other = Transaction.sign(key(1), "alliance-2", 0, 3, Bytes.of(new byte[] {1}));
    Transaction forged =
        new Transaction(
            "alliance-2", other.sender(), 0, 3, other.payload(), Signature.of(new byte[64]));
    assertThat(TxRules.checkStateless(forged, CHAIN).reason()).isEqualTo("wrong_chain_id");
  }
}
