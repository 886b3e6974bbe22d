package org.alliancechain.contracts.lang;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.alliancechain.contracts.ContractLimits;
import org.alliancechain.contracts.model.Activation;
import org.alliancechain.contracts.model.Call;
import org.alliancechain.contracts.model.Conjunction;
import org.alliancechain.contracts.model.Contract;
import org.alliancechain.contracts.model.ContractAttributes;
import org.alliancechain.contracts.model.Obligation;
import org.alliancechain.contracts.model.Parties;
import org.alliancechain.contracts.model.Party;
import org.alliancechain.contracts.xml.ContractError;
import org.alliancechain.contracts.xml.ContractError.Code;
import org.alliancechain.contracts.xml.ContractException;
import org.alliancechain.contracts.xml.XmlElement;

/**
 * Maps the element tree to a {@link Contract}, checking element names, order, attributes and the
 * expression syntax. It keeps going after an error where it can, so one report lists them all.
 */
final class ContractReader {
  private static final Set<String> ROOT_ATTRIBUTES =
      Set.of("tag_name", "contract_id", "changeable", "monetary");

  private final List<ContractError> errors = new ArrayList<>();
  private final SourceMap sourceMap = new SourceMap();

  record Read(Contract contract, SourceMap sourceMap) {}

  static Read read(XmlElement root) {
    ContractReader reader = new ContractReader();
    Contract contract = reader.contract(root);
    if (!reader.errors.isEmpty() || contract == null) {
      throw new ContractException(reader.errors);
    }
    return new Read(contract, reader.sourceMap);
  }

  private Contract contract(XmlElement root) {
    if (!root.name().equals("smart_contract")) {
      error(Code.UNEXPECTED_ELEMENT, root, "the root element <smart_contract>");
      return null;
    }
    sourceMap.put("smart_contract", location(root));
    noText(root);
    ContractAttributes attributes = attributes(root);
    Children children = new Children(root);
    XmlElement state = children.required("state");
    XmlElement parties = children.required("parties");
    XmlElement obligation = children.required("obligation_type");
    List<XmlElement> preconditions = children.repeated("precondition", 1);
    XmlElement performanceType = children.required("performance_type");
    XmlElement performanceObject = children.required("performance_object");
    Optional<XmlElement> ruleConditions = children.optional("rule_conditions");
    Optional<XmlElement> bonusRules = children.optional("bonus_rules");
    Optional<XmlElement> bonusPayment = children.optional("bonus_payment");
    Optional<XmlElement> remedy = children.optional("remedy");
    Optional<XmlElement> parameters = children.optional("parameters");
    children.end();

    Activation activation = state == null ? null : activation(state);
    Parties parsedParties = parties == null ? null : parties(parties);
    Obligation parsedObligation = obligation == null ? null : obligation(obligation);
    List<Conjunction> parsedPreconditions = new ArrayList<>();
    for (int i = 0; i < preconditions.size(); i++) {
      XmlElement element = preconditions.get(i);
      sourceMap.put("precondition[" + i + "]", location(element));
      expression(element, ExpressionParser::conjunction).ifPresent(parsedPreconditions::add);
    }
    Call type = single(performanceType, "performance_type");
    Call object = single(performanceObject, "performance_object");
    List<Call> rules =
        ruleConditions
            .flatMap(e -> located(e, "rule_conditions", ExpressionParser::callList))
            .orElse(List.of());
    List<Conjunction> bonus =
        bonusRules
            .flatMap(e -> located(e, "bonus_rules", ExpressionParser::conjunctionList))
            .orElse(List.of());
    Optional<Call> payment =
        bonusPayment.flatMap(e -> located(e, "bonus_payment", ExpressionParser::call));
    Optional<Call> parsedRemedy = remedy.flatMap(e -> located(e, "remedy", ExpressionParser::call));
    Map<String, String> parsedParameters = parameters.map(this::parameters).orElse(Map.of());
    if (!errors.isEmpty()
        || attributes == null
        || activation == null
        || parsedParties == null
        || parsedObligation == null
        || type == null
        || object == null) {
      return null;
    }
    return new Contract(
        attributes,
        activation,
        parsedParties,
        parsedObligation,
        parsedPreconditions,
        type,
        object,
        rules,
        bonus,
        payment,
        parsedRemedy,
        new TreeMap<>(parsedParameters));
  }

