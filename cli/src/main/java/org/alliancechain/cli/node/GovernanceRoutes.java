package org.alliancechain.cli.node;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.alliancechain.config.GenesisMember;
import org.alliancechain.config.Profile;
import org.alliancechain.contracts.trust.FixedPoint;
import org.alliancechain.contracts.trust.Trust;
import org.alliancechain.contracts.trust.TrustInputs;
import org.alliancechain.contracts.trust.TrustValue;
import org.alliancechain.core.crypto.Address;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.p2p.api.ApiException;
import org.alliancechain.p2p.api.ApiResponse;
import org.alliancechain.p2p.api.Router;
import org.alliancechain.token.TokenQueries;
import org.alliancechain.token.dao.Proposal;
import org.alliancechain.token.report.AmeliorationReport;
import org.alliancechain.token.state.ParamId;
import org.alliancechain.token.tx.DaoAction;

/** Read-only routes of governance and analytics: DAO proposals, the report, trust values. */
final class GovernanceRoutes {
  /** The most proposals one listing returns. */
  static final int PROPOSALS_LISTED_MAX = 1000;

  private GovernanceRoutes() {}

  static void register(Router router, Node node, WorkflowRoutes.RequestIndex index) {
    router.get("/proposals", r -> ApiResponse.ok(proposals(node)));
    router.get(
        "/proposals/{id}",
        r -> {
          long id = WorkflowRoutes.number(r.pathParam("id"), "id");
          return ApiResponse.ok(
              new TokenQueries(node.state())
                  .proposal(id)
                  .map(p -> view(node, p))
                  .orElseThrow(() -> ApiException.notFound("no proposal " + id)));
        });
    router.get("/report", r -> ApiResponse.ok(report(node)));
    router.get("/swaps", r -> ApiResponse.ok(swaps(node, index)));
    router.get("/cases", r -> ApiResponse.ok(cases(node)));
    router.get(
        "/trust/{from}/{to}",
        r -> ApiResponse.ok(trust(node, index, r.pathParam("from"), r.pathParam("to"))));
  }

  static String name(Node node, PublicKey key) {
    return node.genesis().member(key).map(GenesisMember::name).orElse(key.toHex());
  }

  private static WorkflowViews.ProposalList proposals(Node node) {
    TokenQueries q = new TokenQueries(node.state());
    List<WorkflowViews.ProposalView> out = new ArrayList<>();
    for (long id = 1; id <= PROPOSALS_LISTED_MAX; id++) {
      Optional<Proposal> p = q.proposal(id);
      if (p.isEmpty()) {
        break; // ids are sequential from 1
      }
      out.add(view(node, p.get()));
    }
    return new WorkflowViews.ProposalList(node.store().head(), out);
  }

  static String describe(Node node, DaoAction action) {
    return switch (action) {
      case DaoAction.SetParam a ->
          "set " + a.param().name().toLowerCase(Locale.ROOT).replace('_', '-') + " = " + a.value();
      case DaoAction.AdmitMember a -> "admit member " + a.name() + " " + a.key().toHex();
      case DaoAction.RemoveMember a -> "remove member " + name(node, a.key());
      case DaoAction.AddValidator a -> "add validator " + name(node, a.key());
      case DaoAction.RemoveValidator a -> "remove validator " + name(node, a.key());
      case DaoAction.AddCommitteeMember a -> "add committee member " + name(node, a.key());
      case DaoAction.RemoveCommitteeMember a -> "remove committee member " + name(node, a.key());
      case DaoAction.RotateKey a ->
          "rotate the key of " + name(node, a.member()) + " to " + a.newKey().toHex();
    };
  }

  static WorkflowViews.ProposalView view(Node node, Proposal p) {
    List<WorkflowViews.VoteView> votes = new ArrayList<>();
    for (Map.Entry<PublicKey, Boolean> v : p.votes().entrySet()) {
      votes.add(
          new WorkflowViews.VoteView(
              name(node, v.getKey()), v.getValue(), p.weights().getOrDefault(v.getKey(), 0L)));
    }
    var params = new TokenQueries(node.state()).params();
    return new WorkflowViews.ProposalView(
        p.id(),
        name(node, p.proposer()),
        describe(node, p.action()),
        p.openHeight(),
        p.closeHeight(),
        p.status().name().toLowerCase(Locale.ROOT),
        p.held(),
        p.totalWeight(),
        p.weightVoted(true),
        p.weightVoted(false),
        params.get(ParamId.DAO_QUORUM_PPM),
        params.get(ParamId.DAO_PASS_PPM),
        votes);
  }

  private static WorkflowViews.ReportView report(Node node) {
    AmeliorationReport r =
        new TokenQueries(node.state())
            .latestReport()
            .orElseThrow(
                () ->
                    ApiException.notFound(
                        "no amelioration report yet (one every amelioration-interval-blocks)"));
    List<WorkflowViews.MemberLineView> members = new ArrayList<>();
    for (AmeliorationReport.MemberLine m : r.members()) {
      members.add(
          new WorkflowViews.MemberLineView(
              name(node, m.member()),
              m.contributions(),
              m.contributionValue(),
              m.rewards(),
              m.cancellations(),
              m.totalContributions(),
              m.totalRewards()));
    }
    List<WorkflowViews.AnomalyView> anomalies = new ArrayList<>();
    for (AmeliorationReport.Anomaly a : r.anomalies()) {
      anomalies.add(
          new WorkflowViews.AnomalyView(
              a.kind().name().toLowerCase(Locale.ROOT),
              a.members().stream().map(k -> name(node, k)).toList(),
              a.detail()));
    }
    List<WorkflowViews.DefectView> defects = new ArrayList<>();
    r.defects()
        .forEach(
            d ->
                defects.add(
                    new WorkflowViews.DefectView(
                        d.contractId(),
                        d.kind().name().toLowerCase(Locale.ROOT),
                        d.reason(),
                        d.height())));
    return new WorkflowViews.ReportView(
        r.fromHeight(), r.toHeight(), r.clean(), members, anomalies, defects, r.defectsOmitted());
  }

