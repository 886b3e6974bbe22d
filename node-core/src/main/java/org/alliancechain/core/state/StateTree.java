package org.alliancechain.core.state;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.Invariants;
import org.alliancechain.core.hash.Hash;

/**
 * The authenticated state: a sparse Merkle tree over 256-bit keys (SHA-256 of the application key)
 * with shortcut leaves, as in Diem's Jellyfish Merkle tree but binary. A subtree holding one key is
 * just that key's leaf, placed at the shallowest depth where no other key shares its path, and an
 * empty subtree hashes to zero; so the tree has about log2(n) levels for n keys, and an update
 * touches only the paths to the changed keys: O(changed keys x log(state size)) node reads, writes
 * and hashes, independent of the rest of the state.
 *
 * <p>Versions are block heights. A version's nodes are never changed afterwards; an update writes
 * new nodes under the new version and marks the ones it replaced as stale, so every kept version
 * can still be read and proven until it is pruned.
 */
public final class StateTree {
  private final NodeStore store;

  public StateTree(NodeStore store) {
    this.store = store;
  }

  public NodeStore store() {
    return store;
  }

  public NodeRef rootRef(long version) {
    Optional<NodeRef> root = store.root(version);
    if (root.isPresent()) {
      return root.get();
    }
    long latest = store.latestVersion().orElse(-1);
    if (version > latest) {
      throw new StateVersionException(
          StateVersionException.Reason.NOT_YET_WRITTEN, version, "latest is " + latest);
    }
    throw new StateVersionException(
        StateVersionException.Reason.PRUNED,
        version,
        "oldest kept is " + store.oldestVersion().orElse(-1));
  }

  public Hash rootHash(long version) {
    return rootRef(version).hash();
  }

  /** The value of {@code key} at {@code version}, by a walk down the tree. */
  public Optional<Bytes> get(Bytes key, long version) {
    Hash keyHash = TreeHashing.keyHash(key);
    NodeRef ref = rootRef(version);
    for (int depth = 0; ; depth++) {
      switch (ref.kind()) {
        case EMPTY -> {
          return Optional.empty();
        }
        case LEAF -> {
          Node.Leaf leaf = (Node.Leaf) load(ref);
          return leaf.keyHash().equals(keyHash) ? Optional.of(leaf.value()) : Optional.empty();
        }
        case INTERNAL -> {
          Invariants.check(depth < StateLimits.DEPTH_MAX, "state tree deeper than 256");
          ref = ((Node.Internal) load(ref)).child(keyHash.bit(depth));
        }
      }
    }
  }

  /** A proof of {@code key}'s value or absence at {@code version}, against its root. */
  public StateProof prove(Bytes key, long version) {
    Hash keyHash = TreeHashing.keyHash(key);
    NodeRef ref = rootRef(version);
    List<Hash> siblings = new ArrayList<>();
    for (int depth = 0; ; depth++) {
      switch (ref.kind()) {
        case EMPTY -> {
          return new StateProof(siblings, Optional.empty());
        }
        case LEAF -> {
          Node.Leaf leaf = (Node.Leaf) load(ref);
          return new StateProof(
              siblings, Optional.of(new StateProof.LeafSummary(leaf.keyHash(), leaf.valueHash())));
        }
        case INTERNAL -> {
          Invariants.check(depth < StateLimits.DEPTH_MAX, "state tree deeper than 256");
          Node.Internal node = (Node.Internal) load(ref);
          boolean right = keyHash.bit(depth);
          siblings.add(node.sibling(right).hash());
          ref = node.child(right);
        }
      }
    }
  }

  /**
   * Computes version {@code version} as {@code baseVersion} plus {@code changes} (a present value
   * is a put, an empty one a delete) without writing anything. {@code baseVersion} is {@link
   * StateUpdate#NO_BASE} for the first version.
   */
  public StateUpdate update(
      long baseVersion, long version, SortedMap<Bytes, Optional<Bytes>> changes) {
    if (version <= baseVersion) {
      throw new IllegalArgumentException("version " + version + " not after " + baseVersion);
    }
    if (changes.size() > StateLimits.CHANGES_MAX) {
      throw new IllegalArgumentException("over " + StateLimits.CHANGES_MAX + " changes");
    }
    NodeRef base = baseVersion == StateUpdate.NO_BASE ? NodeRef.EMPTY : rootRef(baseVersion);
    List<Change> sorted = new ArrayList<>(changes.size());
    SortedMap<Hash, Optional<Bytes>> latest = new TreeMap<>();
    for (Map.Entry<Bytes, Optional<Bytes>> e : changes.entrySet()) {
      Change change = Change.of(e.getKey(), e.getValue());
      sorted.add(change);
      latest.put(change.keyHash(), e.getValue());
    }
    sorted.sort(Comparator.comparing(Change::keyHash));
    Updater updater = new Updater(version);
    NodeRef root = updater.update(base, 0, sorted);
    return new StateUpdate(
        baseVersion, version, root, updater.newNodes, updater.staleNodes, latest);
  }

  Node load(NodeRef ref) {
    Optional<Node> node = store.node(ref.key());
    Invariants.check(node.isPresent(), "state node missing: " + ref);
    Node found = node.get();
    Invariants.check(
        found.hash().equals(ref.hash())
            && (found instanceof Node.Leaf) == (ref.kind() == NodeRef.Kind.LEAF),
        "state node does not match its reference: " + ref);
    return found;
  }

