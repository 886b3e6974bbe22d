package org.alliancechain.p2p;

import org.alliancechain.core.Bytes;
import org.alliancechain.core.crypto.KeyPair;

/**
 * What a peer network needs to start.
 *
 * @param identity this member's key pair; its public key is its peer identity
 * @param networkId the alliance's chain id: links only form between nodes of the same alliance
 * @param bindHost where to listen ({@code 127.0.0.1} unless the operator opens it)
 * @param bindPort the port, or 0 for any free port (tests)
 * @param jitterSeed seeds the reconnect jitter, so runs can be replayed
 */
public record PeerNetworkConfig(
    KeyPair identity,
    Bytes networkId,
    String bindHost,
    int bindPort,
    LinkLimits limits,
    long jitterSeed) {}
