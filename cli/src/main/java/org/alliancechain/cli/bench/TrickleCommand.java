package org.alliancechain.cli.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.alliancechain.cli.AllianceCommand;
import org.alliancechain.cli.CliException;
import org.alliancechain.cli.client.NodeClient;
import org.alliancechain.config.AllianceSpec;
import org.alliancechain.config.ConfigException;
import org.alliancechain.config.MemberSpec;
import org.alliancechain.config.SpecParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Issue 9: "with 1,000 trickling connections open, the p99 commit latency of a steady load rises by
 * no more than 10 %". Two benchmark runs of the same steady load on fresh alliances, the second
 * with {@link Trickler} connections open to every API and peer port from the nodes' start to the
 * end of the measure; prints both p99s and the rise. See docs/reliability.md.
 */
@Command(
    name = "trickle",
    mixinStandardHelpOptions = true,
    description = {
      "Run a steady load on a fresh local alliance twice: alone, then with N",
      "slow connections open to the API and peer ports (a byte a second each,",
      "from source addresses 127.0.0.2 and up, reconnecting when cut), and",
      "report both p99 commit latencies and the rise. Linux loopback only;",
      "measure on a quiet machine. See docs/reliability.md."
    },
    footer = {"", "Example:  alliance dev trickle --connections 1000 --rate 200 --duration 60"})
public final class TrickleCommand implements Callable<Integer> {
  public static final int CONNECTIONS_MAX = 5_000;
  public static final double RISE_PERCENT_MAX = 10;

  @Spec CommandSpec spec;

  @Option(
      names = "--connections",
      paramLabel = "N",
      description = "trickling connections, half to API ports, half to peer ports (default: 1000)")
  int connections = 1_000;

  @Option(names = "--validators", paramLabel = "N", description = "validators (default: 4)")
  int validators = 4;

  @Option(
      names = "--rate",
      paramLabel = "TPS",
      description = "the steady load, transfers per second (default: 200)")
  long rate = 200;

  @Option(
      names = "--duration",
      paramLabel = "SECONDS",
      description = "measured time of each run after the warm-up (default: 30)")
  int durationSeconds = 30;

  @Option(
      names = "--warmup",
      paramLabel = "SECONDS",
      description = "load before measuring starts (default: 10)")
  int warmupSeconds = 10;

  @Option(
      names = "--byte-interval-ms",
      paramLabel = "MILLIS",
      description = "time between two bytes on one trickling connection (default: 1000)")
  long byteIntervalMillis = 1_000;

  @Option(names = "--output", paramLabel = "table|json", description = "(default: table)")
  String output = "table";

  /** Both runs and the trickle's own figures. */
  public record TrickleReport(
      int connections,
      long rate,
      BenchReport.Latency alone,
      BenchReport.Latency trickled,
      double p99RisePercent,
      boolean withinTarget,
      Trickler.Stats trickle,
      long committedAlone,
      long committedTrickled) {}

  @Override
  public Integer call() {
    check();
    PrintWriter err = spec.commandLine().getErr();
    BenchRun.Options o =
        new BenchRun.Options(
            validators,
            "transfer",
            warmupSeconds,
            durationSeconds,
            rate,
            2 * validators,
            500,
            rate + rate / 10 + 1,
            Optional.empty(),
            false,
            Map.of());
    AtomicReference<Trickler.Stats> stats = new AtomicReference<>();
    BenchReport alone;
    BenchReport trickled;
    try {
      err.println("run 1 of 2: the steady load alone");
      err.flush();
      alone = new BenchRun(o, err).run();
      err.println("run 2 of 2: the same load with " + connections + " trickling connections");
      err.flush();
      trickled =
          new BenchRun(o, err)
              .beside(
                  alliance -> {
                    Trickler t =
                        new Trickler(targets(alliance), connections, byteIntervalMillis).start();
                    return () -> {
                      stats.set(t.stats());
                      t.close();
                    };
                  })
              .run();
    } catch (IOException | ConfigException e) {
      throw CliException.failure("the trickle benchmark failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw CliException.failure("the trickle benchmark was interrupted");
    }
    double before = alone.latencyMillis().p99();
    double after = trickled.latencyMillis().p99();
    double rise = before > 0 ? 100.0 * (after - before) / before : 0;
    TrickleReport report =
        new TrickleReport(
            connections,
            rate,
            alone.latencyMillis(),
            trickled.latencyMillis(),
            Math.round(rise * 10) / 10.0,
            rise <= RISE_PERCENT_MAX,
            stats.get(),
            alone.committedInWindow(),
            trickled.committedInWindow());
    print(report);
    return alone.committedInWindow() > 0 && trickled.committedInWindow() > 0
        ? AllianceCommand.EXIT_OK
        : AllianceCommand.EXIT_FAILURE;
  }

  private void check() {
    if (connections < 1 || connections > CONNECTIONS_MAX) {
      throw CliException.usage("--connections must be 1 to " + CONNECTIONS_MAX);
    }
    if (validators < SpecParser.VALIDATORS_MIN || validators > BenchCommand.VALIDATORS_MAX) {
      throw CliException.usage(
          "--validators must be "
              + SpecParser.VALIDATORS_MIN
              + " to "
              + BenchCommand.VALIDATORS_MAX);
    }
    if (rate < 1 || durationSeconds < 1 || warmupSeconds < 0 || byteIntervalMillis < 10) {
      throw CliException.usage(
          "--rate and --duration must be positive, --byte-interval-ms at least 10");
    }
    if (!output.equals("table") && !output.equals("json")) {
      throw CliException.usage("--output must be table or json");
    }
  }

  /** Every member's API port, then every peer port, so that the connections alternate. */
  static List<Trickler.Target> targets(AllianceSpec alliance) {
    List<Trickler.Target> api = new ArrayList<>();
    List<Trickler.Target> peer = new ArrayList<>();
    for (MemberSpec m : alliance.members()) {
      api.add(
          new Trickler.Target(
              new InetSocketAddress(InetAddress.getLoopbackAddress(), m.apiPort()), true));
      peer.add(
          new Trickler.Target(
              new InetSocketAddress(InetAddress.getLoopbackAddress(), m.peerPort()), false));
    }
    List<Trickler.Target> all = new ArrayList<>();
    for (int i = 0; i < api.size(); i++) {
      all.add(api.get(i));
      all.add(peer.get(i));
    }
    return all;
  }

  private void print(TrickleReport r) {
    PrintWriter w = spec.commandLine().getOut();
    if (output.equals("json")) {
      w.println(NodeClient.toJson(r));
    } else {
      w.printf("steady load          %d transfers/s, %d validators%n", r.rate(), validators);
      w.printf(
          "p99 commit latency   alone %.1f ms (%d samples), with %d trickling connections %.1f ms"
              + " (%d samples)%n",
          r.alone().p99(),
          r.alone().samples(),
          r.connections(),
          r.trickled().p99(),
          r.trickled().samples());
      w.printf(
          "p99 rise             %.1f %% (target: at most %.0f %%: %s)%n",
          r.p99RisePercent(), RISE_PERCENT_MAX, r.withinTarget() ? "met" : "NOT met");
      Trickler.Stats s = r.trickle();
      if (s != null) {
        w.printf(
            "trickle              %d open at the end, %d connects, %d cut by the nodes,"
                + " %d connects refused%n",
            s.open(), s.connects(), s.cutByServer(), s.connectFailures());
      }
    }
    w.flush();
  }
}