  private record Change(Hash keyHash, Bytes key, Optional<Bytes> value) {
    static Change of(Bytes key, Optional<Bytes> value) {
      if (key.size() > StateLimits.KEY_BYTES_MAX) {
        throw new IllegalArgumentException("state key over " + StateLimits.KEY_BYTES_MAX + " B");
      }
      if (value.isPresent() && value.get().size() > StateLimits.VALUE_BYTES_MAX) {
        throw new IllegalArgumentException(
            "state value over " + StateLimits.VALUE_BYTES_MAX + " B");
      }
      return new Change(TreeHashing.keyHash(key), key, value);
    }
  }

  /** A key that ends up in a rebuilt subtree: an unchanged stored leaf or a new one. */
  private record Item(Hash keyHash, NodeRef existing, Node.Leaf fresh) {}

  /** One update's working state: the nodes it creates and the nodes it replaces. */
  private final class Updater {
    private final long version;
    private final Map<NodeKey, Node> newNodes = new java.util.LinkedHashMap<>();
    private final List<NodeKey> staleNodes = new ArrayList<>();

    Updater(long version) {
      this.version = version;
    }

    NodeRef update(NodeRef ref, int depth, List<Change> changes) {
      if (changes.isEmpty()) {
        return ref;
      }
      return switch (ref.kind()) {
        case EMPTY -> build(depth, inserts(changes));
        case LEAF -> updateLeaf(ref, depth, changes);
        case INTERNAL -> updateInternal(ref, depth, changes);
      };
    }

    private NodeRef updateInternal(NodeRef ref, int depth, List<Change> changes) {
      Invariants.check(depth < StateLimits.DEPTH_MAX, "state tree deeper than 256");
      Node.Internal node = (Node.Internal) load(ref);
      int split = firstWithBit(changes, depth, Change::keyHash);
      NodeRef left = update(node.left(), depth + 1, changes.subList(0, split));
      NodeRef right = update(node.right(), depth + 1, changes.subList(split, changes.size()));
      if (left.equals(node.left()) && right.equals(node.right())) {
        return ref;
      }
      staleNodes.add(ref.key());
      return combine(left, right);
    }

    private NodeRef updateLeaf(NodeRef ref, int depth, List<Change> changes) {
      Node.Leaf leaf = (Node.Leaf) load(ref);
      List<Item> items = new ArrayList<>(changes.size() + 1);
      boolean touched = false;
      boolean replaced = false;
      for (Change change : changes) {
        boolean same = change.keyHash().equals(leaf.keyHash());
        touched |= same;
        if (same && change.value().isPresent() && change.value().get().equals(leaf.value())) {
          items.add(new Item(leaf.keyHash(), ref, null));
        } else {
          replaced |= same;
          change.value().ifPresent(v -> items.add(freshItem(change.key(), v)));
        }
      }
      if (!touched) {
        items.add(new Item(leaf.keyHash(), ref, null));
        items.sort(Comparator.comparing(Item::keyHash));
      }
      if (replaced) {
        staleNodes.add(ref.key());
      }
      return build(depth, items);
    }

    private List<Item> inserts(List<Change> changes) {
      List<Item> items = new ArrayList<>(changes.size());
      for (Change change : changes) {
        change.value().ifPresent(v -> items.add(freshItem(change.key(), v)));
      }
      return items;
    }

    private Item freshItem(Bytes key, Bytes value) {
      Node.Leaf leaf = new Node.Leaf(key, value);
      return new Item(leaf.keyHash(), null, leaf);
    }

    /** The subtree at {@code depth} holding exactly {@code items} (sorted by key hash). */
    private NodeRef build(int depth, List<Item> items) {
      if (items.isEmpty()) {
        return NodeRef.EMPTY;
      }
      if (items.size() == 1) {
        Item item = items.get(0);
        if (item.existing() != null) {
          return item.existing();
        }
        NodeRef leaf = new NodeRef(NodeRef.Kind.LEAF, version, item.fresh().hash());
        newNodes.put(leaf.key(), item.fresh());
        return leaf;
      }
      Invariants.check(depth < StateLimits.DEPTH_MAX, "two keys with the same hash");
      int split = firstWithBit(items, depth, Item::keyHash);
      return combine(
          build(depth + 1, items.subList(0, split)),
          build(depth + 1, items.subList(split, items.size())));
    }

    /** The parent of two subtrees, lifting a lone leaf so that the shape stays canonical. */
    private NodeRef combine(NodeRef left, NodeRef right) {
      if (left.isEmpty() && (right.isEmpty() || right.kind() == NodeRef.Kind.LEAF)) {
        return right;
      }
      if (right.isEmpty() && left.kind() == NodeRef.Kind.LEAF) {
        return left;
      }
      Node.Internal node = new Node.Internal(left, right);
      NodeRef ref = new NodeRef(NodeRef.Kind.INTERNAL, version, node.hash());
      newNodes.put(ref.key(), node);
      return ref;
    }
  }

  /** Index of the first element whose key hash has bit {@code depth} set (the list is sorted). */
  private static <T> int firstWithBit(
      List<T> sorted, int depth, java.util.function.Function<T, Hash> keyHash) {
    int low = 0;
    int high = sorted.size();
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (keyHash.apply(sorted.get(mid)).bit(depth)) {
        high = mid;
      } else {
        low = mid + 1;
      }
    }
    return low;
  }
}
