package org.alliancechain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alliancechain.cli.node.Node;
import org.alliancechain.core.Verdict;
import org.alliancechain.core.block.CertifiedBlock;
import org.alliancechain.core.block.ValidatorSet;
import org.alliancechain.core.crypto.KeyFile;
import org.alliancechain.core.crypto.KeyPair;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.core.exec.Nonces;
import org.alliancechain.core.tx.Transaction;
import org.alliancechain.token.TokenQueries;
import org.alliancechain.token.state.KeyRotation;
import org.alliancechain.token.tx.TokenTx;
import org.alliancechain.token.tx.TxCodec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #4 with real nodes in one JVM (own stores, sockets, threads): a validator's key is rotated
 * by a DAO vote, the operator restarts its node with the new key file before the activation height
 * E (docs/operations.md §7), blocks keep committing across E, and from E the certificates carry the
 * new key's votes while the old key's transactions are refused.
 */
class DaoKeyRotationTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration DEADLINE = Duration.ofMinutes(2);

  // K = 2 (window 4), epoch 4: a change decided at h is in force from the first multiple of 4
  // above h + 4 (docs/consensus.md). Founding tokens so the DAO can vote from block 1.
  private static String spec(String members) {
    return """
      alliance:
        name: Key Rotation Test Alliance
        chain-id: key-rotation-1
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
    String[] names = {"acme", "birch", "cobalt", "delta"};
    for (int i = 0; i < names.length; i++) {
      members.append(
          String.format(
              """
                - name: %s
                  roles: [corporation, alliance]
                  host: 127.0.0.1
                  peer-port: %d
                  api-port: %d
                  profile: {industry: manufacturing, size: small, offers: [DATA], wants: [DATA]}
              """,
              names[i], 17301 + i, 18301 + i));
    }
    alliance = InProcessAlliance.start(dir, "rotation.yaml", spec(members.toString()));
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

  /** Blocks are cut only when there are transactions: acme and cobalt trade one token. */
  private static void advanceTo(long height) throws InterruptedException {
    long end = System.nanoTime() + DEADLINE.toNanos();
    while (head() < height) {
      assertThat(System.nanoTime()).as("reaching height %d", height).isLessThan(end);
      boolean even = head() % 2 == 0;
      ok(
          even ? "acme" : "cobalt",
          "wallet",
          "transfer",
          "--to",
          even ? "cobalt" : "acme",
          "--tokens",
          "1");
    }
  }

  private static PublicKey key(String member) {
    return alliance.node("acme").genesis().member(member).orElseThrow().publicKey();
  }

  @Test
  void aValidatorsKeyRotatedByTheDaoCertifiesUnderTheNewKeyFromTheActivationHeight()
      throws Exception {
    PublicKey birch = key("birch");
    Path birchDir = alliance.memberDir("birch");
    Path newKeyFile = birchDir.resolve("member-2.key");
    CliRun generated =
        CliRun.of(
            "key",
            "new",
            "--out",
            newKeyFile.toString(),
            "--passphrase-file",
            alliance.secret.toString());
    assertThat(generated.exitCode()).as(generated.err()).isZero();
    Matcher hex = Pattern.compile("public key (\\p{XDigit}{64})").matcher(generated.out());
    assertThat(hex.find()).as(generated.out()).isTrue();
    PublicKey newKey = PublicKey.fromHex(hex.group(1));

    // a proposal naming a key already in use is refused with its reason
    CliRun refused =
        as("acme", "dao", "propose", "--rotate-key", "cobalt", "--new-key", key("delta").toHex());
    assertThat(refused.exitCode()).isNotZero();
    assertThat(refused.err()).contains("key_in_use");

    CliRun proposed =
        ok(
            "acme",
            "dao",
            "propose",
            "--rotate-key",
            "birch",
            "--new-key-file",
            newKeyFile.toString());
    Matcher m = Pattern.compile("proposal (\\d+)").matcher(proposed.out());
    assertThat(m.find()).as(proposed.out()).isTrue();
    String id = m.group(1);
    for (String voter : List.of("acme", "cobalt", "delta")) {
      ok(voter, "dao", "vote", id, "yes");
    }
    JsonNode shown = JSON.readTree(ok("acme", "dao", "show", id, "--output", "json").out());
    advanceTo(shown.path("closeHeight").asLong() + 1);
    shown = JSON.readTree(ok("acme", "dao", "show", id, "--output", "json").out());
    assertThat(shown.path("status").asText()).isEqualToIgnoringCase("executed");

    TokenQueries ledger = new TokenQueries(alliance.node("acme").state());
    KeyRotation rotation = ledger.keyRotation(birch).orElseThrow();
    long e = rotation.activationHeight();
    assertThat(e % 4).isZero();
    assertThat(e).isGreaterThan(rotation.decidedAt() + 4);
    assertThat(ledger.validators().decidedAt(rotation.decidedAt()).orElseThrow().activationHeight())
        .isEqualTo(e);
    assertThat(head()).isLessThan(e - 1);

    // the operator's procedure: stop, swap the key file (keep the old one), start before E
    alliance.stop("birch");
    Path keyFile = birchDir.resolve(org.alliancechain.config.Bootstrap.KEY_FILE);
    Path oldKeyFile = birchDir.resolve("member-1.key");
    Files.move(keyFile, oldKeyFile);
    Files.copy(newKeyFile, keyFile, StandardCopyOption.COPY_ATTRIBUTES);
    Node restarted = alliance.startNode(alliance.configs.get("birch"));
    assertThat(restarted.self().name()).isEqualTo("birch");
    assertThat(restarted.key().publicKey()).isEqualTo(newKey);
    await(
        "acme links birch's new key",
        () -> alliance.node("acme").network().connectedPeers().contains(newKey));

    // before E the new key does not sign for birch yet
    CliRun early = as("birch", "wallet", "transfer", "--to", "acme", "--tokens", "1");
    assertThat(early.exitCode()).isNotZero();
    assertThat(early.err()).contains("key_not_active");

    // blocks keep committing across E (acme, cobalt, delta hold a quorum of 3 until then); the
    // sets on both sides as the ledger scheduled them (exact up to head + window)
    Node acme = alliance.node("acme");
    ValidatorSet before = acme.validatorsAt(e - 1);
    ValidatorSet after = acme.validatorsAt(e);
    advanceTo(e + 1);
    assertThat(before.contains(birch)).isTrue();
    assertThat(after.contains(newKey)).isTrue();
    assertThat(after.contains(birch)).isFalse();
    assertThat(acme.store().block(e - 1).orElseThrow().verify(before).isOk()).isTrue();
    assertThat(acme.store().block(e).orElseThrow().verify(after).isOk()).isTrue();

    // from E: the new key signs for birch's ledger entry; the old one is refused with the reason
    long tokens = ledger(acme).account(birch).tokens();
    ok("birch", "wallet", "transfer", "--to", "acme", "--tokens", "1");
    assertThat(ledger(acme).account(birch).tokens()).isEqualTo(tokens - 1);
    KeyPair oldKey = KeyFile.load(oldKeyFile, InProcessAlliance.PASSPHRASE.toCharArray());
    Transaction stale =
        Transaction.sign(
            oldKey,
            acme.genesis().chainId(),
            Nonces.next(acme.state(), birch),
            org.alliancechain.token.tx.TxKind.TRANSFER_TOKENS.code(),
            TxCodec.encode(new TokenTx.TransferTokens(key("acme"), 1)));
    Verdict verdict = acme.submit(stale);
    assertThat(verdict.reason()).isEqualTo("key_rotated");
    await("acme drops birch's old key", () -> !acme.network().connectedPeers().contains(birch));

    // with delta stopped, a quorum of the four (3) needs birch's vote: its new key signs
    alliance.stop("delta");
    long from = head() + 1;
    advanceTo(from + 2);
    int index = after.indexOf(newKey).orElseThrow();
    CertifiedBlock signed = acme.store().block(from + 1).orElseThrow();
    assertThat(signed.verify(after).isOk()).isTrue();
    assertThat(signed.certificate().votes()).anyMatch(v -> v.validator() == index);

    // a light client follows the rotation from the genesis alone (proofs of the ledger record)
    CliRun verify = ok("cobalt", "chain", "verify");
    assertThat(verify.out()).contains("verified " + head() + " blocks");
    // the balance under the new key is birch's
    CliRun shownBalance =
        CliRun.of(
            "wallet",
            "balance",
            "--output",
            "json",
            "--profile",
            alliance.profile("birch").toString(),
            "--node",
            uri("acme"));
    assertThat(shownBalance.exitCode()).as(shownBalance.err()).isZero();
    JsonNode balance = JSON.readTree(shownBalance.out());
    assertThat(balance.path("member").asText()).isEqualTo("birch");
    assertThat(balance.path("tokens").asLong()).isEqualTo(tokens - 1);
  }

  private static TokenQueries ledger(Node node) {
    return new TokenQueries(node.state());
  }
}
