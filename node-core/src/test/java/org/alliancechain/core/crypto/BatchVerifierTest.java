package org.alliancechain.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.alliancechain.core.crypto.EdwardsPoints.Cached;
import org.alliancechain.core.crypto.EdwardsPoints.Point;
import org.junit.jupiter.api.Test;

// Batch verification (docs/crypto.md): the curve arithmetic against the BigInteger textbook
// implementation, and the batch's answers against single verification on the public vectors,
// the speccheck edge cases and seeded random batches with corruptions. Seeds are printed.
class BatchVerifierTest {
  private static final long SEED = Long.getLong("batch.seed", 20261126L);

  private static Random random(String test) {
    System.out.println(test + " seed " + SEED + " (replay with -Dbatch.seed=" + SEED + ")");
    return new Random(SEED);
  }

  private static BigInteger scalar(Random random, int bits) {
    return new BigInteger(bits, random);
  }

  /** [s]P by the batch's multi-scalar multiplication with one term. */
  private static Point times(Point p, BigInteger s, int width) {
    Cached[][] tables = {EdwardsPoints.oddMultiples(p, 1 << (width - 2))};
    byte[][] digits = {BatchVerifier.nafDigits(s, width)};
    return BatchVerifier.straus(tables, digits);
  }

  @Test
  void theBasePointAndConstantMatchTheTextbook() {
    assertThat(EdwardsPoints.BASE.encode()).isEqualTo(ReferenceEd25519.BASE.encode());
    byte[] encodedD = new byte[32];
    org.bouncycastle.math.ec.rfc7748.X25519Field.encode(EdwardsPoints.D, encodedD, 0);
    assertThat(encodedD).isEqualTo(ReferenceEd25519.littleEndian(ReferenceEd25519.D));
  }

  @Test
  void multiplesOfTheBaseAgreeWithTheTextbook() {
    Random random = random("multiplesOfTheBaseAgreeWithTheTextbook");
    for (int round = 0; round < 40; round++) {
      BigInteger s = scalar(random, round < 5 ? round + 1 : 253);
      int width = 4 + round % 5;
      byte[] expected = ReferenceEd25519.BASE.times(s).encode();
      assertThat(times(EdwardsPoints.BASE, s, width).encode())
          .as("[%s]B with width %d", s, width)
          .isEqualTo(expected);
    }
  }

  @Test
  void sumsOfTermsAgreeWithTheTextbook() {
    Random random = random("sumsOfTermsAgreeWithTheTextbook");
    for (int round = 0; round < 10; round++) {
      int terms = 1 + random.nextInt(6);
      Cached[][] tables = new Cached[terms][];
      byte[][] digits = new byte[terms][];
      ReferenceEd25519.Point expected = ReferenceEd25519.IDENTITY;
      for (int j = 0; j < terms; j++) {
        BigInteger a = scalar(random, 252);
        BigInteger s = scalar(random, j % 2 == 0 ? 128 : 253);
        ReferenceEd25519.Point p = ReferenceEd25519.BASE.times(a);
        Point ours = EdwardsPoints.decode(p.encode(), 0);
        tables[j] = EdwardsPoints.oddMultiples(ours, 8);
        digits[j] = BatchVerifier.nafDigits(s, 5);
        expected = expected.add(p.times(s));
      }
      assertThat(BatchVerifier.straus(tables, digits).encode()).isEqualTo(expected.encode());
    }
  }

  @Test
  void decodingAgreesWithTheTextbookOnRandomEncodings() {
    Random random = random("decodingAgreesWithTheTextbookOnRandomEncodings");
    int points = 0;
    for (int round = 0; round < 300; round++) {
      byte[] bytes = new byte[32];
      random.nextBytes(bytes);
      if (!Ed25519.isCanonicalPoint(bytes, 0)) {
        continue;
      }
      ReferenceEd25519.Point expected = ReferenceEd25519.decodeStrict(bytes);
      Point ours = EdwardsPoints.decode(bytes, 0);
      assertThat(ours == null)
          .as("decodes %s", org.alliancechain.core.Hex.encode(bytes))
          .isEqualTo(expected == null);
      if (ours != null) {
        assertThat(ours.encode()).isEqualTo(bytes);
        points++;
      }
    }
    assertThat(points).isGreaterThan(100); // about half of all y have a point
  }

