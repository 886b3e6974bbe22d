package org.alliancechain.core.merkle;

import java.util.List;
import org.alliancechain.core.Invariants;
import org.alliancechain.core.hash.Hash;
import org.alliancechain.core.hash.Sha256;

/**
 * RFC 6962 §2.1 Merkle tree hashing: leaves are hashed as SHA-256(0x00 ‖ leaf), interior nodes as
 * SHA-256(0x01 ‖ left ‖ right), the split point is the largest power of two smaller than the size,
 * and the empty tree's root is SHA-256 of nothing.
 */
public final class MerkleTree {
  private static final byte LEAF_PREFIX = 0x00;
  // Never modified: only read by the digest.
  private static final byte[] LEAF_PREFIX_BYTES = {LEAF_PREFIX};
  private static final byte NODE_PREFIX = 0x01;

  private static final Hash EMPTY_ROOT = Sha256.hash(new byte[0]);

  private MerkleTree() {}

  public static Hash leafHash(byte[] leaf) {
    // The shared per-thread digest: a fresh MessageDigest per leaf tripled the cost of a root.
    return Sha256.hash(LEAF_PREFIX_BYTES, leaf);
  }

  public static Hash nodeHash(Hash left, Hash right) {
    byte[] buffer = new byte[1 + 2 * Hash.SIZE_BYTES];
    buffer[0] = NODE_PREFIX;
    left.copyTo(buffer, 1);
    right.copyTo(buffer, 1 + Hash.SIZE_BYTES);
    return Sha256.hash(buffer);
  }

  /**
   * SHA-256(0x01 ‖ left ‖ right) over child values of any length. The protocol's children are
   * always 32-byte hashes ({@link #nodeHash(Hash, Hash)}); this form exists for the RFC's
   * known-answer vectors, whose children are short ASCII strings.
   */
  public static Hash nodeHashOfBytes(byte[] left, byte[] right) {
    return Sha256.hash(new byte[] {NODE_PREFIX}, left, right);
  }

  /** Root of the empty tree: SHA-256 of no input (RFC 6962 §2.1). */
  public static Hash emptyRoot() {
    return EMPTY_ROOT;
  }

  /** The largest power of two strictly below {@code size} (size at least 2): the RFC's k. */
  static int splitPoint(int size) {
    Invariants.check(size >= 2, "only trees of two or more leaves split");
    return Integer.highestOneBit(size - 1);
  }

  /** The root over leaves given as their leaf hashes. */
  public static Hash rootOfLeafHashes(List<Hash> leafHashes) {
    if (leafHashes.isEmpty()) {
      return EMPTY_ROOT;
    }
    // Bottom-up: pairing adjacent nodes level by level and carrying an odd last node up unchanged
    // gives exactly the RFC's recursive split at the largest power of two below the size.
    Hash[] level = leafHashes.toArray(new Hash[0]);
    int size = level.length;
    while (size > 1) {
      int next = 0;
      for (int i = 0; i + 1 < size; i += 2) {
        level[next++] = nodeHash(level[i], level[i + 1]);
      }
      if ((size & 1) == 1) {
        level[next++] = level[size - 1];
      }
      size = next;
    }
    return level[0];
  }

  public static Hash root(List<byte[]> leaves) {
    return rootOfLeafHashes(leaves.stream().map(MerkleTree::leafHash).toList());
  }
}
