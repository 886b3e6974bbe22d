package org.alliancechain.contracts.lang;

import java.util.List;
import java.util.Map;
import org.alliancechain.contracts.model.Call;
import org.alliancechain.contracts.model.Conjunction;
import org.alliancechain.contracts.model.Contract;
import org.alliancechain.contracts.model.Party;

/**
 * Contract to document, in the layout of the paper's listings (corrected): one element per line,
 * two-space indent, the escaped ampersand for conjunctions, rule lists one rule per line when there
 * are several. {@code ContractParser.parse(print(c))} equals {@code c} for every valid contract.
 */
public final class ContractPrinter {
  private ContractPrinter() {}

  public static String print(Contract contract) {
    StringBuilder out = new StringBuilder();
    var a = contract.attributes();
    out.append("<smart_contract tag_name=\"")
        .append(escape(a.tagName()))
        .append("\" contract_id=\"")
        .append(escape(a.contractId()))
        .append("\" changeable=\"")
        .append(a.changeable())
        .append("\" monetary=\"")
        .append(a.monetary())
        .append("\">\n");
    leaf(out, 1, "state", contract.activation().text());
    out.append("  <parties>\n");
    for (Party beneficiary : contract.parties().beneficiaries()) {
      leaf(out, 2, "beneficiary", beneficiary.toString());
    }
    leaf(out, 2, "obligor", contract.parties().obligor().toString());
    leaf(out, 2, "third_party", contract.parties().thirdParty().map(Party::toString).orElse("nil"));
    out.append("  </parties>\n");
    out.append("  <obligation_type>\n");
    leaf(out, 2, contract.obligation().kind().element(), contract.obligation().duty().text());
    out.append("  </obligation_type>\n");
    for (Conjunction precondition : contract.preconditions()) {
      leaf(out, 1, "precondition", precondition.toString());
    }
    leaf(out, 1, "performance_type", contract.performanceType().toString());
    leaf(out, 1, "performance_object", contract.performanceObject().toString());
    lines(out, "rule_conditions", contract.ruleConditions().stream().map(Call::toString).toList());
    lines(out, "bonus_rules", contract.bonusRules().stream().map(Conjunction::toString).toList());
    contract.bonusPayment().ifPresent(p -> leaf(out, 1, "bonus_payment", p.toString()));
    contract.remedy().ifPresent(r -> leaf(out, 1, "remedy", r.toString()));
    if (!contract.parameters().isEmpty()) {
      out.append("  <parameters>\n");
      for (Map.Entry<String, String> entry : contract.parameters().entrySet()) {
        out.append("    <param name=\"")
            .append(escape(entry.getKey()))
            .append("\" value=\"")
            .append(escape(entry.getValue()))
            .append("\"/>\n");
      }
      out.append("  </parameters>\n");
    }
    return out.append("</smart_contract>\n").toString();
  }

  private static void leaf(StringBuilder out, int depth, String name, String text) {
    out.append("  ".repeat(depth))
        .append('<')
        .append(name)
        .append('>')
        .append(escape(text))
        .append("</")
        .append(name)
        .append(">\n");
  }

  private static void lines(StringBuilder out, String name, List<String> rules) {
    if (rules.isEmpty()) {
      return;
    }
    if (rules.size() == 1) {
      leaf(out, 1, name, rules.get(0));
      return;
    }
    out.append("  <").append(name).append(">\n");
    for (String rule : rules) {
      out.append("    ").append(escape(rule)).append('\n');
    }
    out.append("  </").append(name).append(">\n");
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
