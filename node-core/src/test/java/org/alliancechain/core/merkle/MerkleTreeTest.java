package org.alliancechain.core.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.alliancechain.core.hash.Hash;
import org.alliancechain.core.hash.Sha256;
import org.junit.jupiter.api.Test;

// RFC 6962 §2.1: Merkle tree hashing.
class MerkleTreeTest {

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void emptyTreeRootIsSha256OfNothing() {
    // Known answer from shared/vectors/README.md (RFC 6962 §2.1: MTH({}) = SHA-256()).
    String expected = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    assertThat(MerkleTree.rootOfLeafHashes(List.of()).toHex()).isEqualTo(expected);
    assertThat(MerkleTree.root(List.of()).toHex()).isEqualTo(expected);
    assertThat(MerkleTree.emptyRoot().toHex()).isEqualTo(expected);
  }

  @Test
  void leafHashesMatchKnownAnswers() {
    // Known answers from shared/vectors/README.md: SHA-256(0x00 ‖ leaf).
    assertThat(MerkleTree.leafHash(new byte[0]).toHex())
        .isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
    assertThat(MerkleTree.leafHash(ascii("L123456")).toHex())
        .isEqualTo("395aa064aa4c29f7010acfe3f25db9485bbd4b91897b6ad7ad547639252b4d56");
  }

  @Test
  void nodeHashMatchesKnownAnswer() {
    // Known answer from shared/vectors/README.md: SHA-256(0x01 ‖ "N123" ‖ "N456").
    assertThat(MerkleTree.nodeHashOfBytes(ascii("N123"), ascii("N456")).toHex())
        .isEqualTo("aa217fe888e47007fa15edab33c2b492a722cb106c64667fc2b044444de66bbb");
  }

  @Test
  void nodeHashOfHashesEqualsNodeHashOfTheirBytes() {
    Hash left = Sha256.hash(ascii("left"));
    Hash right = Sha256.hash(ascii("right"));
    assertThat(MerkleTree.nodeHash(left, right))
        .isEqualTo(MerkleTree.nodeHashOfBytes(left.toBytes(), right.toBytes()))
        .isNotEqualTo(MerkleTree.nodeHash(right, left));
  }

  @Test
  void singleLeafRootIsItsLeafHash() {
    // RFC 6962 §2.1: MTH({d(0)}) = SHA-256(0x00 || d(0)).
    byte[] leaf = ascii("only");
    assertThat(MerkleTree.root(List.of(leaf))).isEqualTo(MerkleTree.leafHash(leaf));
  }

  @Test
  void rootEqualsRecursiveReferenceForSizesUpTo300() {
    SplittableRandom random = new SplittableRandom(6962);
    List<byte[]> leaves = new ArrayList<>();
    for (int size = 0; size <= 300; size++) {
      assertThat(MerkleTree.root(leaves)).as("size %d", size).isEqualTo(referenceRoot(leaves));
      byte[] leaf = new byte[random.nextInt(0, 40)];
      random.nextBytes(leaf);
      leaves.add(leaf);
    }
  }

  @Test
  void rootDoesNotDependOnHowTheListIsHeld() {
    List<Hash> leafHashes = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      leafHashes.add(MerkleTree.leafHash(new byte[] {(byte) i}));
    }
    Hash before = MerkleTree.rootOfLeafHashes(leafHashes);
    // The bottom-up loop works on a copy: the caller's list must be left unchanged.
    assertThat(MerkleTree.rootOfLeafHashes(leafHashes)).isEqualTo(before);
    assertThat(leafHashes.get(0)).isEqualTo(MerkleTree.leafHash(new byte[] {0}));
  }

  /** RFC 6962 §2.1 written as literally as possible, with its own SHA-256 calls. */
  private static Hash referenceRoot(List<byte[]> leaves) {
    int n = leaves.size();
    if (n == 0) {
      return Hash.of(sha256());
    }
    if (n == 1) {
      return Hash.of(sha256(new byte[] {0}, leaves.get(0)));
    }
    int k = 1;
    while (k * 2 < n) {
      k *= 2;
    }
    byte[] left = referenceRoot(leaves.subList(0, k)).toBytes();
    byte[] right = referenceRoot(leaves.subList(k, n)).toBytes();
    return Hash.of(sha256(new byte[] {1}, left, right));
  }

  private static byte[] sha256(byte[]... parts) {
    MessageDigest digest = Sha256.newDigest();
    for (byte[] part : parts) {
      digest.update(part);
    }
    return digest.digest();
  }
}
