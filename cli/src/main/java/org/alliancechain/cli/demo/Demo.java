package org.alliancechain.cli.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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
 * machine, driven through the same commands a member types, printing each step. Its outcome is
 * checked by DemoTest, so it fails loudly (exit 1) instead of printing a happy story.
 */
public final class Demo {
  public static final long DEPOSIT_MONEY = 100_000;

  /**
   * The demo's changes to the embedded specs: rules counted in blocks must come round within the
   * demo (a vote closes after 6 blocks, a report every 10), the rest is as documented.
   */
  static final Map<String, Map<Parameter, Long>> SPEC_OVERRIDES =
      Map.of(
          ExampleSpecs.COOPERATIVE, Map.of(Parameter.DAO_VOTING_PERIOD_BLOCKS, 6L),
          ExampleSpecs.COMPETITIVE, Map.of(Parameter.AMELIORATION_INTERVAL_BLOCKS, 10L));

  /** What the demo observed, for the summary table and for the test. */
  public record Outcome(
      String alliance,
      long height,
      long transactions,
      long committedByDemo,
      long viewChanges,
      int announcementReceivers,
      long commRoutes,
      long commMicros,
      List<String> tftReceivers,
      List<String> trusted,
      long verifiedBlocks,
      long resourceBytes,
      Map<String, Long> tokens,
      Map<String, Long> money,
      Optional<GovernanceSteps.Result> governance,
      Optional<CommitteeSteps.Result> committee) {}

  private final PrintWriter out;
  private final DemoShell sh;
  private final Path dir;
  private final String passphrase;
  private final boolean keepRunning;
  private final List<DemoAlliance> running = new ArrayList<>();
  static final int RESOURCE_BYTES = 256 * 1024;
  // Bytes each alliance's resource transfer delivered intact (set by the workflows).
  private long coopResourceBytes;
  private long compResourceBytes;

  /**
   * With {@code keepRunning} false, the cooperative alliance stops once its outcome is recorded,
   * leaving the machine's cores to the competitive one.
   */
  public Demo(PrintWriter out, Path dir, String passphrase, boolean keepRunning) {
    this.out = out;
    this.sh = new DemoShell(out, dir, passphrase);
    this.dir = dir;
    this.passphrase = passphrase;
    this.keepRunning = keepRunning;
  }

  public List<Outcome> run() throws IOException, InterruptedException {
    // One alliance after the other: booting four JVMs while another alliance commits slowed the
    // latter several times over on a loaded two-core machine.
    List<Outcome> outcomes = new ArrayList<>();
    DemoAlliance coop = ready(launch(ExampleSpecs.COOPERATIVE));
    outcomes.add(cooperative(coop));
    if (!keepRunning) {
      coop.close();
    }
    outcomes.add(competitive(ready(launch(ExampleSpecs.COMPETITIVE))));
    summary(outcomes);
    return outcomes;
  }

  private DemoAlliance launch(String specName) throws IOException {
    DemoAlliance a =
        DemoAlliance.start(
            specName, dir.resolve(specName), passphrase, SPEC_OVERRIDES.get(specName));
    running.add(a);
    return a;
  }

  private DemoAlliance ready(DemoAlliance a) throws InterruptedException {
    sh.reset();
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
    sh.step(
        String.format(
            Locale.ROOT,
            "all nodes up and linked; consensus view %d, primary %s",
            s.consensus().view(),
            s.consensus().primary()));
    return a;
  }

  private void deposits(DemoAlliance a) {
    sh.step("The gateway records money deposited into every wallet (SPEC M-17)");
    String via = a.nodes.members().get(0);
    for (String member : a.nodes.members()) {
      ApiViews.TxStatus t =
          sh.commit(a, via, a.gateway, new TokenTx.Deposit(a.key(member), DEPOSIT_MONEY));
      out.printf(
          "   %-8s +%d money   committed at height %d (tx %s)%n",
          member, DEPOSIT_MONEY, t.height(), t.hash().substring(0, 8));
    }
  }

