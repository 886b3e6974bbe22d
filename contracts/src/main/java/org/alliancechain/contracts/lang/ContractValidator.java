package org.alliancechain.contracts.lang;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.alliancechain.contracts.ContractLimits;
import org.alliancechain.contracts.model.AddressRule;
import org.alliancechain.contracts.model.Arg;
import org.alliancechain.contracts.model.Call;
import org.alliancechain.contracts.model.Conjunction;
import org.alliancechain.contracts.model.Contract;
import org.alliancechain.contracts.model.Party;
import org.alliancechain.contracts.xml.ContractError;
import org.alliancechain.contracts.xml.ContractError.Code;

/**
 * Semantic checks of a contract (which functions may appear where, with which arguments, how
 * placeholders are typed and bound) and, when every placeholder is bound, the typed {@link
 * BoundContract}. A contract without a {@code <parameters>} block is a template: its placeholders
 * may stay unbound, and it cannot run.
 */
public final class ContractValidator {
  public static final String INSTALLMENTS = "installments";
  public static final String ESCROW_AMOUNT = "escrow_amount";
  public static final String SHARE_EQUAL = "equal";

  /** The type a placeholder takes from where it is used. */
  enum Type {
    ADDRESS,
    AMOUNT,
    TIME,
    SHARE,
    COUNT,
    ANY
  }

  private record Use(Type type, String key) {}

  /** The outcome: errors (empty when valid) and, if also fully bound, the runnable contract. */
  public record Checked(List<ContractError> errors, Optional<BoundContract> bound) {
    public Checked {
      errors = List.copyOf(errors);
    }

    public boolean valid() {
      return errors.isEmpty();
    }
  }

  private final Contract contract;
  private final SourceMap sourceMap;
  private final AddressRule addressRule;
  private final List<ContractError> errors = new ArrayList<>();
  private final Map<String, Use> uses = new LinkedHashMap<>();
  private final List<String> beneficiaryRefs = new ArrayList<>();
  private final List<String> signerRefs = new ArrayList<>();
  private final List<String> payeeRefs = new ArrayList<>();
  private String shareRef;

  private ContractValidator(Contract contract, SourceMap sourceMap, AddressRule addressRule) {
    this.contract = contract;
    this.sourceMap = sourceMap;
    this.addressRule = addressRule;
  }

  public static Checked check(Contract contract, SourceMap sourceMap, AddressRule addressRule) {
    ContractValidator validator = new ContractValidator(contract, sourceMap, addressRule);
    validator.shape();
    if (!validator.errors.isEmpty()) {
      return new Checked(validator.errors, Optional.empty());
    }
    validator.parties();
    validator.preconditions();
    validator.performance();
    validator.ruleConditions();
    validator.bonus();
    validator.remedy();
    validator.implicitParameters();
    if (!validator.errors.isEmpty()) {
      return new Checked(validator.errors, Optional.empty());
    }
    boolean template = contract.parameters().isEmpty() && !validator.uses.isEmpty();
    if (template) {
      return new Checked(List.of(), Optional.empty());
    }
    validator.binding();
    if (!validator.errors.isEmpty()) {
      return new Checked(validator.errors, Optional.empty());
    }
    return new Checked(List.of(), Optional.of(validator.bind()));
  }

  public static Checked check(Contract contract) {
    return check(contract, SourceMap.NONE, AddressRule.DEFAULT);
  }

  /**
   * What the reader already guarantees for parsed documents, checked again for contracts built in
   * code (templates), so that every valid contract prints to a document that parses back.
   */
  private void shape() {
    var attributes = contract.attributes();
    if (!attributes
            .tagName()
            .equals(org.alliancechain.contracts.model.ContractAttributes.TAG_RESOURCES_SHARING)
        || !ContractReader.isContractId(attributes.contractId())) {
      error(
          Code.INVALID_VALUE,
          "smart_contract",
          "tag_name resources_sharing and a contract_id of"
              + " 1 to "
              + ContractLimits.NAME_CHARS_MAX
              + " letters, digits, '_' or '-'");
    }
    List<Party> all = contract.parties().all();
    if (contract.parties().beneficiaries().isEmpty()
        || contract.parties().beneficiaries().size() > ContractLimits.BENEFICIARY_COUNT_MAX) {
      error(
          Code.INVALID_VALUE,
          "parties",
          "1 to " + ContractLimits.BENEFICIARY_COUNT_MAX + " beneficiaries");
    }
    for (Party party : all) {
      if (!ExpressionParser.isPartyName(party.name())
          || !ExpressionParser.isIdentifier(party.addressRef())) {
        error(
            Code.INVALID_VALUE,
            "parties",
            "a party as 'Name (address_placeholder)' with a name of"
                + " letters, digits, '_', '-', '.' and single inner spaces; found '"
                + party
                + "'");
      }
    }
    if (contract.preconditions().isEmpty()) {
      error(Code.MISSING_ELEMENT, "smart_contract", "at least one <precondition>");
    }
    callShape();
    parameterShape();
  }

