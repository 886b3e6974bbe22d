package org.alliancechain.core.state;

import java.nio.ByteBuffer;
import org.alliancechain.core.hash.Hash;

/**
 * Where a tree node is stored: the version (height) that created it and its hash. A node's hash
 * fixes its content and, in this tree, its position too (a leaf's hash does not depend on its
 * depth, and an internal node's hash fixes the keys below it), so within one version the hash is
 * unique. Keying by version as well means a node that is deleted and later re-created gets a new
 * key, so pruning the old one can never delete a node that a newer version uses.
 */
public record NodeKey(long version, Hash hash) implements Comparable<NodeKey> {
  public static final int SIZE_BYTES = 8 + Hash.SIZE_BYTES;

  public NodeKey {
    if (version < 0) {
      throw new IllegalArgumentException("negative version " + version);
    }
  }

  /** Big-endian version then hash: sorts by version, so one version's nodes are adjacent. */
  public byte[] encode() {
    byte[] out = new byte[SIZE_BYTES];
    ByteBuffer.wrap(out).putLong(version);
    hash.copyTo(out, 8);
    return out;
  }

  public static NodeKey decode(byte[] bytes, int offset) {
    long version = ByteBuffer.wrap(bytes, offset, 8).getLong();
    byte[] hash = new byte[Hash.SIZE_BYTES];
    System.arraycopy(bytes, offset + 8, hash, 0, Hash.SIZE_BYTES);
    return new NodeKey(version, Hash.of(hash));
  }

  // Written out: the record's generated equals (java.lang.runtime.ObjectMethods) was a tenth of
  // the consensus thread's samples executing sharing blocks, through the node cache's lookups
  // (docs/benchmarks.md, session 6).
  @Override
  public boolean equals(Object other) {
    return other instanceof NodeKey k && version == k.version && hash.equals(k.hash);
  }

  @Override
  public int hashCode() {
    return 31 * Long.hashCode(version) + hash.hashCode();
  }

  @Override
  public int compareTo(NodeKey other) {
    int byVersion = Long.compare(version, other.version);
    return byVersion != 0 ? byVersion : hash.compareTo(other.hash);
  }
}
