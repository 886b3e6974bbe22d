package org.alliancechain.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC M-32: the packaged {@code ./alliance} run as a user runs it, in its own process, exit codes
 * and one-line errors included. It runs in the integration-test phase (cli/pom.xml, execution
 * "launcher"), after {@code package} built the jar; ALLIANCE_NO_BUILD makes the launcher refuse to
 * build, so a stale jar fails the test instead of starting Maven inside Maven.
 */
class LauncherIT {
  private static final long RUN_SECONDS_MAX = 120; // a JVM start on a loaded machine
  private static final long DEMO_READY_SECONDS_MAX = 300; // four node JVMs on a loaded machine
  private static Path root;

  @TempDir Path dir;

  @BeforeAll
  static void onlyAfterPackage() {
    assumeTrue(
        Boolean.getBoolean("alliance.launcher.it"),
        "runs in the integration-test phase, after package (mvn verify)");
    root = Path.of(System.getProperty("alliance.root")).toAbsolutePath().normalize();
  }

  private record Run(int exit, String out, String err) {}

  private Run alliance(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(root.resolve("alliance").toString());
    command.addAll(List.of(args));
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    builder.environment().put("ALLIANCE_NO_BUILD", "1");
    Process p = builder.start();
    if (!p.waitFor(RUN_SECONDS_MAX, TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor();
      throw new AssertionError("./alliance " + String.join(" ", args) + " did not finish");
    }
    return new Run(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void versionRunsThePackagedJarAndExitsZero() throws Exception {
    Run run = alliance("--version");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("alliance ");
    assertThat(run.err()).doesNotContain("building the jar");
  }

  @Test
  void helpHasNoColoursWhenItsOutputIsNotATerminal() throws Exception {
    Run run = alliance("contract", "--help"); // stdout is a file here
    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("Usage: alliance contract").doesNotContain("\u001B[");
  }

  @Test
  void validatesTheCorrectedListing1AndExitsZero() throws Exception {
    // paper Listing 1, as corrected in contracts' test resources (readable stand-in addresses)
    Path listing = root.resolve("contracts/src/test/resources/listings/listing1-corrected.xml");
    Run run = alliance("contract", "validate", "--test-addresses", listing.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("valid contract");
  }

  @Test
  void anInvalidContractNamesItsLineAndExitsOne() throws Exception {
    Path listing = root.resolve("contracts/src/test/resources/listings/listing1-corrected.xml");
    String good = Files.readString(listing, StandardCharsets.UTF_8);
    String renamed = good.replaceFirst("<smart_contract", "<smart_kontract");
    assertThat(renamed).isNotEqualTo(good);
    Path bad = dir.resolve("bad.xml");
    Files.writeString(bad, renamed);
    Run run = alliance("contract", "validate", "--test-addresses", bad.toString());
    assertThat(run.exit()).isEqualTo(AllianceCommand.EXIT_FAILURE);
    assertThat(run.out()).isEmpty();
    // every error is one line naming the file and where
    assertThat(run.err().lines().toList())
        .isNotEmpty()
        .allSatisfy(l -> assertThat(l).startsWith(bad.toString()).contains("line "));
  }

  @Test
  void aUsageErrorIsOneLineWithAHintAndExitsTwo() throws Exception {
    Run run = alliance("contract", "validate");
    assertThat(run.exit()).isEqualTo(AllianceCommand.EXIT_USAGE);
    List<String> lines = run.err().lines().toList();
    assertThat(lines.get(0)).startsWith("error: ").contains("FILE");
    assertThat(lines).hasSizeLessThanOrEqualTo(2); // the error, then where to find help
  }

  @Test
  void anInterruptedDemoLeavesNoNodeRunning() throws Exception {
    // SPEC M-33: Ctrl-C and a kill both end the JVM through its shutdown hooks; SIGTERM
    // (Process.destroy) takes that path without depending on how this JVM inherited SIGINT.
    Path out = dir.resolve("demo.txt");
    ProcessBuilder builder = new ProcessBuilder(root.resolve("alliance").toString(), "demo");
    builder.environment().put("ALLIANCE_NO_BUILD", "1");
    Process demo =
        builder
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(out.toFile())
            .start();
    List<ProcessHandle> nodes;
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEMO_READY_SECONDS_MAX);
      while (!Files.readString(out).contains("all nodes up")) {
        assertThat(demo.isAlive()).as(Files.readString(out)).isTrue();
        assertThat(System.nanoTime()).as("demo not up in time").isLessThan(deadline);
        Thread.sleep(200); // polling interval
      }
      nodes = demo.toHandle().children().toList();
      assertThat(nodes).as("the demo's node processes").hasSize(4);
    } finally {
      demo.destroy();
    }
    assertThat(demo.waitFor(RUN_SECONDS_MAX, TimeUnit.SECONDS)).isTrue();
    for (ProcessHandle node : nodes) {
      // the hooks wait for each node to exit before the JVM does
      assertThat(node.isAlive()).as("node " + node.pid()).isFalse();
    }
  }

  @Test
  void anUnreachableNodeIsOneLineAndExitsThree() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort(); // closed again: nothing listens there
    }
    Run run = alliance("chain", "status", "--node", "http://127.0.0.1:" + port);
    assertThat(run.exit()).isEqualTo(AllianceCommand.EXIT_UNREACHABLE);
    assertThat(run.err().lines().toList()).singleElement().asString().contains("cannot reach");
  }
}
