package org.alliancechain.cli.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.alliancechain.cli.CliException;
import org.alliancechain.cli.client.LightClient;
import org.alliancechain.cli.node.ApiViews;
import org.alliancechain.config.ExampleSpecs;
import org.alliancechain.config.MemberSpec;
import org.alliancechain.config.Parameter;
import org.alliancechain.config.Role;
import org.alliancechain.contracts.trust.Trust;
import org.alliancechain.contracts.trust.TrustInputs;
import org.alliancechain.contracts.trust.TrustParameters;
import org.alliancechain.contracts.trust.TrustValue;
import org.alliancechain.token.tx.TokenTx;

/**
 * The demo (SPEC M-33): a cooperative and a competitive alliance of real node processes on this
 * machine, driven through the same client API the CLI uses, printing each step. Its outcome is
 * checked by DemoTest, so it fails loudly (exit 1) instead of printing a happy story.
 */
public final class Demo {
  public static final long DEPOSIT_MONEY = 100_000;

  /** What the demo observed, for the summary table and for the test. */
  public record Outcome(
      String alliance,
      long height,
      long transactions,
      long viewChanges,
      int announcementReceivers,
      long commRoutes,
      List<String> tftReceivers,
      List<String> trusted,
      long verifiedBlocks,
      java.util.Map<String, Long> tokens) {}

  private final PrintWriter out;
  private final Path dir;
  private final String passphrase;
  private final List<DemoAlliance> running = new ArrayList<>();
  // The highest height a demo command reported committed, in the alliance being driven.
  private long lastCommittedHeight;

  public Demo(PrintWriter out, Path dir, String passphrase) {
    this.out = out;
    this.dir = dir;
    this.passphrase = passphrase;
  }

  private Path passphraseFile() throws IOException {
    Path file = dir.resolve("passphrase");
    if (!java.nio.file.Files.exists(file)) {
      java.nio.file.Files.createDirectories(dir);
      org.alliancechain.cli.local.LocalAlliance.writeSecret(file, passphrase);
    }
    return file;
  }

  /**
   * Runs an {@code alliance} command in this process, exactly as a member would type it against its
   * own node (its profile), and prints it with its output; a failing command fails the demo.
   */
  private String cli(DemoAlliance a, String member, boolean signs, String... args)
      throws IOException {
    awaitHeight(a, member, lastCommittedHeight);
    List<String> line = new ArrayList<>(List.of(args));
    line.add("--profile");
    line.add(a.nodes.nodeDir(member).resolve("profile.yaml").toString());
    if (signs) {
      line.add("--passphrase-file");
      line.add(passphraseFile().toString());
    }
    out.printf("   $ alliance %s   [as %s]%n", String.join(" ", args), member);
    java.io.StringWriter captured = new java.io.StringWriter();
    java.io.StringWriter errors = new java.io.StringWriter();
    picocli.CommandLine commandLine = org.alliancechain.cli.AllianceCommand.newCommandLine();
    commandLine.setOut(new PrintWriter(captured, true));
    commandLine.setErr(new PrintWriter(errors, true));
    int code = commandLine.execute(line.toArray(String[]::new));
    captured.toString().lines().forEach(l -> out.println("     " + l));
    out.flush();
    if (code != 0) {
      throw CliException.failure(
          "demo step failed (exit "
              + code
              + "): alliance "
              + String.join(" ", args)
              + ": "
              + errors.toString().strip());
    }
    java.util.regex.Matcher committed = COMMITTED_AT.matcher(captured.toString());
    while (committed.find()) {
      lastCommittedHeight = Math.max(lastCommittedHeight, Long.parseLong(committed.group(1)));
    }
    return captured.toString();
  }

  private static final java.util.regex.Pattern COMMITTED_AT =
      java.util.regex.Pattern.compile("committed [0-9a-f]+ at height (\\d+)");

  /**
   * A member's commands go to its own node, which may be a block behind the node that confirmed the
   * last write: wait until it has that block, as a person would see in `chain status`.
   */
  private static void awaitHeight(DemoAlliance a, String member, long height) {
    long deadline = System.nanoTime() + DemoAlliance.COMMIT_MAX.toNanos();
    while (a.status(member).height() < height) {
      if (System.nanoTime() > deadline) {
        throw CliException.failure(member + "'s node did not reach height " + height);
      }
      try {
        Thread.sleep(20); // polling interval
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw CliException.failure("interrupted");
      }
    }
  }

