package org.alliancechain.cli.node;

import org.alliancechain.config.Genesis;
import org.alliancechain.config.GenesisMember;
import org.alliancechain.config.NodeConfig;
import org.alliancechain.core.app.StateReader;
import org.alliancechain.core.crypto.KeyPair;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.token.TokenQueries;
import org.alliancechain.token.state.KeyRotation;

/**
 * Issue #4: which member a node is, when its key may be one the DAO rotated the member to. A node
 * restarted with the new key file between the rotation's decision and its activation height is the
 * same member (its ledger entry and address stay); one started with a key the ledger replaced is
 * refused with the key to use instead.
 */
final class KeyRotations {
  private KeyRotations() {}

  static GenesisMember self(NodeConfig config, Genesis genesis, KeyPair key, StateReader state) {
    TokenQueries ledger = new TokenQueries(state);
    PublicKey mine = key.publicKey();
    PublicKey member = ledger.memberOf(mine);
    var rotation = ledger.keyRotation(member);
    if (rotation.isPresent()) {
      refuseReplaced(config, mine, rotation.get());
    }
    if (member.equals(mine)) {
      return genesis.member(mine).orElseGet(() -> Node.admittedSelf(config, genesis, key));
    }
    // a rotated-to key: the genesis entry of the member it signs for, under the new key
    return genesis
        .member(member)
        .map(
            m ->
                new GenesisMember(
                    m.name(),
                    mine,
                    m.roles(),
                    m.host(),
                    m.peerPort(),
                    m.apiPort(),
                    m.profile(),
                    m.smallAlliance()))
        .orElseGet(() -> Node.admittedSelf(config, genesis, key));
  }

  private static void refuseReplaced(NodeConfig config, PublicKey mine, KeyRotation r) {
    if (r.inForce() && !mine.equals(r.newKey())) {
      throw new NodeException(
          "the DAO replaced the key of member "
              + config.member()
              + " by "
              + r.newKey().toHex()
              + " at height "
              + r.activationHeight()
              + ": start the node with the new key file");
    }
  }
}
