package org.alliancechain.config;

import java.nio.file.Path;
import java.util.Optional;
import org.alliancechain.core.hash.Hash;

/**
 * One node's config file (node.yaml), paths resolved against its folder. The passphrase of the key
 * file comes from an environment variable or a file, never from the command line or this file.
 */
public record NodeConfig(
    Path file,
    String member,
    Path keyFile,
    Optional<String> passphraseEnv,
    Optional<Path> passphraseFile,
    Path genesisFile,
    Hash genesisHash,
    Path dataDir,
    String peerHost,
    int peerPort,
    String apiHost,
    int apiPort,
    String logLevel) {
  public static final String DEFAULT_PASSPHRASE_ENV = "ALLIANCE_PASSPHRASE";
}