  public List<Outcome> run() throws IOException, InterruptedException {
    List<Outcome> outcomes = new ArrayList<>();
    outcomes.add(cooperative(start(ExampleSpecs.COOPERATIVE)));
    outcomes.add(competitive(start(ExampleSpecs.COMPETITIVE)));
    summary(outcomes);
    return outcomes;
  }

  private void step(String text) {
    out.println();
    out.println("-- " + text);
    out.flush();
  }

  private DemoAlliance start(String specName) throws IOException, InterruptedException {
    lastCommittedHeight = 0;
    DemoAlliance a = DemoAlliance.start(specName, dir.resolve(specName), passphrase);
    running.add(a);
    out.printf(
        "%n== %s alliance '%s' (chain %s): %d node processes%n",
        a.spec.mode().specName(), a.spec.name(), a.spec.chainId(), a.spec.members().size());
    for (MemberSpec m : a.spec.members()) {
      out.printf(
          "   %-8s %-42s api %s%n",
          m.name(),
          m.roles().stream().map(Role::specName).sorted().toList(),
          a.nodes.api(m.name()));
    }
    out.flush();
    a.awaitReady();
    ApiViews.Status s = a.status(a.nodes.members().get(0));
    out.printf(
        "   all nodes up and linked; consensus view %d, primary %s%n",
        s.consensus().view(), s.consensus().primary());
    return a;
  }

  private void deposits(DemoAlliance a) throws InterruptedException {
    step("The gateway records money deposited into every wallet (SPEC M-17)");
    String via = a.nodes.members().get(0);
    for (String member : a.nodes.members()) {
      ApiViews.TxStatus t =
          a.commit(via, a.gateway, new TokenTx.Deposit(a.key(member), DEPOSIT_MONEY));
      out.printf(
          "   %-8s +%d money   committed at height %d (tx %s)%n",
          member, DEPOSIT_MONEY, t.height(), t.hash().substring(0, 8));
    }
  }

  private Outcome cooperative(DemoAlliance a) throws InterruptedException, IOException {
    deposits(a);
    step("birch pays cobalt for a delivery: a money transfer, committed by PBFT on every node");
    ApiViews.TxStatus t =
        a.commit("delta", a.keys.get("birch"), new TokenTx.TransferMoney(a.key("cobalt"), 2_500));
    out.printf(
        "   committed at height %d; every node holds the same block and state root:%n", t.height());
    for (String member : a.nodes.members()) {
      ApiViews.Status s = a.status(member);
      out.printf(
          "   %-8s height %d head %s root %s%n",
          member, s.height(), s.headHash().substring(0, 16), s.stateRoot().substring(0, 16));
    }
    String text = "REQUEST DATA from cobalt: 12 months of fleet telemetry, reward 100 tokens";
    step("cobalt broadcasts a sharing request to every member over the link-first tree (SPEC M-6)");
    out.printf("   \"%s\"%n", text);
    a.clients
        .get("cobalt")
        .post("/announcements", new ApiViews.AnnounceRequest(text), ApiViews.Announced.class);
    int receivers = awaitAnnouncement(a, text, List.of("acme", "birch", "delta"));
    ApiViews.CommTimesView times = commTimes(a, List.of("acme", "birch", "delta"));
    out.printf(
        "   f_ACO = %d us over N = %d routes (paper eq. (1), averaged over the receivers)%n",
        times.fAcoMicros(), times.n());
    cooperativeWorkflow(a);
    long verified = verify(a, "delta");
    return outcome(a, receivers, times.n(), List.of(), List.of(), verified);
  }