  private void callShape() {
    List<Call> calls =
        new ArrayList<>(List.of(contract.performanceType(), contract.performanceObject()));
    contract.preconditions().forEach(c -> calls.addAll(c.terms()));
    contract.bonusRules().forEach(c -> calls.addAll(c.terms()));
    calls.addAll(contract.ruleConditions());
    contract.bonusPayment().ifPresent(calls::add);
    contract.remedy().ifPresent(calls::add);
    for (Call call : calls) {
      boolean names =
          ExpressionParser.isIdentifier(call.function())
              && call.args().stream()
                  .allMatch(
                      a ->
                          !(a instanceof Arg.Ref ref) || ExpressionParser.isIdentifier(ref.name()));
      if (!names || call.arity() > ContractLimits.CALL_ARGUMENTS_MAX) {
        error(
            Code.EXPRESSION_SYNTAX,
            "smart_contract",
            "identifiers and at most "
                + ContractLimits.CALL_ARGUMENTS_MAX
                + " arguments in "
                + call);
      }
    }
    boolean tooLong =
        contract.ruleConditions().size() > ContractLimits.EXPRESSION_TERMS_MAX
            || contract.bonusRules().size() > ContractLimits.EXPRESSION_TERMS_MAX
            || contract.preconditions().stream()
                .anyMatch(c -> c.terms().size() > ContractLimits.EXPRESSION_TERMS_MAX)
            || contract.bonusRules().stream()
                .anyMatch(c -> c.terms().size() > ContractLimits.EXPRESSION_TERMS_MAX);
    if (tooLong) {
      error(
          Code.INVALID_VALUE,
          "smart_contract",
          "at most " + ContractLimits.EXPRESSION_TERMS_MAX + " rules or terms per element");
    }
  }

  private void parameterShape() {
    if (contract.parameters().size() > ContractLimits.PARAMETER_COUNT_MAX) {
      error(
          Code.INVALID_VALUE,
          "parameters",
          "at most " + ContractLimits.PARAMETER_COUNT_MAX + " parameters");
    }
    for (Map.Entry<String, String> entry : contract.parameters().entrySet()) {
      String value = entry.getValue();
      boolean printable = value.chars().allMatch(ch -> ch >= 0x20 && ch != 0x7f);
      if (!ExpressionParser.isIdentifier(entry.getKey())
          || value.isEmpty()
          || !value.equals(value.strip())
          || !printable
          || value.length() > ContractLimits.ATTRIBUTE_VALUE_CHARS_MAX) {
        error(
            Code.INVALID_VALUE,
            "param[" + entry.getKey() + "]",
            "a placeholder name and a"
                + " non-empty printable value of at most "
                + ContractLimits.ATTRIBUTE_VALUE_CHARS_MAX
                + " characters without surrounding spaces");
      }
    }
  }

  private void parties() {
    List<Party> beneficiaries = contract.parties().beneficiaries();
    for (int i = 0; i < beneficiaries.size(); i++) {
      beneficiaryRefs.add(beneficiaries.get(i).addressRef());
      use(beneficiaries.get(i).addressRef(), Type.ADDRESS, "beneficiary[" + i + "]");
    }
    contract.parties().signers().forEach(p -> signerRefs.add(p.addressRef()));
    use(contract.parties().obligor().addressRef(), Type.ADDRESS, "obligor");
    contract
        .parties()
        .thirdParty()
        .ifPresent(p -> use(p.addressRef(), Type.ADDRESS, "third_party"));
    List<Party> all = contract.parties().all();
    if (new TreeSet<>(all.stream().map(Party::addressRef).toList()).size() != all.size()) {
      error(Code.INVALID_VALUE, "parties", "a different address placeholder for every party");
    }
  }

  private void preconditions() {
    for (int i = 0; i < contract.preconditions().size(); i++) {
      String key = "precondition[" + i + "]";
      for (Call term : contract.preconditions().get(i).terms()) {
        if (!isResourcesTransferred(term) && signerIndex(term).isEmpty()) {
          error(
              Code.INVALID_VALUE,
              key,
              "actN (signed) with N from 1 to "
                  + signerRefs.size()
                  + ", or resources (transferred); found "
                  + term);
        }
      }
    }
  }