  private static GenesisMember member(Node node, String name) {
    for (GenesisMember m : node.members()) {
      if (m.name().equals(name) || m.publicKey().toHex().equals(name)) {
        return m;
      }
    }
    throw ApiException.notFound("no member " + name);
  }

  /**
   * T(from, to) of paper eq. (2) from ledger counts: contracts between the two (either side) and
   * every contract of {@code to}; completed = fulfilled, disputed = escalated. The profile score is
   * the completeness of {@code to}'s genesis profile; the alliance has no risk table yet, so the
   * risk is 0.
   */
  private static WorkflowViews.TrustView trust(
      Node node, WorkflowRoutes.RequestIndex index, String fromName, String toName) {
    GenesisMember from = member(node, fromName);
    GenesisMember to = member(node, toName);
    String i = Address.of(from.publicKey()).toText();
    String j = Address.of(to.publicKey()).toText();
    long[] direct = new long[3];
    long[] alliance = new long[3];
    for (WorkflowRoutes.Parties c : WorkflowRoutes.contractParties(node, index)) {
      int outcome =
          switch (c.state()) {
            case "fulfilled" -> 0;
            case "cancelled" -> 1;
            case "escalated" -> 2;
            default -> -1;
          };
      if (outcome < 0 || !c.addresses().contains(j)) {
        continue;
      }
      alliance[outcome]++;
      if (c.addresses().contains(i)) {
        direct[outcome]++;
      }
    }
    TrustInputs inputs =
        new TrustInputs(
            direct[0],
            direct[1],
            direct[2],
            alliance[0],
            alliance[1],
            alliance[2],
            profileScore(to.profile()),
            0);
    var params = new TokenQueries(node.state()).trustParameters();
    TrustValue t = Trust.compute(inputs, params);
    return new WorkflowViews.TrustView(
        from.name(),
        to.name(),
        t.value(),
        t.trusted(),
        t.directTrust(),
        t.reputation(),
        t.risk(),
        params.alpha(),
        params.beta(),
        params.gamma(),
        params.threshold(),
        direct[0],
        direct[1],
        direct[2],
        alliance[0],
        alliance[1],
        alliance[2],
        inputs.profileScore(),
        t.explain());
  }

  /** Filled fields of the five of a profile, in millionths. */
  static long profileScore(Profile p) {
    int filled = 0;
    filled += p.industry() == null || p.industry().isEmpty() ? 0 : 1;
    filled += p.size() == null || p.size().isEmpty() ? 0 : 1;
    filled += p.offers().isEmpty() ? 0 : 1;
    filled += p.wants().isEmpty() ? 0 : 1;
    filled += p.preferences() == null || p.preferences().isEmpty() ? 0 : 1;
    return filled * FixedPoint.SCALE / 5;
  }

  private static WorkflowViews.SwapList swaps(Node node, WorkflowRoutes.RequestIndex index) {
    TokenQueries q = new TokenQueries(node.state());
    List<WorkflowViews.SwapView> out = new ArrayList<>();
    List<org.alliancechain.core.hash.Hash> ids = index.swapIds();
    for (int i = ids.size() - 1; i >= 0 && out.size() < PROPOSALS_LISTED_MAX; i--) {
      q.swapOffer(ids.get(i))
          .ifPresent(
              s ->
                  out.add(
                      new WorkflowViews.SwapView(
                          s.id().toHex(),
                          name(node, s.maker()),
                          s.makerSellsTokens() ? "sells-tokens" : "buys-tokens",
                          s.tokens(),
                          s.money(),
                          s.taker().map(k -> name(node, k)).orElse(null),
                          s.expiresAtHeight(),
                          s.status().name().toLowerCase(Locale.ROOT))));
    }
    return new WorkflowViews.SwapList(node.store().head(), out);
  }

  private static WorkflowViews.CaseList cases(Node node) {
    TokenQueries q = new TokenQueries(node.state());
    List<WorkflowViews.CaseView> out = new ArrayList<>();
    for (long id = 1; id <= PROPOSALS_LISTED_MAX; id++) {
      var c = q.committeeCase(id);
      if (c.isEmpty()) {
        break; // ids are sequential from 1
      }
      var x = c.get();
      List<WorkflowViews.CaseVoteView> votes = new ArrayList<>();
      x.votes().forEach((k, v) -> votes.add(new WorkflowViews.CaseVoteView(name(node, k), v)));
      out.add(
          new WorkflowViews.CaseView(
              x.id(),
              x.kind().name().toLowerCase(Locale.ROOT),
              x.contractId(),
              x.precedentKind(),
              x.reason(),
              x.recipients().stream().map(p -> name(node, p.provider())).toList(),
              x.baseAmount(),
              x.openedHeight(),
              x.decided(),
              x.awardPerMille(),
              q.precedent(x.precedentKind()).orElse(null),
              votes));
    }
    return new WorkflowViews.CaseList(node.store().head(), out);
  }
}
