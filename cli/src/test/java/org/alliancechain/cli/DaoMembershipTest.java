package org.alliancechain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alliancechain.cli.local.FreePorts;
import org.alliancechain.cli.node.Node;
import org.alliancechain.core.block.CertifiedBlock;
import org.alliancechain.core.block.ValidatorSet;
import org.alliancechain.core.crypto.PublicKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC M-3, M-23 with real nodes in one JVM: a validator added by the DAO certifies blocks from the
 * activation height the ledger computed, certificates verify across the boundary (node and light
 * client), a member joins with one command and one proposal, and a removed member's node is cut off
 * and its transactions refused.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DaoMembershipTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration DEADLINE = Duration.ofMinutes(2);

  // K = 2 (window 4), epoch 4: a change decided at h is in force from the first multiple of 4
  // above h + 4. Every founding member holds 100 tokens so the DAO can vote from block 1.
  private static String spec(String members) {
    return """
      alliance:
        name: Membership Test Alliance
        chain-id: member-test-1
        mode: cooperative
        gateway: acme
      members:
      %s
      parameters:
        dao-voting-period-blocks: 3
        checkpoint-interval-blocks: 2
        epoch-length-blocks: 4
        founding-tokens: 100
        batch-timeout-ms: 20
      """
        .formatted(members);
  }

  @TempDir static Path dir;
  private static InProcessAlliance alliance;

  @BeforeAll
  static void start() throws Exception {
    StringBuilder members = new StringBuilder();
    String[] names = {"acme", "birch", "cobalt", "delta", "echo"};
    for (int i = 0; i < names.length; i++) {
      members.append(
          String.format(
              """
                - name: %s
                  roles: %s
                  host: 127.0.0.1
                  peer-port: %d
                  api-port: %d
                  profile: {industry: manufacturing, size: small, offers: [DATA], wants: [DATA]}
              """,
              names[i], i < 4 ? "[corporation, alliance]" : "[corporation]", 17201 + i, 18201 + i));
    }
    alliance = InProcessAlliance.start(dir, "members.yaml", spec(members.toString()));
  }

  @AfterAll
  static void stop() {
    if (alliance != null) {
      alliance.close();
    }
  }

  private static CliRun as(String member, String... args) {
    return alliance.cli(member, "acme", args);
  }

  private static CliRun ok(String member, String... args) {
    CliRun run = as(member, args);
    assertThat(run.exitCode()).as("%s %s: %s", member, List.of(args), run.err()).isZero();
    return run;
  }

  private static String uri(String member) {
    return alliance.uri(member);
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    InProcessAlliance.await(what, DEADLINE, condition);
  }

  private static long head() {
    return alliance.node("acme").store().head();
  }

  /** Blocks are cut only when there are transactions: transfers until acme's head reaches h. */
  private static void advanceTo(long height) throws InterruptedException {
    long end = System.nanoTime() + DEADLINE.toNanos();
    while (head() < height) {
      assertThat(System.nanoTime()).as("reaching height %d", height).isLessThan(end);
      // back and forth, so nobody's stake drains
      boolean even = head() % 2 == 0;
      ok(
          even ? "birch" : "cobalt",
          "wallet",
          "transfer",
          "--to",
          even ? "cobalt" : "birch",
          "--tokens",
          "1");
    }
  }

  private static long propose(String member, String... what) throws Exception {
    List<String> args = new ArrayList<>(List.of("dao", "propose"));
    args.addAll(List.of(what));
    CliRun run = ok(member, args.toArray(String[]::new));
    Matcher m = Pattern.compile("proposal (\\d+)").matcher(run.out());
    assertThat(m.find()).as(run.out()).isTrue();
    return Long.parseLong(m.group(1));
  }

  /** Three of the founding members vote yes, then blocks follow until the proposal closes. */
  private static void pass(long id) throws Exception {
    for (String voter : List.of("acme", "birch", "cobalt")) {
      ok(voter, "dao", "vote", String.valueOf(id), "yes");
    }
    JsonNode shown =
        JSON.readTree(ok("acme", "dao", "show", String.valueOf(id), "--output", "json").out());
    advanceTo(shown.path("closeHeight").asLong() + 1);
    shown = JSON.readTree(ok("acme", "dao", "show", String.valueOf(id), "--output", "json").out());
    assertThat(shown.path("status").asText()).isEqualToIgnoringCase("executed");
  }

  private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newHttpClient();

  private static String get(String url) throws Exception {
    var response =
        HTTP.send(
            java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).GET().build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(url).isEqualTo(200);
    return response.body();
  }

  private static void post(String url, String json) throws Exception {
    var response =
        HTTP.send(
            java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(url + ": " + response.body()).isBetween(200, 299);
  }

  private static PublicKey key(String member) {
    return alliance.node("acme").genesis().member(member).orElseThrow().publicKey();
  }

  @Test
  @Order(1)
  void aValidatorAddedByTheDaoCertifiesBlocksFromTheLedgersActivationHeight() throws Exception {
    ValidatorSet before = alliance.node("acme").genesis().validatorSet();
    assertThat(before.contains(key("echo"))).isFalse();
    long id = propose("acme", "--add-validator", "echo");
    pass(id);

    // the ledger's schedule: decided at the close height, in force at the first multiple of 4
    // beyond it plus the window of 4 (docs/consensus.md)
    JsonNode membership = JSON.readTree(ok("acme", "member", "list", "--output", "json").out());
    JsonNode change = membership.path("scheduled").get(0);
    long decided = change.path("decidedAt").asLong();
    long activation = change.path("activationHeight").asLong();
    assertThat(activation % 4).isZero();
    assertThat(activation).isGreaterThan(decided + 4).isLessThanOrEqualTo(decided + 8);
    assertThat(change.path("validators").toString()).contains("echo");

    advanceTo(activation + 1);
    Node acme = alliance.node("acme");
    ValidatorSet after = acme.validatorsAt(activation);
    assertThat(after.size()).isEqualTo(5);
    CertifiedBlock last = acme.store().block(activation - 1).orElseThrow();
    CertifiedBlock first = acme.store().block(activation).orElseThrow();
    assertThat(last.verify(before).isOk()).isTrue();
    assertThat(first.verify(after).isOk()).isTrue();

    // with delta stopped, a quorum of the five (4) needs echo's vote: the new set signs
    alliance.stop("delta");
    long from = head() + 1;
    advanceTo(from + 2);
    int echoIndex = after.indexOf(key("echo")).orElseThrow();
    CertifiedBlock signed = acme.store().block(from + 1).orElseThrow();
    assertThat(signed.verify(after).isOk()).isTrue();
    assertThat(signed.certificate().votes()).anyMatch(v -> v.validator() == echoIndex);

    // a light client follows the change from the genesis alone (proofs of the ledger record)
    CliRun verify = ok("birch", "chain", "verify");
    assertThat(verify.out()).contains("verified " + head() + " blocks");
  }

  @Test
  @Order(2)
  void aNewMemberJoinsWithOneCommandAndOneProposal() throws Exception {
    List<Integer> ports = FreePorts.pick(2);
    Path folder = dir.resolve("foxtrot");
    String genesisHash = alliance.node("acme").genesis().hash().toHex();
    String[] join = {
      "member",
      "join",
      "--node",
      uri("acme"),
      "--name",
      "foxtrot",
      "--host",
      "127.0.0.1",
      "--peer-port",
      ports.get(0).toString(),
      "--api-port",
      ports.get(1).toString(),
      "--out",
      folder.toString(),
      "--passphrase-file",
      alliance.secret.toString(),
      "--genesis-hash"
    };
    // a wrong genesis hash: refused, nothing written
    List<String> wrong = new ArrayList<>(List.of(join));
    wrong.add("00".repeat(32));
    CliRun refused = CliRun.of(wrong.toArray(String[]::new));
    assertThat(refused.exitCode()).isNotZero();
    assertThat(refused.err()).contains("wrong node or wrong alliance");
    assertThat(folder).doesNotExist();

    List<String> right = new ArrayList<>(List.of(join));
    right.add(genesisHash);
    CliRun joined = CliRun.of(right.toArray(String[]::new));
    assertThat(joined.exitCode()).as(joined.err()).isZero();
    Matcher m =
        Pattern.compile("dao propose (--admit-member foxtrot --member-key (\\S+) --endpoint \\S+)")
            .matcher(joined.out());
    assertThat(m.find()).as(joined.out()).isTrue();
    PublicKey foxtrot = PublicKey.fromHex(m.group(2));
    assertThat(Files.readString(folder.resolve("node.yaml"))).contains("admitted-by-dao: true");

    long id = propose("acme", m.group(1).split(" "));
    pass(id);
    Node node = alliance.startNode(folder.resolve("node.yaml"));
    // a follower learns of progress from the validators' messages: keep blocks coming
    long end = System.nanoTime() + DEADLINE.toNanos();
    while (node.store().head() < head()) {
      assertThat(System.nanoTime()).as("foxtrot syncing").isLessThan(end);
      advanceTo(head() + 1);
    }
    await(
        "acme links foxtrot",
        () -> alliance.node("acme").network().connectedPeers().contains(foxtrot));

    // issue #4: the admitted member is in /status's peer list and in the broadcast tree (LFT
    // announcements reach it), from the ledger's member set, not the genesis
    JsonNode peers = JSON.readTree(get(uri("acme") + "/status")).path("peers");
    assertThat(peers.findValuesAsText("member")).contains("foxtrot");
    String text = "REQUEST DATA from acme: after foxtrot joined";
    post(uri("acme") + "/announcements", JSON.writeValueAsString(java.util.Map.of("text", text)));
    await(
        "the LFT announcement reaches foxtrot",
        () -> node.trees().received().stream().anyMatch(r -> r.text().equals(text)));
    ok("acme", "wallet", "transfer", "--to", m.group(2), "--tokens", "5");
    CliRun spend =
        CliRun.of(
            "wallet",
            "transfer",
            "--to",
            "acme",
            "--tokens",
            "1",
            "--profile",
            folder.resolve("profile.yaml").toString(),
            "--passphrase-file",
            alliance.secret.toString());
    assertThat(spend.exitCode()).as(spend.err()).isZero();

    // Issue 5: the admitted member's node is found as a provider (the current member set, not
    // genesis): acme's node fetches foxtrot's resource from it
    Path foxtrotProfile = folder.resolve("profile.yaml");
    signed(
        alliance.profile("acme"),
        "request",
        "create",
        "--type",
        "data",
        "--description",
        "d",
        "--id",
        "r-fox");
    signed(foxtrotProfile, "offer", "make", "r-fox", "--id", "o-fox");
    signed(
        alliance.profile("acme"),
        "offer",
        "accept",
        "r-fox",
        "--offer",
        "o-fox",
        "--contract-id",
        "c-fox");
    signed(foxtrotProfile, "contract", "sign", "c-fox");
    signed(alliance.profile("acme"), "contract", "sign", "c-fox");
    Path file = dir.resolve("fox.bin");
    Files.write(file, new byte[] {7, 7, 7, 1});
    await("foxtrot's node sees c-fox signed", () -> signedBy(node, "c-fox") == 2);
    signed(foxtrotProfile, "resource", "upload", file.toString(), "--contract", "c-fox");
    await(
        "acme's node sees the binding",
        () ->
            org.alliancechain.token.engine.ContractsEngine.resource(
                    alliance.node("acme").state(), "c-fox", 0)
                .isPresent());
    Path got = dir.resolve("fox-received.bin");
    signed(alliance.profile("acme"), "resource", "fetch", "c-fox", "--out", got.toString());
    assertThat(Files.readAllBytes(got)).containsExactly(7, 7, 7, 1);
  }

  private static int signedBy(Node node, String contractId) {
    return org.alliancechain.token.engine.ContractsEngine.contract(node.state(), contractId)
        .map(c -> c.signed().size())
        .orElse(0);
  }

  /** A command signed by the member of {@code profile}, on that member's own node. */
  private static void signed(Path profile, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(
        List.of("--profile", profile.toString(), "--passphrase-file", alliance.secret.toString()));
    CliRun run = CliRun.of(all.toArray(String[]::new));
    assertThat(run.exitCode()).as("%s: %s", List.of(args), run.err()).isZero();
  }

  @Test
  @Order(3)
  void aRemovedMembersNodeIsCutOffAndItsTransactionsRefused() throws Exception {
    Node foxtrotNode = alliance.node("foxtrot");
    PublicKey foxtrot = foxtrotNode.key().publicKey();
    assertThat(alliance.node("acme").network().connectedPeers()).contains(foxtrot);
    long id = propose("acme", "--remove-member", "foxtrot");
    pass(id);
    await(
        "acme drops foxtrot's link",
        () -> !alliance.node("acme").network().connectedPeers().contains(foxtrot));
    CliRun spend =
        CliRun.of(
            "wallet",
            "transfer",
            "--to",
            "acme",
            "--tokens",
            "1",
            "--node",
            uri("acme"),
            "--profile",
            alliance.dir.resolve("foxtrot").resolve("profile.yaml").toString(),
            "--passphrase-file",
            alliance.secret.toString());
    assertThat(spend.exitCode()).isNotZero();
    assertThat(spend.err()).contains("not_member");
  }
}
