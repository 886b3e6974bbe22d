package org.alliancechain.core.tx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.SplittableRandom;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.codec.CanonicalReader;
import org.alliancechain.core.codec.CanonicalWriter;
import org.alliancechain.core.crypto.KeyPair;
import org.alliancechain.core.crypto.Signature;
import org.alliancechain.core.hash.Hash;
import org.junit.jupiter.api.Test;

// The cached encoding and hash must be exactly what the record's encoder gave (SPEC M-26).
class TransactionTest {
  private static final long SEED = Long.getLong("transaction.seed", System.nanoTime());

  private static Transaction random(SplittableRandom random) {
    byte[] seed = new byte[32];
    random.nextBytes(seed);
    byte[] payload = new byte[random.nextInt(0, 600)];
    random.nextBytes(payload);
    return Transaction.sign(
        KeyPair.fromSeed(seed),
        "chain-" + random.nextInt(0, 1000),
        random.nextLong(0, Long.MAX_VALUE),
        random.nextInt(0, Transaction.KIND_MAX + 1),
        Bytes.wrap(payload));
  }

  /** The layout written out by hand from the field order: version, chain id, ..., signature. */
  private static byte[] byHand(Transaction tx) {
    byte[] chain = tx.chainId().getBytes(StandardCharsets.US_ASCII);
    ByteBuffer b =
        ByteBuffer.allocate(1 + 4 + chain.length + 32 + 8 + 2 + 4 + 64 + tx.payload().size());
    b.put((byte) 1).putInt(chain.length).put(chain).put(tx.sender().toBytes());
    b.putLong(tx.nonce()).putShort((short) tx.kind());
    b.putInt(tx.payload().size()).put(tx.payload().toByteArray()).put(tx.signature().toBytes());
    return b.array();
  }

  @Test
  void encodingHashAndDecodingAgreeWithTheFieldsForRandomTransactions() throws Exception {
    System.out.println("transaction.seed=" + SEED);
    SplittableRandom random = new SplittableRandom(SEED);
    for (int i = 0; i < 300; i++) {
      Transaction tx = random(random);
      byte[] expected = byHand(tx);
      assertThat(tx.encode()).isEqualTo(expected);
      assertThat(tx.encodedSizeBytes()).isEqualTo(expected.length);
      Hash sha = Hash.of(MessageDigest.getInstance("SHA-256").digest(expected));
      assertThat(tx.hash()).isEqualTo(sha);
      assertThat(tx.signingBytes())
          .isEqualTo(java.util.Arrays.copyOf(expected, expected.length - 64));

      Transaction decoded = Transaction.decode(expected);
      assertThat(decoded).isEqualTo(tx).hasSameHashCodeAs(tx);
      assertThat(decoded.encode()).isEqualTo(expected);
      assertThat(decoded.hash()).isEqualTo(sha);
      assertThat(decoded.hasValidSignature()).isTrue();
    }
  }

  @Test
  void aTransactionDecodedFromTheMiddleOfABufferKeepsOnlyItsOwnBytes() {
    SplittableRandom random = new SplittableRandom(SEED);
    Transaction first = random(random);
    Transaction second = random(random);
    CanonicalWriter w = new CanonicalWriter();
    w.u8(0x5a);
    first.encode(w);
    second.encode(w);
    CanonicalReader r = new CanonicalReader(w.toByteArray());
    r.u8("marker");
    Transaction a = Transaction.decode(r);
    Transaction b = Transaction.decode(r);
    r.expectEnd("test");
    assertThat(a.encode()).isEqualTo(first.encode());
    assertThat(b.encode()).isEqualTo(second.encode());
    assertThat(b.hash()).isEqualTo(second.hash());
  }

  @Test
  void theEncodingHandedOutIsACopy() {
    Transaction tx = random(new SplittableRandom(SEED));
    Hash before = tx.hash();
    byte[] leaked = tx.encode();
    leaked[0] ^= 1;
    leaked[leaked.length - 1] ^= 1;
    assertThat(tx.encode()).isNotEqualTo(leaked);
    assertThat(Transaction.decode(tx.encode()).hash()).isEqualTo(before);
  }

