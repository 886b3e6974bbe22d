package org.alliancechain.p2p.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.alliancechain.core.crypto.PublicKey;
import org.junit.jupiter.api.Test;

// SPEC M-6: a binary tree laid deterministically over the member list.
class LinkFirstTreeTest {
  private final List<PublicKey> k = LftSimulationTest.keys(7);

  @Test
  void rootComesFirstThenTheOthersInKeyOrderAsABinaryHeap() {
    LinkFirstTree tree = LinkFirstTree.of(k, k.get(4));
    // order: k4, k0, k1, k2, k3, k5, k6 — index i has children 2i+1 and 2i+2
    assertThat(tree.children(k.get(4))).containsExactly(k.get(0), k.get(1));
    assertThat(tree.children(k.get(0))).containsExactly(k.get(2), k.get(3));
    assertThat(tree.children(k.get(1))).containsExactly(k.get(5), k.get(6));
    assertThat(tree.children(k.get(2))).isEmpty();
    assertThat(tree.depth(k.get(4))).isZero();
    assertThat(tree.depth(k.get(1))).isEqualTo(1);
    assertThat(tree.depth(k.get(6))).isEqualTo(2);
  }

  @Test
  void theTreeDoesNotDependOnTheOrderTheMembersAreListedIn() {
    List<PublicKey> shuffled = new ArrayList<>(k);
    Collections.reverse(shuffled);
    LinkFirstTree a = LinkFirstTree.of(k, k.get(2));
    LinkFirstTree b = LinkFirstTree.of(shuffled, k.get(2));
    for (PublicKey m : k) {
      assertThat(b.children(m)).isEqualTo(a.children(m));
    }
  }

  @Test
  void aRootOutsideTheMembersIsRefused() {
    PublicKey outsider = LftSimulationTest.keys(8).get(7);
    List<PublicKey> members = new ArrayList<>(k);
    members.remove(outsider);
    assertThatThrownBy(() -> LinkFirstTree.of(members, outsider))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
