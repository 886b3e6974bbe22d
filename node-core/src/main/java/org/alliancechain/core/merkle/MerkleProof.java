package org.alliancechain.core.merkle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.alliancechain.core.Verdict;
import org.alliancechain.core.hash.Hash;

/**
 * RFC 6962 inclusion and consistency proofs: generation follows the RFC's recursive definitions
 * (§2.1.1 PATH, §2.1.2 SUBPROOF), verification the iterative algorithms of RFC 9162 §2.1.3.2 and
 * §2.1.4.2, so that the two halves are written independently of each other.
 *
 * <p>Proof elements are ordered from the leaf level up, as in both RFCs. A root does not commit to
 * the tree size: the size a verifier passes must come from an authenticated source (for
 * transactions, the header's {@code txCount}, which the commit certificate signs).
 *
 * <p>The {@code ...Bytes} verifiers take the wire form (byte strings of any length) and reject leaf
 * hashes and proof elements that are not 32 bytes; the {@link Hash} forms delegate to them.
 */
public final class MerkleProof {
  /** A tree of at most 2^63 leaves has paths of at most 63 nodes; more can never verify. */
  public static final int PROOF_HASHES_MAX = 64;

  private MerkleProof() {}

  // ---- Generation (RFC 6962 §2.1.1 and §2.1.2) ----

  /** The audit path of leaf {@code index} in the tree over {@code leafHashes}. */
  public static List<Hash> inclusionProof(List<Hash> leafHashes, int index) {
    if (index < 0 || index >= leafHashes.size()) {
      throw new IllegalArgumentException(
          "leaf index " + index + " outside a tree of " + leafHashes.size() + " leaves");
    }
    List<Hash> out = new ArrayList<>();
    path(index, leafHashes, out);
    return List.copyOf(out);
  }

  // PATH(m, D[n]) = PATH(m, D[0:k]) : MTH(D[k:n]) for m < k, PATH(m - k, D[k:n]) : MTH(D[0:k]).
  private static void path(int m, List<Hash> leaves, List<Hash> out) {
    int n = leaves.size();
    if (n == 1) {
      return;
    }
    int k = MerkleTree.splitPoint(n);
    if (m < k) {
      path(m, leaves.subList(0, k), out);
      out.add(MerkleTree.rootOfLeafHashes(leaves.subList(k, n)));
    } else {
      path(m - k, leaves.subList(k, n), out);
      out.add(MerkleTree.rootOfLeafHashes(leaves.subList(0, k)));
    }
  }

  /**
   * The proof that the tree over the first {@code size1} leaves is a prefix of the tree over all of
   * {@code leafHashes}. Empty when the sizes are equal; {@code size1 = 0} has no proof (every tree
   * extends the empty one, and verifiers reject such claims as meaningless).
   */
  public static List<Hash> consistencyProof(List<Hash> leafHashes, int size1) {
    if (size1 <= 0 || size1 > leafHashes.size()) {
      throw new IllegalArgumentException(
          "old size " + size1 + " must be in 1.." + leafHashes.size());
    }
    List<Hash> out = new ArrayList<>();
    subproof(size1, leafHashes, true, out);
    return List.copyOf(out);
  }

  // SUBPROOF(m, D[m], true) = {}; SUBPROOF(m, D[m], false) = {MTH(D[m])};
  // m <= k: SUBPROOF(m, D[0:k], b) : MTH(D[k:n]); m > k: SUBPROOF(m - k, D[k:n], false) :
  // MTH(D[0:k]).
  private static void subproof(int m, List<Hash> leaves, boolean whole, List<Hash> out) {
    int n = leaves.size();
    if (m == n) {
      if (!whole) {
        out.add(MerkleTree.rootOfLeafHashes(leaves));
      }
      return;
    }
    int k = MerkleTree.splitPoint(n);
    if (m <= k) {
      subproof(m, leaves.subList(0, k), whole, out);
      out.add(MerkleTree.rootOfLeafHashes(leaves.subList(k, n)));
    } else {
      subproof(m - k, leaves.subList(k, n), false, out);
      out.add(MerkleTree.rootOfLeafHashes(leaves.subList(0, k)));
    }
  }

  // ---- Verification (RFC 9162 §2.1.3.2 and §2.1.4.2) ----

  public static Verdict verifyInclusion(
      Hash leafHash, long index, long size, List<Hash> proof, Hash root) {
    return verifyInclusionBytes(
        leafHash.toBytes(), index, size, toByteArrays(proof), root.toBytes());
  }

