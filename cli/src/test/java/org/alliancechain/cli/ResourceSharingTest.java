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
import org.alliancechain.cli.client.TxSender;
import org.alliancechain.cli.node.Resources;
import org.alliancechain.config.ExampleSpecs;
import org.alliancechain.core.crypto.KeyFile;
import org.alliancechain.core.crypto.KeyPair;
import org.alliancechain.core.hash.Hash;
import org.alliancechain.core.hash.Sha256;
import org.alliancechain.token.engine.ContractsEngine;
import org.alliancechain.token.engine.Lifecycle;
import org.alliancechain.token.tx.TokenTx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

// SPEC M-18 through real nodes: the provider uploads to its own node, the receiver's node fetches
// from it over the peer links and checks the on-chain hash, the receiver acknowledges and the
// contract pays; bytes that do not match the chain are refused and cannot be acknowledged.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResourceSharingTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration DEADLINE = Duration.ofSeconds(60);

  @TempDir static Path dir;
  private static InProcessAlliance alliance;
  private static URI acmeNode;

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

  static URI nodeUri(String member) throws IOException {
    JsonNode profile =
        new ObjectMapper(new YAMLFactory()).readTree(Files.readString(alliance.profile(member)));
    return URI.create(profile.path("node").asText());
  }

  /** As {@code member}; workflow steps go through acme's node, resource steps through their own. */
  private static CliRun as(String member, boolean ownNode, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--profile", alliance.profile(member).toString()));
    if (!ownNode) {
      all.addAll(List.of("--node", acmeNode.toString()));
    }
    if (List.of(
            "request create",
            "offer make",
            "offer accept",
            "contract sign",
            "resource upload",
            "resource ack")
        .contains(args[0] + " " + args[1])) {
      all.addAll(List.of("--passphrase-file", alliance.secret.toString()));
    }
    return CliRun.of(all.toArray(String[]::new));
  }

  private static CliRun ok(String member, boolean ownNode, String... args) {
    CliRun run = as(member, ownNode, args);
    assertThat(run.exitCode()).as("%s %s: %s", member, List.of(args), run.err()).isZero();
    return run;
  }

  /** Polls {@code path} on a member's own node until {@code done} holds (nodes lag by a block). */
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
    CliRun run = ok("acme", false, "wallet", "balance", member, "--output", "json");
    return JSON.readTree(run.out()).path("tokens").asLong();
  }

  /** A file of {@code size} seeded random bytes, written in pieces. */
  private static Path randomFile(String name, long seed, int size) throws IOException {
    System.out.println("resourceSharing.seed=" + seed);
    SplittableRandom random = new SplittableRandom(seed);
    Path file = dir.resolve(name);
    byte[] piece = new byte[64 * 1024];
    try (OutputStream out = Files.newOutputStream(file)) {
      for (int written = 0; written < size; written += piece.length) {
        random.nextBytes(piece);
        out.write(piece, 0, Math.min(piece.length, size - written));
      }
    }
    return file;
  }

  /** Request {@code r} by acme, offer by birch, contract {@code c} signed by both. */
  private static void signedContract(String r, String c) throws Exception {
    ok("acme", false, "request", "create", "--type", "data", "--description", "logs", "--id", r);
    ok("birch", false, "offer", "make", r, "--id", "o-" + r, "--description", "fleet data");
    ok("acme", false, "offer", "accept", r, "--offer", "o-" + r, "--contract-id", c);
    ok("birch", false, "contract", "sign", c);
    ok("acme", false, "contract", "sign", c);
    // birch uploads through its own node, which must have seen the signatures
    awaitOn("birch", "/contracts/" + c, s -> s.path("signed").size() == 2);
  }

  @Test
  @Order(1)
  void aMultiMegabyteResourceTravelsFromProviderToReceiverAndItsAcknowledgementPays()
      throws Exception {
    long seed = Long.getLong("resourceSharing.seed", System.nanoTime());
    int size = 3 * 1024 * 1024 + 12_345;
    Path original = randomFile("logs.bin", seed, size);
    signedContract("r-1", "c-1");
    long birchBefore = tokens("birch");

    CliRun upload =
        ok("birch", true, "resource", "upload", original.toString(), "--contract", "c-1");
    Hash hash = Sha256.hash(Files.readAllBytes(original)); // computed apart from the node
    assertThat(upload.out()).contains(hash.toHex()).contains(size + " bytes");
    JsonNode bound =
        awaitOn("acme", "/contracts/c-1/resources", j -> j.path("resources").size() == 1);
    assertThat(bound.path("resources").get(0).path("hash").asText()).isEqualTo(hash.toHex());
    assertThat(bound.path("resources").get(0).path("providerMember").asText()).isEqualTo("birch");
    assertThat(bound.path("resources").get(0).path("heldHere").asBoolean()).isFalse();

    // Acknowledging before the receiver's node holds the resource is refused.
    CliRun early = as("acme", true, "resource", "ack", "c-1", "--period", "0");
    assertThat(early.exitCode()).isEqualTo(AllianceCommand.EXIT_FAILURE);
    assertThat(early.err()).contains("resource_not_fetched");

    Path received = dir.resolve("received.bin");
    CliRun fetch =
        ok("acme", true, "resource", "fetch", "c-1", "--period", "0", "--out", received.toString());
    assertThat(fetch.out()).contains("matches the chain");
    assertThat(Files.size(received)).isEqualTo(size);
    assertThat(Files.mismatch(original, received)).isEqualTo(-1L);

    ok("acme", true, "resource", "ack", "c-1", "--period", "0");
    awaitOn("acme", "/contracts/c-1", s -> s.path("state").asText().equals("fulfilled"));
    assertThat(tokens("birch") - birchBefore).isEqualTo(100); // the cooperative reward standard
  }

  @Test
  @Order(2)
  void bytesThatDoNotMatchTheOnChainHashAreRefusedAndCannotBeAcknowledged() throws Exception {
    signedContract("r-2", "c-2");
    Path served = randomFile("served.bin", 11, 300_000);
    byte[] claimed = Files.readAllBytes(served);
    claimed[123] ^= 1;
    Hash claimedHash = Sha256.hash(claimed);
    // birch's node stores one file for c-2, but birch binds the hash of other bytes on chain
    NodeClient birch = new NodeClient(nodeUri("birch"));
    Resources.UploadView up = ResourceTransfers.startUpload(birch, "c-2", 0);
    try (ResourceTransfers.Upload sink = new ResourceTransfers.Upload(birch, up.upload())) {
      Files.copy(served, sink);
    }
    Resources.StoredView stored = ResourceTransfers.finish(birch, up.upload());
    assertThat(stored.hash()).isNotEqualTo(claimedHash.toHex());
    KeyPair birchKey =
        KeyFile.load(
            alliance.memberDir("birch").resolve(keyFileName("birch")),
            InProcessAlliance.PASSPHRASE.toCharArray());
    Lifecycle.BindResource lie =
        new Lifecycle.BindResource("c-2", 0, claimedHash, claimed.length, false);
    TxSender.awaitSuccess(
        birch,
        TxSender.submit(
            birch, birchKey, new TokenTx.Lifecycle(lie.kind(), ContractsEngine.encode(lie))));
    awaitOn("acme", "/contracts/c-2/resources", j -> j.path("resources").size() == 1);

    Path out = dir.resolve("tampered.bin");
    CliRun fetch = as("acme", true, "resource", "fetch", "c-2", "--out", out.toString());
    assertThat(fetch.exitCode()).isEqualTo(AllianceCommand.EXIT_FAILURE);
    assertThat(fetch.err()).contains("hash_mismatch").contains(claimedHash.toHex());
    assertThat(Files.exists(out)).isFalse();
    NodeClient acme = new NodeClient(nodeUri("acme"));
    for (String h : List.of(claimedHash.toHex(), stored.hash())) {
      assertThat(holds(acme, h)).as("acme's node keeps nothing of %s", h).isFalse();
    }
    CliRun ack = as("acme", true, "resource", "ack", "c-2");
    assertThat(ack.exitCode()).isEqualTo(AllianceCommand.EXIT_FAILURE);
    assertThat(ack.err()).contains("resource_not_fetched");
    assertThat(
            JSON.valueToTree(acme.get("/contracts/c-2", JsonNode.class))
                .path("verifiedPeriods")
                .size())
        .isZero();
  }

  @Test
  @Order(3)
  void uploadsTakeChunksInOrderAndRefuseRetriesSkipsAndEmptyResources() throws Exception {
    NodeClient birch = new NodeClient(nodeUri("birch"));
    Resources.UploadView up = ResourceTransfers.startUpload(birch, "c-9", 0);
    String chunks = "/resources/uploads/" + up.upload() + "/chunks?index=";
    birch.postBytes(chunks + 0, new byte[] {1, 2, 3}, Resources.UploadView.class);
    for (int index : new int[] {0, 2}) { // a retried chunk, a skipped one
      assertThatThrownByCli(
          () -> birch.postBytes(chunks + index, new byte[] {4}, Resources.UploadView.class),
          "wrong_chunk");
    }
    assertThatThrownByCli(
        () ->
            birch.postBytes(
                chunks + 1,
                new byte[org.alliancechain.core.store.StoreLimits.RESOURCE_CHUNK_BYTES + 1],
                Resources.UploadView.class),
        "bad_chunk");
    Resources.StoredView stored = ResourceTransfers.finish(birch, up.upload());
    assertThat(stored.sizeBytes()).isEqualTo(3);
    assertThat(stored.hash()).isEqualTo(Sha256.hash(new byte[] {1, 2, 3}).toHex());
    assertThat(birch.getBytes("/resources/" + stored.hash() + "/chunks/0"))
        .containsExactly(1, 2, 3);
    Resources.UploadView empty = ResourceTransfers.startUpload(birch, "c-9", 1);
    assertThatThrownByCli(() -> ResourceTransfers.finish(birch, empty.upload()), "empty_resource");
  }

  // Issue 5: upload sessions are in the node's store, so an upload continues after a restart.
  @Test
  @Order(4)
  void anUploadContinuesAfterItsNodeRestarts() throws Exception {
    int chunk = org.alliancechain.core.store.StoreLimits.RESOURCE_CHUNK_BYTES;
    long seed = Long.getLong("resourceSharing.seed", System.nanoTime());
    System.out.println("resourceSharing.seed=" + seed);
    byte[] content = new byte[2 * chunk + 5];
    new SplittableRandom(seed).nextBytes(content);
    NodeClient delta = new NodeClient(nodeUri("delta"));
    Resources.UploadView up = ResourceTransfers.startUpload(delta, "c-8", 0);
    String chunks = "/resources/uploads/" + up.upload() + "/chunks?index=";
    delta.postBytes(
        chunks + 0, java.util.Arrays.copyOfRange(content, 0, chunk), Resources.UploadView.class);

    alliance.stop("delta");
    alliance.startNode(alliance.configs.get("delta"));
    JsonNode reopened =
        awaitOn("delta", "/resources/uploads/" + up.upload(), j -> j.has("nextIndex"));
    assertThat(reopened.path("nextIndex").asLong()).isEqualTo(1);
    assertThat(reopened.path("sizeBytes").asLong()).isEqualTo(chunk);

    delta.postBytes(
        chunks + 1,
        java.util.Arrays.copyOfRange(content, chunk, 2 * chunk),
        Resources.UploadView.class);
    delta.postBytes(
        chunks + 2,
        java.util.Arrays.copyOfRange(content, 2 * chunk, content.length),
        Resources.UploadView.class);
    Resources.StoredView stored = ResourceTransfers.finish(delta, up.upload());
    assertThat(stored.hash()).isEqualTo(Sha256.hash(content).toHex());
    assertThat(stored.sizeBytes()).isEqualTo(content.length);
  }

  private static void assertThatThrownByCli(Runnable call, String code) {
    CliException e = org.junit.jupiter.api.Assertions.assertThrows(CliException.class, call::run);
    assertThat(e.getMessage()).contains(code);
  }

  private static boolean holds(NodeClient node, String hash) {
    try {
      node.get("/resources/" + hash, JsonNode.class);
      return true;
    } catch (CliException e) {
      return false;
    }
  }

  private static String keyFileName(String member) throws IOException {
    JsonNode profile =
        new ObjectMapper(new YAMLFactory()).readTree(Files.readString(alliance.profile(member)));
    return profile.path("key").asText();
  }
}
