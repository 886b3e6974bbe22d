package org.alliancechain.consensus.msg;

import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.core.crypto.Signature;
import org.alliancechain.core.hash.Hash;

/**
 * A replica's statement that it executed up to {@code seq} and the block there hashes to {@code
 * digest} (Castro–Liskov §4.3). The block hash chains every earlier block, and each header commits
 * to an executed state root, so it stands in for the paper's state digest.
 */
public record Checkpoint(long seq, Hash digest, PublicKey sender, Signature signature)
    implements ConsensusMessage {}
