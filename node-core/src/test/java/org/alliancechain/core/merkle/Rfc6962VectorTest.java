package org.alliancechain.core.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.alliancechain.core.Hex;
import org.alliancechain.core.Verdict;
import org.alliancechain.core.hash.Hash;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every inclusion and consistency proof file of the transparency-dev/merkle project (RFC 6962
 * §2.1.1 and §2.1.2; sources in src/test/resources/vectors/rfc6962/SOURCES.md) must verify, or
 * fail, exactly as its {@code wantErr} says.
 */
class Rfc6962VectorTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Path testdata(String kind) throws URISyntaxException {
    var url = Rfc6962VectorTest.class.getResource("/vectors/rfc6962/testdata/" + kind);
    assertThat(url).as("test vectors on the class path").isNotNull();
    return Path.of(url.toURI());
  }

  private static List<Path> files(String kind) throws IOException, URISyntaxException {
    try (Stream<Path> walk = Files.walk(testdata(kind))) {
      return walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
  }

  private static byte[] bytes(JsonNode node, String field) {
    return Base64.getDecoder().decode(node.get(field).asText());
  }

  private static List<byte[]> proof(JsonNode node) {
    List<byte[]> out = new ArrayList<>();
    JsonNode proof = node.get("proof");
    if (proof != null && !proof.isNull()) {
      proof.forEach(element -> out.add(Base64.getDecoder().decode(element.asText())));
    }
    return out;
  }

  // The files hold unsigned 64-bit numbers; 2^64 - 1 ("0 - 1") wraps to -1, which the
  // verifiers reject as they must reject any size or index of 2^63 or more.
  private static long u64(JsonNode node, String field) {
    return node.get(field).bigIntegerValue().longValue();
  }

  private static String name(Path root, Path file) {
    return root.relativize(file).toString();
  }

  @Test
  void allVectorFilesArePresent() throws Exception {
    // 196 files in the shared copy: a silent loss of files must not make the suite pass.
    assertThat(files("inclusion").size() + files("consistency").size()).isEqualTo(196);
  }

  @TestFactory
  Stream<DynamicTest> inclusionProofsVerifyOrFailAsTheFileSays() throws Exception {
    Path root = testdata("inclusion");
    return files("inclusion").stream()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    name(root, file),
                    () -> {
                      JsonNode c = JSON.readTree(file.toFile());
                      Verdict verdict =
                          MerkleProof.verifyInclusionBytes(
                              bytes(c, "leafHash"),
                              u64(c, "leafIdx"),
                              u64(c, "treeSize"),
                              proof(c),
                              bytes(c, "root"));
                      assertThat(!verdict.isOk())
                          .as("%s (%s): %s", name(root, file), c.get("desc").asText(), verdict)
                          .isEqualTo(c.get("wantErr").asBoolean());
                    }));
  }

  @TestFactory
  Stream<DynamicTest> consistencyProofsVerifyOrFailAsTheFileSays() throws Exception {
    Path root = testdata("consistency");
    return files("consistency").stream()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    name(root, file),
                    () -> {
                      JsonNode c = JSON.readTree(file.toFile());
                      Verdict verdict =
                          MerkleProof.verifyConsistencyBytes(
                              u64(c, "size1"),
                              u64(c, "size2"),
                              proof(c),
                              bytes(c, "root1"),
                              bytes(c, "root2"));
                      assertThat(!verdict.isOk())
                          .as("%s (%s): %s", name(root, file), c.get("desc").asText(), verdict)
                          .isEqualTo(c.get("wantErr").asBoolean());
                    }));
  }

  @Test
  void happyPathProofsAreTheOnesThisCodeGenerates() throws Exception {
    // The happy paths come from the tree of RFC 6962's reference leaves (transparency-dev
    // proof/verify_test.go): regenerating them checks the generator against outside data.
    List<Hash> leaves = referenceLeafHashes();
    for (Path file : files("inclusion")) {
      JsonNode c = JSON.readTree(file.toFile());
      if (!file.getFileName().toString().equals("happy-path.json")) {
        continue;
      }
      int size = (int) u64(c, "treeSize");
      List<byte[]> expected = proof(c);
      List<Hash> generated =
          MerkleProof.inclusionProof(leaves.subList(0, size), (int) u64(c, "leafIdx"));
      assertThat(generated.stream().map(h -> h.toBytes()).toList())
          .as(file.toString())
          .containsExactlyElementsOf(expected);
      assertThat(MerkleTree.rootOfLeafHashes(leaves.subList(0, size)).toBytes())
          .isEqualTo(bytes(c, "root"));
    }
    for (Path file : files("consistency")) {
      JsonNode c = JSON.readTree(file.toFile());
      if (!file.getFileName().toString().equals("happy-path.json")) {
        continue;
      }
      int size2 = (int) u64(c, "size2");
      List<Hash> generated =
          MerkleProof.consistencyProof(leaves.subList(0, size2), (int) u64(c, "size1"));
      assertThat(generated.stream().map(h -> h.toBytes()).toList())
          .as(file.toString())
          .containsExactlyElementsOf(proof(c));
    }
  }

  // The eight leaves of transparency-dev/merkle proof/verify_test.go (hex): "", 00, 10, 2021,
  // 3031, 40414243, 5051525354555657, 606162636465666768696a6b6c6d6e6f.
  private static List<Hash> referenceLeafHashes() {
    String[] hex = {
      "",
      "00",
      "10",
      "2021",
      "3031",
      "40414243",
      "5051525354555657",
      "606162636465666768696a6b6c6d6e6f"
    };
    List<Hash> out = new ArrayList<>();
    for (String h : hex) {
      out.add(MerkleTree.leafHash(Hex.decode(h)));
    }
    return out;
  }
}
