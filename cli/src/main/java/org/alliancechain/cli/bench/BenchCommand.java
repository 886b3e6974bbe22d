package org.alliancechain.cli.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.alliancechain.cli.AllianceCommand;
import org.alliancechain.cli.CliException;
import org.alliancechain.cli.client.NodeClient;
import org.alliancechain.config.ConfigException;
import org.alliancechain.config.SpecParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Issue 8: throughput and latency of a fresh local alliance, beside the machine's own limits. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Bootstrap a fresh alliance of N validators on loopback in a temp folder, submit pre-signed",
      "transactions over HTTP, and report committed TPS, submit-to-commit latency, blocks, CPU,",
      "memory, disk and view changes, beside this machine's Ed25519 and RocksDB limits.",
      "Stops every node it started and deletes the folder, also on Ctrl-C. See docs/benchmarks.md."
    },
    footer = {"", "Example:  alliance bench --validators 4 --duration 30 --rate max"})
public final class BenchCommand implements Callable<Integer> {
  public static final int VALIDATORS_MAX = 16;
  public static final int DURATION_SECONDS_MAX = 3600;
  public static final int IN_FLIGHT_PER_SENDER_MAX = 900; // below Mempool.NONCE_AHEAD_MAX

  @Spec CommandSpec spec;

  @Option(names = "--validators", paramLabel = "N", description = "validators (default: 4)")
  int validators = 4;

  @Option(
      names = "--duration",
      paramLabel = "SECONDS",
      description = "measured time after the warm-up (default: 30)")
  int durationSeconds = 30;

  @Option(
      names = "--warmup",
      paramLabel = "SECONDS",
      description = "load before measuring starts (default: 5)")
  int warmupSeconds = 5;

  @Option(
      names = "--workload",
      paramLabel = "KIND",
      description =
          "transfer (default): money transfers; sharing: the cooperative workflow (request,"
              + " offer, accept, signatures, binding, acknowledgement)")
  String workload = "transfer";

  @Option(
      names = "--rate",
      paramLabel = "TPS|max",
      description = "open-loop rate, or max for a closed loop (default: max)")
  String rate = "max";

  @Option(names = "--output", paramLabel = "table|json", description = "(default: table)")
  String output = "table";

  @Option(
      names = "--connections",
      paramLabel = "N",
      description = "HTTP connections of the load generator (default: 2 per validator)")
  Integer connections;

  @Option(
      names = "--in-flight",
      paramLabel = "N",
      description = "submitted, not yet committed transactions per sender (default: 500)")
  int inFlightPerSender = 500;

  @Option(
      names = "--presign-tps",
      paramLabel = "TPS",
      description = "with --rate max: how many transactions per second to pre-sign (default: 6000)")
  long presignTps = 6000;

  @Option(
      names = "--heap-check",
      description =
          "force a full GC in every validator shortly before the window and right after it, and"
              + " report the live heap at both: a leak check for long runs (the first collection"
              + " falls in the warm-up)")
  boolean heapCheck;

  @Option(
      names = "--jfr",
      paramLabel = "FILE",
      description = "record a JFR profile (settings=profile) of the first validator into FILE")
  Path jfr;

  @Option(
      names = "--param",
      paramLabel = "NAME=VALUE",
      description =
          "an alliance parameter of the bench's genesis, repeatable (e.g."
              + " view-change-timeout-ms=10000, batch-tx-max=500); default: the defaults")
  java.util.Map<String, String> parameters = new java.util.TreeMap<>();

  @Override
  public Integer call() {
    BenchRun.Options o = options();
    BenchReport report;
    try {
      report = new BenchRun(o, spec.commandLine().getErr()).run();
    } catch (IOException | ConfigException e) {
      // Some I/O exceptions (a refused connection) carry no message: name the class then.
      throw CliException.failure(
          "the benchmark failed: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw CliException.failure("the benchmark was interrupted");
    }
    var w = spec.commandLine().getOut();
    if (output.equals("json")) {
      w.println(NodeClient.toJson(report));
      w.flush();
    } else {
      report.printTable(w);
    }
    return report.committedWorkload() > 0 ? AllianceCommand.EXIT_OK : AllianceCommand.EXIT_FAILURE;
  }

  private BenchRun.Options options() {
    if (validators < SpecParser.VALIDATORS_MIN || validators > VALIDATORS_MAX) {
      throw CliException.usage(
          "--validators must be " + SpecParser.VALIDATORS_MIN + " to " + VALIDATORS_MAX);
    }
    if (durationSeconds < 1 || durationSeconds > DURATION_SECONDS_MAX || warmupSeconds < 0) {
      throw CliException.usage("--duration must be 1 to " + DURATION_SECONDS_MAX + " seconds");
    }
    if (!workload.equals("transfer") && !workload.equals("sharing")) {
      throw CliException.usage("--workload must be transfer or sharing");
    }
    if (!output.equals("table") && !output.equals("json")) {
      throw CliException.usage("--output must be table or json");
    }
    if (inFlightPerSender < 1 || inFlightPerSender > IN_FLIGHT_PER_SENDER_MAX) {
      throw CliException.usage("--in-flight must be 1 to " + IN_FLIGHT_PER_SENDER_MAX);
    }
    long tps;
    if (rate.equals("max")) {
      tps = 0;
    } else {
      try {
        tps = Long.parseLong(rate);
      } catch (NumberFormatException e) {
        throw CliException.usage("--rate must be a number of transactions per second or max");
      }
      if (tps < 1) {
        throw CliException.usage("--rate must be positive");
      }
    }
    int conns = connections != null ? connections : 2 * validators;
    if (conns < 1 || conns > 256) {
      throw CliException.usage("--connections must be 1 to 256");
    }
    long presign = tps == 0 ? presignTps : tps + tps / 10 + 1;
    return new BenchRun.Options(
        validators,
        workload,
        warmupSeconds,
        durationSeconds,
        tps,
        conns,
        inFlightPerSender,
        presign,
        Optional.ofNullable(jfr),
        heapCheck,
        java.util.Map.copyOf(parameters));
  }
}
