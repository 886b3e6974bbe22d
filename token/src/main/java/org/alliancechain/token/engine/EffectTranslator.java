package org.alliancechain.token.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.alliancechain.contracts.interp.Effect;
import org.alliancechain.contracts.interp.Split;
import org.alliancechain.contracts.lang.BoundContract;
import org.alliancechain.contracts.lang.QualityFunctions;
import org.alliancechain.contracts.model.Call;
import org.alliancechain.contracts.model.Conjunction;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.token.issuance.ContractEffect;
import org.alliancechain.token.issuance.ContractEffect.PaymentKind;
import org.alliancechain.token.issuance.ContractEffect.Quality;
import org.alliancechain.token.issuance.ContractEffect.TokenPayment;

/**
 * Turns the interpreter's effects into the ledger's. The mapping (docs/token-economy.md):
 *
 * <pre>
 * TokenPayment / Installment / BonusPayment  -> TokenPayment PAYMENT / INSTALLMENT / BONUS, PASSED
 * MoneyTransfer (out of escrow)               -> EscrowRelease
 * CancellationFee (tokens)                    -> CancellationFee
 * Escalation UNKNOWN_FUNCTION, MISSING_METADATA
 *     -> Executed + per payee TokenPayment UNDECIDABLE of its share of the whole amount, with
 *        caseKind "REASON:function" (what precedents are keyed by)
 * Escalation QUALITY_NOT_MET   -> Executed + per payee TokenPayment FAILED
 * Escalation WINDOW_EXPIRED    -> Failed
 * Escalation STEP_BUDGET_EXCEEDED -> Uninterpretable
 * </pre>
 *
 * A contract that produced a payment has executed: Executed is emitted before it.
 */
final class EffectTranslator {
  private EffectTranslator() {}

  static List<ContractEffect> translate(
      BoundContract contract,
      List<Effect> effects,
      java.util.SortedMap<String, Long> metadata,
      Function<String, PublicKey> key) {
    String id = contract.contract().id();
    List<ContractEffect> out = new ArrayList<>();
    boolean executed = false;
    for (Effect effect : effects) {
      switch (effect) {
        case Effect.TokenPayment e -> {
          executed = markExecuted(out, id, executed);
          out.add(pay(id, key.apply(e.to()), e.amount(), PaymentKind.PAYMENT, Quality.PASSED, ""));
        }
        case Effect.Installment e -> {
          executed = markExecuted(out, id, executed);
          out.add(
              pay(id, key.apply(e.to()), e.amount(), PaymentKind.INSTALLMENT, Quality.PASSED, ""));
        }
        case Effect.BonusPayment e ->
            out.add(pay(id, key.apply(e.to()), e.amount(), PaymentKind.BONUS, Quality.PASSED, ""));
        case Effect.MoneyTransfer e ->
            out.add(new ContractEffect.EscrowRelease(id, key.apply(e.to()), e.amount()));
        case Effect.CancellationFee e ->
            out.add(
                new ContractEffect.CancellationFee(
                    id, key.apply(e.from()), key.apply(e.to()), e.amount()));
        case Effect.Escalation e -> {
          switch (e.reason()) {
            case UNKNOWN_FUNCTION, MISSING_METADATA -> {
              executed = markExecuted(out, id, executed);
              String kind = e.reason().name() + ":" + unjudgeable(contract, metadata);
              payEveryone(out, contract, Quality.UNDECIDABLE, kind, key);
            }
            case QUALITY_NOT_MET -> {
              executed = markExecuted(out, id, executed);
              payEveryone(out, contract, Quality.FAILED, "QUALITY_NOT_MET", key);
            }
            case WINDOW_EXPIRED -> out.add(new ContractEffect.Failed(id, e.detail()));
            case STEP_BUDGET_EXCEEDED ->
                out.add(new ContractEffect.Uninterpretable(id, e.detail()));
          }
        }
      }
    }
    return out;
  }

  private static boolean markExecuted(List<ContractEffect> out, String id, boolean already) {
    if (!already) {
      out.add(new ContractEffect.Executed(id));
    }
    return true;
  }

  private static TokenPayment pay(
      String id, PublicKey to, long amount, PaymentKind kind, Quality quality, String caseKind) {
    return new TokenPayment(id, to, amount, kind, quality, caseKind);
  }

  private static void payEveryone(
      List<ContractEffect> out,
      BoundContract contract,
      Quality quality,
      String caseKind,
      Function<String, PublicKey> key) {
    List<Long> parts = Split.byParts(contract.amount(), contract.shareParts());
    for (int i = 0; i < parts.size(); i++) {
      if (parts.get(i) > 0) {
        out.add(
            pay(
                contract.contract().id(),
                key.apply(contract.payees().get(i)),
                parts.get(i),
                PaymentKind.PAYMENT,
                quality,
                caseKind));
      }
    }
  }

  /** The first quality function the interpreter cannot judge: unknown, or without metadata. */
  static String unjudgeable(BoundContract contract, java.util.SortedMap<String, Long> metadata) {
    List<Call> calls = new ArrayList<>(contract.contract().ruleConditions());
    for (Conjunction rule : contract.contract().bonusRules()) {
      calls.addAll(rule.terms());
    }
    for (Call call : calls) {
      String f = call.function();
      if (f.equals("date") || f.equals("resources")) {
        continue;
      }
      Optional<QualityFunctions.Comparison> comparison = QualityFunctions.comparison(f);
      if (comparison.isEmpty() || !metadata.containsKey(f)) {
        return f;
      }
    }
    return "unknown";
  }
}
