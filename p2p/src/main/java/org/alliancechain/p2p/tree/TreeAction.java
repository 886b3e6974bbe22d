package org.alliancechain.p2p.tree;

import org.alliancechain.core.Bytes;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.core.hash.Hash;

/** What a tree state machine asks its driver to do. */
public sealed interface TreeAction {
  record Send(PublicKey to, TreeMessage message) implements TreeAction {}

  /**
   * Hand a payload to the application, once per id. {@code hops} counts tree hops from the root
   * (LFT) or hops travelled (TFT); {@code route} holds the timed hops for SPEC M-8.
   */
  record Deliver(Hash id, PublicKey origin, Bytes payload, int hops, RouteSample route)
      implements TreeAction {}

  /** A child did not acknowledge in time; its children were sent the announcement instead. */
  record Skipped(Hash id, PublicKey child) implements TreeAction {}

  /** No trusted provider answered before the deadline; the request went to the other members. */
  record OpenedToRest(Hash id, int recipients) implements TreeAction {}
}
