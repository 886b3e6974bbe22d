package org.alliancechain.cli.chaos;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import org.alliancechain.cli.AllianceCommand;
import org.alliancechain.cli.CliException;
import org.alliancechain.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code alliance dev chaos}: fault injection against real node processes (issue 9). */
@Command(
    name = "chaos",
    mixinStandardHelpOptions = true,
    description = {
      "Starts an alliance of real node processes on loopback, each behind a fault-injecting TCP",
      "proxy, drives a steady load of transfers and injects faults from a seeded schedule: SIGKILL",
      "and restart (primary included), SIGSTOP/SIGCONT, delayed, lossy, cut and one-way-cut links,",
      "partitions that heal, crashes at the k-th durable write of each kind, a full disk. Then checks",
      "every node: same blocks and state roots, every acknowledged transaction exactly once, no",
      "acknowledged block lost, no conflicting signed vote. Exit 0 when all checks pass, 1 if not.",
      "Test-only: the nodes run with the dev test switches (see docs/reliability.md)."
    })
public final class ChaosCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--duration",
      defaultValue = "90",
      paramLabel = "SECONDS",
      description = "how long to inject faults (default ${DEFAULT-VALUE}); the checks follow")
  int durationSeconds;

  @Option(
      names = "--seed",
      paramLabel = "S",
      description = "the schedule's seed (default: random, printed)")
  Long seed;

  @Option(
      names = "--validators",
      defaultValue = "4",
      description = "validators (default ${DEFAULT-VALUE})")
  int validators;

  @Option(
      names = "--crash-sweep",
      defaultValue = "0",
      paramLabel = "K",
      description =
          "first crash every node kind by kind at write 1..K (block-batch, vote, checkpoint)")
  int crashSweep;

  @Option(
      names = "--tps",
      defaultValue = "20",
      description = "transfers per second offered (default ${DEFAULT-VALUE})")
  long txPerSecond;

  @Option(
      names = "--kinds",
      split = ",",
      paramLabel = "KIND",
      description =
          "draw random faults only from these kinds (default all): kill, pause, delay, drop, cut,"
              + " one-way-cut, isolate, split, crash-at, disk-full")
  java.util.List<String> kinds = java.util.List.of();

  @Option(
      names = "--keep",
      description = "keep the nodes' folder (logs) after the run (a failed run always keeps it)")
  boolean keep;

  @Option(
      names = "--output",
      defaultValue = "text",
      description = "text or json (default ${DEFAULT-VALUE})")
  String output;

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (validators < 4 || validators > 16) {
      throw CliException.usage("--validators must be 4 to 16 (faults need f >= 1)");
    }
    if (durationSeconds < 1 || crashSweep < 0 || crashSweep > 10 || txPerSecond < 1) {
      throw CliException.usage("--duration >= 1, --crash-sweep 0..10, --tps >= 1");
    }
    if (!output.equals("text") && !output.equals("json")) {
      throw CliException.usage("--output must be text or json");
    }
    java.util.Set<FaultSchedule.Kind> drawn = java.util.EnumSet.noneOf(FaultSchedule.Kind.class);
    for (String k : kinds) {
      FaultSchedule.Kind kind = null;
      for (FaultSchedule.Kind candidate : FaultSchedule.Kind.values()) {
        if (candidate.label().equals(k)) {
          kind = candidate;
        }
      }
      if (kind == null) {
        throw CliException.usage("unknown fault kind '" + k + "' for --kinds");
      }
      drawn.add(kind);
    }
    if (drawn.isEmpty()) {
      drawn = java.util.EnumSet.allOf(FaultSchedule.Kind.class);
    }
    long s = seed != null ? seed : new SecureRandom().nextLong();
    PrintWriter err = spec.commandLine().getErr();
    ChaosReport report;
    try {
      report =
          new ChaosRun(
                  new ChaosRun.Options(
                      validators, durationSeconds, s, crashSweep, txPerSecond, 4, keep, drawn),
                  err)
              .run();
    } catch (ConfigException e) {
      throw CliException.failure("the chaos alliance's spec is invalid: " + e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    if (output.equals("json")) {
      out.println(
          new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
    } else {
      out.print(report.text());
    }
    out.flush();
    return report.passed() ? AllianceCommand.EXIT_OK : AllianceCommand.EXIT_FAILURE;
  }
}
