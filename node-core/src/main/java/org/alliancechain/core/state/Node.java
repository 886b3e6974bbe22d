package org.alliancechain.core.state;

import org.alliancechain.core.Bytes;
import org.alliancechain.core.codec.CanonicalReader;
import org.alliancechain.core.codec.CanonicalWriter;
import org.alliancechain.core.codec.DecodeException;
import org.alliancechain.core.hash.Hash;

/** A stored tree node: a leaf holding one key and its value, or an internal node. */
public sealed interface Node permits Node.Leaf, Node.Internal {

  Hash hash();

  void encode(CanonicalWriter w);

  default byte[] encode() {
    CanonicalWriter w = new CanonicalWriter(128);
    encode(w);
    return w.toByteArray();
  }

  static Node decode(byte[] bytes) {
    CanonicalReader r = new CanonicalReader(bytes);
    int tag = r.u8("node tag");
    Node node =
        switch (tag) {
          case 0 ->
              new Leaf(
                  Bytes.wrap(r.bytes("leaf key", StateLimits.KEY_BYTES_MAX)),
                  Bytes.wrap(r.bytes("leaf value", StateLimits.VALUE_BYTES_MAX)));
          case 1 -> new Internal(NodeRef.decode(r), NodeRef.decode(r));
          default -> throw new DecodeException(DecodeException.Reason.UNKNOWN_KIND, "node " + tag);
        };
    r.expectEnd("tree node");
    return node;
  }

  /**
   * A leaf keeps the application key and value (so historical reads and state snapshots need
   * nothing else); its hash commits only to their hashes, so proofs stay small and a leaf's hash
   * does not depend on its depth.
   */
  final class Leaf implements Node {
    private final Bytes key;
    private final Bytes value;
    private final Hash keyHash;
    private final Hash valueHash;
    private final Hash hash;

    public Leaf(Bytes key, Bytes value) {
      this.key = key;
      this.value = value;
      this.keyHash = TreeHashing.keyHash(key);
      this.valueHash = TreeHashing.valueHash(value);
      this.hash = TreeHashing.leaf(keyHash, valueHash);
    }

    public Bytes key() {
      return key;
    }

    public Bytes value() {
      return value;
    }

    public Hash keyHash() {
      return keyHash;
    }

    public Hash valueHash() {
      return valueHash;
    }

    @Override
    public Hash hash() {
      return hash;
    }

    @Override
    public void encode(CanonicalWriter w) {
      w.u8(0).bytes(key.unsafeArray()).bytes(value.unsafeArray());
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Leaf l && hash.equals(l.hash);
    }

    @Override
    public int hashCode() {
      return hash.hashCode();
    }

    @Override
    public String toString() {
      return "Leaf(" + keyHash.shortHex() + ")";
    }
  }

  /**
   * Invariant: never two empty children, and never a leaf beside an empty sibling (such a leaf is
   * lifted into this node's place), so the tree's shape is a function of its keys alone.
   */
  final class Internal implements Node {
    private final NodeRef left;
    private final NodeRef right;
    private final Hash hash;

    public Internal(NodeRef left, NodeRef right) {
      this.left = left;
      this.right = right;
      this.hash = TreeHashing.internal(left.hash(), right.hash());
    }

    public NodeRef left() {
      return left;
    }

    public NodeRef right() {
      return right;
    }

    public NodeRef child(boolean rightSide) {
      return rightSide ? right : left;
    }

    public NodeRef sibling(boolean rightSide) {
      return rightSide ? left : right;
    }

    @Override
    public Hash hash() {
      return hash;
    }

    @Override
    public void encode(CanonicalWriter w) {
      w.u8(1);
      left.encode(w);
      right.encode(w);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Internal i && left.equals(i.left) && right.equals(i.right);
    }

    @Override
    public int hashCode() {
      return hash.hashCode();
    }

    @Override
    public String toString() {
      return "Internal(" + hash.shortHex() + ")";
    }
  }
}
