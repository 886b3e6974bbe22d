package org.alliancechain.consensus.msg;

import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.core.crypto.Signature;
import org.alliancechain.core.hash.Hash;

/**
 * A commit vote (Castro–Liskov §4.2). Its signature is the block's commit vote ({@code
 * CommitCertificate.voteSigningBytes} in the COMMIT_VOTE domain), so a quorum of commits is the
 * block's commit certificate as it stands.
 */
public record Commit(long view, long seq, Hash digest, PublicKey sender, Signature signature)
    implements ConsensusMessage {}
