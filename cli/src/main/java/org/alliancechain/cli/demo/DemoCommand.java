package org.alliancechain.cli.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.alliancechain.cli.local.LocalAlliance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** SPEC M-33: one command, no arguments, both alliance modes end to end on this machine. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Start a cooperative and a competitive alliance (4 node processes each, on loopback, from",
      "the embedded specs) and run their workflows end to end, printing each step. Stops every",
      "process it started when it ends, fails, or is interrupted (Ctrl-C)."
    },
    footer = {"", "Example:  ./alliance demo            ./alliance demo --keep-running"})
public final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--keep-running",
      description = "leave both alliances up and say how to reach them")
  boolean keepRunning;

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      description = "where to bootstrap (default: a temp folder)")
  Path dir;

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    Path folder = dir != null ? dir : Files.createTempDirectory("alliance-demo-");
    byte[] secret = new byte[16];
    new SecureRandom().nextBytes(secret);
    String passphrase = HexFormat.of().formatHex(secret);
    Demo demo = new Demo(out, folder, passphrase);
    boolean keep = false;
    try {
      demo.run();
      out.printf("%ndemo finished: both alliances ran end to end.%n");
      keep = keepRunning;
      if (keep) {
        keepRunningUntilInterrupted(out, folder, passphrase, demo);
      }
      return 0;
    } finally {
      demo.stop();
      if (dir == null && !keep) {
        deleteTree(folder);
      }
      out.flush();
    }
  }

  private static void keepRunningUntilInterrupted(
      PrintWriter out, Path folder, String passphrase, Demo demo)
      throws IOException, InterruptedException {
    Path secret = folder.resolve("passphrase");
    LocalAlliance.writeSecret(secret, passphrase);
    out.printf("%nThe alliances keep running (Ctrl-C stops them). Reach them with the CLI:%n");
    for (LocalAlliance alliance : demo.alliances()) {
      for (String member : alliance.members()) {
        out.printf(
            "  ./alliance chain status --profile %s%n",
            alliance.nodeDir(member).resolve("profile.yaml"));
      }
    }
    out.printf("Signing commands need: export ALLIANCE_PASSPHRASE=$(cat %s)%n", secret);
    out.printf("%nWeb console of each node (read-only, in a browser):%n");
    for (LocalAlliance alliance : demo.alliances()) {
      for (String member : alliance.members()) {
        out.printf("  %-8s %s%n", member, alliance.api(member).resolve("/console/"));
      }
    }
    out.flush();
    new java.util.concurrent.CountDownLatch(1).await();
  }

  private static void deleteTree(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
