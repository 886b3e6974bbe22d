package org.alliancechain.p2p.tree;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.alliancechain.core.crypto.PublicKey;

/**
 * The link-first tree (paper §IV, SPEC M-6): a binary heap laid over the member list, with the
 * alliance node that starts the broadcast at index 0 and the other members after it in ascending
 * key order. Node i forwards to 2i+1 and 2i+2, so N members are reached in floor(log2 N) hops from
 * the root, and every node computes the same tree from the same member set and root.
 */
public final class LinkFirstTree {
  private final List<PublicKey> order;
  // Position lookup only; never iterated.
  private final Map<PublicKey, Integer> positions = new HashMap<>();

  private LinkFirstTree(List<PublicKey> order) {
    this.order = order;
    for (int i = 0; i < order.size(); i++) {
      positions.put(order.get(i), i);
    }
  }

  /** The tree over {@code members} (any order, no duplicates) rooted at {@code root}. */
  public static LinkFirstTree of(List<PublicKey> members, PublicKey root) {
    if (!members.contains(root)) {
      throw new IllegalArgumentException("root " + root + " is not a member");
    }
    List<PublicKey> rest = new ArrayList<>(members);
    rest.remove(root);
    rest.sort(null);
    List<PublicKey> order = new ArrayList<>(rest.size() + 1);
    order.add(root);
    order.addAll(rest);
    for (int i = 1; i < order.size(); i++) {
      if (order.get(i).equals(order.get(i - 1))) {
        throw new IllegalArgumentException("duplicate member " + order.get(i));
      }
    }
    return new LinkFirstTree(List.copyOf(order));
  }

  public int size() {
    return order.size();
  }

  public PublicKey root() {
    return order.get(0);
  }

  public OptionalInt position(PublicKey member) {
    Integer i = positions.get(member);
    return i == null ? OptionalInt.empty() : OptionalInt.of(i);
  }

  /** The at most two children of a member; none for a key outside the tree. */
  public List<PublicKey> children(PublicKey member) {
    OptionalInt i = position(member);
    if (i.isEmpty()) {
      return List.of();
    }
    List<PublicKey> out = new ArrayList<>(2);
    for (int c = 2 * i.getAsInt() + 1; c <= 2 * i.getAsInt() + 2 && c < order.size(); c++) {
      out.add(order.get(c));
    }
    return out;
  }

  /** Hops from the root: floor(log2(position + 1)). */
  public int depth(PublicKey member) {
    int i = position(member).orElseThrow();
    return 31 - Integer.numberOfLeadingZeros(i + 1);
  }
}
