package org.alliancechain.core.state;

import org.alliancechain.core.codec.CanonicalReader;
import org.alliancechain.core.codec.CanonicalWriter;
import org.alliancechain.core.codec.DecodeException;
import org.alliancechain.core.hash.Hash;

/**
 * A pointer to a subtree: empty, a leaf or an internal node, with the node's storage key. The kind
 * is kept in the parent so that an update can lift a lone leaf without loading it.
 */
public record NodeRef(Kind kind, long version, Hash hash) {
  public static final NodeRef EMPTY = new NodeRef(Kind.EMPTY, 0, TreeHashing.EMPTY);

  /** What a reference points to. */
  public enum Kind {
    EMPTY(0),
    LEAF(1),
    INTERNAL(2);

    private final int code;

    Kind(int code) {
      this.code = code;
    }

    static Kind fromCode(int code) {
      for (Kind kind : values()) {
        if (kind.code == code) {
          return kind;
        }
      }
      throw new DecodeException(DecodeException.Reason.UNKNOWN_KIND, "node ref kind " + code);
    }
  }

  public NodeRef {
    if (kind == Kind.EMPTY && (version != 0 || !hash.equals(TreeHashing.EMPTY))) {
      throw new IllegalArgumentException("the empty reference has no version or hash");
    }
  }

  public boolean isEmpty() {
    return kind == Kind.EMPTY;
  }

  public NodeKey key() {
    if (kind == Kind.EMPTY) {
      throw new IllegalStateException("the empty subtree is not stored");
    }
    return new NodeKey(version, hash);
  }

  public void encode(CanonicalWriter w) {
    w.u8(kind.code);
    if (kind != Kind.EMPTY) {
      w.u63(version).hash(hash);
    }
  }

  public static NodeRef decode(CanonicalReader r) {
    Kind kind = Kind.fromCode(r.u8("node ref kind"));
    if (kind == Kind.EMPTY) {
      return EMPTY;
    }
    return new NodeRef(kind, r.u63("node version"), r.hash("node hash"));
  }
}