  static boolean isResourcesTransferred(Call call) {
    return call.function().equals("resources")
        && call.args().equals(List.of(Arg.ref("transferred")));
  }

  /** {@code actN (signed)} or {@code act_N (signed)}: the 0-based signer index. */
  public static Optional<Integer> actIndex(Call call) {
    String name = call.function();
    if (!name.startsWith("act") || !call.args().equals(List.of(Arg.ref("signed")))) {
      return Optional.empty();
    }
    String digits = name.substring(name.startsWith("act_") ? 4 : 3);
    if (digits.isEmpty()
        || digits.length() > 3
        || !digits.chars().allMatch(Character::isDigit)
        || digits.charAt(0) == '0') {
      return Optional.empty();
    }
    return Optional.of(Integer.parseInt(digits) - 1);
  }

  private Optional<Integer> signerIndex(Call call) {
    return actIndex(call).filter(i -> i < signerRefs.size());
  }

  private void performance() {
    Call payment = contract.performanceType();
    if (!payment.function().equals("payment") || payment.arity() < 2) {
      error(
          Code.INVALID_VALUE,
          "performance_type",
          "payment (address_1, ..., address_n, share) with n >= 1; found " + payment);
      return;
    }
    List<Arg> args = payment.args();
    for (Arg payee : args.subList(0, args.size() - 1)) {
      if (!(payee instanceof Arg.Ref ref) || !beneficiaryRefs.contains(ref.name())) {
        error(
            Code.INVALID_VALUE,
            "performance_type",
            "a beneficiary's address placeholder " + beneficiaryRefs + "; found " + payee);
      } else if (payeeRefs.contains(ref.name())) {
        error(Code.INVALID_VALUE, "performance_type", "each payee once; " + ref.name() + " twice");
      } else {
        payeeRefs.add(ref.name());
      }
    }
    Arg share = args.get(args.size() - 1);
    if (share instanceof Arg.Ref ref) {
      shareRef = ref.name();
      use(shareRef, Type.SHARE, "performance_type");
    } else {
      error(Code.TYPE_MISMATCH, "performance_type", "a share placeholder as the last argument");
    }
    Call object = contract.performanceObject();
    if (!object.function().equals("token")
        || object.arity() != 2
        || !object.args().get(0).equals(share)) {
      error(
          Code.INVALID_VALUE,
          "performance_object",
          "token (" + share + ", amount) with the share of performance_type; found " + object);
      return;
    }
    typed(object.args().get(1), Type.AMOUNT, "performance_object");
  }

  private void ruleConditions() {
    int dates = 0;
    for (Call rule : contract.ruleConditions()) {
      if (rule.function().equals("date")) {
        dates++;
        if (rule.arity() != 2 || dates > 1) {
          error(
              Code.INVALID_VALUE,
              "rule_conditions",
              "one date (starting_date, ending_date); found " + rule);
          continue;
        }
        typed(rule.args().get(0), Type.TIME, "rule_conditions");
        typed(rule.args().get(1), Type.TIME, "rule_conditions");
      } else {
        quality(rule, "rule_conditions");
      }
    }
  }

  private void quality(Call rule, String key) {
    if (rule.arity() != 1) {
      error(
          Code.INVALID_VALUE,
          key,
          "a quality rule with one bound, such as money_amount" + " (above_amount); found " + rule);
      return;
    }
    Type type =
        QualityFunctions.comparison(rule.function())
            .map(c -> c == QualityFunctions.Comparison.BEFORE ? Type.TIME : Type.AMOUNT)
            .orElse(Type.ANY);
    typed(rule.args().get(0), type, key);
  }

  private void bonus() {
    for (Conjunction rule : contract.bonusRules()) {
      for (Call term : rule.terms()) {
        if (!isResourcesTransferred(term)) {
          quality(term, "bonus_rules");
        }
      }
    }
    if (contract.bonusRules().isEmpty() != contract.bonusPayment().isEmpty()) {
      error(
          Code.MISSING_ELEMENT,
          contract.bonusRules().isEmpty() ? "bonus_payment" : "bonus_rules",
          "<bonus_rules> and <bonus_payment> together or not at all");
    }
    contract
        .bonusPayment()
        .ifPresent(
            payment -> {
              if (!payment.function().equals("token")
                  || payment.arity() != 2
                  || !(payment.args().get(1) instanceof Arg.Ref to)
                  || !beneficiaryRefs.contains(to.name())) {
                error(
                    Code.INVALID_VALUE,
                    "bonus_payment",
                    "token (amount, address) paid to a beneficiary "
                        + beneficiaryRefs
                        + "; found "
                        + payment);
                return;
              }
              typed(payment.args().get(0), Type.AMOUNT, "bonus_payment");
            });
  }

