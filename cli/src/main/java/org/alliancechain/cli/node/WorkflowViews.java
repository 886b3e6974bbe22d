package org.alliancechain.cli.node;

import java.util.List;
import java.util.Map;

/**
 * JSON shapes of the workflow routes (docs/api.md): sharing requests with their offers, contracts,
 * parameters. Addresses are the contracts module's text addresses; {@code member} fields name the
 * genesis member behind an address when there is one.
 */
public final class WorkflowViews {
  private WorkflowViews() {}

  /**
   * status: open, accepted or rejected. {@code commitment}: competitive (SPEC M-18), the hash on
   * chain of the private record; its fields are shown only by a node that holds the record, and
   * read "private (hash …)" elsewhere.
   */
  public record OfferView(
      String id,
      String requestId,
      String provider,
      String providerMember,
      String providerName,
      String description,
      String profile,
      long expectedReward,
      String status,
      Long sharePart,
      String commitment) {}

  public record RequestView(
      String id,
      String mode,
      String requester,
      String requesterMember,
      String requesterName,
      String type,
      String description,
      long quantity,
      long reward,
      long deadlineSeconds,
      String phase,
      String contractId,
      List<OfferView> offers,
      String commitment) {}

  public record RequestList(long height, List<RequestView> requests) {}

  /** GET /inbox: open requests of others ranked for this node's member (1 = first). */
  public record InboxEntry(int rank, Long scoreMicros, RequestView request) {}

  /** GET /accounts/{key}/history: balances at a committed height, oldest first. */
  public record BalancePoint(
      long height, long timestampMillis, long tokens, long money, long stake) {}

  public record AccountHistory(String publicKey, long head, List<BalancePoint> points) {}

  public record InboxList(long height, String member, String address, List<InboxEntry> requests) {}

  public record ContractView(
      String id,
      String requestId,
      String state,
      int installmentsPaid,
      boolean qualityJudged,
      boolean bonusPaid,
      boolean escrowReleased,
      String reason,
      List<String> signed,
      List<String> signers,
      List<String> signerMembers,
      List<Integer> verifiedPeriods,
      Map<String, Long> metadata,
      boolean escrowFunded,
      long tokensIssued,
      String document) {}

  public record ParameterView(String name, int code, long value, String range) {}

  public record Parameters(long height, List<ParameterView> parameters) {}

  public record VoteView(String member, boolean yes, long weight) {}

  public record ProposalView(
      long id,
      String proposer,
      String action,
      long openHeight,
      long closeHeight,
      String status,
      boolean held,
      long totalWeight,
      long yesWeight,
      long noWeight,
      long quorumPpm,
      long passPpm,
      List<VoteView> votes) {}

  public record ProposalList(long height, List<ProposalView> proposals) {}

  public record MemberLineView(
      String member,
      long contributions,
      long contributionValue,
      long rewards,
      long cancellations,
      long totalContributions,
      long totalRewards) {}

  public record AnomalyView(String kind, List<String> members, String detail) {}

  public record DefectView(String contractId, String kind, String reason, long height) {}

  public record ReportView(
      long fromHeight,
      long toHeight,
      boolean clean,
      List<MemberLineView> members,
      List<AnomalyView> anomalies,
      List<DefectView> defects,
      long defectsOmitted) {}

  /** Paper eq. (2) with its inputs; fixed point values are millionths (10^6 = 1.0). */
  public record TrustView(
      String from,
      String to,
      long value,
      boolean trusted,
      long directTrust,
      long reputation,
      long risk,
      long alpha,
      long beta,
      long gamma,
      long threshold,
      long directCompleted,
      long directCancelled,
      long directDisputed,
      long allianceCompleted,
      long allianceCancelled,
      long allianceDisputed,
      long profileScore,
      String explain) {}

  public record SwapView(
      String id,
      String maker,
      String side,
      long tokens,
      long money,
      String taker,
      long expiresAtHeight,
      String status) {}

  public record SwapList(long height, List<SwapView> swaps) {}

  public record CaseVoteView(String member, int awardPerMille) {}

  public record CaseView(
      long id,
      String kind,
      String contractId,
      String precedentKind,
      String reason,
      List<String> recipients,
      long baseAmount,
      long openedHeight,
      boolean decided,
      int awardPerMille,
      Integer precedentPerMille,
      List<CaseVoteView> votes) {}

  public record CaseList(long height, List<CaseView> cases) {}
}
