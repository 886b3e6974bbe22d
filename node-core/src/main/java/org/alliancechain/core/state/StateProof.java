package org.alliancechain.core.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.Verdict;
import org.alliancechain.core.codec.CanonicalReader;
import org.alliancechain.core.codec.CanonicalWriter;
import org.alliancechain.core.hash.Hash;

/**
 * A proof that a key has a value, or is absent, in the state whose root is given (SPEC M-26, "query
 * state with proof"). It is the path from the root towards the key: the sibling hash at every level
 * (root first), and what the path ends in: the key's own leaf (inclusion), another key's leaf whose
 * hash shares the path (exclusion), or an empty subtree (exclusion).
 *
 * <p>{@link #verify} needs nothing but the root: a client can check a node's answer offline.
 *
 * @param siblings sibling hashes from the root down; its size is the depth where the path ends
 * @param leaf the leaf the path ends in, or empty when it ends in an empty subtree
 */
public record StateProof(List<Hash> siblings, Optional<LeafSummary> leaf) {

  /** A leaf as a proof shows it: the hashes its own hash commits to. */
  public record LeafSummary(Hash keyHash, Hash valueHash) {
    public Hash hash() {
      return TreeHashing.leaf(keyHash, valueHash);
    }
  }

  public StateProof {
    siblings = List.copyOf(siblings);
  }

  /**
   * Checks that this proof shows {@code key} holding {@code value} (or absent when {@code value} is
   * empty) in the state with root {@code root}.
   */
  public Verdict verify(Hash root, Bytes key, Optional<Bytes> value) {
    if (siblings.size() > StateLimits.DEPTH_MAX) {
      return Verdict.reject("proof_too_long", siblings.size() + " levels");
    }
    Hash keyHash = TreeHashing.keyHash(key);
    Verdict terminal = checkTerminal(keyHash, value);
    if (!terminal.isOk()) {
      return terminal;
    }
    Hash node = leaf.map(LeafSummary::hash).orElse(TreeHashing.EMPTY);
    for (int depth = siblings.size() - 1; depth >= 0; depth--) {
      Hash sibling = siblings.get(depth);
      node =
          keyHash.bit(depth)
              ? TreeHashing.internal(sibling, node)
              : TreeHashing.internal(node, sibling);
    }
    return node.equals(root)
        ? Verdict.ok()
        : Verdict.reject("root_mismatch", "proof leads to " + node.shortHex());
  }

  private Verdict checkTerminal(Hash keyHash, Optional<Bytes> value) {
    if (value.isPresent()) {
      if (leaf.isEmpty() || !leaf.get().keyHash().equals(keyHash)) {
        return Verdict.reject("not_included", "the proof does not end in the key's leaf");
      }
      if (!leaf.get().valueHash().equals(TreeHashing.valueHash(value.get()))) {
        return Verdict.reject("value_mismatch", "the key's leaf holds another value");
      }
      return Verdict.ok();
    }
    if (leaf.isEmpty()) {
      return Verdict.ok();
    }
    Hash other = leaf.get().keyHash();
    if (other.equals(keyHash)) {
      return Verdict.reject("key_present", "the proof shows the key with a value");
    }
    // The other leaf must sit on the key's path, or it says nothing about the key.
    for (int depth = 0; depth < siblings.size(); depth++) {
      if (other.bit(depth) != keyHash.bit(depth)) {
        return Verdict.reject("leaf_off_path", "the leaf leaves the key's path at " + depth);
      }
    }
    return Verdict.ok();
  }

  public void encode(CanonicalWriter w) {
    w.count(siblings.size());
    for (Hash sibling : siblings) {
      w.hash(sibling);
    }
    w.bool(leaf.isPresent());
    leaf.ifPresent(l -> w.hash(l.keyHash()).hash(l.valueHash()));
  }

  public byte[] encode() {
    CanonicalWriter w = new CanonicalWriter(40 + 32 * siblings.size());
    encode(w);
    return w.toByteArray();
  }

  public static StateProof decode(CanonicalReader r) {
    int count = r.count("proof siblings", StateLimits.DEPTH_MAX);
    List<Hash> siblings = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      siblings.add(r.hash("proof sibling"));
    }
    Optional<LeafSummary> leaf =
        r.bool("proof has leaf")
            ? Optional.of(new LeafSummary(r.hash("leaf key hash"), r.hash("leaf value hash")))
            : Optional.empty();
    return new StateProof(siblings, leaf);
  }

  public static StateProof decode(byte[] bytes) {
    CanonicalReader r = new CanonicalReader(bytes);
    StateProof proof = decode(r);
    r.expectEnd("state proof");
    return proof;
  }
}