  private Call single(XmlElement element, String key) {
    if (element == null) {
      return null;
    }
    return located(element, key, ExpressionParser::call).orElse(null);
  }

  private <T> Optional<T> located(XmlElement element, String key, Function<String, T> parser) {
    sourceMap.put(key, location(element));
    return expression(element, parser);
  }

  private ContractAttributes attributes(XmlElement root) {
    for (String name : root.attributes().keySet()) {
      if (!ROOT_ATTRIBUTES.contains(name)) {
        error(
            Code.UNEXPECTED_ATTRIBUTE,
            root,
            "only the attributes tag_name, contract_id, changeable, monetary; found " + name);
      }
    }
    String tag = requiredAttribute(root, "tag_name");
    String id = requiredAttribute(root, "contract_id");
    String changeable = requiredAttribute(root, "changeable");
    String monetary = requiredAttribute(root, "monetary");
    if (tag != null && !tag.equals(ContractAttributes.TAG_RESOURCES_SHARING)) {
      error(Code.INVALID_VALUE, root, "tag_name=\"resources_sharing\", found \"" + tag + "\"");
      tag = null;
    }
    if (id != null && !isContractId(id)) {
      error(
          Code.INVALID_VALUE,
          root,
          "contract_id of 1 to "
              + ContractLimits.NAME_CHARS_MAX
              + " letters, digits, '_' or '-', found \""
              + id
              + "\"");
      id = null;
    }
    Boolean isChangeable = bool(root, "changeable", changeable);
    Boolean isMonetary = bool(root, "monetary", monetary);
    if (tag == null || id == null || isChangeable == null || isMonetary == null) {
      return null;
    }
    return new ContractAttributes(tag, id, isChangeable, isMonetary);
  }

  static boolean isContractId(String id) {
    return !id.isEmpty()
        && id.length() <= ContractLimits.NAME_CHARS_MAX
        && id.chars()
            .allMatch(
                c ->
                    (c >= 'a' && c <= 'z')
                        || (c >= 'A' && c <= 'Z')
                        || (c >= '0' && c <= '9')
                        || c == '_'
                        || c == '-');
  }

