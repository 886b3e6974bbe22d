package org.alliancechain.consensus.msg;

import org.alliancechain.core.block.Block;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.core.crypto.Signature;
import org.alliancechain.core.hash.Hash;

/**
 * The primary's proposal of {@code block} at sequence number {@code seq} (= block height) in {@code
 * view} (Castro–Liskov §4.2). The block travels inside the message; its header hash is the digest.
 */
public record PrePrepare(long view, long seq, Block block, PublicKey sender, Signature signature)
    implements ConsensusMessage {
  public Hash digest() {
    return block.hash();
  }
}