  private Outcome competitive(DemoAlliance a) throws InterruptedException, IOException {
    deposits(a);
    String receiver = "quasar";
    String type = "PRODUCT";
    step(
        receiver
            + " computes its trust in each provider, paper eq. (2), before asking for "
            + type);
    TrustParameters parameters = trustParameters(a);
    List<ApiViews.TrustedProvider> trusted = new ArrayList<>();
    List<String> trustedNames = new ArrayList<>();
    for (MemberSpec m : a.spec.members()) {
      if (m.name().equals(receiver)) {
        continue;
      }
      TrustValue value = Trust.compute(trustInputs(m, type), parameters);
      out.printf(
          "   T(%s, %-6s) = %s  %s%n",
          receiver,
          m.name(),
          fixed(value.value()),
          value.trusted() ? "trusted" : "below the threshold " + fixed(parameters.threshold()));
      out.printf("      %s%n", value.explain());
      trusted.add(new ApiViews.TrustedProvider(m.name(), value.value()));
      if (value.trusted()) {
        trustedNames.add(m.name());
      }
    }
    out.println(
        "   inputs: no former contracts yet (R_d and the alliance record take the prior 0.5);"
            + " profile score by size (large 0.9, medium 0.7, small 0.5); risk 0.1 when the provider"
            + " offers "
            + type
            + ", else 0.9");
    step(
        receiver
            + " sends the request, sealed to each trusted provider, through its private"
            + " alliance node pulsar (trust-first tree, SPEC M-7)");
    String text = "REQUEST " + type + " from quasar: 200 machined housings, reward 300 tokens";
    a.clients
        .get(receiver)
        .post(
            "/announcements/trusted",
            new ApiViews.TrustedAnnounceRequest(
                text, trusted, "via-private-alliance", 60_000, false),
            ApiViews.Announced.class);
    List<String> reached = awaitTft(a, text, trustedNames);
    ApiViews.CommTimesView times = commTimes(a, trustedNames);
    out.printf(
        "   f_ACM = %d us over N_P = %d and N_NP = %d routes (paper eq. (3))%n",
        times.fAcmMicros(), times.nP(), times.nNp());
    competitiveWorkflow(a);
    long verified = verify(a, "rigel");
    return outcome(a, reached.size(), times.nP() + times.nNp(), reached, trustedNames, verified);
  }

  private void cooperativeWorkflow(DemoAlliance a) throws IOException {
    step(
        "cobalt records the request on the ledger; providers see it ranked in their inbox (M-5, M-10)");
    cli(
        a,
        "cobalt",
        true,
        "request",
        "create",
        "--type",
        "data",
        "--description",
        "12 months of fleet telemetry",
        "--quantity",
        "12",
        "--deadline",
        "7d",
        "--id",
        "r-telemetry");
    cli(a, "birch", false, "request", "inbox");
    step("three providers offer; cobalt rejects one and accepts two with shares 2:1 (M-11, M-13)");
    cli(
        a,
        "birch",
        true,
        "offer",
        "make",
        "r-telemetry",
        "--id",
        "o-birch",
        "--description",
        "truck telemetry, 1 Hz");
    cli(
        a,
        "delta",
        true,
        "offer",
        "make",
        "r-telemetry",
        "--id",
        "o-delta",
        "--description",
        "warehouse sensor feed");
    cli(
        a,
        "acme",
        true,
        "offer",
        "make",
        "r-telemetry",
        "--id",
        "o-acme",
        "--description",
        "plant energy logs");
    cli(a, "cobalt", true, "offer", "reject", "r-telemetry", "--offer", "o-acme");
    cli(
        a,
        "cobalt",
        true,
        "offer",
        "accept",
        "r-telemetry",
        "--offer",
        "o-birch:2",
        "--offer",
        "o-delta:1",
        "--contract-id",
        "c-telemetry",
        "--duration",
        "30d");
    step(
        "the standardized contract the ledger drafted (paper Listing 1), signed by every party (M-12)");
    cli(a, "birch", false, "contract", "show", "c-telemetry");
    cli(a, "birch", true, "contract", "sign", "c-telemetry");
    cli(a, "delta", true, "contract", "sign", "c-telemetry");
    cli(a, "cobalt", true, "contract", "sign", "c-telemetry");
    step(
        "cobalt acknowledges the transfer: resources(transferred) holds, tokens are issued (M-19)");
    cli(a, "cobalt", true, "resource", "ack", "c-telemetry", "--period", "0");
    cli(a, "cobalt", false, "contract", "status", "c-telemetry");
    cli(a, "cobalt", false, "wallet", "balance", "birch");
    cli(a, "cobalt", false, "wallet", "balance", "delta");
  }

