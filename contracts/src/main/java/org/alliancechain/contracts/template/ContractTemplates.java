package org.alliancechain.contracts.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.alliancechain.contracts.lang.BoundContract;
import org.alliancechain.contracts.lang.ContractParser;
import org.alliancechain.contracts.lang.ContractValidator;
import org.alliancechain.contracts.lang.QualityFunctions;
import org.alliancechain.contracts.model.Activation;
import org.alliancechain.contracts.model.AddressRule;
import org.alliancechain.contracts.model.Arg;
import org.alliancechain.contracts.model.Call;
import org.alliancechain.contracts.model.Conjunction;
import org.alliancechain.contracts.model.Contract;
import org.alliancechain.contracts.model.ContractAttributes;
import org.alliancechain.contracts.model.Obligation;
import org.alliancechain.contracts.model.Parties;
import org.alliancechain.contracts.model.Party;
import org.alliancechain.contracts.xml.ContractException;

/**
 * The two contract templates of the paper, instantiated with a {@code <parameters>} block: the
 * standardized one (cooperative, Listing 1 shape, equal shares; SPEC M-13) and the diversified one
 * (competitive, Listing 2 shape with quality rules, bonus rules and a bonus payment; SPEC M-14).
 * Every instance is checked by {@link ContractValidator} and comes back fully bound.
 */
public final class ContractTemplates {
  private ContractTemplates() {}

  /**
   * A checked template instance: the contract, its document (what the chain stores, which parses
   * back to {@code contract}) and its bound form (what binding the document gives).
   */
  public record Instance(Contract contract, String document, BoundContract bound) {}

  /** A party's display name and its address (bound to an {@code address_N} placeholder). */
  public record PartyRef(String name, String address) {}

  /** A quality rule {@code function (bound)}; its placeholder is named from the function. */
  public record QualityRule(String function, long bound) {}

  /** When and how much: shared by both templates. */
  public record Terms(
      long amount,
      long startSeconds,
      long endSeconds,
      int installments,
      long cancellationFee,
      OptionalLong escrowAmount) {}

  /**
   * {@code shareParts} empty (or all equal) gives the paper's equal shares, {@code share="equal"};
   * otherwise one part per provider, as accepted by the receiver.
   */
  public record Standardized(
      String contractId,
      List<PartyRef> providers,
      List<Long> shareParts,
      PartyRef receiver,
      Terms terms) {
    public Standardized {
      providers = List.copyOf(providers);
      shareParts = List.copyOf(shareParts);
    }

    public Standardized(
        String contractId, List<PartyRef> providers, PartyRef receiver, Terms terms) {
      this(contractId, providers, List.of(), receiver, terms);
    }
  }

  public record Diversified(
      String contractId,
      List<PartyRef> providers,
      List<Long> shareParts,
      PartyRef receiver,
      Terms terms,
      List<QualityRule> qualityRules,
      long bonusAmount,
      boolean changeable) {
    public Diversified {
      providers = List.copyOf(providers);
      shareParts = List.copyOf(shareParts);
      qualityRules = List.copyOf(qualityRules);
    }
  }

  public static Contract standardized(Standardized input, AddressRule addressRule) {
    return standardizedInstance(input, addressRule).contract();
  }

  public static Contract diversified(Diversified input, AddressRule addressRule) {
    return diversifiedInstance(input, addressRule).contract();
  }

  public static Instance standardizedInstance(Standardized input, AddressRule addressRule) {
    Skeleton s = new Skeleton(input.providers(), input.receiver(), input.terms());
    boolean equal = input.shareParts().stream().distinct().count() <= 1;
    s.params.put("share", equal ? ContractValidator.SHARE_EQUAL : parts(input.shareParts()));
    Contract contract =
        new Contract(
            new ContractAttributes(
                ContractAttributes.TAG_RESOURCES_SHARING,
                input.contractId(),
                false,
                input.terms().escrowAmount().isPresent()),
            Activation.ENABLED,
            s.parties(),
            new Obligation(Obligation.Kind.MEMBER, Obligation.Duty.TO_DO),
            s.preconditions(input.providers().size()),
            s.payment(),
            Call.refs("token", "share", "amount"),
            List.of(Call.refs("date", "starting_date", "ending_date")),
            List.of(),
            Optional.empty(),
            Optional.of(s.remedy()),
            s.params);
    return instance(contract, addressRule);
  }