  private void remedy() {
    contract
        .remedy()
        .ifPresent(
            fee -> {
              List<Arg> args = fee.args();
              boolean shape =
                  fee.function().equals("cancellation_fee")
                      && fee.arity() == 3
                      && args.get(1) instanceof Arg.Ref first
                      && signerRefs.contains(first.name())
                      && args.get(2) instanceof Arg.Ref second
                      && signerRefs.contains(second.name())
                      && !first.equals(second);
              if (!shape) {
                error(
                    Code.INVALID_VALUE,
                    "remedy",
                    "cancellation_fee (amount, party, other_party) between"
                        + " two of "
                        + signerRefs
                        + "; found "
                        + fee);
                return;
              }
              typed(args.get(0), Type.AMOUNT, "remedy");
            });
  }

  private void implicitParameters() {
    if (contract.parameters().containsKey(INSTALLMENTS)) {
      use(INSTALLMENTS, Type.COUNT, "param[" + INSTALLMENTS + "]");
    }
    if (contract.attributes().monetary()) {
      use(ESCROW_AMOUNT, Type.AMOUNT, "smart_contract");
    }
  }

  private void typed(Arg arg, Type type, String key) {
    switch (arg) {
      case Arg.Ref ref -> use(ref.name(), type, key);
      case Arg.Literal literal -> {
        if (type == Type.ADDRESS || type == Type.SHARE || type == Type.COUNT) {
          error(
              Code.TYPE_MISMATCH,
              key,
              "a placeholder for "
                  + type.name().toLowerCase()
                  + ", found the literal "
                  + literal.value());
        }
      }
    }
  }

  private void use(String ref, Type type, String key) {
    Use previous = uses.putIfAbsent(ref, new Use(type, key));
    if (previous != null
        && previous.type != type
        && previous.type != Type.ANY
        && type != Type.ANY) {
      error(
          Code.TYPE_MISMATCH,
          key,
          ref
              + " used as "
              + type.name().toLowerCase()
              + " here but as "
              + previous.type.name().toLowerCase()
              + " in <"
              + previous.key
              + ">");
    } else if (previous != null && previous.type == Type.ANY) {
      uses.put(ref, new Use(type, key));
    }
  }

  private void binding() {
    Map<String, String> values = contract.parameters();
    for (Map.Entry<String, Use> entry : uses.entrySet()) {
      String value = values.get(entry.getKey());
      if (value == null) {
        error(
            Code.UNBOUND_PLACEHOLDER,
            entry.getValue().key,
            "a <param name=\"" + entry.getKey() + "\" value=\"...\"/> binding " + entry.getKey());
      } else {
        value(entry.getKey(), value, entry.getValue().type);
      }
    }
    for (String name : values.keySet()) {
      if (!uses.containsKey(name)) {
        error(
            Code.UNUSED_PARAMETER,
            "param[" + name + "]",
            "only parameters the contract uses; " + name + " is never used");
      }
    }
    List<String> addresses =
        contract.parties().all().stream()
            .map(p -> values.get(p.addressRef()))
            .filter(v -> v != null)
            .toList();
    if (new TreeSet<>(addresses).size() != addresses.size()) {
      error(Code.INVALID_VALUE, "parties", "a different address for every party");
    }
    if (errors.isEmpty()) {
      crossChecks();
    }
  }

  private void value(String name, String value, Type type) {
    String key = "param[" + name + "]";
    switch (type) {
      case ADDRESS -> addressRule.problem(value).ifPresent(p -> error(Code.INVALID_VALUE, key, p));
      case AMOUNT, TIME -> {
        if (parseNonNegative(value).isEmpty()) {
          error(
              Code.INVALID_VALUE,
              key,
              "a non-negative integer for "
                  + name
                  + " ("
                  + type.name().toLowerCase()
                  + (type == Type.TIME ? ", block-time seconds" : ", minor units")
                  + "), found \""
                  + value
                  + "\"");
        }
      }
      case COUNT -> {
        Optional<Long> count = parseNonNegative(value);
        if (count.isEmpty()
            || count.get() < 1
            || count.get() > ContractLimits.INSTALLMENT_COUNT_MAX) {
          error(
              Code.INVALID_VALUE,
              key,
              "an installment count from 1 to "
                  + ContractLimits.INSTALLMENT_COUNT_MAX
                  + ", found \""
                  + value
                  + "\"");
        }
      }
      case SHARE -> {
        if (shareParts(value).isEmpty()) {
          error(
              Code.INVALID_VALUE,
              key,
              "'equal' or "
                  + payeeRefs.size()
                  + " positive integer parts joined by ':' (one per payee, at most 1000000000 each),"
                  + " found \""
                  + value
                  + "\"");
        }
      }
      case ANY -> {
        // unknown quality functions: any bound value; the interpreter escalates them
      }
    }
  }