  private Outcome cooperative(DemoAlliance a) throws InterruptedException, IOException {
    deposits(a);
    sh.step("birch pays cobalt for a delivery: a money transfer, committed by PBFT on every node");
    ApiViews.TxStatus t =
        sh.commit(
            a, "delta", a.keys.get("birch"), new TokenTx.TransferMoney(a.key("cobalt"), 2_500));
    sh.awaitAllCaughtUp(a);
    out.printf(
        "   committed at height %d; every node holds the same block and state root:%n", t.height());
    for (String member : a.nodes.members()) {
      ApiViews.Status s = a.status(member);
      out.printf(
          "   %-8s height %d head %s root %s%n",
          member, s.height(), s.headHash().substring(0, 16), s.stateRoot().substring(0, 16));
    }
    String text = "REQUEST DATA from cobalt: 12 months of fleet telemetry, reward 100 tokens";
    sh.step(
        "cobalt broadcasts a sharing request to every member over the link-first tree (SPEC M-6)");
    out.printf("   \"%s\"%n", text);
    a.awaitRoundTrips();
    a.clients
        .get("cobalt")
        .post("/announcements", new ApiViews.AnnounceRequest(text), ApiViews.Announced.class);
    List<String> receivers = List.of("acme", "birch", "delta");
    int received = awaitAnnouncement(a, text, receivers);
    ApiViews.CommTimesView times = commTimes(a, receivers);
    sh.step("the measured communication time f_ACO (paper eq. (1), SPEC M-8)");
    out.printf(
        "   f_ACO = %d us over N = %d routes, averaged over the receivers; one node's view:%n",
        times.fAcoMicros(), times.n());
    sh.cli(a, "birch", false, "comm", "times");
    cooperativeWorkflow(a);
    GovernanceSteps.Result governance = new GovernanceSteps(sh, a).run();
    long verified = verify(a, "delta");
    return outcome(
        a,
        received,
        times.n(),
        times.fAcoMicros(),
        List.of(),
        List.of(),
        verified,
        coopResourceBytes,
        Optional.of(governance),
        Optional.empty());
  }

