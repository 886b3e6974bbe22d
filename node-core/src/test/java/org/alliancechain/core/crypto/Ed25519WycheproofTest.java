package org.alliancechain.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.alliancechain.core.Bytes;
import org.junit.jupiter.api.Test;

// Wycheproof ed25519_test.json (C2SP/wycheproof, see vectors/ed25519/SOURCES.md): every vector
// with the outcome the profile gives. The file has only "valid" and "invalid" results; an
// "acceptable" one would need an explicit decision in docs/crypto.md, so the test refuses it.
class Ed25519WycheproofTest {
  record Case(
      int id, String comment, List<String> flags, Bytes key, Bytes msg, Bytes sig, String result) {}

  static List<Case> cases() {
    JsonNode root = VectorFiles.readJson("wycheproof-ed25519_test.json");
    List<Case> out = new ArrayList<>();
    for (JsonNode group : root.get("testGroups")) {
      Bytes key = Bytes.fromHex(group.get("publicKey").get("pk").asText());
      for (JsonNode test : group.get("tests")) {
        List<String> flags = new ArrayList<>();
        test.get("flags").forEach(f -> flags.add(f.asText()));
        out.add(
            new Case(
                test.get("tcId").asInt(),
                test.get("comment").asText(),
                flags,
                key,
                Bytes.fromHex(test.get("msg").asText()),
                Bytes.fromHex(test.get("sig").asText()),
                test.get("result").asText()));
      }
    }
    assertThat(out).hasSize(root.get("numberOfTests").asInt());
    return out;
  }

  @Test
  void everyVectorIsReadAndHasADecidedOutcome() {
    List<Case> all = cases();
    assertThat(all).hasSize(151);
    assertThat(all).extracting(Case::result).containsOnly("valid", "invalid");
  }

  @Test
  void everyValidVectorVerifies() {
    List<Case> valid = cases().stream().filter(c -> c.result().equals("valid")).toList();
    assertThat(valid).hasSize(88);
    for (Case c : valid) {
      assertThat(
              Ed25519.verifyRaw(
                  c.key().unsafeArray(), c.msg().unsafeArray(), c.sig().unsafeArray()))
          .as("tcId %d %s %s", c.id(), c.comment(), c.flags())
          .isTrue();
    }
  }

  @Test
  void everyInvalidVectorIsRejected() {
    List<Case> invalid = cases().stream().filter(c -> c.result().equals("invalid")).toList();
    assertThat(invalid).hasSize(63);
    for (Case c : invalid) {
      assertThat(
              Ed25519.verifyRaw(
                  c.key().unsafeArray(), c.msg().unsafeArray(), c.sig().unsafeArray()))
          .as("tcId %d %s %s", c.id(), c.comment(), c.flags())
          .isFalse();
    }
  }

  @Test
  void malleatedSignaturesAreRejectedForTheirRangeOfS() {
    // Wycheproof "SignatureMalleability": S + L or similar, on a 64-byte signature. The rejection
    // must come from the S < L rule (RFC 8032 §5.1.7), not from the equation.
    List<Case> malleated =
        cases().stream()
            .filter(c -> c.flags().contains("SignatureMalleability") && c.sig().size() == 64)
            .toList();
    assertThat(malleated).isNotEmpty();
    for (Case c : malleated) {
      assertThat(
              Ed25519.checkRaw(c.key().unsafeArray(), c.msg().unsafeArray(), c.sig().unsafeArray())
                  .reason())
          .as("tcId %d %s", c.id(), c.comment())
          .isEqualTo(Ed25519.Rejection.SIGNATURE_S_NOT_REDUCED.code());
    }
  }
}