  public static Instance diversifiedInstance(Diversified input, AddressRule addressRule) {
    Skeleton s = new Skeleton(input.providers(), input.receiver(), input.terms());
    s.params.put(
        "share", String.join(":", input.shareParts().stream().map(String::valueOf).toList()));
    List<Call> rules = new ArrayList<>();
    rules.add(Call.refs("date", "starting_date", "ending_date"));
    List<Conjunction> bonusRules = new ArrayList<>();
    for (QualityRule rule : input.qualityRules()) {
      String placeholder = placeholder(rule.function());
      s.params.put(placeholder, Long.toString(rule.bound()));
      rules.add(Call.refs(rule.function(), placeholder));
      bonusRules.add(
          Conjunction.of(
              Call.refs(rule.function(), placeholder), Call.refs("resources", "transferred")));
    }
    Optional<Call> bonusPayment = Optional.empty();
    if (!bonusRules.isEmpty()) {
      s.params.put("bonus_amount", Long.toString(input.bonusAmount()));
      bonusPayment = Optional.of(Call.refs("token", "bonus_amount", "address_1"));
    }
    Contract contract =
        new Contract(
            new ContractAttributes(
                ContractAttributes.TAG_RESOURCES_SHARING,
                input.contractId(),
                input.changeable(),
                input.terms().escrowAmount().isPresent()),
            Activation.ENABLED,
            s.parties(),
            new Obligation(Obligation.Kind.LEGAL, Obligation.Duty.TO_DO),
            s.preconditions(input.providers().size() + 1),
            s.payment(),
            Call.refs("token", "share", "amount"),
            rules,
            bonusRules,
            bonusPayment,
            Optional.of(s.remedy()),
            s.params);
    return instance(contract, addressRule);
  }

  private static String parts(List<Long> shareParts) {
    return String.join(":", shareParts.stream().map(String::valueOf).toList());
  }

  /** {@code money_amount} becomes {@code money_amount_above}, as in Listing 2's above_amount. */
  static String placeholder(String function) {
    return function
        + QualityFunctions.comparison(function)
            .map(c -> c == QualityFunctions.Comparison.BEFORE ? "_before" : "_above")
            .orElse("_bound");
  }

  /**
   * Valid, fully bound, and the printed document reads back to the same contract; the document and
   * the bound form go with it, so that storing and binding the draft need neither print nor parse
   * it again (an executing node did both: docs/benchmarks.md, session 7).
   */
  private static Instance instance(Contract contract, AddressRule addressRule) {
    var checked =
        ContractValidator.check(
            contract, org.alliancechain.contracts.lang.SourceMap.NONE, addressRule);
    if (!checked.valid()) {
      throw new ContractException(checked.errors());
    }
    Optional<String> document = ContractParser.printIfItReadsBack(contract);
    if (checked.bound().isEmpty() || document.isEmpty()) {
      throw new IllegalStateException(
          "a template instance must be bound and print to itself: " + contract.id());
    }
    return new Instance(contract, document.get(), checked.bound().get());
  }

  /** What both templates share: parties, preconditions, payment, remedy and their parameters. */
  private static final class Skeleton {
    final TreeMap<String, String> params = new TreeMap<>();
    final List<Party> beneficiaries = new ArrayList<>();
    final Party obligor;
    final String obligorRef;

    Skeleton(List<PartyRef> providers, PartyRef receiver, Terms terms) {
      if (providers.isEmpty()) {
        throw new IllegalArgumentException("a contract needs at least one provider");
      }
      for (int i = 0; i < providers.size(); i++) {
        String ref = "address_" + (i + 1);
        beneficiaries.add(new Party(providers.get(i).name(), ref));
        params.put(ref, providers.get(i).address());
      }
      obligorRef = "address_" + (providers.size() + 1);
      obligor = new Party(receiver.name(), obligorRef);
      params.put(obligorRef, receiver.address());
      params.put("amount", Long.toString(terms.amount()));
      params.put("starting_date", Long.toString(terms.startSeconds()));
      params.put("ending_date", Long.toString(terms.endSeconds()));
      params.put(ContractValidator.INSTALLMENTS, Integer.toString(terms.installments()));
      params.put("fee_amount", Long.toString(terms.cancellationFee()));
      terms
          .escrowAmount()
          .ifPresent(e -> params.put(ContractValidator.ESCROW_AMOUNT, Long.toString(e)));
    }

    Parties parties() {
      return new Parties(beneficiaries, obligor, Optional.empty());
    }

    /** {@code actN (signed) & resources (transferred)} for the first {@code count} signers. */
    List<Conjunction> preconditions(int count) {
      List<Conjunction> out = new ArrayList<>();
      for (int i = 1; i <= count; i++) {
        out.add(
            Conjunction.of(Call.refs("act" + i, "signed"), Call.refs("resources", "transferred")));
      }
      return out;
    }

    Call payment() {
      List<Arg> args = new ArrayList<>();
      beneficiaries.forEach(b -> args.add(Arg.ref(b.addressRef())));
      args.add(Arg.ref("share"));
      return new Call("payment", args);
    }

    Call remedy() {
      return Call.refs("cancellation_fee", "fee_amount", "address_1", obligorRef);
    }
  }
}
