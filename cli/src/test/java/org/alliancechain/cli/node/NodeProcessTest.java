package org.alliancechain.cli.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import org.alliancechain.cli.local.LocalAlliance;
import org.alliancechain.config.AllianceSpec;
import org.alliancechain.config.Bootstrap;
import org.alliancechain.config.ExampleSpecs;
import org.alliancechain.config.SpecParser;
import org.alliancechain.core.Hex;
import org.alliancechain.core.crypto.KeyFile;
import org.alliancechain.core.crypto.KeyPair;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.core.tx.Transaction;
import org.alliancechain.token.tx.TokenTx;
import org.alliancechain.token.tx.TxCodec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Four validators and one follower as separate node processes on loopback (SPEC M-27, M-28, M-31):
 * transactions commit with identical blocks and state everywhere; the follower applies certified
 * blocks; a killed validator does not stop the others and catches up when restarted; one restarted
 * with an empty data folder rebuilds and rejoins consensus; a killed primary is replaced by a view
 * change. No fixed sleeps: every wait polls with a deadline.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NodeProcessTest {
  private static final String PASSPHRASE = "node-process-test";
  private static final Duration DEADLINE = Duration.ofMinutes(2);
  private static final Duration REJOIN_DEADLINE = Duration.ofMinutes(3);
  private static final String FOLLOWER = "echo";
  private static final List<String> VALIDATORS = List.of("acme", "birch", "cobalt", "delta");
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  // Kept when a test fails: every node's log is in its folder.
  @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ON_SUCCESS)
  static Path dir;

  private static LocalAlliance alliance;
  private static final Map<String, KeyPair> keys = new TreeMap<>();
  private static KeyPair gateway;
  private static String chainId;

  @BeforeAll
  static void startAlliance() throws Exception {
    // A follower (no alliance role) joins the four validators; K = 4 (L = 8) so that a wiped
    // validator's fence is reached within a few dozen blocks.
    String text =
        ExampleSpecs.text(ExampleSpecs.COOPERATIVE)
            .replace(
                "parameters:\n",
                """
                  - name: echo
                    roles: [corporation]
                    host: 127.0.0.1
                    peer-port: 17105
                    api-port: 18105
                    profile: {industry: retail, size: small, offers: [DATA], wants: [PPE]}
                parameters:
                  checkpoint-interval-blocks: 4
                """);
    AllianceSpec spec = LocalAlliance.withFreePorts(SpecParser.parse("coop", text));
    chainId = spec.chainId();
    SecureRandom random = new SecureRandom();
    // Cheap scrypt for tests: the key file format is tested with the real cost in node-core.
    KeyFile.ScryptParameters cheap = new KeyFile.ScryptParameters(10, 8, 1);
    Bootstrap.Result result =
        Bootstrap.run(
            spec,
            dir.resolve("alliance"),
            false,
            random,
            System.currentTimeMillis(),
            (file, key) -> {
              KeyFile.save(file, key, PASSPHRASE.toCharArray(), cheap, random);
              if (file.getFileName().toString().equals(Bootstrap.GATEWAY_KEY_FILE)) {
                gateway = key;
              } else {
                keys.put(file.getParent().getFileName().toString(), key);
              }
            },
            Optional.empty());
    alliance = new LocalAlliance(dir, spec, result.nodeConfigs(), PASSPHRASE);
    alliance.startAll();
    alliance.awaitAllReady(REJOIN_DEADLINE); // five JVMs starting on a loaded machine
  }

  @AfterAll
  static void stopAlliance() {
    if (alliance != null) {
      alliance.close();
    }
  }

  private static ApiViews.Status status(String member) {
    return alliance
        .get(member, "/status")
        .filter(r -> r.statusCode() == 200)
        .map(r -> read(r.body(), ApiViews.Status.class))
        .orElse(null);
  }

  private static <T> T read(String body, Class<T> type) {
    try {
      return JSON.readValue(body, type);
    } catch (IOException e) {
      throw new AssertionError("malformed answer: " + body, e);
    }
  }

  private static long nonce(String member, PublicKey key) {
    var response = alliance.get(member, "/accounts/" + key.toHex()).orElseThrow();
    return read(response.body(), ApiViews.AccountView.class).nonce();
  }

  /** Signs and submits through {@code viaMember}'s API; returns the transaction hash. */
  private static String submit(String viaMember, KeyPair signer, TokenTx tx) throws Exception {
    long nonce = nonce(viaMember, signer.publicKey());
    Transaction signed =
        Transaction.sign(signer, chainId, nonce, tx.kind().code(), TxCodec.encode(tx));
    byte[] body = JSON.writeValueAsBytes(new ApiViews.SubmitRequest(Hex.encode(signed.encode())));
    HttpRequest request =
        HttpRequest.newBuilder(alliance.api(viaMember).resolve("/tx"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .timeout(Duration.ofSeconds(5))
            .build();
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    return signed.hash().toHex();
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    await(what, DEADLINE, condition);
  }

  private static void await(String what, Duration within, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + within + ": " + what + " (logs in " + dir + ")");
      }
      Thread.sleep(100); // polling interval
    }
  }

  private static boolean committedEverywhere(String txHash, List<String> members) {
    for (String member : members) {
      var response = alliance.get(member, "/tx/" + txHash);
      if (response.isEmpty()
          || !read(response.get().body(), ApiViews.TxStatus.class).status().equals("committed")) {
        return false;
      }
    }
    return true;
  }

  /** Same head height, block hash and state root on every listed node. */
  private static void assertSameChain(List<String> members) throws InterruptedException {
    await(
        "same head on " + members,
        () -> {
          List<ApiViews.Status> all = new ArrayList<>();
          for (String m : members) {
            ApiViews.Status s = status(m);
            if (s == null) {
              return false;
            }
            all.add(s);
          }
          return all.stream().map(s -> s.headHash() + s.stateRoot()).distinct().count() == 1;
        });
  }

  private static PublicKey key(String member) {
    return keys.get(member).publicKey();
  }

  @Test
  @Order(1)
  void transactionsCommitWithIdenticalBlocksAndStateEverywhere() throws Exception {
    String deposit = submit("acme", gateway, new TokenTx.Deposit(key("birch"), 50_000));
    await("deposit committed", () -> committedEverywhere(deposit, alliance.members()));
    String transfer =
        submit("cobalt", keys.get("birch"), new TokenTx.TransferMoney(key("cobalt"), 1_200));
    await("transfer committed", () -> committedEverywhere(transfer, alliance.members()));
    assertSameChain(alliance.members());
    var cobalt = alliance.get("delta", "/accounts/" + key("cobalt").toHex()).orElseThrow();
    assertThat(read(cobalt.body(), ApiViews.AccountView.class).money()).isEqualTo(1_200);
    // SPEC M-31: the metrics page parses as Prometheus text and agrees with the status.
    String metrics = alliance.get("birch", "/metrics").orElseThrow().body();
    Map<String, Double> samples = PrometheusText.parse(metrics);
    assertThat(samples.get("alliance_height")).isEqualTo((double) status("birch").height());
    assertThat(samples)
        .containsKey("alliance_consensus_invalid_messages_total{reason=\"bad_signature\"}");
    assertThat(samples.get("p2p_peers_connected")).isEqualTo(4.0);
    // Commit latency histogram: cumulative buckets, +Inf equals the count, one per block here.
    double count = samples.get("alliance_commit_latency_milliseconds_count");
    assertThat(count).isGreaterThanOrEqualTo(2.0).isEqualTo((double) status("birch").height());
    assertThat(samples.get("alliance_commit_latency_milliseconds_bucket{le=\"+Inf\"}"))
        .isEqualTo(count);
    assertThat(samples.get("alliance_commit_latency_milliseconds_bucket{le=\"5\"}"))
        .isLessThanOrEqualTo(
            samples.get("alliance_commit_latency_milliseconds_bucket{le=\"30000\"}"));
    assertThat(samples.get("alliance_transactions_committed_total")).isGreaterThanOrEqualTo(2.0);
    assertThat(samples)
        .containsKeys(
            "alliance_transactions_per_second",
            "alliance_mempool_size",
            "alliance_consensus_view",
            "alliance_consensus_view_changes_total",
            "alliance_consensus_recovering",
            "alliance_store_cache_lookups_total{block=\"filter\",outcome=\"miss\"}",
            "alliance_store_cache_lookups_total{block=\"bloom\",outcome=\"absent\"}",
            "tree_f_aco_microseconds",
            "tree_f_acm_microseconds",
            "tree_f_aco_routes");
  }

  // SPEC M-3, M-31: a member without the alliance role follows the chain by block sync and
  // commit certificates, serves the API, and forwards its clients' transactions to the validators.
  @Test
  @Order(2)
  void aFollowerAppliesCertifiedBlocksAndServesTheApi() throws Exception {
    ApiViews.Status follower = status(FOLLOWER);
    assertThat(follower.consensus().validator()).isFalse();
    assertThat(follower.consensus().summary()).startsWith("follower");
    String tx = submit(FOLLOWER, keys.get("birch"), new TokenTx.TransferMoney(key(FOLLOWER), 300));
    await("a transaction sent to the follower commits", () -> committedEverywhere(tx, all()));
    assertSameChain(all());
    var echo = alliance.get(FOLLOWER, "/accounts/" + key(FOLLOWER).toHex()).orElseThrow();
    assertThat(read(echo.body(), ApiViews.AccountView.class).money()).isEqualTo(300);
    // The follower serves blocks with their certificates: a quorum of validator votes.
    long height = status(FOLLOWER).height();
    var block = alliance.get(FOLLOWER, "/blocks/" + height).orElseThrow();
    assertThat(read(block.body(), ApiViews.BlockView.class).certificate().votes())
        .hasSizeGreaterThanOrEqualTo(3)
        .noneMatch(v -> v.publicKey().equals(key(FOLLOWER).toHex()));
  }

  // SPEC M-31: /status explains where consensus stands in words and data.
  @Test
  @Order(3)
  void statusNamesEveryValidatorsProgressAndWhatTheNodeWaitsFor() {
    ApiViews.ConsensusStatus c = status("acme").consensus();
    assertThat(c.validators())
        .extracting(ApiViews.ValidatorProgress::member)
        .containsExactlyInAnyOrderElementsOf(VALIDATORS);
    assertThat(c.validators()).allMatch(ApiViews.ValidatorProgress::connected);
    assertThat(c.validators()).filteredOn(v -> !v.self()).allMatch(v -> v.lastHeight() >= 1);
    assertThat(c.summary()).startsWith("validator at height").contains("4 of 4 validators");
    assertThat(c.waitingFor()).isNotBlank();
    assertThat(c.recovering()).isEmpty();
  }

  // SPEC M-6, M-8: an LFT announcement reaches every other member; each receiver times its route.
  @Test
  @Order(4)
  void anAnnouncementReachesEveryMemberOverTheLinkFirstTree() throws Exception {
    byte[] body = JSON.writeValueAsBytes(java.util.Map.of("text", "need: 40 pallets of PPE"));
    HttpRequest request =
        HttpRequest.newBuilder(alliance.api("acme").resolve("/announcements"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    for (String member : List.of("birch", "cobalt", "delta")) {
      await(
          member + " received the announcement",
          () ->
              alliance
                  .get(member, "/announcements")
                  .map(r -> r.body().contains("need: 40 pallets of PPE"))
                  .orElse(false));
      var times = alliance.get(member, "/comm-times").orElseThrow();
      assertThat(read(times.body(), ApiViews.CommTimesView.class).n()).isGreaterThanOrEqualTo(1);
    }
  }

  // SPEC M-7: a TFT request goes to the trusted provider only; unanswered at its deadline it is
  // opened to the rest of the alliance, answered it is not.
  @Test
  @Order(5)
  void anUnansweredTrustFirstRequestIsOpenedToTheRestAtItsDeadline() throws Exception {
    String answered = trusted("acme", "offer wanted: 5 t of recycled steel", 1_500);
    HttpResponse<String> mark = post("acme", "/announcements/" + answered + "/answered", Map.of());
    assertThat(mark.statusCode()).as(mark.body()).isEqualTo(202);
    String text = "offer wanted: 20 t of recycled steel";
    trusted("acme", text, 1_500);
    await("birch, trusted, receives it", () -> received("birch", text));
    for (String rest : List.of("cobalt", "delta", FOLLOWER)) {
      await(rest + " receives it once the deadline passed", () -> received(rest, text));
      // The answered request had the same deadline, set earlier: it was never opened.
      assertThat(received(rest, "5 t of recycled steel")).as(rest).isFalse();
    }
    await("birch received the answered one too", () -> received("birch", "5 t of recycled steel"));
  }

  private static String trusted(String from, String text, long deadlineMillis) throws Exception {
    HttpResponse<String> response =
        post(
            from,
            "/announcements/trusted",
            Map.of(
                "text",
                text,
                "trusted",
                List.of(Map.of("member", "birch", "trustMicros", 900_000)),
                "option",
                "direct",
                "deadlineMillis",
                deadlineMillis,
                "openToRest",
                true));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    return read(response.body(), ApiViews.Announced.class).id();
  }

  private static boolean received(String member, String text) {
    return alliance.get(member, "/announcements").map(r -> r.body().contains(text)).orElse(false);
  }

  private static HttpResponse<String> post(String member, String path, Object body)
      throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(alliance.api(member).resolve(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
            .timeout(Duration.ofSeconds(5))
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  @Order(6)
  void aSecondProcessOnTheSameDataFolderIsRefused() throws Exception {
    Path config = alliance.nodeDir("acme").resolve("node.yaml");
    ProcessBuilder second =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "--enable-native-access=ALL-UNNAMED",
            "-cp",
            System.getProperty("java.class.path"),
            "org.alliancechain.cli.Main",
            "node",
            "start",
            "--config",
            config.toString());
    second.environment().put(LocalAlliance.PASSPHRASE_ENV, PASSPHRASE);
    second.redirectErrorStream(true);
    Process process = second.start();
    String output =
        new String(
            process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(output).isEqualTo(1);
    assertThat(output).contains("error: cannot open the data folder").contains("LOCKED");
    assertThat(alliance.isRunning("acme")).isTrue();
  }

  @Test
  @Order(7)
  void theOthersKeepCommittingWhileAValidatorIsDownAndItCatchesUp() throws Exception {
    String down = nonPrimary();
    alliance.kill(down);
    List<String> up = alliance.members().stream().filter(m -> !m.equals(down)).toList();
    String tx = submit(up.get(0), keys.get("birch"), new TokenTx.TransferMoney(key("acme"), 10));
    await("commit with " + down + " down", () -> committedEverywhere(tx, up));
    alliance.start(down);
    alliance.awaitReady(down, DEADLINE);
    await("restarted " + down + " catches up", () -> committedEverywhere(tx, List.of(down)));
    assertSameChain(alliance.members());
  }

  @Test
  @Order(9)
  void aKilledPrimaryIsReplacedByAViewChange() throws Exception {
    String primary = status("acme").consensus().primary();
    long viewBefore = status("acme").consensus().view();
    alliance.kill(primary);
    List<String> up = alliance.members().stream().filter(m -> !m.equals(primary)).toList();
    String tx =
        submit(
            up.get(0),
            keys.get("birch").publicKey().equals(key(primary))
                ? keys.get("cobalt")
                : keys.get("birch"),
            new TokenTx.TransferMoney(key("delta"), 5));
    await("commit after the primary died", () -> committedEverywhere(tx, up));
    ApiViews.Status after = status(up.get(0));
    assertThat(after.consensus().view()).isGreaterThan(viewBefore);
    assertThat(after.consensus().primary()).isNotEqualTo(primary);
    assertSameChain(up);
  }

  @Test
  @Order(10)
  void sigtermStopsANodeCleanlyWithExitCodeZero() throws Exception {
    String member =
        alliance.members().stream().filter(alliance::isRunning).findFirst().orElseThrow();
    assertThat(alliance.stop(member, Duration.ofSeconds(20))).isZero();
    assertThat(Files.readString(alliance.logFile(member))).contains("stopped cleanly");
  }

  private static String nonPrimary() {
    String primary = status("acme").consensus().primary();
    return VALIDATORS.stream().filter(m -> !m.equals(primary)).reduce((a, b) -> b).orElseThrow();
  }

  private static List<String> all() {
    return alliance.members();
  }

  // SPEC M-27 and issue 4: keys and config kept, data folder deleted. The node rebuilds from the
  // peers' certified blocks, votes on nothing until its fence is below a stable checkpoint
  // (docs/consensus.md, "A validator that lost its log"), then votes again.
  @Test
  @Order(8)
  void aValidatorRestartedWithAnEmptyDataFolderRebuildsAndRejoinsConsensus() throws Exception {
    String wiped = nonPrimary();
    alliance.kill(wiped);
    deleteTree(alliance.nodeDir(wiped).resolve("data"));
    assertThat(alliance.nodeDir(wiped).resolve("data")).doesNotExist();
    alliance.start(wiped);
    alliance.awaitReady(wiped, DEADLINE);
    String sender = wiped.equals("birch") ? "cobalt" : "birch";
    String first = submit("acme", keys.get(sender), new TokenTx.TransferMoney(key("acme"), 1));
    await("the wiped node rebuilds the chain", () -> committedEverywhere(first, all()));
    assertSameChain(all());
    // Blocks until a stable checkpoint passes its fence; it reports that it recovers meanwhile.
    await(
        wiped + " rejoins (recovering is cleared)",
        REJOIN_DEADLINE,
        () -> {
          ApiViews.Status s = status(wiped);
          if (s != null && s.consensus().recovering().isEmpty()) {
            return true;
          }
          commitOne("acme", sender);
          return false;
        });
    // Rejoined: with another validator down, every block needs its commit vote (3 of 3 live).
    String primary = status("acme").consensus().primary();
    String other =
        VALIDATORS.stream()
            .filter(m -> !m.equals(wiped) && !m.equals(primary) && !m.equals("acme"))
            .findFirst()
            .orElseThrow();
    alliance.kill(other);
    try {
      String tx = commitOne(primary, sender);
      var block = alliance.get(primary, "/blocks/" + txHeight(primary, tx)).orElseThrow();
      assertThat(read(block.body(), ApiViews.BlockView.class).certificate().votes())
          .extracting(ApiViews.Vote::publicKey)
          .contains(key(wiped).toHex())
          .doesNotContain(key(other).toHex());
    } catch (AssertionError e) {
      throw new AssertionError(
          e.getMessage()
              + "; "
              + wiped
              + " status: "
              + alliance.get(wiped, "/status").map(HttpResponse::body),
          e);
    } finally {
      alliance.start(other);
    }
    alliance.awaitReady(other, DEADLINE);
    String last = commitOne("acme", sender);
    await(other + " catches up", () -> committedEverywhere(last, all()));
    assertSameChain(all());
  }

  /** Submits one small transfer and waits until every running node committed it. */
  private static String commitOne(String via, String sender) {
    try {
      String tx = submit(via, keys.get(sender), new TokenTx.TransferMoney(key("acme"), 1));
      List<String> running = all().stream().filter(alliance::isRunning).toList();
      await("transfer committed", () -> committedEverywhere(tx, running));
      return tx;
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static long txHeight(String member, String tx) {
    var response = alliance.get(member, "/tx/" + tx).orElseThrow();
    return read(response.body(), ApiViews.TxStatus.class).height();
  }

  private static void deleteTree(Path root) throws IOException {
    try (var paths = Files.walk(root)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @SuppressWarnings("unused")
  private static URI api(String member) {
    return alliance.api(member);
  }
}
