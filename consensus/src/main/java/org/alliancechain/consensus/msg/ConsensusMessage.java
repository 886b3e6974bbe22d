package org.alliancechain.consensus.msg;

import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.core.crypto.Signature;

/**
 * Every message validators exchange (Castro–Liskov §4.2-§4.4 plus block sync). A new kind is a
 * compile error in every exhaustive {@code switch} until it is handled. Wire codes live in {@link
 * WireCode}, apart from the records.
 */
public sealed interface ConsensusMessage
    permits PrePrepare,
        Prepare,
        Commit,
        Checkpoint,
        ViewChange,
        NewView,
        SyncRequest,
        SyncResponse {

  PublicKey sender();

  Signature signature();
}
