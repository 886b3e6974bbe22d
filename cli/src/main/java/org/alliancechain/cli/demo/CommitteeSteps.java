package org.alliancechain.cli.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import org.alliancechain.cli.CliException;
import org.alliancechain.cli.node.WorkflowViews;
import org.alliancechain.config.Parameter;

/**
 * The competitive alliance after its first contract: a quality rule the system cannot judge goes to
 * the regulatory committee (M-20, M-24), the committee's decision becomes a precedent that decides
 * the next identical case alone, and the amelioration report (M-25) shows the period.
 */
final class CommitteeSteps {
  static final long REWARD = 200;
  static final int AWARD_PER_MILLE = 500;
  static final String QUALITY = "patent_value=1000";
  // The committee is one representative of every member (competitive.yaml); a strict majority of
  // the four decides.
  static final List<String> DECIDING = List.of("orion", "pulsar", "quasar");

  /** The case, who it paid, and what the identical case after it did. */
  record Committee(
      long caseId,
      String kind,
      String precedentKind,
      boolean decided,
      int award,
      long firstContractTokens,
      long casesAfterSecond,
      long secondContractTokens,
      Integer precedentPerMille) {}

  /** The latest report: its window and the member lines it holds. */
  record Report(long fromHeight, long toHeight, int memberLines, long totalRewards) {}

  record Result(Committee committee, Report report) {}

  private final DemoShell sh;
  private final DemoAlliance a;
  private final PrintWriter out;

  CommitteeSteps(DemoShell sh, DemoAlliance a) {
    this.sh = sh;
    this.a = a;
    this.out = sh.out();
  }

  Result run() throws IOException {
    sh.step(
        "A case the system cannot judge (M-20, M-24): rigel delivers panels, but quasar's"
            + " acknowledgement carries no patent_value, so the quality rule cannot be evaluated");
    contract("r-panels", "50 carbon panels", "rigel", "o-rigel-panels", "c-panels");
    sh.cli(a, "orion", false, "committee", "cases", "--open");
    WorkflowViews.CaseView opened = caseOf("c-panels");
    sh.step(
        "the committee (a representative of every member) decides: 3 of 4 award "
            + AWARD_PER_MILLE
            + " per mille of "
            + REWARD
            + "; the decision becomes the precedent for "
            + opened.precedentKind());
    for (String member : DECIDING) {
      sh.cli(
          a,
          member,
          true,
          "committee",
          "decide",
          Long.toString(opened.id()),
          "--award-per-mille",
          Integer.toString(AWARD_PER_MILLE));
    }
    sh.cli(a, "rigel", false, "contract", "status", "c-panels");
    long firstTokens = tokensIssued("c-panels");
    sh.step(
        "an identical case, orion delivering brackets with the same missing metadata, is decided"
            + " by the precedent: no new case, the same award");
    contract("r-brackets", "400 titanium brackets", "orion", "o-orion-brackets", "c-brackets");
    sh.cli(a, "orion", false, "contract", "status", "c-brackets");
    sh.cli(a, "orion", false, "committee", "cases");
    WorkflowViews.CaseList cases =
        a.clients.get("orion").get("/cases", WorkflowViews.CaseList.class);
    WorkflowViews.CaseView decided = caseOf("c-panels");
    Committee committee =
        new Committee(
            decided.id(),
            decided.kind(),
            decided.precedentKind(),
            decided.decided(),
            decided.awardPerMille(),
            firstTokens,
            cases.cases().size(),
            tokensIssued("c-brackets"),
            decided.precedentPerMille());
    return new Result(committee, report());
  }

  /** A diversified contract with a quality rule, acknowledged without the metadata it needs. */
  private void contract(
      String requestId, String description, String provider, String offerId, String contractId)
      throws IOException {
    sh.cli(
        a,
        "quasar",
        true,
        "request",
        "create",
        "--type",
        "product",
        "--description",
        description,
        "--reward",
        Long.toString(REWARD),
        "--quality",
        QUALITY,
        "--id",
        requestId);
    sh.cli(a, provider, true, "offer", "make", requestId, "--id", offerId);
    sh.cli(
        a,
        "quasar",
        true,
        "offer",
        "accept",
        requestId,
        "--offer",
        offerId,
        "--contract-id",
        contractId);
    sh.cli(a, provider, true, "contract", "sign", contractId);
    sh.cli(a, "quasar", true, "contract", "sign", contractId);
    sh.cli(a, "quasar", true, "resource", "ack", contractId);
  }

  private Report report() throws IOException {
    long interval = a.spec.parameters().get(Parameter.AMELIORATION_INTERVAL_BLOCKS);
    long height = a.status("orion").height();
    long next = (height + interval - 1) / interval * interval;
    sh.step(
        "the amelioration report (M-25), one every "
            + interval
            + " blocks here: contributions, rewards, anomalies and contract defects of the window");
    sh.advanceTo(a, next);
    sh.cli(a, "orion", false, "report", "show");
    sh.awaitAllCaughtUp(a);
    WorkflowViews.ReportView r =
        a.clients.get("orion").get("/report", WorkflowViews.ReportView.class);
    long totalRewards = 0;
    for (WorkflowViews.MemberLineView m : r.members()) {
      totalRewards += m.totalRewards();
    }
    out.flush();
    return new Report(r.fromHeight(), r.toHeight(), r.members().size(), totalRewards);
  }

  private WorkflowViews.CaseView caseOf(String contractId) {
    sh.awaitAllCaughtUp(a);
    return a.clients.get("orion").get("/cases", WorkflowViews.CaseList.class).cases().stream()
        .filter(c -> c.contractId().equals(contractId))
        .findFirst()
        .orElseThrow(() -> CliException.failure("no committee case for " + contractId));
  }

  private long tokensIssued(String contractId) {
    sh.awaitAllCaughtUp(a);
    return a.clients
        .get("orion")
        .get("/contracts/" + contractId, WorkflowViews.ContractView.class)
        .tokensIssued();
  }
}
