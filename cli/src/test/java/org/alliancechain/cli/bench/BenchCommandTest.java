package org.alliancechain.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.alliancechain.cli.AllianceCommand;
import org.alliancechain.config.AllianceSpec;
import org.alliancechain.config.MemberSpec;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchCommandTest {
  private record Run(int exitCode, String out, String err) {}

  private static Run run(String... args) {
    CommandLine commandLine = AllianceCommand.newCommandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int code = commandLine.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private static List<Path> benchFolders() throws IOException {
    try (Stream<Path> entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return entries.filter(p -> p.getFileName().toString().startsWith("alliance-bench-")).toList();
    }
  }

  // Issue 8: a short smoke of the command; throughput is never asserted, only that it completes,
  // reports committed transactions, and leaves no process and no folder behind.
  @Test
  void shortRunCommitsReportsAndCleansUp() throws IOException {
    List<Path> before = benchFolders();
    Run run =
        run(
            "bench",
            "--validators",
            "4",
            "--warmup",
            "1",
            "--duration",
            "3",
            "--presign-tps",
            "1000",
            "--heap-check",
            "--output",
            "json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode report = new ObjectMapper().readTree(run.out());
    assertThat(report.path("committedWorkload").asLong()).isPositive();
    for (JsonNode node : report.path("nodes")) {
      // --heap-check: a full GC in each validator before and after the window, heap read after.
      assertThat(node.path("liveHeapStartBytes").asLong()).isBetween(1L << 20, 1L << 30);
      assertThat(node.path("liveHeapEndBytes").asLong()).isBetween(1L << 20, 1L << 30);
    }
    assertThat(report.path("committedTotal").asLong())
        .isGreaterThan(report.path("committedWorkload").asLong()); // plus the 4 funding deposits
    assertThat(report.path("validators").asInt()).isEqualTo(4);
    assertThat(report.path("nodes")).hasSize(4);
    assertThat(report.path("verifiesPerSecondPerCore").asDouble()).isPositive();
    assertThat(report.path("syncedBatchesPerSecond").asDouble()).isPositive();
    List<String> fields = new java.util.ArrayList<>();
    report.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).last().isEqualTo("ratio"); // issue 8: "It prints that ratio last."
    assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive)).isEmpty();
    assertThat(benchFolders()).containsExactlyInAnyOrderElementsOf(before);
  }

  // Issue 8: the sharing workload runs the cooperative workflow end to end on real nodes; every
  // sampled committed step must have succeeded, or its throughput would count refused work.
  @Test
  void sharingRunCompletesWorkflowsThatTheLedgerAccepts() throws IOException {
    Run run =
        run(
            "bench",
            "--workload",
            "sharing",
            "--warmup",
            "1",
            "--duration",
            "4",
            "--presign-tps",
            "400",
            "--output",
            "json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode report = new ObjectMapper().readTree(run.out());
    assertThat(report.path("workload").asText()).isEqualTo("sharing");
    JsonNode execution = report.path("execution");
    assertThat(execution.path("sampled").asInt()).isPositive();
    assertThat(execution.path("failedByCode").size()).as(execution.toString()).isZero();
    assertThat(execution.path("succeeded").asInt()).isEqualTo(execution.path("sampled").asInt());
    assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive)).isEmpty();
  }

  @Test
  void refusesAnUnknownWorkload() {
    Run run = run("bench", "--workload", "lottery");
    assertThat(run.exitCode()).isEqualTo(AllianceCommand.EXIT_USAGE);
    assertThat(run.err()).contains("--workload must be transfer or sharing");
  }

  @Test
  void refusesFewerThanFourValidators() {
    // SPEC M-30 via SpecParser.VALIDATORS_MIN: BFT with f = 1 needs 3f + 1 = 4.
    assertThat(run("bench", "--validators", "3").exitCode()).isEqualTo(AllianceCommand.EXIT_USAGE);
  }

  @Test
  void paramOptionsReachTheGenesisParametersAndBadOnesAreRefused() throws Exception {
    AllianceSpec spec = BenchSpec.of(4, java.util.Map.of("view-change-timeout-ms", "10000"));
    assertThat(spec.parameters().get(org.alliancechain.config.Parameter.VIEW_CHANGE_TIMEOUT_MS))
        .isEqualTo(10_000L);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> BenchSpec.of(4, java.util.Map.of("no-such-parameter", "1")))
        .isInstanceOf(org.alliancechain.config.ConfigException.class);
  }

  @Test
  void specHasTheRequestedValidatorsOnDistinctFreePorts() throws Exception {
    AllianceSpec spec = BenchSpec.of(7);
    assertThat(spec.validators()).hasSize(7);
    assertThat(spec.gateway()).isEqualTo(BenchSpec.GATEWAY);
    List<Integer> ports =
        spec.members().stream()
            .flatMap(m -> Stream.of(m.peerPort(), m.apiPort()))
            .distinct()
            .toList();
    assertThat(ports).hasSize(14);
    assertThat(spec.members().stream().map(MemberSpec::name))
        .containsExactly("v01", "v02", "v03", "v04", "v05", "v06", "v07");
  }

  @Test
  void percentileIsNearestRank() {
    // Nearest-rank definition: rank = ceil(p/100 * n); for 1..10, p50 -> 5, p95 -> 10, p99 -> 10.
    long[] sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    assertThat(BenchReport.Latency.percentile(sorted, 50)).isEqualTo(5);
    assertThat(BenchReport.Latency.percentile(sorted, 95)).isEqualTo(10);
    assertThat(BenchReport.Latency.percentile(sorted, 99)).isEqualTo(10);
    assertThat(BenchReport.Latency.percentile(new long[] {42}, 50)).isEqualTo(42);
  }
}
