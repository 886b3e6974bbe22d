package org.alliancechain.core.state;

import org.alliancechain.core.Bytes;
import org.alliancechain.core.hash.Hash;
import org.alliancechain.core.hash.Sha256;

/**
 * The hashing of the sparse Merkle tree (the Diem/Libra scheme): a leaf is SHA-256(0x00 ‖ keyHash ‖
 * valueHash), an internal node SHA-256(0x01 ‖ left ‖ right), and an empty subtree is 32 zero bytes.
 * The prefixes keep a leaf from ever being read as an internal node (and vice versa); no SHA-256
 * output is all zeros in practice, so the empty placeholder cannot collide either.
 */
public final class TreeHashing {
  public static final Hash EMPTY = Hash.ZERO;
  private static final byte LEAF_PREFIX = 0x00;
  private static final byte INTERNAL_PREFIX = 0x01;

  private TreeHashing() {}

  public static Hash keyHash(Bytes key) {
    return Sha256.hash(key.unsafeArray());
  }

  public static Hash valueHash(Bytes value) {
    return Sha256.hash(value.unsafeArray());
  }

  public static Hash leaf(Hash keyHash, Hash valueHash) {
    byte[] buffer = new byte[1 + 2 * Hash.SIZE_BYTES];
    buffer[0] = LEAF_PREFIX;
    keyHash.copyTo(buffer, 1);
    valueHash.copyTo(buffer, 1 + Hash.SIZE_BYTES);
    return Sha256.hash(buffer);
  }

  public static Hash internal(Hash left, Hash right) {
    byte[] buffer = new byte[1 + 2 * Hash.SIZE_BYTES];
    buffer[0] = INTERNAL_PREFIX;
    left.copyTo(buffer, 1);
    right.copyTo(buffer, 1 + Hash.SIZE_BYTES);
    return Sha256.hash(buffer);
  }
}