  private Boolean bool(XmlElement element, String name, String value) {
    if (value == null) {
      return null;
    }
    return switch (value) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> {
        error(
            Code.INVALID_VALUE, element, name + "=\"true\" or \"false\", found \"" + value + "\"");
        yield null;
      }
    };
  }

  private String requiredAttribute(XmlElement element, String name) {
    Optional<String> value = element.attribute(name);
    if (value.isEmpty()) {
      error(Code.MISSING_ATTRIBUTE, element, "the attribute " + name);
    }
    return value.orElse(null);
  }

  private Activation activation(XmlElement state) {
    sourceMap.put("state", location(state));
    String text = leafText(state);
    for (Activation activation : Activation.values()) {
      if (activation.text().equals(text)) {
        return activation;
      }
    }
    if (text != null) {
      error(Code.INVALID_VALUE, state, "'enabled' or 'disabled', found '" + text + "'");
    }
    return null;
  }

  private Parties parties(XmlElement parties) {
    sourceMap.put("parties", location(parties));
    noText(parties);
    Children children = new Children(parties);
    List<XmlElement> beneficiaries = children.repeated("beneficiary", 1);
    XmlElement obligor = children.required("obligor");
    XmlElement thirdParty = children.required("third_party");
    children.end();
    if (beneficiaries.size() > ContractLimits.BENEFICIARY_COUNT_MAX) {
      error(
          Code.INVALID_VALUE,
          beneficiaries.get(ContractLimits.BENEFICIARY_COUNT_MAX),
          "at most " + ContractLimits.BENEFICIARY_COUNT_MAX + " beneficiaries");
      return null;
    }
    List<Party> parsed = new ArrayList<>();
    for (int i = 0; i < beneficiaries.size(); i++) {
      sourceMap.put("beneficiary[" + i + "]", location(beneficiaries.get(i)));
      expression(beneficiaries.get(i), ExpressionParser::party).ifPresent(parsed::add);
    }
    Party parsedObligor =
        obligor == null ? null : located(obligor, "obligor", ExpressionParser::party).orElse(null);
    Optional<Party> parsedThird = Optional.empty();
    boolean thirdOk = thirdParty != null;
    if (thirdParty != null) {
      sourceMap.put("third_party", location(thirdParty));
      String text = leafText(thirdParty);
      if (text != null && !text.equals("nil")) {
        parsedThird = expression(thirdParty, ExpressionParser::party);
        thirdOk = parsedThird.isPresent();
      }
    }
    if (parsed.size() != beneficiaries.size() || parsedObligor == null || !thirdOk) {
      return null;
    }
    return new Parties(parsed, parsedObligor, parsedThird);
  }

  private Obligation obligation(XmlElement element) {
    sourceMap.put("obligation_type", location(element));
    noText(element);
    List<XmlElement> children = element.children();
    if (children.size() != 1) {
      error(
          children.isEmpty() ? Code.MISSING_ELEMENT : Code.UNEXPECTED_ELEMENT,
          children.isEmpty() ? element : children.get(1),
          "exactly one of <member_obligation> or <legal_obligation>");
      return null;
    }
    XmlElement child = children.get(0);
    Obligation.Kind kind = null;
    for (Obligation.Kind candidate : Obligation.Kind.values()) {
      if (candidate.element().equals(child.name())) {
        kind = candidate;
      }
    }
    if (kind == null) {
      error(Code.UNEXPECTED_ELEMENT, child, "<member_obligation> or <legal_obligation>");
      return null;
    }
    String text = leafText(child);
    for (Obligation.Duty duty : Obligation.Duty.values()) {
      if (duty.text().equals(text)) {
        return new Obligation(kind, duty);
      }
    }
    if (text != null) {
      error(Code.INVALID_VALUE, child, "'to-do' or 'not-to-do', found '" + text + "'");
    }
    return null;
  }

  private Map<String, String> parameters(XmlElement element) {
    sourceMap.put("parameters", location(element));
    noText(element);
    Map<String, String> out = new TreeMap<>();
    if (element.children().size() > ContractLimits.PARAMETER_COUNT_MAX) {
      error(
          Code.INVALID_VALUE,
          element,
          "at most " + ContractLimits.PARAMETER_COUNT_MAX + " parameters");
      return out;
    }
    for (XmlElement param : element.children()) {
      if (!param.name().equals("param")) {
        error(Code.UNEXPECTED_ELEMENT, param, "<param name=\"...\" value=\"...\"/>");
        continue;
      }
      if (!param.children().isEmpty() || !param.text().isEmpty()) {
        error(Code.UNEXPECTED_TEXT, param, "an empty <param/> element");
      }
      for (String attribute : param.attributes().keySet()) {
        if (!attribute.equals("name") && !attribute.equals("value")) {
          error(Code.UNEXPECTED_ATTRIBUTE, param, "only name and value; found " + attribute);
        }
      }
      String name = requiredAttribute(param, "name");
      String value = requiredAttribute(param, "value");
      if (name == null || value == null) {
        continue;
      }
      sourceMap.put("param[" + name + "]", location(param));
      if (!ExpressionParser.isIdentifier(name)) {
        error(
            Code.INVALID_VALUE,
            param,
            "a placeholder name (a letter, then letters, digits or"
                + " '_'), found \""
                + name
                + "\"");
      } else if (value.isEmpty() || !value.equals(value.strip())) {
        error(
            Code.INVALID_VALUE, param, "a non-empty value without surrounding spaces for " + name);
      } else if (out.putIfAbsent(name, value) != null) {
        error(Code.INVALID_VALUE, param, "each parameter once; " + name + " is bound twice");
      }
    }
    return out;
  }

  /** Parses an element's text with {@code parser}, turning syntax errors into located errors. */
  private <T> Optional<T> expression(XmlElement element, Function<String, T> parser) {
    String text = leafText(element);
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(parser.apply(element.text()));
    } catch (ExpressionParser.SyntaxException e) {
      String raw = element.text();
      int offset = Math.min(e.offset(), raw.length());
      int newlines = 0;
      int lastNewline = -1;
      for (int i = 0; i < offset; i++) {
        if (raw.charAt(i) == '\n') {
          newlines++;
          lastNewline = i;
        }
      }
      // On the element's first line the text starts after the start tag, whose end column we do
      // not know; on later lines the column is exact.
      int column = newlines == 0 ? 0 : offset - lastNewline;
      errors.add(
          new ContractError(
              Code.EXPRESSION_SYNTAX,
              element.line() + newlines,
              column,
              element.name(),
              e.expected()));
      return Optional.empty();
    }
  }

  /** The stripped text of an element that must have text and no children, or null. */
  private String leafText(XmlElement element) {
    if (!element.children().isEmpty()) {
      error(
          Code.UNEXPECTED_ELEMENT,
          element.children().get(0),
          "text only inside <" + element.name() + ">");
      return null;
    }
    String text = element.text().strip();
    if (text.isEmpty()) {
      error(Code.MISSING_ELEMENT, element, "text inside <" + element.name() + ">");
      return null;
    }
    return text;
  }

  private void noText(XmlElement element) {
    if (!element.text().isBlank()) {
      error(
          Code.UNEXPECTED_TEXT,
          element,
          "only child elements inside <"
              + element.name()
              + ">, found text '"
              + element.text().strip()
              + "'");
    }
  }

  private void error(Code code, XmlElement element, String expected) {
    errors.add(new ContractError(code, element.line(), element.column(), element.name(), expected));
  }

  private static SourceMap.Location location(XmlElement element) {
    return new SourceMap.Location(element.line(), element.column(), element.name());
  }

  /** Walks an element's children in grammar order. */
  private final class Children {
    private final XmlElement parent;
    private final List<XmlElement> children;
    private int index;

    Children(XmlElement parent) {
      this.parent = parent;
      this.children = parent.children();
    }

    private boolean at(String name) {
      return index < children.size() && children.get(index).name().equals(name);
    }

    XmlElement required(String name) {
      if (at(name)) {
        return children.get(index++);
      }
      if (index < children.size()) {
        XmlElement found = children.get(index);
        error(Code.UNEXPECTED_ELEMENT, found, "<" + name + "> here, found <" + found.name() + ">");
        if (index + 1 < children.size() && children.get(index + 1).name().equals(name)) {
          index++;
          return children.get(index++);
        }
      } else {
        error(Code.MISSING_ELEMENT, parent, "<" + name + "> inside <" + parent.name() + ">");
      }
      return null;
    }

    Optional<XmlElement> optional(String name) {
      return at(name) ? Optional.of(children.get(index++)) : Optional.empty();
    }

    List<XmlElement> repeated(String name, int min) {
      List<XmlElement> out = new ArrayList<>();
      while (at(name)) {
        out.add(children.get(index++));
      }
      if (out.size() < min) {
        XmlElement where = index < children.size() ? children.get(index) : parent;
        error(
            Code.MISSING_ELEMENT,
            where,
            "at least " + min + " <" + name + "> inside <" + parent.name() + ">");
      }
      return out;
    }

    void end() {
      if (index < children.size()) {
        XmlElement extra = children.get(index);
        error(
            Code.UNEXPECTED_ELEMENT,
            extra,
            "no <"
                + extra.name()
                + "> here: <"
                + parent.name()
                + "> children are, in order, "
                + expectedOrder(parent.name()));
      }
    }
  }

  private static String expectedOrder(String parent) {
    return switch (parent) {
      case "smart_contract" ->
          "state, parties, obligation_type, precondition+, performance_type,"
              + " performance_object, rule_conditions?, bonus_rules?, bonus_payment?, remedy?,"
              + " parameters?";
      case "parties" -> "beneficiary+, obligor, third_party";
      default -> "as in the grammar";
    };
  }
}