  @Test
  void aRememberedValidSignatureDoesNotVouchForAnotherTransaction() {
    Transaction tx = random(new SplittableRandom(SEED));
    assertThat(tx.hasValidSignature()).isTrue();
    byte[] sig = tx.signature().toBytes();
    sig[0] ^= 1;
    Transaction forged =
        new Transaction(
            tx.chainId(), tx.sender(), tx.nonce(), tx.kind(), tx.payload(), Signature.of(sig));
    assertThat(forged.hasValidSignature()).isFalse();
    assertThat(forged.hasValidSignature()).isFalse();
    assertThat(forged).isNotEqualTo(tx);
    Transaction otherNonce =
        new Transaction(
            tx.chainId(), tx.sender(), tx.nonce() ^ 1, tx.kind(), tx.payload(), tx.signature());
    assertThat(otherNonce.hasValidSignature()).isFalse();
    assertThat(tx.hasValidSignature()).isTrue();
  }

  @Test
  void chainIdsAreCheckedLikeTheSpecsPattern() {
    // SPEC M-26's chain id: [A-Za-z0-9._-]{1,64}; the check is a hand loop, the pattern the oracle.
    java.util.regex.Pattern spec = java.util.regex.Pattern.compile("[A-Za-z0-9._-]{1,64}");
    SplittableRandom random = new SplittableRandom(SEED);
    String alphabet = "aZ09._-/ é\u0000:+~";
    for (int i = 0; i < 5000; i++) {
      StringBuilder b = new StringBuilder();
      int n = random.nextInt(0, 70);
      for (int k = 0; k < n; k++) {
        b.append(
            random.nextInt(0, 4) == 0
                ? alphabet.charAt(random.nextInt(alphabet.length()))
                : (char) random.nextInt(32, 127));
      }
      String id = b.toString();
      assertThat(Transaction.isValidChainId(id)).as(id).isEqualTo(spec.matcher(id).matches());
    }
    assertThat(Transaction.isValidChainId("a".repeat(64))).isTrue();
    assertThat(Transaction.isValidChainId("a".repeat(65))).isFalse();
    assertThat(Transaction.isValidChainId("")).isFalse();
  }

  @Test
  void verifyAllMarksTheValidOnesAndLeavesAForgedOneToItsOwnCheck() {
    System.out.println("TransactionTest seed " + SEED);
    SplittableRandom random = new SplittableRandom(SEED);
    java.util.List<Transaction> txs = new java.util.ArrayList<>();
    for (int i = 0; i < 40; i++) {
      txs.add(random(random));
    }
    // The 7th signs other bytes: same fields, the signature of the 8th.
    Transaction honest = txs.get(6);
    Transaction forged =
        new Transaction(
            honest.chainId(),
            honest.sender(),
            honest.nonce(),
            honest.kind(),
            honest.payload(),
            txs.get(7).signature());
    txs.set(6, forged);
    long batchedBefore = org.alliancechain.core.crypto.Ed25519.batchVerified();

    Transaction.verifyAll(txs);

    // SPEC M-26: one equation for the valid 39 failed on the forged one; each then alone.
    for (int i = 0; i < txs.size(); i++) {
      assertThat(txs.get(i).hasValidSignature()).as("transaction %d", i).isEqualTo(i != 6);
    }
    Transaction.verifyAll(txs.subList(7, 40));
    assertThat(org.alliancechain.core.crypto.Ed25519.batchVerified())
        .as("the batch with the forgery failed; the rest were already verified")
        .isEqualTo(batchedBefore);

    java.util.List<Transaction> fresh = new java.util.ArrayList<>();
    for (int i = 0; i < 20; i++) {
      fresh.add(random(random));
    }
    Transaction.verifyAll(fresh);
    assertThat(org.alliancechain.core.crypto.Ed25519.batchVerified())
        .isGreaterThanOrEqualTo(batchedBefore + 20);
    assertThat(fresh).allMatch(Transaction::hasValidSignature);
  }
}
