package org.alliancechain.contracts.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalLong;
import org.alliancechain.contracts.lang.BoundContract;
import org.alliancechain.contracts.lang.ContractParser;
import org.alliancechain.contracts.lang.ContractPrinter;
import org.alliancechain.contracts.lang.ContractValidator;
import org.alliancechain.contracts.model.AddressRule;
import org.alliancechain.contracts.model.Call;
import org.alliancechain.contracts.model.Contract;
import org.alliancechain.contracts.model.Obligation;
import org.alliancechain.contracts.template.ContractTemplates.PartyRef;
import org.alliancechain.contracts.template.ContractTemplates.QualityRule;
import org.alliancechain.contracts.template.ContractTemplates.Terms;
import org.alliancechain.contracts.xml.ContractException;
import org.junit.jupiter.api.Test;

class ContractTemplatesTest {
  private static final Terms TERMS = new Terms(9_000, 100, 400, 3, 50, OptionalLong.empty());

  @Test
  void standardizedTemplateHasListingOneShapeWithEqualSharesAndValidates() {
    // SPEC M-13: equal rewards; only parties, resource, dates and amounts vary
    Contract contract =
        ContractTemplates.standardized(
            new ContractTemplates.Standardized(
                "coop-1",
                List.of(new PartyRef("Provider_1", "ac1p1"), new PartyRef("Provider_2", "ac1p2")),
                new PartyRef("Receiver", "ac1r"),
                TERMS),
            AddressRule.DEFAULT);
    String printed = ContractPrinter.print(contract);
    assertThat(ContractParser.parse(printed)).isEqualTo(contract);
    BoundContract bound = ContractValidator.check(contract).bound().orElseThrow();
    assertThat(bound.payees()).containsExactly("ac1p1", "ac1p2");
    assertThat(bound.shareParts()).containsExactly(1L, 1L);
    assertThat(bound.installments()).isEqualTo(3);
    assertThat(contract.attributes().changeable()).isFalse();
    assertThat(contract.obligation().kind()).isEqualTo(Obligation.Kind.MEMBER);
    assertThat(contract.performanceType())
        .isEqualTo(Call.refs("payment", "address_1", "address_2", "share"));
    assertThat(contract.bonusRules()).isEmpty();
    assertThat(printed)
        .contains("<precondition>act1 (signed) &amp; resources (transferred)</precondition>");
  }

  @Test
  void diversifiedTemplateHasListingTwoShapeWithQualityAndBonusAndValidates() {
    // SPEC M-14: rule_conditions on quality, bonus_rules, bonus_payment
    Contract contract =
        ContractTemplates.diversified(
            new ContractTemplates.Diversified(
                "comp-1",
                List.of(new PartyRef("Provider", "ac1p")),
                List.of(1L),
                new PartyRef("Receiver", "ac1r"),
                TERMS,
                List.of(
                    new QualityRule("money_amount", 10_000),
                    new QualityRule("patent_value", 500),
                    new QualityRule("information_collection", 1_700_000_000L)),
                700,
                false),
            AddressRule.DEFAULT);
    assertThat(ContractParser.parse(ContractPrinter.print(contract))).isEqualTo(contract);
    assertThat(contract.obligation().kind()).isEqualTo(Obligation.Kind.LEGAL);
    assertThat(contract.ruleConditions())
        .extracting(Call::toString)
        .containsExactly(
            "date (starting_date, ending_date)", "money_amount (money_amount_above)",
            "patent_value (patent_value_above)",
                "information_collection (information_collection_before)");
    assertThat(contract.bonusRules()).hasSize(3);
    assertThat(contract.preconditions()).hasSize(2); // act1 provider, act2 receiver, as Listing 2
    BoundContract bound = ContractValidator.check(contract).bound().orElseThrow();
    assertThat(bound.bonus()).contains(new BoundContract.Payment(700, "ac1p"));
    assertThat(bound.remedy()).contains(new BoundContract.Fee(50, "ac1p", "ac1r"));
  }

  @Test
  void monetaryInstancesCarryTheEscrowAmount() {
    Terms money = new Terms(100, 0, 10, 1, 0, OptionalLong.of(250_000));
    Contract contract =
        ContractTemplates.standardized(
            new ContractTemplates.Standardized(
                "m-1",
                List.of(new PartyRef("Bank", "ac1bank")),
                new PartyRef("Startup", "ac1s"),
                money),
            AddressRule.DEFAULT);
    assertThat(contract.attributes().monetary()).isTrue();
    assertThat(ContractValidator.check(contract).bound().orElseThrow().escrowAmount())
        .isEqualTo(250_000);
  }

  @Test
  void instantiationWithABadAddressIsRejectedWithTheParameterNamed() {
    assertThatThrownBy(
            () ->
                ContractTemplates.standardized(
                    new ContractTemplates.Standardized(
                        "x",
                        List.of(new PartyRef("P", "bad address")),
                        new PartyRef("R", "ac1r"),
                        TERMS),
                    AddressRule.DEFAULT))
        .isInstanceOfSatisfying(
            ContractException.class, e -> assertThat(e.first().expected()).contains("bad address"));
  }
}
