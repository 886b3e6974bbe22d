package org.alliancechain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.alliancechain.cli.client.NodeClient;
import org.alliancechain.config.ExampleSpecs;
import org.alliancechain.core.hash.Sha256;
import org.alliancechain.p2p.secure.SealedStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

// SPEC M-18, competitive: the resource is encrypted to the receiver's key, sent point to point
// from the provider's node to the receiver's, and no other member's node is served it.
// SPEC M-15: a changeable contract is amended once every party signed the amendment.
// SPEC M-18, competitive: only hashes of private records go on chain; the records stay on the
// owners' nodes and reach authorised members' nodes point to point, checked against the hash.
class CompetitiveResourcesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration DEADLINE = Duration.ofSeconds(60);

  @TempDir static Path dir;
  private static InProcessAlliance alliance;
  private static URI orionNode;

  @BeforeAll
  static void startAlliance() throws Exception {
    alliance = InProcessAlliance.start(dir, ExampleSpecs.COMPETITIVE);
    orionNode = nodeUri("orion");
  }

  @AfterAll
  static void stopAlliance() {
    if (alliance != null) {
      alliance.close();
    }
  }

  static URI nodeUri(String member) throws IOException {
    JsonNode profile =
        new ObjectMapper(new YAMLFactory()).readTree(Files.readString(alliance.profile(member)));
    return URI.create(profile.path("node").asText());
  }

  private static CliRun as(String member, boolean ownNode, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--profile", alliance.profile(member).toString()));
    if (!ownNode) {
      all.addAll(List.of("--node", orionNode.toString()));
    }
    // every command here signs or (fetch) decrypts with the member's key
    if (!List.of("wallet balance", "contract show", "request show")
            .contains(args[0] + " " + args[1])
        && !List.of(args).contains("--show")) {
      all.addAll(List.of("--passphrase-file", alliance.secret.toString()));
    }
    return CliRun.of(all.toArray(String[]::new));
  }

  private static CliRun ok(String member, boolean ownNode, String... args) {
    CliRun run = as(member, ownNode, args);
    assertThat(run.exitCode()).as("%s %s: %s", member, List.of(args), run.err()).isZero();
    return run;
  }

  private static JsonNode awaitOn(String member, String path, Predicate<JsonNode> done)
      throws Exception {
    NodeClient client = new NodeClient(nodeUri(member));
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    JsonNode last = null;
    while (System.nanoTime() < deadline) {
      try {
        last = JSON.valueToTree(client.get(path, JsonNode.class));
        if (done.test(last)) {
          return last;
        }
      } catch (CliException e) {
        last = null; // not there yet
      }
      Thread.sleep(100); // polling interval, bounded by the deadline
    }
    throw new AssertionError(member + "'s node: " + path + " is still " + last);
  }

  private static long tokens(String member) throws Exception {
    CliRun run = ok("orion", false, "wallet", "balance", member, "--output", "json");
    return JSON.readTree(run.out()).path("tokens").asLong();
  }

  @Test
  void onlyTheReceiverGetsTheResourceAndReadsItAndItsAcknowledgementPays() throws Exception {
    long seed = Long.getLong("encryptedResource.seed", System.nanoTime());
    System.out.println("encryptedResource.seed=" + seed);
    int size = 1024 * 1024 + 7;
    Path original = dir.resolve("patents.bin");
    byte[] piece = new byte[size];
    new SplittableRandom(seed).nextBytes(piece);
    try (OutputStream out = Files.newOutputStream(original)) {
      out.write(piece);
    }
    ok(
        "orion",
        true,
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
    ok("pulsar", true, "offer", "make", "r-1", "--id", "o-p");
    ok("orion", false, "offer", "accept", "r-1", "--offer", "o-p", "--contract-id", "c-1");
    ok("pulsar", false, "contract", "sign", "c-1");
    ok("orion", false, "contract", "sign", "c-1");
    awaitOn("pulsar", "/contracts/c-1", s -> s.path("signed").size() == 2);
    long pulsarBefore = tokens("pulsar");

    CliRun upload =
        ok("pulsar", true, "resource", "upload", original.toString(), "--contract", "c-1");
    assertThat(upload.out()).contains("encrypted to the receiver");
    JsonNode bound =
        awaitOn("orion", "/contracts/c-1/resources", j -> j.path("resources").size() == 1)
            .path("resources")
            .get(0);
    // on chain: the hash and size of the ciphertext, never of the plaintext
    assertThat(bound.path("encrypted").asBoolean()).isTrue();
    assertThat(bound.path("sizeBytes").asLong()).isEqualTo(SealedStream.sealedSize(size));
    assertThat(bound.path("hash").asText()).isNotEqualTo(Sha256.hash(piece).toHex());

    // quasar is no party: pulsar's node does not serve it
    awaitOn("quasar", "/contracts/c-1/resources", j -> j.path("resources").size() == 1);
    Path stolen = dir.resolve("stolen.bin");
    CliRun outsider = as("quasar", true, "resource", "fetch", "c-1", "--out", stolen.toString());
    assertThat(outsider.exitCode()).isEqualTo(AllianceCommand.EXIT_FAILURE);
    assertThat(outsider.err()).contains("not_a_party");
    assertThat(Files.exists(stolen)).isFalse();

    Path received = dir.resolve("received.bin");
    CliRun fetch = ok("orion", true, "resource", "fetch", "c-1", "--out", received.toString());
    assertThat(fetch.out()).contains("decrypted");
    assertThat(Files.mismatch(original, received)).isEqualTo(-1L);

    ok("orion", true, "resource", "ack", "c-1", "--metadata", "patent_value=1500");
    awaitOn("orion", "/contracts/c-1", s -> s.path("state").asText().equals("fulfilled"));
    assertThat(tokens("pulsar") - pulsarBefore).isEqualTo(300);
  }

  @Test
  void aChangeableContractChangesOnlyOnceEveryPartySignedTheAmendment() throws Exception {
    ok(
        "orion",
        true,
        "request",
        "create",
        "--type",
        "knowledge",
        "--description",
        "designs",
        "--reward",
        "200",
        "--quality",
        "patent_value=1000",
        "--id",
        "r-2");
    ok("quasar", true, "offer", "make", "r-2", "--id", "o-q");
    ok(
        "orion",
        false,
        "offer",
        "accept",
        "r-2",
        "--offer",
        "o-q",
        "--contract-id",
        "c-2",
        "--changeable");
    ok("quasar", false, "contract", "sign", "c-2");
    ok("orion", false, "contract", "sign", "c-2");
    String original = ok("orion", false, "contract", "show", "c-2").out();
    assertThat(original).contains("changeable=\"true\"");
    java.util.regex.Matcher fee =
        java.util.regex.Pattern.compile("name=\"fee_amount\" value=\"(\\d+)\"").matcher(original);
    assertThat(fee.find()).as("fee_amount in %s", original).isTrue();
    String amended = fee.replaceFirst("name=\"fee_amount\" value=\"77\"");
    Path file = dir.resolve("c-2-amended.xml");
    Files.writeString(file, amended);

    CliRun outsider = as("pulsar", false, "contract", "amend", "c-2", file.toString());
    assertThat(outsider.exitCode()).isEqualTo(AllianceCommand.EXIT_FAILURE);
    assertThat(outsider.err()).contains("not_a_party");
    ok("orion", false, "contract", "amend", "c-2", file.toString());
    JsonNode pending =
        JSON.readTree(
            ok("orion", false, "contract", "amend", "c-2", "--show", "--output", "json").out());
    assertThat(pending.path("approvals")).hasSize(1);
    // one of two signatures: the contract is unchanged
    assertThat(ok("orion", false, "contract", "show", "c-2").out().trim())
        .isEqualTo(original.trim());
    ok("quasar", false, "contract", "amend", "c-2", "--approve");
    assertThat(ok("orion", false, "contract", "show", "c-2").out()).contains("value=\"77\"");
    assertThat(as("orion", false, "contract", "amend", "c-2", "--show").exitCode())
        .isEqualTo(AllianceCommand.EXIT_FAILURE);
  }

  @Test
  void onlyHashesOfPrivateRecordsGoOnChainAndTheRequesterStillReadsTheOffer() throws Exception {
    String about = "solid-state battery patents 7731";
    String offerText = "twelve granted patents 5521";
    String profile = "ISO 9001 since 2010 ref 4242";
    ok(
        "orion",
        true,
        "request",
        "create",
        "--type",
        "knowledge",
        "--description",
        about,
        "--name",
        "Orion Private Name",
        "--reward",
        "250",
        "--quality",
        "patent_value=1000",
        "--recipient",
        "pulsar",
        "--id",
        "r-3");
    // a record is kept by its owner's node only
    CliRun elsewhere =
        as("pulsar", false, "offer", "make", "r-3", "--id", "o-x", "--description", "x");
    assertThat(elsewhere.exitCode()).isEqualTo(AllianceCommand.EXIT_FAILURE);
    assertThat(elsewhere.err()).contains("not_own_record");
    // pulsar is a recipient: its node fetched the request's record and checked it
    awaitOn("pulsar", "/requests/r-3", j -> j.path("description").asText().equals(about));
    ok(
        "pulsar",
        true,
        "offer",
        "make",
        "r-3",
        "--id",
        "o-3",
        "--name",
        "Pulsar Private Name",
        "--description",
        offerText,
        "--provider-profile",
        profile,
        "--expected-reward",
        "240");
    // the requester's node fetched the offer's record from pulsar's node
    JsonNode atOrion =
        awaitOn(
            "orion",
            "/requests/r-3",
            j ->
                j.path("offers").size() == 1
                    && j.path("offers").get(0).path("description").asText().equals(offerText));
    assertThat(atOrion.path("offers").get(0).path("profile").asText()).isEqualTo(profile);
    assertThat(atOrion.path("offers").get(0).path("expectedReward").asLong()).isEqualTo(240);
    assertThat(atOrion.path("description").asText()).isEqualTo(about);
    // quasar is neither recipient nor requester: its node shows only the hashes
    JsonNode atQuasar = awaitOn("quasar", "/requests/r-3", j -> j.path("offers").size() == 1);
    assertThat(atQuasar.path("description").asText()).startsWith("private (hash ");
    assertThat(atQuasar.path("offers").get(0).path("profile").asText())
        .startsWith("private (hash ");
    assertThat(ok("quasar", true, "request", "show", "r-3").out())
        .contains("private (hash ")
        .doesNotContain(about)
        .doesNotContain(offerText);

    // the workflow completes from the sealed records: the diversified contract validates
    ok("orion", true, "offer", "accept", "r-3", "--offer", "o-3", "--contract-id", "c-3");
    ok("pulsar", true, "contract", "sign", "c-3");
    ok("orion", true, "contract", "sign", "c-3");
    ok("orion", true, "resource", "ack", "c-3", "--metadata", "patent_value=1500");
    awaitOn("orion", "/contracts/c-3", s -> s.path("state").asText().equals("fulfilled"));

    // no plaintext in any block, raw or as the API shows it
    NodeClient client = new NodeClient(orionNode);
    long head = client.get("/status", JsonNode.class).path("height").asLong();
    List<String> secrets =
        List.of(
            about,
            offerText,
            profile,
            "Orion Private Name",
            "Pulsar Private Name",
            address("orion"),
            address("pulsar"));
    for (long h = 1; h <= head; h++) {
      String raw =
          new String(
              client.getBytes("/blocks/" + h + "/raw"),
              java.nio.charset.StandardCharsets.ISO_8859_1);
      String view = JSON.writeValueAsString(client.get("/blocks/" + h, JsonNode.class));
      for (String secret : secrets) {
        assertThat(raw).as("raw block %d", h).doesNotContain(secret);
        assertThat(view).as("block %d", h).doesNotContain(secret);
      }
    }
  }

  private static String address(String member) throws Exception {
    JsonNode members = new NodeClient(orionNode).get("/members", JsonNode.class).path("members");
    for (JsonNode m : members) {
      if (m.path("name").asText().equals(member)) {
        return m.path("address").asText();
      }
    }
    throw new AssertionError("no member " + member);
  }
}
