package org.alliancechain.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.alliancechain.core.Hex;
import org.alliancechain.core.crypto.ReferenceEd25519.Kind;
import org.alliancechain.core.crypto.ReferenceEd25519.Point;
import org.junit.jupiter.api.Test;

// The 12 edge cases of novifinancial/ed25519-speccheck (cases.json; see SOURCES.md), after
// Chalkias, Garillot, Nikolaenko, "Taming the many EdDSAs" (2020), Table 2. For each case the test
// states what the case is (orders of A and R, canonical or not, S < L, which equations hold),
// checks that with the BigInteger reference implementation, and pins the profile's outcome and
// reason. The same table is in docs/crypto.md.
class Ed25519SpeccheckTest {
  private static final String ACCEPT = "ok";
  private static final String S_NOT_REDUCED = Ed25519.Rejection.SIGNATURE_S_NOT_REDUCED.code();
  private static final String R_NON_CANONICAL = Ed25519.Rejection.SIGNATURE_R_NON_CANONICAL.code();
  private static final String KEY_NON_CANONICAL = Ed25519.Rejection.KEY_NON_CANONICAL.code();
  private static final String KEY_SMALL_ORDER = Ed25519.Rejection.KEY_SMALL_ORDER.code();

  /**
   * One case: A's and R's order class and canonicity, whether S < L, whether the cofactorless ([S]B
   * = R + [k]A) and cofactored ([8][S]B = [8]R + [8][k]A) equations hold with k hashed over the
   * bytes as received, and the profile's verdict reason.
   */
  record Expected(
      int index,
      Kind a,
      boolean aCanonical,
      Kind r,
      boolean rCanonical,
      boolean sReduced,
      boolean cofactorless,
      boolean cofactored,
      String profile) {}

  // Case 8 is listed by speccheck as cofactored-valid: it holds only if R is re-encoded before
  // hashing, while RFC 8032 hashes R as received (checked in caseEightNeedsReEncodedR).
  static final List<Expected> TABLE =
      List.of(
          new Expected(0, Kind.SMALL, true, Kind.SMALL, true, true, true, true, KEY_SMALL_ORDER),
          new Expected(1, Kind.SMALL, true, Kind.MIXED, true, true, true, true, KEY_SMALL_ORDER),
          new Expected(2, Kind.MIXED, true, Kind.SMALL, true, true, true, true, ACCEPT),
          new Expected(3, Kind.MIXED, true, Kind.MIXED, true, true, true, true, ACCEPT),
          new Expected(4, Kind.MIXED, true, Kind.MIXED, true, true, false, true, ACCEPT),
          new Expected(5, Kind.MIXED, true, Kind.PRIME, true, true, false, true, ACCEPT),
          new Expected(6, Kind.PRIME, true, Kind.PRIME, true, false, true, true, S_NOT_REDUCED),
          new Expected(7, Kind.PRIME, true, Kind.PRIME, true, false, true, true, S_NOT_REDUCED),
          new Expected(8, Kind.MIXED, true, Kind.SMALL, false, true, false, false, R_NON_CANONICAL),
          new Expected(9, Kind.MIXED, true, Kind.SMALL, false, true, true, true, R_NON_CANONICAL),
          new Expected(
              10, Kind.SMALL, false, Kind.MIXED, true, true, false, true, KEY_NON_CANONICAL),
          new Expected(
              11, Kind.SMALL, false, Kind.MIXED, true, true, true, true, KEY_NON_CANONICAL));

  /** One case's inputs (a class, not a record: Error Prone forbids array record components). */
  static final class Case {
    private final byte[] key;
    private final byte[] msg;
    private final byte[] sig;

    Case(byte[] key, byte[] msg, byte[] sig) {
      this.key = key;
      this.msg = msg;
      this.sig = sig;
    }

    byte[] key() {
      return key;
    }

    byte[] msg() {
      return msg;
    }

    byte[] sig() {
      return sig;
    }
  }

  static List<Case> cases() {
    JsonNode root = VectorFiles.readJson("speccheck-cases.json");
    List<Case> out = new ArrayList<>();
    for (JsonNode c : root) {
      out.add(
          new Case(
              Hex.decode(c.get("pub_key").asText()),
              Hex.decode(c.get("message").asText()),
              Hex.decode(c.get("signature").asText())));
    }
    return out;
  }

  @Test
  void theProfileGivesTheStatedOutcomeForEachCase() {
    List<Case> cases = cases();
    assertThat(cases).hasSize(12);
    for (Expected e : TABLE) {
      Case c = cases.get(e.index());
      assertThat(Ed25519.checkRaw(c.key(), c.msg(), c.sig()).reason())
          .as("speccheck case %d", e.index())
          .isEqualTo(e.profile());
      assertThat(Ed25519.verifyRaw(c.key(), c.msg(), c.sig()))
          .as("speccheck case %d", e.index())
          .isEqualTo(e.profile().equals(ACCEPT));
    }
  }

  @Test
  void eachCaseIsWhatTheTableSaysItIs() {
    // Independent of Bouncy Castle: the BigInteger reference classifies each input.
    List<Case> cases = cases();
    for (Expected e : TABLE) {
      Case c = cases.get(e.index());
      byte[] r = Arrays.copyOfRange(c.sig(), 0, 32);
      BigInteger s = ReferenceEd25519.unsignedLittleEndian(Arrays.copyOfRange(c.sig(), 32, 64));
      String what = "speccheck case " + e.index();
      assertThat(ReferenceEd25519.decodeLax(c.key()).kind()).as(what + " A").isEqualTo(e.a());
      assertThat(ReferenceEd25519.isCanonical(c.key())).as(what + " A").isEqualTo(e.aCanonical());
      assertThat(ReferenceEd25519.decodeLax(r).kind()).as(what + " R").isEqualTo(e.r());
      assertThat(ReferenceEd25519.isCanonical(r)).as(what + " R").isEqualTo(e.rCanonical());
      assertThat(s.compareTo(ReferenceEd25519.L) < 0).as(what + " S").isEqualTo(e.sReduced());
      assertThat(ReferenceEd25519.verifyCofactorless(c.key(), c.msg(), c.sig()))
          .as(what + " cofactorless")
          .isEqualTo(e.cofactorless());
      assertThat(ReferenceEd25519.verifyCofactored(c.key(), c.msg(), c.sig()))
          .as(what + " cofactored")
          .isEqualTo(e.cofactored());
    }
  }

  @Test
  void caseEightNeedsReEncodedR() {
    // speccheck builds case 8 for verifiers that hash the re-encoded R and case 9 for those that
    // hash R as received; the profile rejects both for the non-canonical R before any hashing.
    List<Case> cases = cases();
    assertThat(cofactoredWithReEncodedR(cases.get(8))).isTrue();
    assertThat(cofactoredWithReEncodedR(cases.get(9))).isFalse();
  }

  private static boolean cofactoredWithReEncodedR(Case c) {
    Point pr = ReferenceEd25519.decodeLax(Arrays.copyOfRange(c.sig(), 0, 32));
    Point pa = ReferenceEd25519.decodeLax(c.key());
    BigInteger s = ReferenceEd25519.unsignedLittleEndian(Arrays.copyOfRange(c.sig(), 32, 64));
    BigInteger k = ReferenceEd25519.challenge(pr.encode(), c.key(), c.msg());
    return ReferenceEd25519.BASE.times(s).times(8).sameAs(pr.add(pa.times(k)).times(8));
  }
}
