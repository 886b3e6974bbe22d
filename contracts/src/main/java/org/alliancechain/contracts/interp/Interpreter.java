package org.alliancechain.contracts.interp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.alliancechain.contracts.interp.Effect.Escalation;
import org.alliancechain.contracts.interp.Execution.Failure;
import org.alliancechain.contracts.lang.BoundContract;
import org.alliancechain.contracts.lang.ContractValidator;
import org.alliancechain.contracts.lang.QualityFunctions;
import org.alliancechain.contracts.model.Activation;
import org.alliancechain.contracts.model.Call;
import org.alliancechain.contracts.model.Conjunction;

/**
 * The deterministic contract interpreter (SPEC M-15, M-16). Its result depends only on the bound
 * contract, its stored status, the {@link Facts} and the step budget: no clock but block time, no
 * floating point, no unordered iteration, no I/O. The ledger application calls {@link #step} for
 * every live contract in a block (and after each sharing transaction touching it), {@link #cancel}
 * for a cancel transaction, and applies the effects.
 */
public final class Interpreter {
  private Interpreter() {}

  /** Advances the contract as far as the facts allow. */
  public static Execution step(
      BoundContract contract, ContractStatus status, Facts facts, long stepsMax) {
    StepBudget budget = new StepBudget(stepsMax);
    List<Effect> effects = new ArrayList<>();
    try {
      ContractStatus next = new Run(contract, facts, budget, effects).advance(status);
      return new Execution(next, effects, budget.used(), Optional.empty());
    } catch (StepBudget.Exceeded e) {
      // Partial effects are dropped: a contract that does not fit its budget pays nothing and
      // goes to the committee if it was live, so the block never stalls on it.
      Failure failure = new Failure(Failure.Kind.STEP_BUDGET_EXCEEDED, e.getMessage());
      if (status.state() == ContractState.SIGNED || status.state() == ContractState.ACTIVE) {
        return new Execution(
            status.withState(ContractState.ESCALATED, e.getMessage()),
            List.of(new Escalation(Escalation.Reason.STEP_BUDGET_EXCEEDED, e.getMessage())),
            budget.used(),
            Optional.of(failure));
      }
      return new Execution(status, List.of(), budget.used(), Optional.of(failure));
    }
  }

  /**
   * A party cancels. Before signing it costs nothing; after, the remedy's fee goes from the
   * canceller to the first party named in the remedy that is not the canceller, and money still in
   * escrow returns to the first beneficiary (who funded it).
   */
  public static Execution cancel(
      BoundContract contract, ContractStatus status, String canceller, long heightAt) {
    if (status.state().terminal()) {
      return refused(status, Failure.Kind.ALREADY_TERMINAL, "contract is " + status.state());
    }
    if (!contract.signers().contains(canceller)) {
      return refused(status, Failure.Kind.NOT_A_PARTY, canceller + " is not a party");
    }
    List<Effect> effects = new ArrayList<>();
    if (status.state() != ContractState.DRAFTED) {
      contract
          .remedy()
          .filter(fee -> fee.amount() > 0)
          .ifPresent(
              fee -> {
                String to = fee.first().equals(canceller) ? fee.second() : fee.first();
                effects.add(new Effect.CancellationFee(canceller, to, fee.amount()));
              });
      if (contract.contract().attributes().monetary() && !status.escrowReleased()) {
        effects.add(
            new Effect.MoneyTransfer(
                contract.contract().id(), contract.payees().get(0), contract.escrowAmount()));
      }
    }
    ContractStatus next =
        status.withState(
            ContractState.CANCELLED, "cancelled by " + canceller + " at height " + heightAt);
    return new Execution(next, effects, 1, Optional.empty());
  }

  static Execution refused(ContractStatus status, Failure.Kind kind, String detail) {
    return new Execution(status, List.of(), 1, Optional.of(new Failure(kind, detail)));
  }

