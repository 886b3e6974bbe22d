package org.alliancechain.consensus.msg;

import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.core.crypto.Signature;

/** Asks a peer for its certified blocks at heights {@code fromHeight..toHeight} (inclusive). */
public record SyncRequest(long fromHeight, long toHeight, PublicKey sender, Signature signature)
    implements ConsensusMessage {}
