package org.alliancechain.cli.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alliancechain.cli.AllianceCommand;
import org.alliancechain.cli.CliException;
import org.alliancechain.cli.local.LocalAlliance;
import org.alliancechain.cli.node.ApiViews;
import org.alliancechain.core.crypto.KeyPair;
import org.alliancechain.token.tx.TokenTx;
import picocli.CommandLine;

/**
 * How the demo acts on an alliance: runs {@code alliance} commands as a member against its own
 * node, prints each step with the time since the demo started, counts the transactions it saw
 * committed (the summary compares them with the chain), and keeps blocks coming when a ledger rule
 * counts blocks (the chain cuts a block only when there is a transaction to put in it).
 */
final class DemoShell {
  private static final Pattern COMMITTED_AT =
      Pattern.compile("committed [0-9a-f]+ at height (\\d+)");
  private static final long FILLER_MONEY = 1;

  private final PrintWriter out;
  private final Path dir;
  private final String passphrase;
  private final long startNanos = System.nanoTime();
  // The highest height a demo command reported committed, in the alliance being driven.
  private long lastCommittedHeight;
  // Transactions the demo saw committed in the alliance being driven.
  private long committed;

  DemoShell(PrintWriter out, Path dir, String passphrase) {
    this.out = out;
    this.dir = dir;
    this.passphrase = passphrase;
  }

  PrintWriter out() {
    return out;
  }

  /** Starts counting for a new alliance. */
  void reset() {
    lastCommittedHeight = 0;
    committed = 0;
  }

  long committed() {
    return committed;
  }

  void step(String text) {
    long seconds = (System.nanoTime() - startNanos) / 1_000_000_000L;
    out.println();
    out.printf("-- [%3ds] %s%n", seconds, text);
    out.flush();
  }

  private Path passphraseFile() throws IOException {
    Path file = dir.resolve("passphrase");
    if (!Files.exists(file)) {
      Files.createDirectories(dir);
      LocalAlliance.writeSecret(file, passphrase);
    }
    return file;
  }

  /**
   * Runs an {@code alliance} command in this process, exactly as a member would type it against its
   * own node (its profile), and prints it with its output; a failing command fails the demo.
   */
  String cli(DemoAlliance a, String member, boolean signs, String... args) throws IOException {
    awaitHeight(a, member, lastCommittedHeight);
    List<String> line = new ArrayList<>(List.of(args));
    line.add("--profile");
    line.add(a.nodes.nodeDir(member).resolve("profile.yaml").toString());
    if (signs) {
      line.add("--passphrase-file");
      line.add(passphraseFile().toString());
    }
    out.printf("   $ alliance %s   [as %s]%n", shellWords(args), member);
    StringWriter captured = new StringWriter();
    StringWriter errors = new StringWriter();
    CommandLine commandLine = AllianceCommand.newCommandLine();
    commandLine.setOut(new PrintWriter(captured, true));
    commandLine.setErr(new PrintWriter(errors, true));
    int code = commandLine.execute(line.toArray(String[]::new));
    captured.toString().lines().forEach(l -> out.println("     " + l));
    out.flush();
    if (code != 0) {
      throw CliException.failure(
          "demo step failed (exit "
              + code
              + "): alliance "
              + shellWords(args)
              + ": "
              + errors.toString().strip());
    }
    Matcher m = COMMITTED_AT.matcher(captured.toString());
    while (m.find()) {
      committed++;
      lastCommittedHeight = Math.max(lastCommittedHeight, Long.parseLong(m.group(1)));
    }
    return captured.toString();
  }

  /** The arguments as a person would type them in a shell. */
  static String shellWords(String... args) {
    List<String> words = new ArrayList<>();
    for (String arg : args) {
      words.add(
          arg.matches("[A-Za-z0-9._:=/@%+,-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'");
    }
    return String.join(" ", words);
  }

  /** Signs {@code tx} as {@code signer}, submits it through {@code via}, waits for the commit. */
  ApiViews.TxStatus commit(DemoAlliance a, String via, KeyPair signer, TokenTx tx) {
    ApiViews.TxStatus t = a.commit(via, signer, tx);
    committed++;
    lastCommittedHeight = Math.max(lastCommittedHeight, t.height());
    return t;
  }

  /**
   * Submits small money transfers around the ring of members until the chain reaches {@code
   * height}: rules counted in blocks (a voting period, the report interval) need blocks, and blocks
   * need transactions.
   */
  void advanceTo(DemoAlliance a, long height) {
    List<String> members = a.nodes.members();
    int i = 0;
    long now = a.status(members.get(0)).height();
    if (now >= height) {
      return;
    }
    long fillers = 0;
    while (now < height) {
      String from = members.get(i % members.size());
      String to = members.get((i + 1) % members.size());
      now =
          commit(a, from, a.keys.get(from), new TokenTx.TransferMoney(a.key(to), FILLER_MONEY))
              .height();
      i++;
      fillers++;
    }
    out.printf(
        "   (%d small transfer(s) of %d money unit around the ring; now at height %d)%n",
        fillers, FILLER_MONEY, now);
    out.flush();
  }

  /**
   * A member's commands go to its own node, which may be a block behind the node that confirmed the
   * last write: wait until it has that block, as a person would see in `chain status`.
   */
  static void awaitHeight(DemoAlliance a, String member, long height) {
    long deadline = System.nanoTime() + DemoAlliance.COMMIT_MAX.toNanos();
    while (a.status(member).height() < height) {
      if (System.nanoTime() > deadline) {
        throw CliException.failure(member + "'s node did not reach height " + height);
      }
      try {
        Thread.sleep(20); // polling interval
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw CliException.failure("interrupted");
      }
    }
  }

  /** Waits until every node of the alliance has the last block the demo saw committed. */
  void awaitAllCaughtUp(DemoAlliance a) {
    for (String member : a.nodes.members()) {
      awaitHeight(a, member, lastCommittedHeight);
    }
  }
}
