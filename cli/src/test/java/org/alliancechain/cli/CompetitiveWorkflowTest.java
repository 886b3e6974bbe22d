package org.alliancechain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.alliancechain.config.ExampleSpecs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

// SPEC M-32: the competitive workflow from the CLI: diversified contract with a quality rule,
// one provider, escalation, the regulatory committee's award (M-16, M-20, M-24).
class CompetitiveWorkflowTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  private static InProcessAlliance alliance;
  private static URI node;

  @BeforeAll
  static void startAlliance() throws Exception {
    alliance = InProcessAlliance.start(dir, ExampleSpecs.COMPETITIVE);
    JsonNode profile =
        new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
            .readTree(Files.readString(alliance.profile("orion")));
    node = URI.create(profile.path("node").asText());
  }

  @AfterAll
  static void stopAlliance() {
    if (alliance != null) {
      alliance.close();
    }
  }

  private static CliRun as(String member, boolean signs, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--profile", alliance.profile(member).toString()));
    // SPEC M-18: a private record is kept by its owner's node; everything else goes to orion's
    boolean keepsRecord =
        args.length > 1
            && (List.of(args).subList(0, 2).equals(List.of("request", "create"))
                || List.of(args).subList(0, 2).equals(List.of("offer", "make")));
    if (!keepsRecord) {
      all.addAll(List.of("--node", node.toString()));
    }
    if (signs) {
      all.addAll(List.of("--passphrase-file", alliance.secret.toString()));
    }
    return CliRun.of(all.toArray(String[]::new));
  }

  private static CliRun ok(String member, String... args) {
    CliRun run = as(member, true, args);
    assertThat(run.exitCode()).as("%s %s: %s", member, List.of(args), run.err()).isZero();
    return run;
  }

  private static JsonNode read(String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--output", "json"));
    CliRun run = as("orion", false, all.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.err()).isZero();
    return JSON.readTree(run.out());
  }

  private static JsonNode awaitContract(String id, String state) throws Exception {
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
    JsonNode status;
    do {
      status = read("contract", "status", id);
      if (status.path("state").asText().equals(state)) {
        return status;
      }
      Thread.sleep(100); // polling interval, bounded by the deadline
    } while (System.nanoTime() < deadline);
    throw new AssertionError("contract " + id + " is still " + status);
  }

  @Test
  void qualityRulePaysOnlyAboveItsBoundAndTheCommitteeAwardsTheRest() throws Exception {
    // A passing resource: patent_value 1500 >= 1000, the provider gets the whole reward.
    ok(
        "orion",
        "request",
        "create",
        "--type",
        "knowledge",
        "--description",
        "patents",
        "--reward",
        "300",
        "--quality",
        "patent_value=1000",
        "--id",
        "r-1");
    ok("pulsar", "offer", "make", "r-1", "--id", "o-p");
    ok("quasar", "offer", "make", "r-1", "--id", "o-q");
    // M-13: competitive requests are shared with exactly one provider.
    CliRun two = as("orion", true, "offer", "accept", "r-1", "--offer", "o-p", "--offer", "o-q");
    assertThat(two.exitCode()).isEqualTo(AllianceCommand.EXIT_FAILURE);
    assertThat(two.err()).contains("competitive_single_provider");
    ok("orion", "offer", "accept", "r-1", "--offer", "o-p", "--contract-id", "c-1");
    ok("pulsar", "contract", "sign", "c-1");
    ok("orion", "contract", "sign", "c-1");
    ok("orion", "resource", "ack", "c-1", "--metadata", "patent_value=1500");
    assertThat(awaitContract("c-1", "fulfilled").path("tokensIssued").asLong()).isEqualTo(300);
    assertThat(read("wallet", "balance", "pulsar").path("tokens").asLong()).isEqualTo(300);

    // A failing one: 500 < 1000 escalates with nothing issued; the provider asks for support.
    ok(
        "orion",
        "request",
        "create",
        "--type",
        "knowledge",
        "--description",
        "more",
        "--reward",
        "200",
        "--quality",
        "patent_value=1000",
        "--id",
        "r-2");
    ok("quasar", "offer", "make", "r-2", "--id", "o-2");
    ok("orion", "offer", "accept", "r-2", "--offer", "o-2", "--contract-id", "c-2");
    ok("quasar", "contract", "sign", "c-2");
    ok("orion", "contract", "sign", "c-2");
    ok("orion", "resource", "ack", "c-2", "--metadata", "patent_value=500");
    JsonNode escalated = awaitContract("c-2", "escalated");
    assertThat(escalated.path("tokensIssued").asLong()).isZero();
    assertThat(escalated.path("reason").asText()).contains("patent_value");
    ok("quasar", "committee", "support", "c-2", "--reason", "delivered, quality disputed");
    JsonNode cases = read("committee", "cases", "--open").path("cases");
    assertThat(cases).hasSize(1);
    assertThat(cases.get(0).path("contractId").asText()).isEqualTo("c-2");
    assertThat(cases.get(0).path("baseAmount").asLong()).isEqualTo(200);
    long caseId = cases.get(0).path("id").asLong();
    CliRun outsider =
        as(
            "orion",
            true,
            "committee",
            "decide",
            String.valueOf(caseId),
            "--award-per-mille",
            "1001");
    assertThat(outsider.exitCode()).isEqualTo(AllianceCommand.EXIT_USAGE);
    for (String member : List.of("orion", "pulsar", "rigel")) {
      ok(member, "committee", "decide", String.valueOf(caseId), "--award-per-mille", "500");
    }
    assertThat(read("committee", "cases", "--open").path("cases")).isEmpty();
    // The committee's award: 500 per mille of the 200 base (M-24).
    assertThat(read("wallet", "balance", "quasar").path("tokens").asLong()).isEqualTo(100);
  }
}
