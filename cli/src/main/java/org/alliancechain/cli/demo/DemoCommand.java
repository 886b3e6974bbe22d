package org.alliancechain.cli.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
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
      "Start a cooperative and then a competitive alliance (4 node processes each, on loopback,",
      "from the embedded specs) and run their workflows end to end, printing each step: sharing",
      "requests over the LFT/TFT, contracts and tokens, a DAO vote, an OTC swap, a profit",
      "distribution, a committee case and its precedent, the amelioration report, f_ACO/f_ACM",
      "and a summary. Exit 0 when every step did what it should, 1 otherwise (the node logs are",
      "kept). Stops every process it started when it ends, fails, or is interrupted (Ctrl-C)."
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
    Demo demo = new Demo(out, folder, passphrase, keepRunning);
    // Ctrl-C runs shutdown hooks, not this method's finally: stop the nodes (LocalAlliance has its
    // own hook too) and remove the temp folder there as well.
    AtomicBoolean stopping = new AtomicBoolean();
    Thread onInterrupt =
        new Thread(
            () -> {
              stopping.set(true);
              demo.stop();
              if (dir == null) {
                deleteQuietly(folder);
              }
            },
            "demo-shutdown");
    Runtime.getRuntime().addShutdownHook(onInterrupt);
    boolean finished = false;
    try {
      demo.run();
      finished = true;
      out.printf("%ndemo finished: both alliances ran end to end.%n");
      if (keepRunning) {
        keepRunningUntilInterrupted(out, folder, passphrase, demo);
      }
      return 0;
    } finally {
      removeHook(onInterrupt);
      demo.stop();
      if (stopping.get()) {
        // Interrupted: the hook stops the nodes and removes the folder.
      } else if (!finished) {
        // The error names a node's log: keep them to be read.
        spec.commandLine().getErr().printf("demo: the nodes' logs are kept in %s%n", folder);
      } else if (dir == null) {
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
      out.printf("  %s%n", alliance.dir().getFileName());
      for (String member : alliance.members()) {
        out.printf(
            "    %-8s API %s   ./alliance chain status --profile %s%n",
            member, alliance.api(member), alliance.nodeDir(member).resolve("profile.yaml"));
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

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // Already shutting down: the hook is running or has run.
    }
  }

  private static void deleteQuietly(Path folder) {
    try {
      deleteTree(folder);
    } catch (IOException e) {
      System.err.println("demo: could not remove " + folder + ": " + e.getMessage());
    }
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
