package org.alliancechain.core.state;

import static org.assertj.core.api.Assertions.assertThat;

import org.alliancechain.core.hash.Hash;
import org.junit.jupiter.api.Test;

// NodeKey's hand-written equals and hashCode keep the record's meaning: version and hash.
class NodeKeyTest {
  private static Hash hash(int b) {
    byte[] bytes = new byte[Hash.SIZE_BYTES];
    bytes[Hash.SIZE_BYTES - 1] = (byte) b;
    return Hash.of(bytes);
  }

  @Test
  void equalByVersionAndHashOnly() {
    NodeKey key = new NodeKey(7, hash(1));
    NodeKey same = new NodeKey(7, hash(1));
    assertThat(key).isEqualTo(same).hasSameHashCodeAs(same);
    assertThat(key.compareTo(same)).isZero();
    assertThat(key).isNotEqualTo(new NodeKey(8, hash(1)));
    assertThat(key).isNotEqualTo(new NodeKey(7, hash(2)));
    assertThat(key).isNotEqualTo(hash(1));
    assertThat(NodeKey.decode(key.encode(), 0)).isEqualTo(key);
  }
}
