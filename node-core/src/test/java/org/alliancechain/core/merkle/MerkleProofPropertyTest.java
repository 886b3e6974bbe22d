package org.alliancechain.core.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.alliancechain.core.Verdict;
import org.alliancechain.core.hash.Hash;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Property tests of RFC 6962 proofs over random trees: every honest proof verifies, and every
 * tampered one fails (RFC 6962 §2.1.1, §2.1.2; RFC 9162 §2.1.3.2, §2.1.4.2). Replay a run with
 * {@code -Dmerkle.seed=<seed>}.
 */
class MerkleProofPropertyTest {
  private static long seed;

  @BeforeAll
  static void chooseSeed() {
    seed = Long.getLong("merkle.seed", System.nanoTime());
    System.out.println("MerkleProofPropertyTest seed: -Dmerkle.seed=" + seed);
  }

  private static List<Hash> randomLeafHashes(SplittableRandom random, int size) {
    List<Hash> out = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      byte[] leaf = new byte[random.nextInt(1, 24)];
      random.nextBytes(leaf);
      out.add(MerkleTree.leafHash(leaf));
    }
    return out;
  }

  /** Sizes 1..40 exhaustively, then random ones up to 700 (powers of two and neighbours too). */
  private static List<Integer> sizes(SplittableRandom random) {
    List<Integer> sizes = new ArrayList<>();
    for (int n = 1; n <= 40; n++) {
      sizes.add(n);
    }
    for (int p = 64; p <= 512; p *= 2) {
      sizes.addAll(List.of(p - 1, p, p + 1));
    }
    for (int i = 0; i < 10; i++) {
      sizes.add(random.nextInt(41, 700));
    }
    return sizes;
  }

  private static List<Integer> sample(SplittableRandom random, int bound, int count) {
    List<Integer> out = new ArrayList<>();
    if (bound <= count) {
      for (int i = 0; i < bound; i++) {
        out.add(i);
      }
    } else {
      for (int i = 0; i < count; i++) {
        out.add(random.nextInt(bound));
      }
    }
    return out;
  }

  private static Hash flipBit(SplittableRandom random, Hash hash) {
    byte[] bytes = hash.toBytes();
    bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
    return Hash.of(bytes);
  }

  private static Hash randomHash(SplittableRandom random) {
    byte[] bytes = new byte[Hash.SIZE_BYTES];
    random.nextBytes(bytes);
    return Hash.of(bytes);
  }

  private static List<Hash> with(List<Hash> list, int index, Hash value) {
    List<Hash> out = new ArrayList<>(list);
    out.set(index, value);
    return out;
  }

  private static List<Hash> inserted(List<Hash> list, int index, Hash value) {
    List<Hash> out = new ArrayList<>(list);
    out.add(index, value);
    return out;
  }

  private static List<Hash> removed(List<Hash> list, int index) {
    List<Hash> out = new ArrayList<>(list);
    out.remove(index);
    return out;
  }

  @Test
  void everyInclusionProofVerifiesAndEveryTamperedOneFails() {
    SplittableRandom random = new SplittableRandom(seed);
    for (int n : sizes(random)) {
      List<Hash> leaves = randomLeafHashes(random, n);
      Hash root = MerkleTree.rootOfLeafHashes(leaves);
      for (int i : sample(random, n, 24)) {
        List<Hash> proof = MerkleProof.inclusionProof(leaves, i);
        Hash leaf = leaves.get(i);
        String at = "seed " + seed + ", size " + n + ", index " + i;
        assertThat(proof).as(at).hasSize(directions(i, n).size());
        assertThat(MerkleProof.verifyInclusion(leaf, i, n, proof, root).isOk()).as(at).isTrue();
        checkTamperedInclusionFails(random, leaves, i, proof, root, at);
      }
    }
  }

  private static void checkTamperedInclusionFails(
      SplittableRandom random, List<Hash> leaves, int i, List<Hash> proof, Hash root, String at) {
    int n = leaves.size();
    Hash leaf = leaves.get(i);
    for (int j = 0; j < proof.size(); j++) {
      assertFails(
          leaf, i, n, with(proof, j, flipBit(random, proof.get(j))), root, at + " flip " + j);
      assertFails(leaf, i, n, removed(proof, j), root, at + " missing element " + j);
      assertFails(leaf, i, n, inserted(proof, j, proof.get(j)), root, at + " doubled " + j);
    }
    assertFails(flipBit(random, leaf), i, n, proof, root, at + " changed leaf");
    assertFails(leaf, i, n, proof, flipBit(random, root), at + " changed root");
    assertFails(leaf, i, n, inserted(proof, proof.size(), randomHash(random)), root, at + " trail");
    assertFails(leaf, i, n, inserted(proof, proof.size(), root), root, at + " trailing root");
    assertFails(leaf, i, n, inserted(proof, 0, randomHash(random)), root, at + " leading");
    if (n > 1) {
      int other = (i + 1 + random.nextInt(n - 1)) % n;
      assertFails(leaf, other, n, proof, root, at + " wrong index " + other);
    }
    assertFails(leaf, n, n, proof, root, at + " index = size");
    assertFails(leaf, i + (long) n, n, proof, root, at + " index + size");
    assertFails(leaf, -1, n, proof, root, at + " negative index");
    checkWrongSizes(random, leaf, i, n, proof, root, at);
  }

  /**
   * An RFC 6962 root does not commit to the tree size (that is why the size must be authenticated:
   * our headers sign txCount). A proof checked against another size fails exactly when the path
   * from leaf i differs in shape; with the same shape the computation is the same one.
   */
  private static void checkWrongSizes(
      SplittableRandom random, Hash leaf, int i, int n, List<Hash> proof, Hash root, String at) {
    List<Long> wrong = new ArrayList<>(List.of(2L * n, n / 2L, n + 1L, n - 1L, 0L, -1L));
    for (int k = 0; k < 4; k++) {
      wrong.add((long) random.nextInt(1, 2 * n + 3));
    }
    for (long size : wrong) {
      if (size == n) {
        continue;
      }
      boolean sameShape = size > i && directions(i, size).equals(directions(i, n));
      Verdict verdict = MerkleProof.verifyInclusion(leaf, i, size, proof, root);
      assertThat(verdict.isOk())
          .as(at + " claimed size " + size + ": " + verdict)
          .isEqualTo(sameShape);
    }
  }

  private static void assertFails(
      Hash leaf, long index, long size, List<Hash> proof, Hash root, String what) {
    Verdict verdict = MerkleProof.verifyInclusion(leaf, index, size, proof, root);
    assertThat(verdict.isOk()).as(what).isFalse();
    assertThat(verdict.reason()).as(what).isNotBlank();
  }

  /**
   * The shape of the path from leaf m to the root of a tree of n leaves, leaf level first: for each
   * level, whether the sibling is on the left. Straight from RFC 6962 §2.1.1's PATH.
   */
  static List<Boolean> directions(long m, long n) {
    if (n == 1) {
      return new ArrayList<>();
    }
    long k = Long.highestOneBit(n - 1);
    List<Boolean> out = m < k ? directions(m, k) : directions(m - k, n - k);
    out.add(m >= k);
    return out;
  }

  @Test
  void everyConsistencyProofVerifiesAndEveryTamperedOneFails() {
    SplittableRandom random = new SplittableRandom(seed + 1);
    for (int n : sizes(random)) {
      List<Hash> leaves = randomLeafHashes(random, n);
      Hash root2 = MerkleTree.rootOfLeafHashes(leaves);
      for (int m : sample(random, n, 16)) {
        int size1 = m + 1;
        Hash root1 = MerkleTree.rootOfLeafHashes(leaves.subList(0, size1));
        List<Hash> proof = MerkleProof.consistencyProof(leaves, size1);
        String at = "seed " + seed + ", sizes " + size1 + " -> " + n;
        Verdict verdict = MerkleProof.verifyConsistency(size1, n, proof, root1, root2);
        assertThat(verdict.isOk()).as(at + ": " + verdict).isTrue();
        if (size1 < n) {
          checkTamperedConsistencyFails(random, size1, n, proof, root1, root2, at);
        } else {
          assertThat(proof).as(at).isEmpty();
        }
      }
    }
  }

  private static void checkTamperedConsistencyFails(
      SplittableRandom random, int m, int n, List<Hash> proof, Hash r1, Hash r2, String at) {
    for (int j = 0; j < proof.size(); j++) {
      assertConsistencyFails(m, n, with(proof, j, flipBit(random, proof.get(j))), r1, r2, at);
      assertConsistencyFails(m, n, removed(proof, j), r1, r2, at + " missing " + j);
      assertConsistencyFails(m, n, inserted(proof, j, proof.get(j)), r1, r2, at + " doubled " + j);
    }
    assertConsistencyFails(m, n, proof, flipBit(random, r1), r2, at + " changed old root");
    assertConsistencyFails(m, n, proof, r1, flipBit(random, r2), at + " changed new root");
    assertConsistencyFails(m, n, proof, r2, r1, at + " swapped roots");
    assertConsistencyFails(m, n, inserted(proof, proof.size(), r2), r1, r2, at + " trailing");
    assertConsistencyFails(m, n, inserted(proof, 0, r1), r1, r2, at + " leading root1");
    assertConsistencyFails(m, n, List.of(), r1, r2, at + " empty proof");
    assertConsistencyFails(0, n, proof, r1, r2, at + " old size 0");
    assertConsistencyFails(n, m, proof, r1, r2, at + " sizes swapped");
    for (int k = 0; k < 3 && n > 2; k++) {
      int other = random.nextInt(1, n);
      if (other != m) {
        assertConsistencyFails(other, n, proof, r1, r2, at + " old size " + other);
      }
    }
    for (long size2 : List.of(2L * n, n + 1L, n - 1L, n + (long) random.nextInt(1, n + 2))) {
      if (size2 <= m) {
        assertConsistencyFails(m, size2, proof, r1, r2, at + " new size " + size2);
        continue;
      }
      // As for inclusion, the new root does not commit to its size: another size2 verifies
      // exactly when the path above the old tree has the same shape.
      boolean sameShape = consistencyShape(m, size2).equals(consistencyShape(m, n));
      Verdict verdict = MerkleProof.verifyConsistency(m, size2, proof, r1, r2);
      assertThat(verdict.isOk()).as(at + " claimed new size " + size2).isEqualTo(sameShape);
    }
  }

  /**
   * The old tree's last 2^s leaves (s = trailing zeros of m) form one node of the new tree; a
   * consistency proof is that node's path to the new root: its shape is the leaf path's shape above
   * level s.
   */
  private static List<Boolean> consistencyShape(long m, long n) {
    List<Boolean> path = directions(m - 1, n);
    return path.subList(Long.numberOfTrailingZeros(m), path.size());
  }

  private static void assertConsistencyFails(
      long m, long n, List<Hash> proof, Hash r1, Hash r2, String what) {
    Verdict verdict = MerkleProof.verifyConsistency(m, n, proof, r1, r2);
    assertThat(verdict.isOk()).as(what).isFalse();
    assertThat(verdict.reason()).as(what).isNotBlank();
  }

  @Test
  void wireFormRejectsElementsThatAreNotHashSized() {
    SplittableRandom random = new SplittableRandom(seed + 2);
    List<Hash> leaves = randomLeafHashes(random, 11);
    List<Hash> proof = MerkleProof.inclusionProof(leaves, 3);
    List<byte[]> wire = new ArrayList<>(proof.stream().map(Hash::toBytes).toList());
    byte[] root = MerkleTree.rootOfLeafHashes(leaves).toBytes();
    byte[] leaf = leaves.get(3).toBytes();
    assertThat(MerkleProof.verifyInclusionBytes(leaf, 3, 11, wire, root).isOk()).isTrue();
    wire.set(1, java.util.Arrays.copyOf(wire.get(1), 33));
    assertThat(MerkleProof.verifyInclusionBytes(leaf, 3, 11, wire, root).reason())
        .isEqualTo("bad_hash_length");
    assertThat(
            MerkleProof.verifyInclusionBytes(
                    new byte[31], 3, 11, proof.stream().map(Hash::toBytes).toList(), root)
                .reason())
        .isEqualTo("bad_hash_length");
  }

  @Test
  void proofsOverTheLengthLimitAreRejectedBeforeHashing() {
    List<Hash> tooMany = new ArrayList<>();
    for (int i = 0; i <= MerkleProof.PROOF_HASHES_MAX; i++) {
      tooMany.add(Hash.ZERO);
    }
    assertThat(
            MerkleProof.verifyInclusion(Hash.ZERO, 0, Long.MAX_VALUE, tooMany, Hash.ZERO).reason())
        .isEqualTo("proof_too_long");
  }
}