  private void competitiveWorkflow(DemoAlliance a) throws IOException {
    step(
        "orion answers with an offer; quasar's diversified contract carries a quality rule (M-14)");
    cli(
        a,
        "quasar",
        true,
        "request",
        "create",
        "--type",
        "product",
        "--description",
        "200 machined housings",
        "--reward",
        "300",
        "--quality",
        "patent_value=1000",
        "--id",
        "r-housings");
    cli(
        a,
        "orion",
        true,
        "offer",
        "make",
        "r-housings",
        "--id",
        "o-orion",
        "--description",
        "5-axis machined housings");
    cli(
        a,
        "quasar",
        true,
        "offer",
        "accept",
        "r-housings",
        "--offer",
        "o-orion",
        "--contract-id",
        "c-housings");
    cli(a, "orion", false, "contract", "show", "c-housings");
    cli(a, "orion", true, "contract", "sign", "c-housings");
    cli(a, "quasar", true, "contract", "sign", "c-housings");
    step(
        "quasar reports the measured quality with its acknowledgement; the rule holds, orion is paid (M-20)");
    cli(a, "quasar", true, "resource", "ack", "c-housings", "--metadata", "patent_value=1500");
    cli(a, "quasar", false, "contract", "status", "c-housings");
    cli(a, "quasar", false, "wallet", "balance", "orion");
  }

  private static TrustParameters trustParameters(DemoAlliance a) {
    var p = a.spec.parameters();
    return new TrustParameters(
        p.get(Parameter.TRUST_ALPHA),
        p.get(Parameter.TRUST_BETA),
        p.get(Parameter.TRUST_GAMMA),
        p.get(Parameter.TRUST_THRESHOLD),
        500_000);
  }

  private static TrustInputs trustInputs(MemberSpec provider, String type) {
    long profile =
        switch (provider.profile().size()) {
          case "large" -> 900_000;
          case "medium" -> 700_000;
          default -> 500_000;
        };
    long risk = provider.profile().offers().contains(type) ? 100_000 : 900_000;
    return new TrustInputs(0, 0, 0, 0, 0, 0, profile, risk);
  }

  private static String fixed(long micros) {
    return String.format(Locale.ROOT, "%d.%06d", micros / 1_000_000, Math.abs(micros % 1_000_000))
        .replaceAll("0+$", "")
        .replaceAll("\\.$", ".0");
  }

  private int awaitAnnouncement(DemoAlliance a, String text, List<String> members)
      throws InterruptedException {
    int count = 0;
    for (String member : members) {
      Route received = awaitReceived(a, member, text);
      out.printf(
          "   %-8s received it after %d hop(s), route time %d us (%s route)%n",
          member, received.hops, received.micros, received.route);
      count++;
    }
    return count;
  }

  private List<String> awaitTft(DemoAlliance a, String text, List<String> trusted)
      throws InterruptedException {
    List<String> reached = new ArrayList<>();
    for (String member : trusted) {
      Route received = awaitReceived(a, member, text);
      out.printf(
          "   %-8s received and opened it: %d hops, route time %d us (%s route)%n",
          member, received.hops, received.micros, received.route);
      reached.add(member);
    }
    for (String member : a.nodes.members()) {
      if (!trusted.contains(member) && !member.equals("quasar")) {
        boolean got = receivedNow(a, member, text);
        out.printf(
            "   %-8s %s%n",
            member,
            got
                ? "RECEIVED IT (not trusted!)"
                : "did not receive it (relays cannot open sealed payloads)");
        if (got) {
          reached.add(member);
        }
      }
    }
    return reached;
  }

  private record Route(int hops, long micros, String route) {}

  private static boolean receivedNow(DemoAlliance a, String member, String text) {
    org.alliancechain.cli.node.Trees.Received[] all =
        a.clients
            .get(member)
            .get("/announcements", org.alliancechain.cli.node.Trees.Received[].class);
    for (org.alliancechain.cli.node.Trees.Received r : all) {
      if (r.text().equals(text)) {
        return true;
      }
    }
    return false;
  }

