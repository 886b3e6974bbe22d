package org.alliancechain.token;

import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.core.hash.Hash;
import org.alliancechain.token.state.Ledger;

/**
 * What one transaction's execution knows: the ledger, the block height and time (the only clock),
 * the sender and the transaction's hash (used as the id of what it creates).
 */
public record ExecContext(
    Ledger ledger, long height, long timeMillis, PublicKey sender, Hash txHash) {}
