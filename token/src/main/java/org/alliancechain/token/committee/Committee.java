package org.alliancechain.token.committee;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.token.AllianceMode;
import org.alliancechain.token.ExecContext;
import org.alliancechain.token.TxRejected;
import org.alliancechain.token.issuance.ContractEffect.PaymentKind;
import org.alliancechain.token.issuance.ContractEffect.Quality;
import org.alliancechain.token.issuance.ContractEffect.TokenPayment;
import org.alliancechain.token.issuance.ContractFacts;
import org.alliancechain.token.issuance.PendingIssuance;
import org.alliancechain.token.issuance.ProviderShare;
import org.alliancechain.token.state.Counters;
import org.alliancechain.token.state.Keys;
import org.alliancechain.token.state.Ledger;
import org.alliancechain.token.value.Apportion;

/**
 * The regulatory committee (SPEC M-24, competitive mode): cases open only through {@link
 * InferenceRule}; committee members vote an award; a strict majority of the committee on one award
 * decides the case, its award is queued for issuance, and a quality case's award becomes a
 * precedent.
 */
public final class Committee {
  private final Ledger ledger;

  public Committee(Ledger ledger) {
    this.ledger = ledger;
  }

  public Optional<CommitteeCase> get(long id) {
    return ledger.store().get(Keys.committeeCase(id), CommitteeCase::decode);
  }

  private void put(CommitteeCase c) {
    ledger.store().put(Keys.committeeCase(c.id()), c::encode);
  }

  public static InferenceRule.Facts facts(
      ContractFacts contract, boolean supportRequested, boolean cannotIdentify) {
    return new InferenceRule.Facts(
        contract.executed(),
        contract.tokensIssued() > 0,
        contract.verified(),
        supportRequested,
        cannotIdentify);
  }

  /**
   * Opens a case if, and only if, the inference rule says so; returns its id. In cooperative mode
   * there is no committee and nothing opens.
   */
  public Optional<Long> openIfRuleHolds(
      InferenceRule.Facts facts,
      CommitteeCase.Kind kind,
      String contractId,
      String precedentKind,
      String reason,
      List<ProviderShare> recipients,
      long baseAmount,
      long height) {
    if (ledger.mode() != AllianceMode.COMPETITIVE || !InferenceRule.opensCase(facts)) {
      return Optional.empty();
    }
    Counters counters = ledger.counters();
    long id = counters.nextCaseId();
    ledger.putCounters(new Counters(counters.nextProposalId(), id + 1, counters.openProposals()));
    put(
        new CommitteeCase(
            id,
            kind,
            contractId,
            precedentKind,
            reason,
            recipients,
            baseAmount,
            height,
            new TreeMap<>(),
            false,
            0));
    return Optional.of(id);
  }

  /** A party's support request (the rule's first branch). */
  public long requestSupport(ExecContext ctx, String contractId, String reason) {
    TxRejected.require(
        ledger.mode() == AllianceMode.COMPETITIVE,
        "no_committee",
        "the regulatory committee exists in competitive alliances only");
    ContractFacts contract =
        ledger
            .store()
            .get(Keys.contract(contractId), ContractFacts::decode)
            .orElseThrow(() -> new TxRejected("unknown_contract", contractId));
    TxRejected.require(
        contract.isParty(ctx.sender()), "not_a_party", "only the receiver or a provider");
    TxRejected.require(!contract.caseOpened(), "case_already_open", contractId);
    InferenceRule.Facts facts = facts(contract, true, false);
    TxRejected.require(
        InferenceRule.opensCase(facts), "inference_rule_not_met", InferenceRule.whyNot(facts));
    long id =
        openIfRuleHolds(
                facts,
                CommitteeCase.Kind.SUPPORT,
                contractId,
                "",
                reason,
                contract.providers(),
                contract.tokenAmount(),
                ctx.height())
            .orElseThrow(() -> new AssertionError("invariant broken: rule held but no case"));
    ledger.store().put(Keys.contract(contractId), contract.withCaseOpened()::encode);
    return id;
  }

  /** A committee member's vote; returns true when this vote decided the case. */
  public boolean vote(ExecContext ctx, long caseId, int awardPerMille) {
    List<PublicKey> committee = ledger.committee();
    TxRejected.require(
        committee.contains(ctx.sender()), "not_committee", "sender is not on the committee");
    CommitteeCase c = get(caseId).orElseThrow(() -> new TxRejected("unknown_case", "" + caseId));
    TxRejected.require(!c.decided(), "case_decided", "case " + caseId + " is decided");
    TxRejected.require(!c.votes().containsKey(ctx.sender()), "already_voted", "" + caseId);
    CommitteeCase voted = c.withVote(ctx.sender(), awardPerMille);
    if (supporters(voted, awardPerMille, committee) * 2 <= committee.size()) {
      put(voted);
      return false;
    }
    CommitteeCase decided = voted.decide(awardPerMille);
    put(decided);
    award(decided);
    if (decided.kind() == CommitteeCase.Kind.UNDECIDABLE_QUALITY) {
      new Precedents(ledger.store()).record(decided.precedentKind(), awardPerMille);
    }
    return true;
  }

  /** Votes for {@code award} by members still on the committee. */
  private static long supporters(CommitteeCase c, int award, List<PublicKey> committee) {
    long n = 0;
    for (Map.Entry<PublicKey, Integer> e : c.votes().entrySet()) {
      if (e.getValue() == award && committee.contains(e.getKey())) {
        n++;
      }
    }
    return n;
  }

  private void award(CommitteeCase c) {
    long total =
        Math.multiplyExact(c.baseAmount(), c.awardPerMille())
            / org.alliancechain.token.TokenLimits.PER_MILLE;
    long[] weights = new long[c.recipients().size()];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = c.recipients().get(i).share();
    }
    long[] parts = Apportion.largestRemainder(total, weights);
    PendingIssuance pending = new PendingIssuance(ledger.store());
    for (int i = 0; i < parts.length; i++) {
      if (parts[i] > 0) {
        pending.add(
            new TokenPayment(
                c.contractId(),
                c.recipients().get(i).provider(),
                parts[i],
                PaymentKind.PAYMENT,
                Quality.PASSED,
                c.precedentKind()),
            PendingIssuance.Source.COMMITTEE);
      }
    }
  }
}