  @Test
  void nafDigitsAreOddBoundedSparseAndSumToTheScalar() {
    Random random = random("nafDigitsAreOddBoundedSparseAndSumToTheScalar");
    for (int round = 0; round < 500; round++) {
      int width = 2 + round % 7;
      BigInteger s = scalar(random, 1 + random.nextInt(253));
      byte[] digits = BatchVerifier.nafDigits(s, width);
      BigInteger sum = BigInteger.ZERO;
      int lastNonZero = -width;
      for (int i = 0; i < digits.length; i++) {
        int d = digits[i];
        if (d != 0) {
          assertThat(d % 2).isNotZero();
          assertThat(Math.abs(d)).isLessThan(1 << (width - 1));
          assertThat(i - lastNonZero).isGreaterThanOrEqualTo(width);
          lastNonZero = i;
        }
        sum = sum.add(BigInteger.valueOf(d).shiftLeft(i));
      }
      assertThat(sum).as("digits of %s, width %d", s, width).isEqualTo(s);
    }
  }

  /** A signature with its key and message (a class: Error Prone forbids array record parts). */
  private static final class Signed {
    private final byte[] key;
    private final byte[] message;
    private final byte[] signature;

    Signed(byte[] key, byte[] message, byte[] signature) {
      this.key = key;
      this.message = message;
      this.signature = signature;
    }

    byte[] key() {
      return key;
    }

    byte[] message() {
      return message;
    }

    byte[] signature() {
      return signature;
    }
  }

