package org.alliancechain.token.issuance;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.token.AllianceMode;
import org.alliancechain.token.TokenLimits;
import org.alliancechain.token.TxRejected;
import org.alliancechain.token.committee.Committee;
import org.alliancechain.token.committee.CommitteeCase;
import org.alliancechain.token.committee.Precedents;
import org.alliancechain.token.issuance.ContractEffect.CancellationFee;
import org.alliancechain.token.issuance.ContractEffect.Cancelled;
import org.alliancechain.token.issuance.ContractEffect.Escalated;
import org.alliancechain.token.issuance.ContractEffect.EscrowLock;
import org.alliancechain.token.issuance.ContractEffect.EscrowRelease;
import org.alliancechain.token.issuance.ContractEffect.Executed;
import org.alliancechain.token.issuance.ContractEffect.Failed;
import org.alliancechain.token.issuance.ContractEffect.Registered;
import org.alliancechain.token.issuance.ContractEffect.TokenPayment;
import org.alliancechain.token.issuance.ContractEffect.TransferVerified;
import org.alliancechain.token.issuance.ContractEffect.Uninterpretable;
import org.alliancechain.token.report.Analytics;
import org.alliancechain.token.report.Defect;
import org.alliancechain.token.state.Keys;
import org.alliancechain.token.state.Ledger;
import org.alliancechain.token.state.ParamId;
import org.alliancechain.token.wallet.Wallets;

/**
 * The ledger side of contract execution. Money effects move at once (so a transaction that cannot
 * pay fails whole); token payments are queued and become issuance at the end of the block ({@link
 * TokenConsensus}).
 */
public final class Issuance {
  private final Ledger ledger;
  private final long height;
  private final Wallets wallets;

  public Issuance(Ledger ledger, long height) {
    this.ledger = ledger;
    this.height = height;
    this.wallets = new Wallets(ledger, height);
  }

  public Optional<ContractFacts> facts(String contractId) {
    return ledger.store().get(Keys.contract(contractId), ContractFacts::decode);
  }

  private ContractFacts requireFacts(String contractId) {
    return facts(contractId).orElseThrow(() -> new TxRejected("unknown_contract", contractId));
  }

  private void put(ContractFacts facts) {
    ledger.store().put(Keys.contract(facts.contractId()), facts::encode);
  }

  public void apply(List<ContractEffect> effects) {
    for (ContractEffect effect : effects) {
      apply(effect);
    }
  }

  private void apply(ContractEffect effect) {
    switch (effect) {
      case Registered e -> register(e);
      case TransferVerified e -> put(requireFacts(e.contractId()).withVerified());
      case Executed e -> put(requireFacts(e.contractId()).withExecuted());
      case TokenPayment e -> queue(e);
      case EscrowLock e -> {
        ContractFacts f = requireFacts(e.contractId());
        TxRejected.require(f.monetary(), "not_monetary", e.contractId());
        TxRejected.require(f.providerIndex(e.from()) >= 0, "not_provider", "escrow from");
        wallets.escrowLock(e.contractId(), e.from(), e.money());
      }
      case EscrowRelease e -> {
        ContractFacts f = requireFacts(e.contractId());
        TxRejected.require(f.isParty(e.to()), "not_a_party", "escrow release target");
        wallets.escrowRelease(e.contractId(), e.to(), e.money());
      }
      case CancellationFee e -> {
        ContractFacts f = requireFacts(e.contractId());
        TxRejected.require(f.isParty(e.from()) && f.isParty(e.to()), "not_a_party", "fee");
        wallets.transferTokens(e.from(), e.to(), e.tokens());
      }
      case Cancelled e -> {
        ContractFacts f = requireFacts(e.contractId());
        TxRejected.require(f.isParty(e.by()), "not_a_party", "cancelled by");
        put(f.withCancelled());
        new Analytics(ledger).cancellation(e.by());
      }
      case Escalated e -> defect(e.contractId(), Defect.Kind.ESCALATED, e.reason());
      case Failed e -> defect(e.contractId(), Defect.Kind.FAILED, e.reason());
      case Uninterpretable e -> uninterpretable(e);
    }
  }

  private void register(Registered e) {
    TxRejected.require(facts(e.contractId()).isEmpty(), "duplicate_contract", e.contractId());
    TxRejected.require(
        ledger.isActiveMember(e.receiver()), "not_member", "receiver is not an active member");
    Set<PublicKey> seen = new TreeSet<>();
    for (ProviderShare p : e.providers()) {
      TxRejected.require(
          ledger.isActiveMember(p.provider()), "not_member", "provider is not an active member");
      TxRejected.require(seen.add(p.provider()), "duplicate_provider", p.provider().toHex());
      TxRejected.require(
          !p.provider().equals(e.receiver()), "self_sharing", "receiver is also a provider");
    }
    if (ledger.mode() == AllianceMode.COOPERATIVE) {
      long standard = ledger.param(ParamId.REWARD_STANDARD_TOKENS);
      TxRejected.require(
          e.tokenAmount() == standard,
          "nonstandard_reward",
          "standardized contracts pay the reward standard " + standard + " (M-13, M-19)");
    }
    put(ContractFacts.registered(e));
  }

  private void queue(TokenPayment e) {
    ContractFacts f = requireFacts(e.contractId());
    TxRejected.require(f.providerIndex(e.provider()) >= 0, "not_provider", "payment target");
    TxRejected.require(!f.cancelled(), "contract_cancelled", e.contractId());
    new PendingIssuance(ledger.store()).add(e, PendingIssuance.Source.CONTRACT);
  }

