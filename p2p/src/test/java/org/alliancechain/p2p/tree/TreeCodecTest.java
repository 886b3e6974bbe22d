package org.alliancechain.p2p.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.codec.DecodeException;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.core.hash.Sha256;
import org.junit.jupiter.api.Test;

class TreeCodecTest {
  private final List<PublicKey> k = LftSimulationTest.keys(3);

  @Test
  void everyMessageKindRoundTrips() {
    var id = Sha256.hash(new byte[] {1});
    List<TreeMessage> messages =
        List.of(
            new TreeMessage.Announce(id, k.get(0), k.get(1), 3, 10, 20, Bytes.wrap(new byte[] {9})),
            new TreeMessage.Ack(id),
            new TreeMessage.Sealed(
                id,
                k.get(0),
                k.get(2),
                RouteKind.VIA_PRIVATE_ALLIANCE,
                List.of(k.get(1), k.get(2)),
                List.of(5L, 6L),
                Bytes.wrap(new byte[] {7, 7})));
    for (TreeMessage m : messages) {
      assertThat(TreeCodec.decode(TreeCodec.encode(m), 1024)).isEqualTo(m);
    }
  }

  @Test
  void trailingBytesUnknownKindsAndOversizedPayloadsAreRefused() {
    var id = Sha256.hash(new byte[] {1});
    byte[] ack = TreeCodec.encode(new TreeMessage.Ack(id));
    assertThatThrownBy(() -> TreeCodec.decode(Arrays.copyOf(ack, ack.length + 1), 1024))
        .isInstanceOf(DecodeException.class);
    byte[] unknown = ack.clone();
    unknown[0] = 99;
    assertThatThrownBy(() -> TreeCodec.decode(unknown, 1024))
        .isInstanceOfSatisfying(
            DecodeException.class,
            e -> assertThat(e.reason()).isEqualTo(DecodeException.Reason.UNKNOWN_KIND));
    byte[] big =
        TreeCodec.encode(
            new TreeMessage.Announce(id, k.get(0), k.get(1), 1, 0, 0, Bytes.wrap(new byte[100])));
    assertThatThrownBy(() -> TreeCodec.decode(big, 99)).isInstanceOf(DecodeException.class);
  }
}