  /** One execution: the contract, the facts, the budget and the effects it produces. */
  private static final class Run {
    private final BoundContract contract;
    private final Facts facts;
    private final StepBudget budget;
    private final List<Effect> effects;

    Run(BoundContract contract, Facts facts, StepBudget budget, List<Effect> effects) {
      this.contract = contract;
      this.facts = facts;
      this.budget = budget;
      this.effects = effects;
    }

    ContractStatus advance(ContractStatus status) {
      budget.charge(1, "entry");
      if (status.state().terminal() || contract.contract().activation() == Activation.DISABLED) {
        return status;
      }
      ContractStatus s = status;
      if (s.state() == ContractState.DRAFTED) {
        budget.charge(contract.signers().size(), "signatures");
        if (!facts.signed().containsAll(contract.signers())) {
          return s;
        }
        s =
            s.withState(
                ContractState.SIGNED, "all parties signed by height " + facts.blockHeight());
      }
      if (s.state() == ContractState.SIGNED) {
        if (contract.window().isPresent()
            && facts.blockTimeSeconds() < contract.window().get().startSeconds()) {
          return s;
        }
        s = s.withState(ContractState.ACTIVE, "window open at time " + facts.blockTimeSeconds());
      }
      return active(s);
    }

    private ContractStatus active(ContractStatus status) {
      ContractStatus s = status;
      long now = facts.blockTimeSeconds();
      int count = contract.installments();
      if (contract.window().isPresent() && now > contract.window().get().endSeconds()) {
        return escalate(
            s,
            Escalation.Reason.WINDOW_EXPIRED,
            "window ended at "
                + contract.window().get().endSeconds()
                + " with "
                + (count - s.installmentsPaid())
                + " of "
                + count
                + " installments unpaid");
      }
      if (contract.contract().attributes().monetary() && !s.escrowReleased()) {
        if (!signaturesHold()) {
          return s;
        }
        effects.add(
            new Effect.MoneyTransfer(
                contract.contract().id(),
                contract.signers().get(contract.signers().size() - 1),
                contract.escrowAmount()));
        s = s.withEscrowReleased();
      }
      for (int i = s.installmentsPaid(); i < count; i++) {
        budget.charge(1, "installment " + i);
        if (contract.window().isPresent() && now < periodStart(i)) {
          break;
        }
        if (!preconditionsHold(i, s)) {
          break;
        }
        if (!s.qualityJudged()) {
          Optional<Escalation> problem = judgeQuality();
          Quality bonusRule = problem.isPresent() ? new Quality(false, problem) : bonusHolds(i, s);
          if (bonusRule.problem().isPresent()) {
            effects.add(bonusRule.problem().get());
            return s.withState(ContractState.ESCALATED, bonusRule.problem().get().detail());
          }
          boolean bonus = bonusRule.holds();
          contract
              .bonus()
              .filter(b -> bonus && b.amount() > 0)
              .ifPresent(b -> effects.add(new Effect.BonusPayment(b.to(), b.amount())));
          s = s.withQualityJudged(bonus);
        }
        pay(i, count);
        s = s.withInstallmentsPaid(i + 1);
      }
      if (s.installmentsPaid() == count) {
        s = s.withState(ContractState.FULFILLED, "all " + count + " installments paid");
      }
      return s;
    }

    private long periodStart(int index) {
      BoundContract.Window window = contract.window().orElseThrow();
      return Split.periodStart(
          window.startSeconds(), window.endSeconds(), index, contract.installments());
    }

    private void pay(int index, int count) {
      long total = Split.installment(contract.amount(), index, count);
      budget.charge(contract.payees().size(), "split of installment " + index);
      List<Long> parts = Split.byParts(total, contract.shareParts());
      for (int p = 0; p < parts.size(); p++) {
        long amount = parts.get(p);
        if (amount == 0) {
          continue;
        }
        String to = contract.payees().get(p);
        effects.add(
            count == 1
                ? new Effect.TokenPayment(to, amount)
                : new Effect.Installment(index, count, to, amount));
      }
    }

