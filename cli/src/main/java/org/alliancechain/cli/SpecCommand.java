package org.alliancechain.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.alliancechain.config.AllianceSpec;
import org.alliancechain.config.ConfigException;
import org.alliancechain.config.ExampleSpecs;
import org.alliancechain.config.MemberSpec;
import org.alliancechain.config.SpecParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Alliance spec files: print an example, validate one offline. */
@Command(
    name = "spec",
    description = "Alliance spec files (the input of bootstrap): examples and offline validation.",
    mixinStandardHelpOptions = true,
    subcommands = {SpecCommand.Example.class, SpecCommand.Validate.class})
final class SpecCommand {

  @Command(
      name = "example",
      description = "Print an embedded, commented alliance spec to start from.",
      mixinStandardHelpOptions = true,
      footer = {"", "Example:  alliance spec example competitive > alliance.yaml"})
  static final class Example implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(
        paramLabel = "MODE",
        defaultValue = "cooperative",
        description = "cooperative (default) or competitive")
    String mode;

    @Override
    public Integer call() {
      if (!mode.equals(ExampleSpecs.COOPERATIVE) && !mode.equals(ExampleSpecs.COMPETITIVE)) {
        throw CliException.usage("MODE must be cooperative or competitive, got '" + mode + "'");
      }
      spec.commandLine().getOut().print(ExampleSpecs.text(mode));
      return AllianceCommand.EXIT_OK;
    }
  }

  @Command(
      name = "validate",
      description = "Check an alliance spec file and list every error with its path.",
      mixinStandardHelpOptions = true,
      footer = {"", "Example:  alliance spec validate alliance.yaml"})
  static final class Validate implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "the alliance spec (YAML)")
    Path file;

    @Override
    public Integer call() {
      AllianceSpec alliance;
      try {
        alliance = SpecParser.parse(file);
      } catch (ConfigException e) {
        throw CliException.failure(e.getMessage());
      }
      var out = spec.commandLine().getOut();
      out.printf(
          "%s: valid %s alliance '%s' (chain id %s), %d members, %d validators%n",
          file,
          alliance.mode().specName(),
          alliance.name(),
          alliance.chainId(),
          alliance.members().size(),
          alliance.validators().size());
      for (MemberSpec m : alliance.members()) {
        out.printf(
            "  %-12s %-40s peer %s:%d  api %s:%d%n",
            m.name(),
            m.roles().stream().map(r -> r.specName()).sorted().toList(),
            m.host(),
            m.peerPort(),
            m.host(),
            m.apiPort());
      }
      return AllianceCommand.EXIT_OK;
    }
  }
}