  /** Checks that {@code leafHash} is leaf {@code index} of the tree of {@code size} with root. */
  public static Verdict verifyInclusionBytes(
      byte[] leafHash, long index, long size, List<byte[]> proof, byte[] root) {
    if (index < 0 || size < 0) {
      return Verdict.reject("invalid_size", "index " + index + " and size " + size);
    }
    if (index >= size) {
      return Verdict.reject("index_out_of_range", "index " + index + " in a tree of " + size);
    }
    if (leafHash.length != Hash.SIZE_BYTES) {
      return Verdict.reject("bad_hash_length", "leaf hash has " + leafHash.length + " bytes");
    }
    Verdict shape = checkElements(proof);
    if (!shape.isOk()) {
      return shape;
    }
    long fn = index;
    long sn = size - 1;
    Hash r = Hash.of(leafHash);
    for (byte[] element : proof) {
      if (sn == 0) {
        return tooLong(proof);
      }
      Hash p = Hash.of(element);
      if ((fn & 1) == 1 || fn == sn) {
        r = MerkleTree.nodeHash(p, r);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>= 1;
          sn >>= 1;
        }
      } else {
        r = MerkleTree.nodeHash(r, p);
      }
      fn >>= 1;
      sn >>= 1;
    }
    if (sn != 0) {
      return Verdict.reject("proof_too_short", proof.size() + " elements");
    }
    return matches(r, root, "root");
  }

  public static Verdict verifyConsistency(
      long size1, long size2, List<Hash> proof, Hash root1, Hash root2) {
    return verifyConsistencyBytes(
        size1, size2, toByteArrays(proof), root1.toBytes(), root2.toBytes());
  }

  /** Checks that the tree of {@code size1} with {@code root1} is a prefix of the one of size2. */
  public static Verdict verifyConsistencyBytes(
      long size1, long size2, List<byte[]> proof, byte[] root1, byte[] root2) {
    Verdict trivial = checkConsistencySizes(size1, size2, proof, root1, root2);
    if (trivial != null) {
      return trivial;
    }
    Verdict shape = checkElements(proof);
    if (!shape.isOk()) {
      return shape;
    }
    if (root1.length != Hash.SIZE_BYTES || root2.length != Hash.SIZE_BYTES) {
      return Verdict.reject("bad_hash_length", "roots must have 32 bytes");
    }
    List<byte[]> path = new ArrayList<>(proof.size() + 1);
    if (Long.bitCount(size1) == 1) {
      path.add(root1); // The old tree is a complete subtree of the new one: its root is the seed.
    }
    path.addAll(proof);
    long fn = size1 - 1;
    long sn = size2 - 1;
    while ((fn & 1) == 1) {
      fn >>= 1;
      sn >>= 1;
    }
    Hash fr = Hash.of(path.get(0));
    Hash sr = fr;
    for (byte[] element : path.subList(1, path.size())) {
      if (sn == 0) {
        return tooLong(proof);
      }
      Hash c = Hash.of(element);
      if ((fn & 1) == 1 || fn == sn) {
        fr = MerkleTree.nodeHash(c, fr);
        sr = MerkleTree.nodeHash(c, sr);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>= 1;
          sn >>= 1;
        }
      } else {
        sr = MerkleTree.nodeHash(sr, c);
      }
      fn >>= 1;
      sn >>= 1;
    }
    if (sn != 0) {
      return Verdict.reject("proof_too_short", proof.size() + " elements");
    }
    Verdict first = matches(fr, root1, "old root");
    return first.isOk() ? matches(sr, root2, "new root") : first;
  }

  /** The verdict for the cases the iterative algorithm does not cover, or null to run it. */
  private static Verdict checkConsistencySizes(
      long size1, long size2, List<byte[]> proof, byte[] root1, byte[] root2) {
    if (size1 < 0 || size2 < 0) {
      return Verdict.reject("invalid_size", "sizes " + size1 + " and " + size2);
    }
    if (size2 < size1) {
      return Verdict.reject("size_decreased", "new size " + size2 + " below old size " + size1);
    }
    if (size1 == 0) {
      return Verdict.reject("empty_old_tree", "a proof from the empty tree proves nothing");
    }
    if (size1 == size2) {
      if (!proof.isEmpty()) {
        return Verdict.reject("proof_not_empty", "equal sizes need an empty proof");
      }
      return Arrays.equals(root1, root2)
          ? Verdict.ok()
          : Verdict.reject("root_mismatch", "equal sizes but different roots");
    }
    if (proof.isEmpty()) {
      return Verdict.reject("proof_too_short", "empty proof for different sizes");
    }
    return null;
  }

  private static Verdict checkElements(List<byte[]> proof) {
    if (proof.size() > PROOF_HASHES_MAX) {
      return tooLong(proof);
    }
    for (int i = 0; i < proof.size(); i++) {
      if (proof.get(i).length != Hash.SIZE_BYTES) {
        return Verdict.reject(
            "bad_hash_length", "proof element " + i + " has " + proof.get(i).length + " bytes");
      }
    }
    return Verdict.ok();
  }

  private static Verdict tooLong(List<byte[]> proof) {
    return Verdict.reject("proof_too_long", proof.size() + " elements");
  }

  private static Verdict matches(Hash computed, byte[] expected, String what) {
    return Arrays.equals(computed.toBytes(), expected)
        ? Verdict.ok()
        : Verdict.reject("root_mismatch", what + " " + computed.shortHex() + " does not match");
  }

  private static List<byte[]> toByteArrays(List<Hash> hashes) {
    return hashes.stream().map(Hash::toBytes).toList();
  }
}
