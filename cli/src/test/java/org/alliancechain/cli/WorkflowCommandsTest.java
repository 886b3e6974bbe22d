package org.alliancechain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.alliancechain.config.ExampleSpecs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

// SPEC M-32: every step of the cooperative workflow from the CLI against a running alliance.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkflowCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  private static InProcessAlliance alliance;
  private static java.net.URI acmeNode;

  @BeforeAll
  static void startAlliance() throws Exception {
    alliance = InProcessAlliance.start(dir, ExampleSpecs.COOPERATIVE);
    acmeNode = nodeUri("acme");
  }

  @AfterAll
  static void stopAlliance() {
    if (alliance != null) {
      alliance.close();
    }
  }

  /** Runs a command as {@code member} (its profile and key), signing with the test passphrase. */
  private static CliRun as(String member, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--profile");
    all.add(alliance.profile(member).toString());
    // Every command goes through one node, so a read sees what the previous command committed
    // there; the other nodes may be a block behind.
    all.add("--node");
    all.add(acmeNode.toString());
    if (signs(args)) {
      all.add("--passphrase-file");
      all.add(alliance.secret.toString());
    }
    return CliRun.of(all.toArray(String[]::new));
  }

  private static boolean signs(String... args) {
    String verb = args[0] + " " + args[1];
    return List.of(
            "request create",
            "request withdraw",
            "offer make",
            "offer accept",
            "offer reject",
            "contract sign",
            "contract cancel",
            "resource ack",
            "wallet transfer",
            "dao propose",
            "wallet deposit",
            "swap offer",
            "swap accept",
            "profit declare",
            "dao vote")
        .contains(verb);
  }

  private static CliRun ok(String member, String... args) {
    CliRun run = as(member, args);
    assertThat(run.exitCode()).as("%s %s: %s", member, List.of(args), run.err()).isZero();
    return run;
  }

  private static JsonNode json(String member, String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--output");
    all.add("json");
    return JSON.readTree(ok(member, all.toArray(String[]::new)).out());
  }

  private static long tokens(String member) throws Exception {
    return json("acme", "wallet", "balance", member).path("tokens").asLong();
  }

  @Test
  @Order(1)
  void cooperativeWorkflowFromRequestToIssuedTokens() throws Exception {
    assertThat(json("acme", "request", "list").path("requests")).isEmpty();
    long reward = parameter("reward-standard-tokens");
    assertThat(reward).isEqualTo(100); // the cooperative example spec sets it to 100
    long birchBefore = tokens("birch");
    long cobaltBefore = tokens("cobalt");

    ok(
        "acme",
        "request",
        "create",
        "--type",
        "data",
        "--description",
        "sensor logs",
        "--quantity",
        "2",
        "--id",
        "r-1",
        "--deadline",
        "1d");
    JsonNode request = json("birch", "request", "show", "r-1");
    assertThat(request.path("phase").asText()).isEqualTo("open");
    assertThat(request.path("reward").asLong()).isEqualTo(reward);
    assertThat(request.path("requesterMember").asText()).isEqualTo("acme");

    // M-10: the request is in every other member's inbox, not in the requester's own.
    assertThat(ok("birch", "request", "inbox").out()).contains("r-1");
    assertThat(ok("acme", "request", "inbox").out()).doesNotContain("r-1");
    assertThat(ok("birch", "request", "inbox", "--type", "money").out()).doesNotContain("r-1");

    ok("birch", "offer", "make", "r-1", "--id", "o-b", "--description", "fleet data");
    ok("cobalt", "offer", "make", "r-1", "--id", "o-c", "--description", "app data");
    ok("delta", "offer", "make", "r-1", "--id", "o-d", "--description", "bank data");
    ok("acme", "offer", "reject", "r-1", "--offer", "o-d");
    // Cooperative mode: two providers with share parts 2 and 1 (M-13).
    ok(
        "acme",
        "offer",
        "accept",
        "r-1",
        "--offer",
        "o-b:2",
        "--offer",
        "o-c:1",
        "--contract-id",
        "c-1",
        "--duration",
        "1d");

    JsonNode offers = json("acme", "offer", "list", "r-1");
    assertThat(offers).hasSize(3);
    assertThat(statusOf(offers, "o-b")).isEqualTo("accepted");
    assertThat(statusOf(offers, "o-d")).isEqualTo("rejected");

    String xml = ok("birch", "contract", "show", "c-1").out();
    assertThat(xml).contains("<smart_contract").contains("c-1");
    Path file = dir.resolve("c-1.xml");
    Files.writeString(file, xml);
    assertThat(CliRun.of("contract", "validate", file.toString()).exitCode()).isZero();

    for (String party : List.of("birch", "cobalt", "acme")) {
      ok(party, "contract", "sign", "c-1");
    }
    ok("acme", "resource", "ack", "c-1", "--period", "0");

    JsonNode status = awaitState("c-1", "fulfilled");
    assertThat(status.path("signed")).hasSize(3);
    List<String> signers = new ArrayList<>();
    status.path("signerMembers").forEach(n -> signers.add(n.asText()));
    assertThat(signers).containsExactlyInAnyOrder("birch", "cobalt", "acme");
    assertThat(status.path("tokensIssued").asLong()).isEqualTo(reward);
    long birchGain = tokens("birch") - birchBefore;
    long cobaltGain = tokens("cobalt") - cobaltBefore;
    // The reward standard split 2:1 between the providers; no token created or lost (M-19).
    assertThat(birchGain + cobaltGain).isEqualTo(reward);
    assertThat(birchGain).isGreaterThan(cobaltGain);
    assertThat(birchGain).isBetween(2 * reward / 3, 2 * reward / 3 + 1);
    assertThat(json("acme", "request", "show", "r-1").path("phase").asText())
        .isEqualTo("fulfilled");
  }

  private static long parameter(String name) throws Exception {
    var client = new org.alliancechain.cli.client.NodeClient(nodeUri("acme"));
    for (var p :
        client
            .get("/parameters", org.alliancechain.cli.node.WorkflowViews.Parameters.class)
            .parameters()) {
      if (p.name().equals(name)) {
        return p.value();
      }
    }
    throw new AssertionError("no parameter " + name);
  }

  private static java.net.URI nodeUri(String member) throws Exception {
    JsonNode profile =
        new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
            .readTree(Files.readString(alliance.profile(member)));
    return java.net.URI.create(profile.path("node").asText());
  }

  private static String statusOf(JsonNode offers, String id) {
    for (JsonNode o : offers) {
      if (o.path("id").asText().equals(id)) {
        return o.path("status").asText();
      }
    }
    throw new AssertionError("no offer " + id);
  }

  /** Contracts step at the end of every block: poll its status until it reaches {@code state}. */
  private static JsonNode awaitState(String id, String state) throws Exception {
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
    JsonNode status;
    do {
      status = json("delta", "contract", "status", id);
      if (status.path("state").asText().equals(state)) {
        return status;
      }
      Thread.sleep(100); // polling interval, bounded by the deadline
    } while (System.nanoTime() < deadline);
    throw new AssertionError("contract " + id + " is still " + status);
  }

  @Test
  @Order(2)
  void wrongPassphraseIsOneLineAndChangesNothing() throws Exception {
    Path wrong = dir.resolve("wrong");
    Files.writeString(wrong, "not it\n");
    CliRun run =
        CliRun.of(
            "request",
            "create",
            "--type",
            "data",
            "--description",
            "x",
            "--id",
            "r-wp",
            "--profile",
            alliance.profile("birch").toString(),
            "--passphrase-file",
            wrong.toString());
    assertThat(run.exitCode()).isEqualTo(AllianceCommand.EXIT_FAILURE);
    assertThat(run.err().strip()).contains("wrong passphrase").doesNotContain("\n");
    assertThat(as("birch", "request", "show", "r-wp").exitCode())
        .isEqualTo(AllianceCommand.EXIT_FAILURE);
  }

  @Test
  @Order(3)
  void unknownMemberAndUnknownRequestFailWithOneLine() throws Exception {
    long before = tokens("birch");
    CliRun transfer = as("birch", "wallet", "transfer", "--to", "nobody", "--tokens", "1");
    assertThat(transfer.exitCode()).isEqualTo(AllianceCommand.EXIT_FAILURE);
    assertThat(transfer.err().strip()).contains("unknown member 'nobody'").doesNotContain("\n");
    CliRun offer = as("birch", "offer", "make", "r-none", "--id", "o-x");
    assertThat(offer.exitCode()).isEqualTo(AllianceCommand.EXIT_FAILURE);
    assertThat(offer.err().strip()).contains("r-none").doesNotContain("\n");
    assertThat(tokens("birch")).isEqualTo(before);
  }

  @Test
  @Order(4)
  void insufficientBalanceFailsAndLeavesBalancesAlone() throws Exception {
    long birch = tokens("birch");
    long cobalt = tokens("cobalt");
    CliRun run = as("birch", "wallet", "transfer", "--to", "cobalt", "--tokens", "999999999");
    assertThat(run.exitCode()).isEqualTo(AllianceCommand.EXIT_FAILURE);
    assertThat(run.err().strip()).doesNotContain("\n");
    assertThat(tokens("birch")).isEqualTo(birch);
    assertThat(tokens("cobalt")).isEqualTo(cobalt);
  }

  @Test
  @Order(5)
  void nonRequesterCannotAcceptAndNonstandardRewardIsRefused() throws Exception {
    ok("cobalt", "request", "create", "--type", "knowledge", "--description", "k", "--id", "r-2");
    ok("birch", "offer", "make", "r-2", "--id", "o-2");
    CliRun stranger =
        as("delta", "offer", "accept", "r-2", "--offer", "o-2", "--contract-id", "c-2");
    assertThat(stranger.exitCode()).isEqualTo(AllianceCommand.EXIT_FAILURE);
    assertThat(stranger.err()).contains("not_requester");
    assertThat(json("cobalt", "request", "show", "r-2").path("phase").asText()).isEqualTo("open");
    // M-19: cooperative requests offer exactly the reward standard.
    CliRun odd =
        as(
            "cobalt",
            "request",
            "create",
            "--type",
            "data",
            "--description",
            "d",
            "--reward",
            "7",
            "--id",
            "r-odd");
    assertThat(odd.exitCode()).isEqualTo(AllianceCommand.EXIT_FAILURE);
    assertThat(odd.err()).contains("nonstandard_reward");
  }

  @Test
  @Order(6)
  void validateReportsMalformedAndInvalidDocumentsWithTheirLine() throws Exception {
    String good = Files.readString(dir.resolve("c-1.xml"));
    Path malformed = dir.resolve("malformed.xml");
    Files.writeString(malformed, good.replaceFirst("</parties>", ""));
    CliRun broken = CliRun.of("contract", "validate", malformed.toString());
    assertThat(broken.exitCode()).isEqualTo(AllianceCommand.EXIT_FAILURE);
    assertThat(broken.err()).contains("line ");

    Path invalid = dir.resolve("invalid.xml");
    Files.writeString(
        invalid, good.replace("<parties>", "<partiez>").replace("</parties>", "</partiez>"));
    CliRun wrong = CliRun.of("contract", "validate", invalid.toString());
    assertThat(wrong.exitCode()).isEqualTo(AllianceCommand.EXIT_FAILURE);
    assertThat(wrong.err()).contains("partiez");
  }

  @Test
  @Order(7)
  void ratingsReorderTheInbox() throws Exception {
    ok("delta", "request", "create", "--type", "ppe", "--description", "masks", "--id", "r-ppe");
    ok(
        "acme",
        "request",
        "create",
        "--type",
        "money",
        "--description",
        "loan",
        "--id",
        "r-money",
        "--quantity",
        "5");
    ok("birch", "request", "rate", "money", "1");
    ok("birch", "request", "rate", "ppe", "5");
    String inbox = ok("birch", "request", "inbox").out();
    assertThat(inbox.indexOf("r-ppe")).isPositive().isLessThan(inbox.indexOf("r-money"));
    ok("birch", "request", "rate", "money", "5");
    ok("birch", "request", "rate", "ppe", "1");
    String again = ok("birch", "request", "inbox").out();
    assertThat(again.indexOf("r-money")).isPositive().isLessThan(again.indexOf("r-ppe"));
  }

  @Test
  @Order(8)
  void trustReflectsTheFulfilledContract() throws Exception {
    // paper eq. (2): cobalt completed a contract with acme, delta none; profiles are equally full.
    JsonNode cobalt = json("acme", "trust", "show", "cobalt");
    JsonNode delta = json("acme", "trust", "show", "delta");
    assertThat(cobalt.path("directCompleted").asLong()).isEqualTo(1);
    assertThat(cobalt.path("allianceCompleted").asLong()).isEqualTo(1);
    assertThat(delta.path("allianceCompleted").asLong()).isZero();
    assertThat(cobalt.path("value").asLong()).isGreaterThan(delta.path("value").asLong());
    CliRun stranger = as("acme", "trust", "show", "nobody");
    assertThat(stranger.exitCode()).isEqualTo(AllianceCommand.EXIT_FAILURE);
    assertThat(stranger.err().strip()).contains("nobody").doesNotContain("\n");
  }

  @Test
  @Order(9)
  void daoProposalCollectsStakeWeightedVotesOnce() throws Exception {
    ok("birch", "dao", "propose", "--set", "reward-standard-tokens=120");
    JsonNode list = json("birch", "dao", "list").path("proposals");
    assertThat(list).isNotEmpty();
    long id = list.get(list.size() - 1).path("id").asLong();
    assertThat(list.get(list.size() - 1).path("action").asText())
        .isEqualTo("set reward-standard-tokens = 120");
    // Only the providers of c-1 hold tokens, hence stake (M-21, M-23); acme holds none.
    CliRun noStake = as("acme", "dao", "vote", String.valueOf(id), "yes");
    assertThat(noStake.exitCode()).isEqualTo(AllianceCommand.EXIT_FAILURE);
    assertThat(noStake.err()).contains("no_weight");
    ok("birch", "dao", "vote", String.valueOf(id), "yes");
    ok("cobalt", "dao", "vote", String.valueOf(id), "no");
    JsonNode shown = json("cobalt", "dao", "show", String.valueOf(id));
    assertThat(shown.path("votes")).hasSize(2);
    long birchWeight = 0;
    long cobaltWeight = 0;
    for (JsonNode v : shown.path("votes")) {
      if (v.path("member").asText().equals("birch")) {
        birchWeight = v.path("weight").asLong();
      } else {
        cobaltWeight = v.path("weight").asLong();
      }
    }
    assertThat(birchWeight).isPositive();
    assertThat(shown.path("yesWeight").asLong()).isEqualTo(birchWeight);
    assertThat(shown.path("noWeight").asLong()).isEqualTo(cobaltWeight);
    CliRun twice = as("birch", "dao", "vote", String.valueOf(id), "no");
    assertThat(twice.exitCode()).isEqualTo(AllianceCommand.EXIT_FAILURE);
    assertThat(twice.err()).contains("already_voted");
    CliRun unknown = as("acme", "dao", "vote", "999", "yes");
    assertThat(unknown.exitCode()).isEqualTo(AllianceCommand.EXIT_FAILURE);
    assertThat(unknown.err()).contains("unknown_proposal");
    CliRun badParam = as("acme", "dao", "propose", "--set", "no-such-thing=1");
    assertThat(badParam.exitCode()).isEqualTo(AllianceCommand.EXIT_USAGE);
  }

  @Test
  @Order(10)
  void swapMovesTokensAndMoneyInOneStep() throws Exception {
    // SPEC M-17: money enters through the gateway; M-22: the swap settles both legs at once.
    ok(
        "acme",
        "wallet",
        "deposit",
        "--to",
        "delta",
        "--amount",
        "1000",
        "--key",
        alliance.memberDir("acme").resolve("gateway.key").toString());
    JsonNode birch = json("acme", "wallet", "balance", "birch");
    JsonNode delta = json("acme", "wallet", "balance", "delta");
    String out =
        ok("birch", "swap", "offer", "--tokens", "10", "--money", "500", "--to", "delta").out();
    String id = out.substring(out.lastIndexOf("swap ") + 5).strip();
    assertThat(json("delta", "swap", "list", "--open").path("swaps").get(0).path("id").asText())
        .isEqualTo(id);
    CliRun thief = as("cobalt", "swap", "accept", id);
    assertThat(thief.exitCode()).isEqualTo(AllianceCommand.EXIT_FAILURE);
    ok("delta", "swap", "accept", id);
    JsonNode birchAfter = json("acme", "wallet", "balance", "birch");
    JsonNode deltaAfter = json("acme", "wallet", "balance", "delta");
    assertThat(birchAfter.path("tokens").asLong()).isEqualTo(birch.path("tokens").asLong() - 10);
    assertThat(birchAfter.path("money").asLong()).isEqualTo(birch.path("money").asLong() + 500);
    assertThat(deltaAfter.path("tokens").asLong()).isEqualTo(delta.path("tokens").asLong() + 10);
    assertThat(deltaAfter.path("money").asLong()).isEqualTo(delta.path("money").asLong() - 500);
    assertThat(json("acme", "swap", "list", "--open").path("swaps")).isEmpty();
  }

  @Test
  @Order(11)
  void profitIsSharedByContributionWithoutCreatingMoney() throws Exception {
    // SPEC M-22, docs/token-economy.md §8: w_i = c_i x m_i with m_i in [1000, 2000] per mille, so
    // birch (67 tokens from c-1) outweighs cobalt (33); the parts sum to the profit exactly.
    ok(
        "acme",
        "wallet",
        "deposit",
        "--to",
        "acme",
        "--amount",
        "900",
        "--key",
        alliance.memberDir("acme").resolve("gateway.key").toString());
    long acme = json("acme", "wallet", "balance", "acme").path("money").asLong();
    long birch = json("acme", "wallet", "balance", "birch").path("money").asLong();
    long cobalt = json("acme", "wallet", "balance", "cobalt").path("money").asLong();
    CliRun notReceiver = as("delta", "profit", "declare", "--money", "10", "--contract", "c-1");
    assertThat(notReceiver.exitCode()).isEqualTo(AllianceCommand.EXIT_FAILURE);
    ok("acme", "profit", "declare", "--money", "900", "--contract", "c-1");
    long birchGain = json("acme", "wallet", "balance", "birch").path("money").asLong() - birch;
    long cobaltGain = json("acme", "wallet", "balance", "cobalt").path("money").asLong() - cobalt;
    assertThat(json("acme", "wallet", "balance", "acme").path("money").asLong())
        .isEqualTo(acme - 900);
    assertThat(birchGain + cobaltGain).isEqualTo(900);
    assertThat(birchGain).isGreaterThan(cobaltGain);
    assertThat(cobaltGain).isPositive();
  }
}
