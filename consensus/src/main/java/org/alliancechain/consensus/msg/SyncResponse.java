package org.alliancechain.consensus.msg;

import java.util.List;
import org.alliancechain.core.block.CertifiedBlock;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.core.crypto.Signature;

/**
 * Certified blocks served to a lagging replica. The receiver trusts none of them for the sender's
 * signature: each block's commit certificate is checked against the validator set.
 */
public record SyncResponse(List<CertifiedBlock> blocks, PublicKey sender, Signature signature)
    implements ConsensusMessage {
  public SyncResponse {
    blocks = List.copyOf(blocks);
  }
}