    private ContractStatus escalate(ContractStatus s, Escalation.Reason reason, String detail) {
      effects.add(new Escalation(reason, detail));
      return s.withState(ContractState.ESCALATED, detail);
    }

    /** The signature terms of every precondition (money must leave escrow before "transfer"). */
    private boolean signaturesHold() {
      for (Conjunction precondition : contract.contract().preconditions()) {
        for (Call term : precondition.terms()) {
          budget.charge(1, "precondition " + term);
          Optional<Integer> signer = ContractValidator.actIndex(term);
          if (signer.isPresent() && !signed(signer.get())) {
            return false;
          }
        }
      }
      return true;
    }

    private boolean signed(int signerIndex) {
      return facts.signed().contains(contract.signers().get(signerIndex));
    }

    private boolean transferred(int period, ContractStatus s) {
      return contract.contract().attributes().monetary()
          ? s.escrowReleased()
          : facts.verifiedPeriods().contains(period);
    }

    private boolean preconditionsHold(int period, ContractStatus s) {
      for (Conjunction precondition : contract.contract().preconditions()) {
        for (Call term : precondition.terms()) {
          budget.charge(1, "precondition " + term);
          Optional<Integer> signer = ContractValidator.actIndex(term);
          boolean holds = signer.isPresent() ? signed(signer.get()) : transferred(period, s);
          if (!holds) {
            return false;
          }
        }
      }
      return true;
    }

    private Optional<Escalation> judgeQuality() {
      for (Call rule : contract.contract().ruleConditions()) {
        if (rule.function().equals("date")) {
          continue;
        }
        Quality quality = evaluate(rule, "rule_conditions");
        if (quality.problem().isPresent()) {
          return quality.problem();
        }
        if (!quality.holds()) {
          return Optional.of(
              new Escalation(
                  Escalation.Reason.QUALITY_NOT_MET,
                  "rule_conditions: "
                      + rule
                      + " does not hold for the shared resource ("
                      + rule.function()
                      + " = "
                      + facts.metadata().get(rule.function())
                      + ")"));
        }
      }
      return Optional.empty();
    }

    /** Whether some bonus rule holds; every term is judged, so an unjudgeable one escalates. */
    private Quality bonusHolds(int period, ContractStatus s) {
      boolean any = false;
      for (Conjunction rule : contract.contract().bonusRules()) {
        boolean all = true;
        for (Call term : rule.terms()) {
          if (term.function().equals("resources")) {
            budget.charge(1, "bonus " + term);
            all &= transferred(period, s);
            continue;
          }
          Quality quality = evaluate(term, "bonus_rules");
          if (quality.problem().isPresent()) {
            return quality;
          }
          all &= quality.holds();
        }
        any |= all;
      }
      return new Quality(any, Optional.empty());
    }

    private record Quality(boolean holds, Optional<Escalation> problem) {}

    private Quality evaluate(Call rule, String where) {
      budget.charge(1, where + " " + rule);
      Optional<QualityFunctions.Comparison> comparison =
          QualityFunctions.comparison(rule.function());
      if (comparison.isEmpty()) {
        return new Quality(
            false,
            Optional.of(
                new Escalation(
                    Escalation.Reason.UNKNOWN_FUNCTION,
                    where + ": " + rule + " is not a function the interpreter can judge")));
      }
      Long value = facts.metadata().get(rule.function());
      if (value == null) {
        return new Quality(
            false,
            Optional.of(
                new Escalation(
                    Escalation.Reason.MISSING_METADATA,
                    where
                        + ": "
                        + rule
                        + " needs resource metadata '"
                        + rule.function()
                        + "', which the shared resource does not have")));
      }
      long bound = Long.parseLong(contract.value(rule.args().get(0)).orElseThrow());
      boolean holds =
          switch (comparison.get()) {
            case ABOVE -> value > bound;
            case BEFORE -> value < bound;
          };
      return new Quality(holds, Optional.empty());
    }
  }
}
