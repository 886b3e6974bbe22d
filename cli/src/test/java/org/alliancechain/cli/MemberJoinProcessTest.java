package org.alliancechain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alliancechain.cli.local.FreePorts;
import org.alliancechain.cli.local.LocalAlliance;
import org.alliancechain.config.AllianceSpec;
import org.alliancechain.config.Bootstrap;
import org.alliancechain.config.SpecParser;
import org.alliancechain.core.crypto.KeyFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC M-23 and docs/operations.md §7 with real node processes: four bootstrapped members, a fifth
 * that joins with `member join` and one DAO proposal, starts its node process, links up, syncs and
 * transacts through its own node.
 */
class MemberJoinProcessTest {
  private static final String PASSPHRASE = "member-join-process-test";
  private static final Duration DEADLINE = Duration.ofMinutes(2);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  private static LocalAlliance alliance;
  private static Path secret;

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
    String text =
        """
        alliance:
          name: Join Test Alliance
          chain-id: join-test-1
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
    AllianceSpec spec = LocalAlliance.withFreePorts(SpecParser.parse("join.yaml", text));
    secret = dir.resolve("secret");
    LocalAlliance.writeSecret(secret, PASSPHRASE);
    SecureRandom random = new SecureRandom();
    KeyFile.ScryptParameters cheap = new KeyFile.ScryptParameters(10, 8, 1);
    Bootstrap.Result result =
        Bootstrap.run(
            spec,
            dir.resolve("alliance"),
            false,
            random,
            System.currentTimeMillis(),
            (file, key) -> KeyFile.save(file, key, PASSPHRASE.toCharArray(), cheap, random),
            Optional.of(secret));
    alliance = new LocalAlliance(dir, spec, result.nodeConfigs(), PASSPHRASE);
    alliance.startAll();
    alliance.awaitAllReady(DEADLINE);
  }

  @AfterAll
  static void stop() {
    if (alliance != null) {
      alliance.close();
    }
  }

  private static CliRun ok(String member, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(
        List.of(
            "--profile",
            dir.resolve("alliance").resolve(member).resolve("profile.yaml").toString()));
    if (!args[1].equals("show")) {
      all.addAll(List.of("--passphrase-file", secret.toString()));
    }
    CliRun run = CliRun.of(all.toArray(String[]::new));
    assertThat(run.exitCode()).as("%s %s: %s", member, List.of(args), run.err()).isZero();
    return run;
  }

  private static long height(String member) throws Exception {
    var response = alliance.get(member, "/status");
    return response.isPresent() && response.get().statusCode() == 200
        ? JSON.readTree(response.get().body()).path("height").asLong()
        : -1;
  }

  private static void advanceTo(long target) throws Exception {
    long end = System.nanoTime() + DEADLINE.toNanos();
    while (height("acme") < target) {
      assertThat(System.nanoTime()).as("reaching height %d", target).isLessThan(end);
      boolean even = height("acme") % 2 == 0;
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

  private static void await(java.util.function.BooleanSupplier condition) throws Exception {
    long end = System.nanoTime() + DEADLINE.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waiting").isLessThan(end);
      Thread.sleep(50); // polling interval, not a wait for an outcome
    }
  }

  @Test
  void aMemberJoinsARunningAllianceWithOneCommandAndOneProposal() throws Exception {
    List<Integer> ports = FreePorts.pick(2);
    Path folder = dir.resolve("foxtrot");
    CliRun joined =
        CliRun.of(
            "member",
            "join",
            "--node",
            alliance.api("acme").toString(),
            "--genesis-hash",
            Files.readString(dir.resolve("alliance").resolve("acme").resolve("node.yaml"))
                .lines()
                .filter(l -> l.startsWith("genesis-hash: "))
                .findFirst()
                .orElseThrow()
                .substring("genesis-hash: ".length()),
            "--name",
            "foxtrot",
            "--peer-port",
            ports.get(0).toString(),
            "--api-port",
            ports.get(1).toString(),
            "--out",
            folder.toString(),
            "--passphrase-file",
            secret.toString());
    assertThat(joined.exitCode()).as(joined.err()).isZero();
    Matcher m =
        Pattern.compile("dao propose (--admit-member foxtrot --member-key (\\S+) --endpoint \\S+)")
            .matcher(joined.out());
    assertThat(m.find()).as(joined.out()).isTrue();

    List<String> propose = new ArrayList<>(List.of("dao", "propose"));
    propose.addAll(List.of(m.group(1).split(" ")));
    Matcher id =
        Pattern.compile("proposal (\\d+)")
            .matcher(ok("acme", propose.toArray(String[]::new)).out());
    assertThat(id.find()).isTrue();
    for (String voter : List.of("acme", "birch", "cobalt")) {
      ok(voter, "dao", "vote", id.group(1), "yes");
    }
    JsonNode shown =
        JSON.readTree(ok("acme", "dao", "show", id.group(1), "--output", "json").out());
    advanceTo(shown.path("closeHeight").asLong() + 1);
    shown = JSON.readTree(ok("acme", "dao", "show", id.group(1), "--output", "json").out());
    assertThat(shown.path("status").asText()).isEqualToIgnoringCase("executed");

    alliance.addNode(
        "foxtrot", folder.resolve("node.yaml"), URI.create("http://127.0.0.1:" + ports.get(1)));
    alliance.start("foxtrot");
    alliance.awaitReady("foxtrot", DEADLINE);
    long end = System.nanoTime() + DEADLINE.toNanos();
    while (height("foxtrot") < height("acme")) {
      assertThat(System.nanoTime()).as("foxtrot syncing").isLessThan(end);
      advanceTo(height("acme") + 1);
    }
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
            secret.toString());
    assertThat(spend.exitCode()).as(spend.err()).isZero();
    // 5 received, 1 sent back: its own node serves its account from the synced ledger
    await(
        () -> {
          var r = alliance.get("foxtrot", "/accounts/" + m.group(2));
          return r.isPresent() && r.get().body().contains("\"tokens\":4");
        });
  }
}
