package org.alliancechain.cli.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alliancechain.cli.CliException;
import org.alliancechain.cli.node.ApiViews;
import org.alliancechain.cli.node.WorkflowViews;

/**
 * The cooperative alliance after its first contract: a DAO vote that raises the reward standard and
 * takes effect on the next contract (M-23), a profit distribution (M-22), an OTC swap (M-22). Every
 * action is an {@code alliance} command; the numbers shown around them are read from the nodes.
 */
final class GovernanceSteps {
  static final String PARAMETER = "reward-standard-tokens";
  static final long REWARD_STANDARD_NEW = 120;
  static final long PROFIT_MONEY = 30_000;
  static final long SWAP_TOKENS = 10;
  static final long SWAP_MONEY = 2_000;

  /** The vote, its effect on the next contract, and its tally. */
  record Dao(
      long proposal,
      String status,
      long yesWeight,
      long noWeight,
      long rewardBefore,
      long rewardAfter,
      long nextRequestReward,
      long nextContractTokens) {}

  /** Money change of each member around the declaration, by name. */
  record Profit(long declared, Map<String, Long> moneyChange) {}

  /** Token and money changes of both sides around the swap, by name. */
  record Swap(String status, Map<String, Long> tokenChange, Map<String, Long> moneyChange) {}

  record Result(Dao dao, Profit profit, Swap swap) {}

  private static final Pattern PROPOSAL = Pattern.compile("proposal (\\d+)");
  private static final Pattern SWAP_ID = Pattern.compile("swap ([0-9a-f]{64})");

  private final DemoShell sh;
  private final DemoAlliance a;
  private final PrintWriter out;

  GovernanceSteps(DemoShell sh, DemoAlliance a) {
    this.sh = sh;
    this.a = a;
    this.out = sh.out();
  }

  Result run() throws IOException {
    long before = parameter();
    sh.step(
        "DAO (M-23): acme proposes raising the reward standard from "
            + before
            + " to "
            + REWARD_STANDARD_NEW
            + " tokens; members vote with their stake (birch 67, delta 33)");
    long id =
        Long.parseLong(
            find(
                PROPOSAL,
                sh.cli(
                    a,
                    "acme",
                    true,
                    "dao",
                    "propose",
                    "--set",
                    PARAMETER + "=" + REWARD_STANDARD_NEW)));
    sh.cli(a, "birch", true, "dao", "vote", Long.toString(id), "yes");
    sh.cli(a, "delta", true, "dao", "vote", Long.toString(id), "no");
    sh.cli(a, "acme", false, "dao", "show", Long.toString(id));
    Profit profit = profit();
    Swap swap = swap();
    WorkflowViews.ProposalView p = proposal(id);
    sh.step(
        "the voting period closes at height "
            + p.closeHeight()
            + " (dao-voting-period-blocks = 6 here); blocks keep coming until then");
    sh.advanceTo(a, p.closeHeight());
    sh.cli(a, "acme", false, "dao", "show", Long.toString(id));
    long after = parameter();
    out.printf("   %s in force: %d (was %d)%n", PARAMETER, after, before);
    p = proposal(id);
    return new Result(nextContract(p, before, after), profit, swap);
  }

  private Profit profit() throws IOException {
    List<String> members = List.of("cobalt", "birch", "delta");
    sh.step(
        "Profit distribution (M-22): cobalt earned money with the telemetry and declares "
            + PROFIT_MONEY
            + " of profit on c-telemetry; it goes to the providers by contribution");
    Map<String, ApiViews.AccountView> before = accounts(members);
    sh.cli(
        a,
        "cobalt",
        true,
        "profit",
        "declare",
        "--money",
        Long.toString(PROFIT_MONEY),
        "--contract",
        "c-telemetry");
    Map<String, ApiViews.AccountView> after = accounts(members);
    Map<String, Long> change = new TreeMap<>();
    out.printf("   %-8s %10s %10s %8s%n", "member", "money was", "now", "change");
    for (String m : members) {
      long delta = after.get(m).money() - before.get(m).money();
      change.put(m, delta);
      out.printf("   %-8s %10d %10d %+8d%n", m, before.get(m).money(), after.get(m).money(), delta);
    }
    return new Profit(PROFIT_MONEY, change);
  }

