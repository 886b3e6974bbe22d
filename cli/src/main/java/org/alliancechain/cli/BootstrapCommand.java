package org.alliancechain.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.alliancechain.config.AllianceSpec;
import org.alliancechain.config.Bootstrap;
import org.alliancechain.config.ConfigException;
import org.alliancechain.config.SpecParser;
import org.alliancechain.core.crypto.KeyFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** SPEC M-30: keys, genesis and one node folder per member from one spec file. */
@Command(
    name = "bootstrap",
    mixinStandardHelpOptions = true,
    description = {
      "Generate every member's key pair (encrypted), the genesis and one folder per node.",
      "The passphrase comes from --passphrase-file or the ALLIANCE_PASSPHRASE environment variable."
    },
    footer = {
      "",
      "Example:",
      "  alliance spec example cooperative > alliance.yaml",
      "  ALLIANCE_PASSPHRASE=... alliance bootstrap --spec alliance.yaml --out alliance/",
      "  alliance node start --config alliance/acme/node.yaml"
    })
public final class BootstrapCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--spec", required = true, paramLabel = "FILE", description = "alliance spec")
  Path specFile;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder")
  Path out;

  @Option(names = "--force", description = "overwrite a non-empty output folder")
  boolean force;

  @Option(
      names = "--passphrase-file",
      paramLabel = "FILE",
      description = "file holding the key passphrase (default: $ALLIANCE_PASSPHRASE)")
  Optional<Path> passphraseFile;

  @Override
  public Integer call() {
    AllianceSpec alliance;
    try {
      alliance = SpecParser.parse(specFile);
    } catch (ConfigException e) {
      throw CliException.failure(e.getMessage());
    }
    char[] passphrase = Passphrases.read(passphraseFile, Optional.empty());
    SecureRandom random = new SecureRandom();
    Bootstrap.KeySink keys =
        (file, key) -> {
          if (force) {
            Files.deleteIfExists(file);
          }
          KeyFile.save(file, key, passphrase, random);
        };
    Bootstrap.Result result;
    try {
      result =
          Bootstrap.run(
              alliance, out, force, random, System.currentTimeMillis(), keys, passphraseFile);
    } catch (IOException e) {
      throw CliException.failure(e.getMessage());
    }
    var w = spec.commandLine().getOut();
    w.printf(
        "alliance '%s' (%s, chain id %s)%n",
        alliance.name(), alliance.mode().specName(), alliance.chainId());
    w.printf("genesis hash %s%n", result.genesis().hash().toHex());
    result.nodeConfigs().forEach((member, config) -> w.printf("  %-12s %s%n", member, config));
    w.printf(
        "start a node with: alliance node start --config %s%n",
        result.nodeConfigs().values().iterator().next());
    return AllianceCommand.EXIT_OK;
  }
}