  private static Route awaitReceived(DemoAlliance a, String member, String text)
      throws InterruptedException {
    long deadline = System.nanoTime() + DemoAlliance.COMMIT_MAX.toNanos();
    while (System.nanoTime() < deadline) {
      org.alliancechain.cli.node.Trees.Received[] all =
          a.clients
              .get(member)
              .get("/announcements", org.alliancechain.cli.node.Trees.Received[].class);
      for (org.alliancechain.cli.node.Trees.Received r : all) {
        if (r.text().equals(text)) {
          return new Route(r.hops(), r.totalMicros(), r.route());
        }
      }
      Thread.sleep(50); // polling interval
    }
    throw CliException.failure(
        member + " did not receive the announcement within " + DemoAlliance.COMMIT_MAX);
  }

  private static ApiViews.CommTimesView commTimes(DemoAlliance a, List<String> members) {
    long aco = 0;
    long n = 0;
    long acm = 0;
    long np = 0;
    long nnp = 0;
    for (String member : members) {
      ApiViews.CommTimesView t =
          a.clients.get(member).get("/comm-times", ApiViews.CommTimesView.class);
      aco += t.fAcoMicros() * t.n();
      n += t.n();
      acm += t.fAcmMicros() * (t.nP() + t.nNp());
      np += t.nP();
      nnp += t.nNp();
    }
    return new ApiViews.CommTimesView(
        n == 0 ? 0 : aco / n, n, np + nnp == 0 ? 0 : acm / (np + nnp), np, nnp, 0, 0);
  }

  private long verify(DemoAlliance a, String member) {
    LightClient light = new LightClient(a.clients.get(member), a.spec.chainId(), validatorSet(a));
    long head = light.head();
    LightClient.RangeResult result = light.verifyRange(1, head);
    if (result.failure().isPresent()) {
      throw CliException.failure("light client rejected a block: " + result.failure().get());
    }
    step(member + " verifies the whole chain as a light client (SPEC M-26)");
    out.printf(
        "   %d blocks, every commit certificate checks against the genesis validator set%n",
        result.verified());
    return result.verified();
  }

  private static org.alliancechain.core.block.ValidatorSet validatorSet(DemoAlliance a) {
    return org.alliancechain.core.block.ValidatorSet.of(
        a.spec.validators().stream().map(m -> a.key(m.name())).toList());
  }

  private Outcome outcome(
      DemoAlliance a,
      int receivers,
      long routes,
      List<String> tftReceivers,
      List<String> trusted,
      long verified) {
    String first = a.nodes.members().get(0);
    ApiViews.Status s = a.status(first);
    long transactions = 0;
    for (long h = 1; h <= s.height(); h++) {
      transactions +=
          a.clients.get(first).get("/blocks/" + h, ApiViews.BlockView.class).header().txCount();
    }
    long viewChanges = 0;
    for (String member : a.nodes.members()) {
      viewChanges = Math.max(viewChanges, a.status(member).consensus().viewChanges());
    }
    java.util.Map<String, Long> tokens = new java.util.TreeMap<>();
    for (String member : a.nodes.members()) {
      tokens.put(
          member,
          a.clients
              .get(first)
              .get("/accounts/" + a.key(member).toHex(), ApiViews.AccountView.class)
              .tokens());
    }
    return new Outcome(
        a.spec.chainId(),
        s.height(),
        transactions,
        viewChanges,
        receivers,
        routes,
        tftReceivers,
        trusted,
        verified,
        tokens);
  }

  private void summary(List<Outcome> outcomes) {
    step("Summary");
    out.printf(
        "   %-14s %7s %13s %13s %10s%n",
        "alliance", "blocks", "transactions", "view changes", "verified");
    for (Outcome o : outcomes) {
      out.printf(
          "   %-14s %7d %13d %13d %10d%n",
          o.alliance(), o.height(), o.transactions(), o.viewChanges(), o.verifiedBlocks());
    }
    for (DemoAlliance a : running) {
      out.printf("   %s wallets:%n", a.spec.chainId());
      for (String member : a.nodes.members()) {
        ApiViews.AccountView acc =
            a.clients
                .get(member)
                .get("/accounts/" + a.key(member).toHex(), ApiViews.AccountView.class);
        out.printf("     %-8s tokens %6d  money %8d%n", member, acc.tokens(), acc.money());
      }
    }
    out.flush();
  }

  /** Every node process the demo started. */
  public List<org.alliancechain.cli.local.LocalAlliance> alliances() {
    return running.stream().map(d -> d.nodes).toList();
  }

  public void stop() {
    for (DemoAlliance a : running) {
      a.close();
    }
  }
}