  private void crossChecks() {
    Optional<BoundContract.Window> window = window();
    long installments = installments();
    if (window.isPresent() && window.get().startSeconds() > window.get().endSeconds()) {
      error(Code.INVALID_VALUE, "rule_conditions", "starting_date <= ending_date in date (...)");
    }
    if (installments > 1 && window.isEmpty()) {
      error(
          Code.INVALID_VALUE,
          "param[" + INSTALLMENTS + "]",
          "a date (starting_date, ending_date) rule to spread installments over");
    } else if (installments > 1
        && window.get().endSeconds() - window.get().startSeconds() < installments) {
      error(
          Code.INVALID_VALUE,
          "param[" + INSTALLMENTS + "]",
          "a window at least one second per installment long");
    }
  }

  static Optional<Long> parseNonNegative(String value) {
    if (value.isEmpty()
        || value.length() > 19
        || !value.chars().allMatch(c -> c >= '0' && c <= '9')
        || (value.length() > 1 && value.charAt(0) == '0')) {
      return Optional.empty();
    }
    BigInteger parsed = new BigInteger(value);
    return parsed.bitLength() < 64 ? Optional.of(parsed.longValue()) : Optional.empty();
  }

  private Optional<List<Long>> shareParts(String value) {
    if (value.equals(SHARE_EQUAL)) {
      return Optional.of(payeeRefs.stream().map(p -> 1L).toList());
    }
    String[] parts = value.split(":", -1);
    if (parts.length != payeeRefs.size()) {
      return Optional.empty();
    }
    List<Long> out = new ArrayList<>();
    for (String part : parts) {
      Optional<Long> parsed = parseNonNegative(part);
      if (parsed.isEmpty() || parsed.get() < 1 || parsed.get() > 1_000_000_000L) {
        return Optional.empty();
      }
      out.add(parsed.get());
    }
    return Optional.of(out);
  }

  private long amount(Arg arg) {
    return switch (arg) {
      case Arg.Literal literal -> literal.value();
      case Arg.Ref ref -> parseNonNegative(contract.parameters().get(ref.name())).orElseThrow();
    };
  }

  private Optional<BoundContract.Window> window() {
    return contract.ruleConditions().stream()
        .filter(c -> c.function().equals("date"))
        .findFirst()
        .map(c -> new BoundContract.Window(amount(c.args().get(0)), amount(c.args().get(1))));
  }

  private long installments() {
    String value = contract.parameters().get(INSTALLMENTS);
    return value == null ? 1 : parseNonNegative(value).orElseThrow();
  }

  private String address(Arg arg) {
    return contract.parameters().get(((Arg.Ref) arg).name());
  }

  private BoundContract bind() {
    Map<String, String> values = contract.parameters();
    List<String> signers = signerRefs.stream().map(values::get).toList();
    List<String> payees = payeeRefs.stream().map(values::get).toList();
    List<Long> parts = shareParts(values.get(shareRef)).orElseThrow();
    long amount = amount(contract.performanceObject().args().get(1));
    Optional<BoundContract.Payment> bonus =
        contract
            .bonusPayment()
            .map(p -> new BoundContract.Payment(amount(p.args().get(0)), address(p.args().get(1))));
    Optional<BoundContract.Fee> fee =
        contract
            .remedy()
            .map(
                r ->
                    new BoundContract.Fee(
                        amount(r.args().get(0)),
                        address(r.args().get(1)),
                        address(r.args().get(2))));
    long escrow =
        contract.attributes().monetary()
            ? parseNonNegative(values.get(ESCROW_AMOUNT)).orElseThrow()
            : 0;
    return new BoundContract(
        contract,
        signers,
        payees,
        parts,
        amount,
        window(),
        (int) installments(),
        bonus,
        fee,
        escrow,
        new TreeMap<>(values));
  }

  private void error(Code code, String key, String expected) {
    SourceMap.Location at = sourceMap.at(key);
    errors.add(new ContractError(code, at.line(), at.column(), at.element(), expected));
  }
}
