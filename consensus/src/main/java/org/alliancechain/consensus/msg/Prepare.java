package org.alliancechain.consensus.msg;

import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.core.crypto.Signature;
import org.alliancechain.core.hash.Hash;

/**
 * A backup's agreement to the pre-prepare of {@code digest} at (view, seq) (Castro–Liskov §4.2).
 */
public record Prepare(long view, long seq, Hash digest, PublicKey sender, Signature signature)
    implements ConsensusMessage {}