  private Outcome competitive(DemoAlliance a) throws InterruptedException, IOException {
    deposits(a);
    String receiver = "quasar";
    String type = "PRODUCT";
    sh.step(
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
    sh.step(
        receiver
            + " sends the request, sealed to each trusted provider, through its private"
            + " alliance node pulsar (trust-first tree, SPEC M-7)");
    String text = "REQUEST " + type + " from quasar: 200 machined housings, reward 300 tokens";
    a.awaitRoundTrips();
    a.clients
        .get(receiver)
        .post(
            "/announcements/trusted",
            new ApiViews.TrustedAnnounceRequest(
                text, trusted, "via-private-alliance", 60_000, false),
            ApiViews.Announced.class);
    List<String> reached = awaitTft(a, text, trustedNames);
    ApiViews.CommTimesView times = commTimes(a, trustedNames);
    sh.step("the measured communication time f_ACM (paper eq. (3), SPEC M-8)");
    out.printf(
        "   f_ACM = %d us over N_P = %d and N_NP = %d routes; one node's view:%n",
        times.fAcmMicros(), times.nP(), times.nNp());
    sh.cli(a, trustedNames.get(0), false, "comm", "times");
    competitiveWorkflow(a);
    CommitteeSteps.Result committee = new CommitteeSteps(sh, a).run();
    long verified = verify(a, "rigel");
    return outcome(
        a,
        reached.size(),
        times.nP() + times.nNp(),
        times.fAcmMicros(),
        reached,
        trustedNames,
        verified,
        compResourceBytes,
        Optional.empty(),
        Optional.of(committee));
  }

  private void cooperativeWorkflow(DemoAlliance a) throws IOException {
    sh.step(
        "cobalt records the request on the ledger; providers see it ranked in their inbox (M-5, M-10)");
    sh.cli(
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
    sh.cli(a, "birch", false, "request", "inbox");
    sh.step(
        "three providers offer; cobalt rejects one and accepts two with shares 2:1 (M-11, M-13)");
    sh.cli(
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
    sh.cli(
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
    sh.cli(
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
    sh.cli(a, "cobalt", true, "offer", "reject", "r-telemetry", "--offer", "o-acme");
    sh.cli(
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
    sh.step(
        "the standardized contract the ledger drafted (paper Listing 1), signed by every party (M-12)");
    sh.cli(a, "birch", false, "contract", "show", "c-telemetry");
    sh.cli(a, "birch", true, "contract", "sign", "c-telemetry");
    sh.cli(a, "delta", true, "contract", "sign", "c-telemetry");
    sh.cli(a, "cobalt", true, "contract", "sign", "c-telemetry");
    coopResourceBytes = resourceTransfer(a, "c-telemetry", "birch", "cobalt");
    sh.step(
        "cobalt acknowledges the transfer: resources(transferred) holds, tokens are issued (M-19)");
    sh.cli(a, "cobalt", true, "resource", "ack", "c-telemetry", "--period", "0");
    sh.cli(a, "cobalt", false, "contract", "status", "c-telemetry");
    sh.cli(a, "cobalt", false, "wallet", "balance", "birch");
    sh.cli(a, "cobalt", false, "wallet", "balance", "delta");
  }

  /** SPEC M-18: bytes the demo makes up for a resource, the same on every run. */
  static byte[] resourceBytes(String contractId) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; text.length() < RESOURCE_BYTES; i++) {
      text.append(contractId).append(" record ").append(i).append(": sensor 42.0 ok\n");
    }
    text.setLength(RESOURCE_BYTES); // ASCII: one byte per char
    return text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  /**
   * SPEC M-18: the provider stores the resource on its own node and binds its SHA-256 on chain
   * (competitive: of the ciphertext, sealed to the receiver's key); the receiver's node fetches it
   * from the provider's and checks it against the chain. Returns the bytes that arrived intact.
   */
  private long resourceTransfer(DemoAlliance a, String contractId, String provider, String receiver)
      throws IOException {
    boolean sealed = a.spec.mode() == org.alliancechain.config.Mode.COMPETITIVE;
    sh.step(
        provider
            + " uploads the resource to its own node and binds its SHA-256 to "
            + contractId
            + " on chain; "
            + receiver
            + "'s node fetches it point to point and checks the hash"
            + (sealed ? " (encrypted to " + receiver + "'s key, M-18)" : " (M-18)"));
    Path files = dir.resolve("files");
    java.nio.file.Files.createDirectories(files);
    Path source = files.resolve(contractId + ".dat");
    Path fetched = files.resolve(contractId + "-received.dat");
    java.nio.file.Files.write(source, resourceBytes(contractId));
    sh.cli(
        a,
        provider,
        true,
        "resource",
        "upload",
        source.toString(),
        "--contract",
        contractId,
        "--period",
        "0");
    sh.cli(
        a,
        receiver,
        true,
        "resource",
        "fetch",
        contractId,
        "--period",
        "0",
        "--out",
        fetched.toString(),
        "--timeout",
        "2m");
    if (java.nio.file.Files.mismatch(source, fetched) != -1) {
      throw CliException.failure(fetched + " differs from what " + provider + " uploaded");
    }
    long size = java.nio.file.Files.size(fetched);
    out.printf("   %s received %d bytes, identical to %s's file%n", receiver, size, provider);
    return size;
  }

  private void competitiveWorkflow(DemoAlliance a) throws IOException {
    sh.step(
        "orion answers with an offer; quasar's diversified contract carries a quality rule (M-14)");
    sh.cli(
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
    sh.cli(
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
    sh.cli(
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
    sh.cli(a, "orion", false, "contract", "show", "c-housings");
    sh.cli(a, "orion", true, "contract", "sign", "c-housings");
    sh.cli(a, "quasar", true, "contract", "sign", "c-housings");
    compResourceBytes = resourceTransfer(a, "c-housings", "orion", "quasar");
    sh.step(
        "quasar reports the measured quality with its acknowledgement; the rule holds, orion is paid (M-20)");
    sh.cli(a, "quasar", true, "resource", "ack", "c-housings", "--metadata", "patent_value=1500");
    sh.cli(a, "quasar", false, "contract", "status", "c-housings");
    sh.cli(a, "quasar", false, "wallet", "balance", "orion");
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
    sh.step(member + " verifies the whole chain as a light client (SPEC M-26)");
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
      long commMicros,
      List<String> tftReceivers,
      List<String> trusted,
      long verified,
      long resourceBytes,
      Optional<GovernanceSteps.Result> governance,
      Optional<CommitteeSteps.Result> committee) {
    sh.awaitAllCaughtUp(a);
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
    Map<String, Long> tokens = new TreeMap<>();
    Map<String, Long> money = new TreeMap<>();
    for (String member : a.nodes.members()) {
      ApiViews.AccountView account = a.account(first, member);
      tokens.put(member, account.tokens());
      money.put(member, account.money());
    }
    return new Outcome(
        a.spec.chainId(),
        s.height(),
        transactions,
        sh.committed(),
        viewChanges,
        receivers,
        routes,
        commMicros,
        tftReceivers,
        trusted,
        verified,
        resourceBytes,
        tokens,
        money,
        governance,
        committee);
  }

  private void summary(List<Outcome> outcomes) {
    sh.step("Summary");
    out.printf(
        "   %-14s %7s %13s %13s %10s %14s%n",
        "alliance", "blocks", "transactions", "view changes", "verified", "f_ACO/f_ACM us");
    for (Outcome o : outcomes) {
      out.printf(
          "   %-14s %7d %13d %13d %10d %14d%n",
          o.alliance(),
          o.height(),
          o.transactions(),
          o.viewChanges(),
          o.verifiedBlocks(),
          o.commMicros());
    }
    out.println();
    out.printf("   %-14s %-8s %8s %10s%n", "alliance", "member", "tokens", "money");
    for (Outcome o : outcomes) {
      for (Map.Entry<String, Long> e : o.tokens().entrySet()) {
        out.printf(
            "   %-14s %-8s %8d %10d%n",
            o.alliance(), e.getKey(), e.getValue(), o.money().get(e.getKey()));
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