  private static List<Signed> signed(Random random, int count, int keys) {
    List<byte[]> secrets = new ArrayList<>();
    List<byte[]> publics = new ArrayList<>();
    for (int k = 0; k < keys; k++) {
      byte[] secret = new byte[32];
      random.nextBytes(secret);
      byte[] pub = new byte[32];
      org.bouncycastle.math.ec.rfc8032.Ed25519.generatePublicKey(secret, 0, pub, 0);
      secrets.add(secret);
      publics.add(pub);
    }
    List<Signed> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int k = random.nextInt(keys);
      byte[] message = new byte[random.nextInt(300)];
      random.nextBytes(message);
      byte[] sig = new byte[64];
      org.bouncycastle.math.ec.rfc8032.Ed25519.sign(
          secrets.get(k), 0, message, 0, message.length, sig, 0);
      out.add(new Signed(publics.get(k), message, sig));
    }
    return out;
  }

  private static List<BatchVerifier.Item> items(List<Signed> signed) {
    List<BatchVerifier.Item> items = new ArrayList<>();
    for (Signed s : signed) {
      items.add(
          new BatchVerifier.Item(
              s.key(),
              EdwardsPoints.decode(s.key(), 0),
              s.message(),
              s.signature(),
              EdwardsPoints.decode(s.signature(), 0)));
    }
    return items;
  }

  private static boolean[] checkAll(List<Signed> batch) {
    return Ed25519.checkAll(
        batch.stream().map(Signed::key).toArray(byte[][]::new),
        batch.stream().map(Signed::message).toArray(byte[][]::new),
        batch.stream().map(Signed::signature).toArray(byte[][]::new));
  }

  private static boolean[] aloneAll(List<Signed> batch) {
    boolean[] out = new boolean[batch.size()];
    for (int i = 0; i < out.length; i++) {
      Signed s = batch.get(i);
      out[i] = Ed25519.verifyRaw(s.key(), s.message(), s.signature());
    }
    return out;
  }

  @Test
  void validSignaturesMakeTheEquationHoldAndOneBadOneBreaksIt() {
    Random random = random("validSignaturesMakeTheEquationHoldAndOneBadOneBreaksIt");
    for (int keys : new int[] {1, 3, 64}) {
      List<Signed> batch = signed(random, 64, keys);
      assertThat(BatchVerifier.holds(items(batch))).as("%d keys", keys).isTrue();
      for (int corruption = 0; corruption < 3; corruption++) {
        if (corruption == 2 && keys == 1) {
          continue; // no other key to swap in
        }
        List<Signed> bad = new ArrayList<>(batch);
        int victim = random.nextInt(bad.size());
        Signed v = bad.get(victim);
        Signed other = bad.get((victim + 1) % bad.size());
        byte[] signature = v.signature().clone();
        signature[32] ^= 1; // S changes in its low bit and stays below L
        Signed corrupted =
            switch (corruption) {
              case 0 ->
                  new Signed(v.key(), java.util.Arrays.copyOf(v.message(), 301), v.signature());
              case 1 -> new Signed(v.key(), v.message(), signature);
              default -> new Signed(other.key(), v.message(), v.signature());
            };
        if (java.util.Arrays.equals(corrupted.key(), v.key()) && corruption == 2) {
          continue; // the neighbour signed with the same key
        }
        bad.set(victim, corrupted);
        assertThat(BatchVerifier.holds(items(bad)))
            .as("%d keys, corruption %d of signature %d", keys, corruption, victim)
            .isFalse();
        boolean[] answers = checkAll(bad);
        assertThat(answers).isEqualTo(aloneAll(bad));
        assertThat(answers[victim]).isFalse();
      }
    }
  }

  @Test
  void aBatchAnswersAsSingleVerificationOnEveryWycheproofVector() {
    Random random = random("aBatchAnswersAsSingleVerificationOnEveryWycheproofVector");
    List<Signed> filler = signed(random, 7, 2);
    int checked = 0;
    for (Ed25519WycheproofTest.Case c : Ed25519WycheproofTest.cases()) {
      if (c.key().size() != 32 || c.sig().size() != 64) {
        continue; // refused on length before any verification
      }
      Signed vector =
          new Signed(c.key().toByteArray(), c.msg().toByteArray(), c.sig().toByteArray());
      List<Signed> batch = new ArrayList<>(filler);
      batch.add(random.nextInt(batch.size() + 1), vector);
      assertThat(checkAll(batch)).as("Wycheproof tcId %d", c.id()).isEqualTo(aloneAll(batch));
      checked++;
    }
    assertThat(checked).isGreaterThan(100);
  }

  @Test
  void aBatchAnswersAsSingleVerificationOnTheSpeccheckEdgeCases() {
    Random random = random("aBatchAnswersAsSingleVerificationOnTheSpeccheckEdgeCases");
    List<Ed25519SpeccheckTest.Case> cases = Ed25519SpeccheckTest.cases();
    List<Signed> all = new ArrayList<>();
    for (Ed25519SpeccheckTest.Case c : cases) {
      all.add(new Signed(c.key(), c.msg(), c.sig()));
    }
    // Each case among valid signatures, and all twelve in one batch (mixed-order keys and nonces
    // that only the cofactored equation accepts must be accepted by the batch as well).
    List<Signed> filler = signed(random, 5, 2);
    for (int i = 0; i < all.size(); i++) {
      List<Signed> batch = new ArrayList<>(filler);
      batch.add(all.get(i));
      assertThat(checkAll(batch)).as("speccheck case %d", i).isEqualTo(aloneAll(batch));
    }
    assertThat(checkAll(all)).isEqualTo(aloneAll(all));
    List<Signed> accepted = all.stream().filter(s -> aloneAll(List.of(s))[0]).toList();
    assertThat(accepted).hasSizeGreaterThanOrEqualTo(4); // cases 2 to 5
    assertThat(BatchVerifier.holds(items(accepted))).isTrue();
  }

  @Test
  void seededRandomBatchesAnswerAsSingleVerification() {
    Random random = random("seededRandomBatchesAnswerAsSingleVerification");
    for (int round = 0; round < 20; round++) {
      List<Signed> batch = new ArrayList<>(signed(random, 1 + random.nextInt(40), 4));
      int corruptions = random.nextInt(3);
      for (int c = 0; c < corruptions; c++) {
        int victim = random.nextInt(batch.size());
        Signed v = batch.get(victim);
        byte[] signature = v.signature().clone();
        signature[random.nextInt(64)] ^= (byte) (1 << random.nextInt(8));
        batch.set(victim, new Signed(v.key(), v.message(), signature));
      }
      assertThat(checkAll(batch)).as("round %d", round).isEqualTo(aloneAll(batch));
    }
  }
}
