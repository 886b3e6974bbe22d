package org.alliancechain.cli.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
 * f = 1 Byzantine validator of 4, as real node processes on loopback (SPEC M-27, issue 9). The
 * view-0 primary runs the test-only {@link ByzantineMode} with every behaviour: it equivocates,
 * proposes blocks with wrong digests, signs badly, replays old messages, withholds votes from some
 * validators and floods garbage and oversized frames. The three honest validators must keep
 * committing with identical blocks and state, count the invalid messages by reason in /metrics, and
 * ban the offender. No fixed sleeps: every wait polls with a deadline.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ByzantineProcessTest {
  private static final String PASSPHRASE = "byzantine-process-test";
  private static final Duration DEADLINE = Duration.ofSeconds(90);
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @TempDir static Path dir;
  private static LocalAlliance alliance;
  private static final Map<String, KeyPair> keys = new TreeMap<>();
  private static KeyPair gateway;
  private static String chainId;
  private static String byzantine;
  private static List<String> honest;

  @BeforeAll
  static void startAlliance() throws Exception {
    AllianceSpec spec =
        LocalAlliance.withFreePorts(
            SpecParser.parse("coop", ExampleSpecs.text(ExampleSpecs.COOPERATIVE)));
    chainId = spec.chainId();
    SecureRandom random = new SecureRandom();
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
    // The primary of view 0 is the smallest validator key (SPEC M-27: primary = view mod n).
    PublicKey primary = result.genesis().validatorSet().get(0);
    byzantine = result.genesis().member(primary).orElseThrow().name();
    alliance = new LocalAlliance(dir, spec, result.nodeConfigs(), PASSPHRASE);
    honest = alliance.members().stream().filter(m -> !m.equals(byzantine)).toList();
    assertThat(result.genesis().validatorSet().size()).isEqualTo(4);
    alliance.jvmOptions(
        byzantine,
        List.of(
            "-D" + ByzantineMode.BEHAVIORS_PROPERTY + "=all",
            "-D" + ByzantineMode.ALLOW_PROPERTY + "=" + ByzantineMode.ALLOW_VALUE,
            "-D" + ByzantineMode.SEED_PROPERTY + "=" + random.nextLong()));
    alliance.startAll();
    alliance.awaitAllReady(DEADLINE);
  }

  @AfterAll
  static void stopAlliance() throws IOException {
    if (alliance != null) {
      alliance.close();
      String keep = System.getProperty("byzantine.logs");
      if (keep != null) { // -Dbyzantine.logs=FOLDER keeps the node logs of the run
        Files.createDirectories(Path.of(keep));
        for (String m : alliance.members()) {
          Files.copy(
              alliance.logFile(m),
              Path.of(keep, m + ".log"),
              java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  @Test
  @Order(1)
  void theByzantineSwitchWithoutItsAcknowledgementIsRefusedBeforeAnythingIsOpened()
      throws Exception {
    Path config = alliance.nodeDir(honest.get(0)).resolve("node.yaml");
    ProcessBuilder refused =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "--enable-native-access=ALL-UNNAMED",
            "-D" + ByzantineMode.BEHAVIORS_PROPERTY + "=equivocate",
            "-cp",
            System.getProperty("java.class.path"),
            "org.alliancechain.cli.Main",
            "node",
            "start",
            "--config",
            config.toString());
    refused.environment().put(LocalAlliance.PASSPHRASE_ENV, PASSPHRASE);
    refused.redirectErrorStream(true);
    Process process = refused.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(output).isEqualTo(1);
    // Refused before the store: a later check would have met the running node's lock instead.
    assertThat(output).contains("refusing to start").doesNotContain("LOCKED");
    assertThat(alliance.isRunning(honest.get(0))).isTrue();
  }

  @Test
  @Order(2)
  void honestValidatorsKeepAgreementAndProgressCountTheInvalidMessagesAndBanTheOffender()
      throws Exception {
    String deposit = submit(honest.get(0), gateway, new TokenTx.Deposit(key("birch"), 1_000_000));
    await("deposit committed on the honest nodes", () -> committedOn(deposit, honest));
    long deadline = System.nanoTime() + 2 * DEADLINE.toNanos();
    int transfers = 0;
    // Keep a steady trickle of transfers until every honest node has banned the offender; each
    // must commit on all three honest nodes (progress while under attack).
    while (!allHonestBanned() || transfers < 3) {
      assertThat(System.nanoTime()).as("ban not reached; logs in " + dir).isLessThan(deadline);
      String via = honest.get(transfers % honest.size());
      String tx = submit(via, keys.get("birch"), new TokenTx.TransferMoney(key("cobalt"), 1));
      await("transfer " + transfers + " committed", () -> committedOn(tx, honest));
      transfers++;
    }
    assertSameChain(honest);

    Map<String, Double> total = new TreeMap<>();
    for (String m : honest) {
      metrics(m).forEach((k, v) -> total.merge(k, v, Double::sum));
      assertThat(alliance.isRunning(m)).isTrue();
    }
    System.out.println(
        "byzantine " + byzantine + ": " + transfers + " transfers; " + summary(total));
    assertThat(total.get(invalid("bad_signature"))).isPositive();
    assertThat(total.get(invalid("undecodable"))).isPositive();
    assertThat(total.get("p2p_bans_total")).isGreaterThanOrEqualTo(honest.size());
    assertThat(total.get("p2p_penalties_total{kind=\"invalid_message\"}")).isPositive();

    // After the ban, the three honest validators (a quorum of 2f + 1) still commit.
    String after =
        submit(honest.get(1), keys.get("birch"), new TokenTx.TransferMoney(key("delta"), 7));
    await("commit with the offender banned", () -> committedOn(after, honest));
    assertSameChain(honest);
    var delta = alliance.get(honest.get(0), "/accounts/" + key("delta").toHex()).orElseThrow();
    assertThat(read(delta.body(), ApiViews.AccountView.class).money()).isEqualTo(7);
  }

  // SPEC M-26 (signed, nonce, chain id), M-22 (amounts): each refused with its reason, the
  // ledger unchanged, the node still serving. Unit-level twins: TxRulesTest, NonceRuleTest,
  // MempoolTest, Ed25519ProfileTest.malleatedSignaturesWithSPlusMultiplesOfLFail, WalletTest.
  @Test
  @Order(3)
  void hostileTransactionsAreRefusedWithTheirReasonAndChangeNothing() throws Exception {
    String via = honest.get(0);
    KeyPair birch = keys.get("birch");
    ApiViews.AccountView before = account(via, birch.publicKey());
    String headBefore = status(via).headHash();
    Transaction good = transfer(birch, chainId, before.nonce(), key("cobalt"), 5);

    byte[] flipped = good.signature().toBytes();
    flipped[3] ^= 0x01;
    assertRefused(via, withSignature(good, flipped), "bad_signature");
    assertRefused(via, withSignature(good, plusL(good.signature().toBytes())), "bad_signature");
    assertRefused(
        via, transfer(birch, "another-chain", before.nonce(), key("cobalt"), 5), "wrong_chain_id");
    assertRefused(
        via, transfer(birch, chainId, before.nonce() - 1, key("cobalt"), 5), "nonce_used");
    assertRefused(
        via,
        transfer(birch, chainId, before.nonce() + 1_000_000, key("cobalt"), 5),
        "nonce_too_far");
    byte[] notHex = JSON.writeValueAsBytes(new ApiViews.SubmitRequest("zz" + "00".repeat(40)));
    assertThat(post(via, notHex).body()).contains("bad_hex");
    byte[] truncated =
        JSON.writeValueAsBytes(
            new ApiViews.SubmitRequest(Hex.encode(good.encode()).substring(0, 100)));
    assertThat(post(via, truncated).body()).contains("bad_transaction");
    // A key that is no member (the same check refuses a member the DAO removed, SPEC M-23;
    // DaoTest.anAdmittedMemberCanTransactAndARemovedOneCannot).
    KeyPair stranger = KeyPair.fromSeed(new byte[32]);
    assertRefused(via, transfer(stranger, chainId, 0, key("cobalt"), 5), "not_member");
    assertThat(account(via, birch.publicKey()).money()).isEqualTo(before.money());
    assertThat(account(via, birch.publicKey()).nonce()).isEqualTo(before.nonce());
    assertThat(status(via).headHash()).isEqualTo(headBefore);

    // Overflow: the gateway's deposit is well formed, so it is ordered, and fails in execution
    // without wrapping anyone's balance (WalletTest.overflowFailsInsteadOfWrapping, on one node).
    String overflow =
        submit(
            via, gateway, new TokenTx.Deposit(key("birch"), Long.MAX_VALUE - before.money() + 1));
    await("overflow deposit ordered", () -> committedOn(overflow, honest));
    var outcome = alliance.get(via, "/tx/" + overflow).orElseThrow();
    ApiViews.TxStatus st = read(outcome.body(), ApiViews.TxStatus.class);
    assertThat(st.success()).isFalse();
    assertThat(st.code()).isEqualTo("overflow");
    assertThat(account(via, birch.publicKey()).money()).isEqualTo(before.money());

    // Still serving: the untouched transaction commits everywhere honest, with one chain.
    assertThat(post(via, hexBody(good)).statusCode()).isEqualTo(202);
    await("good transfer committed", () -> committedOn(good.hash().toHex(), honest));
    assertThat(account(honest.get(2), birch.publicKey()).money()).isEqualTo(before.money() - 5);
    assertSameChain(honest);
  }

  private static Transaction transfer(
      KeyPair signer, String chain, long nonce, PublicKey to, long amount) {
    TokenTx tx = new TokenTx.TransferMoney(to, amount);
    return Transaction.sign(signer, chain, nonce, tx.kind().code(), TxCodec.encode(tx));
  }

  private static Transaction withSignature(Transaction tx, byte[] signature) {
    return new Transaction(
        tx.chainId(),
        tx.sender(),
        tx.nonce(),
        tx.kind(),
        tx.payload(),
        org.alliancechain.core.crypto.Signature.of(signature));
  }

  /** The same signature with S replaced by S + L (RFC 8032 §5.1.7 requires S < L). */
  private static byte[] plusL(byte[] signature) {
    java.math.BigInteger l =
        java.math.BigInteger.TWO
            .pow(252)
            .add(new java.math.BigInteger("27742317777372353535851937790883648493"));
    byte[] le = java.util.Arrays.copyOfRange(signature, 32, 64);
    byte[] be = new byte[32];
    for (int i = 0; i < 32; i++) {
      be[i] = le[31 - i];
    }
    byte[] sum = new java.math.BigInteger(1, be).add(l).toByteArray();
    byte[] out = signature.clone();
    java.util.Arrays.fill(out, 32, 64, (byte) 0);
    for (int i = 0; i < Math.min(32, sum.length); i++) {
      out[32 + i] = sum[sum.length - 1 - i];
    }
    return out;
  }

  private static void assertRefused(String via, Transaction tx, String reason) throws Exception {
    HttpResponse<String> response = post(via, hexBody(tx));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.body()).contains("\"" + reason + "\"");
  }

  private static byte[] hexBody(Transaction tx) throws IOException {
    return JSON.writeValueAsBytes(new ApiViews.SubmitRequest(Hex.encode(tx.encode())));
  }

  private static HttpResponse<String> post(String via, byte[] body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(alliance.api(via).resolve("/tx"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .timeout(Duration.ofSeconds(5))
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static ApiViews.AccountView account(String via, PublicKey key) {
    var response = alliance.get(via, "/accounts/" + key.toHex()).orElseThrow();
    return read(response.body(), ApiViews.AccountView.class);
  }

  private static String invalid(String reason) {
    return "alliance_consensus_invalid_messages_total{reason=\"" + reason + "\"}";
  }

  private static String summary(Map<String, Double> total) {
    List<String> lines = new ArrayList<>();
    total.forEach(
        (k, v) -> {
          if (v > 0
              && (k.startsWith("alliance_consensus_invalid")
                  || k.startsWith("p2p_rejected")
                  || k.startsWith("p2p_penalties")
                  || k.startsWith("p2p_bans"))) {
            lines.add(k + "=" + v.longValue());
          }
        });
    return String.join(", ", lines);
  }

  private static boolean allHonestBanned() {
    for (String m : honest) {
      Double banned = metrics(m).get("p2p_bans_total");
      if (banned == null || banned < 1) {
        return false;
      }
    }
    return true;
  }

  private static Map<String, Double> metrics(String member) {
    return alliance
        .get(member, "/metrics")
        .map(r -> PrometheusText.parse(r.body()))
        .orElse(Map.of());
  }

  private static PublicKey key(String member) {
    return keys.get(member).publicKey();
  }

  private static <T> T read(String body, Class<T> type) {
    try {
      return JSON.readValue(body, type);
    } catch (IOException e) {
      throw new AssertionError("malformed answer: " + body, e);
    }
  }

  private static ApiViews.Status status(String member) {
    return alliance
        .get(member, "/status")
        .filter(r -> r.statusCode() == 200)
        .map(r -> read(r.body(), ApiViews.Status.class))
        .orElse(null);
  }

  private static String submit(String viaMember, KeyPair signer, TokenTx tx) throws Exception {
    var account = alliance.get(viaMember, "/accounts/" + signer.publicKey().toHex()).orElseThrow();
    long nonce = read(account.body(), ApiViews.AccountView.class).nonce();
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

  private static boolean committedOn(String txHash, List<String> members) {
    for (String member : members) {
      var response = alliance.get(member, "/tx/" + txHash);
      if (response.isEmpty()
          || !read(response.get().body(), ApiViews.TxStatus.class).status().equals("committed")) {
        return false;
      }
    }
    return true;
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "not within " + DEADLINE + ": " + what + " (logs in " + dir + ")" + logs());
      }
      Thread.sleep(100); // polling interval
    }
  }

  private static String logs() {
    StringBuilder out = new StringBuilder();
    for (String m : alliance.members()) {
      try {
        List<String> lines = Files.readAllLines(alliance.logFile(m));
        out.append("\n--- ").append(m).append(" (last lines)\n");
        lines
            .subList(Math.max(0, lines.size() - 15), lines.size())
            .forEach(l -> out.append(l).append('\n'));
      } catch (IOException e) {
        out.append("\n(no log for ").append(m).append(")");
      }
    }
    return out.toString();
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
}