  private Swap swap() throws IOException {
    List<String> members = List.of("birch", "acme");
    sh.step(
        "OTC swap (M-22): birch offers "
            + SWAP_TOKENS
            + " tokens to acme for "
            + SWAP_MONEY
            + " money; acme accepts and both legs settle in one transaction");
    Map<String, ApiViews.AccountView> before = accounts(members);
    String offer =
        sh.cli(
            a,
            "birch",
            true,
            "swap",
            "offer",
            "--tokens",
            Long.toString(SWAP_TOKENS),
            "--money",
            Long.toString(SWAP_MONEY),
            "--to",
            "acme");
    String swapId = find(SWAP_ID, offer);
    sh.cli(a, "acme", true, "swap", "accept", swapId);
    Map<String, ApiViews.AccountView> after = accounts(members);
    Map<String, Long> tokens = new TreeMap<>();
    Map<String, Long> money = new TreeMap<>();
    out.printf("   %-8s %8s %8s%n", "member", "tokens", "money");
    for (String m : members) {
      tokens.put(m, after.get(m).tokens() - before.get(m).tokens());
      money.put(m, after.get(m).money() - before.get(m).money());
      out.printf("   %-8s %+8d %+8d%n", m, tokens.get(m), money.get(m));
    }
    String status =
        a.clients.get("acme").get("/swaps", WorkflowViews.SwapList.class).swaps().stream()
            .filter(s -> s.id().equals(swapId))
            .map(WorkflowViews.SwapView::status)
            .findFirst()
            .orElse("missing");
    out.printf("   swap %s...: %s%n", swapId.substring(0, 12), status);
    return new Swap(status, tokens, money);
  }

  /**
   * The new standard takes effect: the next cooperative request must pay it, and its contract does.
   */
  private Dao nextContract(WorkflowViews.ProposalView p, long before, long after)
      throws IOException {
    sh.step(
        "the new standard takes effect: cobalt's next request pays it; acme, rejected earlier,"
            + " provides this time (M-19)");
    sh.cli(
        a,
        "cobalt",
        true,
        "request",
        "create",
        "--type",
        "data",
        "--description",
        "plant energy logs, 1 year",
        "--deadline",
        "7d",
        "--id",
        "r-energy");
    long reward =
        a.clients.get("cobalt").get("/requests/r-energy", WorkflowViews.RequestView.class).reward();
    sh.cli(
        a,
        "acme",
        true,
        "offer",
        "make",
        "r-energy",
        "--id",
        "o-acme-energy",
        "--description",
        "plant energy logs");
    sh.cli(
        a,
        "cobalt",
        true,
        "offer",
        "accept",
        "r-energy",
        "--offer",
        "o-acme-energy",
        "--contract-id",
        "c-energy",
        "--duration",
        "30d");
    sh.cli(a, "acme", true, "contract", "sign", "c-energy");
    sh.cli(a, "cobalt", true, "contract", "sign", "c-energy");
    sh.cli(a, "cobalt", true, "resource", "ack", "c-energy", "--period", "0");
    sh.cli(a, "cobalt", false, "contract", "status", "c-energy");
    long issued =
        a.clients
            .get("cobalt")
            .get("/contracts/c-energy", WorkflowViews.ContractView.class)
            .tokensIssued();
    return new Dao(p.id(), p.status(), p.yesWeight(), p.noWeight(), before, after, reward, issued);
  }

  private long parameter() {
    return a
        .clients
        .get("acme")
        .get("/parameters", WorkflowViews.Parameters.class)
        .parameters()
        .stream()
        .filter(x -> x.name().equals(PARAMETER))
        .findFirst()
        .orElseThrow(() -> CliException.failure("the node does not list " + PARAMETER))
        .value();
  }

  private WorkflowViews.ProposalView proposal(long id) {
    return a.clients.get("acme").get("/proposals/" + id, WorkflowViews.ProposalView.class);
  }

  private Map<String, ApiViews.AccountView> accounts(List<String> members) {
    sh.awaitAllCaughtUp(a);
    Map<String, ApiViews.AccountView> accounts = new TreeMap<>();
    for (String m : members) {
      accounts.put(m, a.account("acme", m));
    }
    return accounts;
  }

  static String find(Pattern pattern, String output) {
    Matcher m = pattern.matcher(output);
    if (!m.find()) {
      throw CliException.failure("unexpected command output, no " + pattern + " in: " + output);
    }
    return m.group(1);
  }
}