  private void uninterpretable(Uninterpretable e) {
    defect(e.contractId(), Defect.Kind.UNINTERPRETABLE, e.reason());
    ContractFacts f = requireFacts(e.contractId());
    if (f.caseOpened()) {
      return;
    }
    Optional<Long> id =
        new Committee(ledger)
            .openIfRuleHolds(
                Committee.facts(f, false, true),
                CommitteeCase.Kind.UNINTERPRETABLE,
                e.contractId(),
                "",
                e.reason(),
                f.providers(),
                f.tokenAmount(),
                height);
    if (id.isPresent()) {
      put(f.withCaseOpened());
    }
  }

  void defect(String contractId, Defect.Kind kind, String reason) {
    new Analytics(ledger).defect(new Defect(contractId, kind, reason, height));
  }

  /** Issues one queued payment; returns what was issued (empty if nothing). */
  List<Issued> issue(PendingIssuance.Entry entry) {
    TokenPayment p = entry.payment();
    ContractFacts f = requireFacts(p.contractId());
    if (f.cancelled() && entry.source() == PendingIssuance.Source.CONTRACT) {
      defect(p.contractId(), Defect.Kind.ISSUANCE_REFUSED, "contract cancelled");
      return List.of();
    }
    return switch (p.quality()) {
      case PASSED -> credit(f, p, p.amount(), entry.source());
      case FAILED -> {
        defect(p.contractId(), Defect.Kind.QUALITY_FAILED, p.caseKind());
        yield List.of();
      }
      case UNDECIDABLE -> undecidable(f, p);
    };
  }

  private List<Issued> undecidable(ContractFacts f, TokenPayment p) {
    if (ledger.mode() == AllianceMode.COOPERATIVE) {
      defect(p.contractId(), Defect.Kind.UNINTERPRETABLE, p.caseKind());
      return List.of();
    }
    Optional<Integer> precedent = new Precedents(ledger.store()).awardPerMille(p.caseKind());
    if (precedent.isPresent()) {
      long amount = Math.multiplyExact(p.amount(), precedent.get()) / TokenLimits.PER_MILLE;
      return amount == 0 ? List.of() : credit(f, p, amount, PendingIssuance.Source.PRECEDENT);
    }
    Optional<Long> id =
        new Committee(ledger)
            .openIfRuleHolds(
                Committee.facts(f, false, true),
                CommitteeCase.Kind.UNDECIDABLE_QUALITY,
                p.contractId(),
                p.caseKind(),
                "quality rule undecidable: " + p.caseKind(),
                List.of(new ProviderShare(p.provider(), 1)),
                p.amount(),
                height);
    if (id.isPresent() && !f.caseOpened()) {
      put(f.withCaseOpened());
    }
    return List.of();
  }

  /**
   * Credits tokens and the contribution record. A provider's first non-bonus payment from a
   * contract counts as one contribution (PoW, M-21); in cooperative mode every {@code
   * BONUS_EVERY_CONTRIBUTIONS}-th contribution earns {@code BONUS_TOKENS} (M-19 bonus rule).
   */
  private List<Issued> credit(
      ContractFacts f, TokenPayment p, long amount, PendingIssuance.Source source) {
    int index = f.providerIndex(p.provider());
    boolean isBonus = p.kind() == ContractEffect.PaymentKind.BONUS;
    boolean newContribution = !isBonus && f.issuedByProvider().get(index) == 0;
    try {
      wallets.issue(p.provider(), amount);
    } catch (TxRejected e) {
      defect(p.contractId(), Defect.Kind.ISSUANCE_REFUSED, e.reason());
      return List.of();
    }
    put(f.withIssued(index, amount));
    var account =
        ledger.account(p.provider()).rewarded(amount, newContribution, isBonus ? 0 : amount);
    ledger.putAccount(p.provider(), account);
    Analytics analytics = new Analytics(ledger);
    analytics.reward(p.provider(), amount);
    if (!isBonus) {
      analytics.contribution(p.provider(), f.receiver(), amount, newContribution);
    }
    List<Issued> out = new ArrayList<>();
    out.add(new Issued(p.contractId(), p.provider(), amount, p.kind(), source));
    if (newContribution) {
      activeSharingBonus(p, account.contributions()).ifPresent(out::add);
    }
    return out;
  }

  private Optional<Issued> activeSharingBonus(TokenPayment p, long contributions) {
    long every = ledger.param(ParamId.BONUS_EVERY_CONTRIBUTIONS);
    long bonus = ledger.param(ParamId.BONUS_TOKENS);
    if (ledger.mode() != AllianceMode.COOPERATIVE
        || every == 0
        || bonus == 0
        || contributions % every != 0) {
      return Optional.empty();
    }
    try {
      wallets.issue(p.provider(), bonus);
    } catch (TxRejected e) {
      defect(p.contractId(), Defect.Kind.ISSUANCE_REFUSED, "bonus: " + e.reason());
      return Optional.empty();
    }
    ledger.putAccount(p.provider(), ledger.account(p.provider()).rewarded(bonus, false, 0));
    new Analytics(ledger).reward(p.provider(), bonus);
    return Optional.of(
        new Issued(
            p.contractId(),
            p.provider(),
            bonus,
            ContractEffect.PaymentKind.BONUS,
            PendingIssuance.Source.ACTIVE_SHARING_BONUS));
  }
}
