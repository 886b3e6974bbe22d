package org.alliancechain.p2p.tree;

import java.util.List;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.core.hash.Hash;

/** What broadcast-tree nodes say to each other. Wire codes live in {@link TreeCodec}. */
public sealed interface TreeMessage {
  Hash id();

  /**
   * An LFT announcement. {@code treeHops} is 0 on the hop from the originating corporation node to
   * the root and counts hops from the root after that; {@code caMicros} and {@code acMicros} are
   * the route's timed hops so far (SPEC M-8).
   */
  record Announce(
      Hash id,
      PublicKey origin,
      PublicKey root,
      int treeHops,
      long caMicros,
      long acMicros,
      Bytes payload)
      implements TreeMessage {}

  /** "I have it, and my subtree is mine to serve." */
  record Ack(Hash id) implements TreeMessage {}

  /**
   * A TFT payload sealed to {@code recipient}, relayed through {@code via} in order. {@code
   * hopMicros} grows by one entry per hop travelled.
   */
  record Sealed(
      Hash id,
      PublicKey origin,
      PublicKey recipient,
      RouteKind route,
      List<PublicKey> via,
      List<Long> hopMicros,
      Bytes box)
      implements TreeMessage {
    public Sealed {
      via = List.copyOf(via);
      hopMicros = List.copyOf(hopMicros);
    }
  }
}
