package org.alliancechain.contracts.lang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.alliancechain.contracts.ContractGenerator;
import org.alliancechain.contracts.Seeds;
import org.alliancechain.contracts.model.AddressRule;
import org.alliancechain.contracts.model.Arg;
import org.alliancechain.contracts.model.Call;
import org.alliancechain.contracts.model.Conjunction;
import org.alliancechain.contracts.model.Contract;
import org.alliancechain.contracts.model.Obligation;
import org.alliancechain.contracts.model.Party;
import org.alliancechain.contracts.xml.ContractError;
import org.alliancechain.contracts.xml.ContractError.Code;
import org.alliancechain.contracts.xml.ContractException;
import org.junit.jupiter.api.Test;

class ContractParserTest {

  static String resource(String name) throws IOException {
    try (var in = ContractParserTest.class.getResourceAsStream("/listings/" + name)) {
      if (in == null) {
        throw new IOException("missing test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static final String LISTING_1_PARAMETERS =
      """
        <parameters>
          <param name="address_1" value="ac1provider1"/>
          <param name="address_2" value="ac1provider2"/>
          <param name="address_3" value="ac1receiver"/>
          <param name="share" value="equal"/>
          <param name="amount" value="1001"/>
          <param name="starting_date" value="1000"/>
          <param name="ending_date" value="2000"/>
        </parameters>
      """;

  static String bind(String template, String parameters) {
    return template.replace("</smart_contract>", parameters + "</smart_contract>");
  }

  private static ContractException reject(String doc) {
    try {
      Contract contract = ContractParser.parse(doc);
      throw new AssertionError("expected a rejection, got " + contract);
    } catch (ContractException e) {
      return e;
    }
  }

  @Test
  void correctedListingOneParsesIntoTheExpectedModel() throws IOException {
    // CONTRACTS.md Listing 1 (corrected)
    Contract contract = ContractParser.parse(resource("listing1-corrected.xml"));
    assertThat(contract.id()).isEqualTo("0001");
    assertThat(contract.attributes().changeable()).isFalse();
    assertThat(contract.parties().beneficiaries())
        .containsExactly(
            new Party("Provider_1", "address_1"), new Party("Provider_2", "address_2"));
    assertThat(contract.parties().obligor()).isEqualTo(new Party("Receiver", "address_3"));
    assertThat(contract.parties().thirdParty()).isEmpty();
    assertThat(contract.obligation().kind()).isEqualTo(Obligation.Kind.MEMBER);
    assertThat(contract.preconditions())
        .containsExactly(
            Conjunction.of(Call.refs("act1", "signed"), Call.refs("resources", "transferred")),
            Conjunction.of(Call.refs("act2", "signed"), Call.refs("resources", "transferred")));
    assertThat(contract.performanceType())
        .isEqualTo(Call.refs("payment", "address_1", "address_2", "share"));
    assertThat(contract.ruleConditions())
        .containsExactly(Call.refs("date", "starting_date", "ending_date"));
    assertThat(contract.bonusRules()).isEmpty();
    assertThat(contract.remedy())
        .contains(Call.refs("cancellation_fee", "amount", "address_1", "address_2"));
    assertThat(contract.parameters()).isEmpty();
  }

  @Test
  void correctedListingTwoParsesWithQualityRulesAndBonus() throws IOException {
    // CONTRACTS.md Listing 2 (corrected)
    Contract contract = ContractParser.parse(resource("listing2-corrected.xml"));
    assertThat(contract.obligation().kind()).isEqualTo(Obligation.Kind.LEGAL);
    assertThat(contract.ruleConditions())
        .extracting(Call::function)
        .containsExactly("date", "money_amount", "patent_value", "information_collection");
    assertThat(contract.bonusRules()).hasSize(3);
    assertThat(contract.bonusRules().get(2).terms())
        .containsExactly(
            Call.refs("information_collection", "before_time"),
            Call.refs("resources", "transferred"));
    assertThat(contract.bonusPayment()).contains(Call.refs("token", "amount", "address_1"));
  }

  @Test
  void printingTheCorrectedListingsReproducesThemCharacterForCharacter() throws IOException {
    for (String name : List.of("listing1-corrected.xml", "listing2-corrected.xml")) {
      String text = resource(name);
      assertThat(ContractPrinter.print(ContractParser.parse(text))).as(name).isEqualTo(text);
    }
  }

  @Test
  void correctedListingsAreTemplatesThatBindOnlyWithParameters() throws IOException {
    Contract template = ContractParser.parse(resource("listing1-corrected.xml"));
    assertThat(ContractValidator.check(template).bound()).isEmpty();
    BoundContract bound =
        ContractParser.parseBound(
            bind(resource("listing1-corrected.xml"), LISTING_1_PARAMETERS), AddressRule.DEFAULT);
    assertThat(bound.payees()).containsExactly("ac1provider1", "ac1provider2");
    assertThat(bound.signers()).containsExactly("ac1provider1", "ac1provider2", "ac1receiver");
    assertThat(bound.shareParts()).containsExactly(1L, 1L);
    assertThat(bound.amount()).isEqualTo(1001);
    assertThat(bound.window()).contains(new BoundContract.Window(1000, 2000));
    assertThat(bound.installments()).isEqualTo(1);
    // Listing 1 uses `amount` for both the reward and the cancellation fee: one value
    assertThat(bound.remedy())
        .contains(new BoundContract.Fee(1001, "ac1provider1", "ac1provider2"));
  }

  @Test
  void parseBoundRefusesATemplateAndNamesTheLineOfAnInvalidElement() throws IOException {
    assertThatThrownBy(
            () ->
                ContractParser.parseBound(resource("listing1-corrected.xml"), AddressRule.DEFAULT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is a template");
    String invalid =
        bind(resource("listing1-corrected.xml"), LISTING_1_PARAMETERS)
            .replace("<state>enabled</state>", "<state>sleeping</state>");
    assertThatThrownBy(() -> ContractParser.parseBound(invalid, AddressRule.DEFAULT))
        .isInstanceOf(org.alliancechain.contracts.xml.ContractException.class)
        .hasMessageContaining("line");
  }

  @Test
  void aParsedListingPrintsToItself() throws IOException {
    for (String name : List.of("listing1-corrected.xml", "listing2-corrected.xml")) {
      assertThat(ContractParser.printIfItReadsBack(ContractParser.parse(resource(name))))
          .as(name)
          .contains(resource(name));
    }
  }

  @Test
  void theWordAndIsTheSameConjunctionAsAnEscapedAmpersand() throws IOException {
    String withAnd = resource("listing1-corrected.xml").replace("&amp;", "and");
    assertThat(ContractParser.parse(withAnd))
        .isEqualTo(ContractParser.parse(resource("listing1-corrected.xml")));
  }

  @Test
  void rejectsAnElementOutOfOrderNamingItsLine() throws IOException {
    String doc =
        resource("listing1-corrected.xml")
            .replace("  <state>enabled</state>\n  <parties>", "  <parties>");
    ContractException e = reject(doc);
    assertThat(e.first().code()).isEqualTo(Code.UNEXPECTED_ELEMENT);
    assertThat(e.first().line()).isEqualTo(2);
    assertThat(e.first().element()).isEqualTo("parties");
    assertThat(e.first().expected()).contains("<state>");
  }

  @Test
  void rejectsAnExpressionSyntaxErrorNamingLineAndElement() throws IOException {
    String doc =
        resource("listing2-corrected.xml")
            .replace(
                "patent_value (above_amount)\n    information",
                "patent_value above_amount\n    information");
    ContractException e = reject(doc);
    assertThat(e.first().code()).isEqualTo(Code.EXPRESSION_SYNTAX);
    assertThat(e.first().element()).isEqualTo("rule_conditions");
    assertThat(e.first().line()).isEqualTo(18); // line of `patent_value above_amount`
    assertThat(e.first().column()).isEqualTo(18); // where "(" was expected
    assertThat(e.first().expected()).contains("'('");
  }

  @Test
  void rejectsAPreconditionThatIsNotASignatureOrATransfer() throws IOException {
    String doc = resource("listing1-corrected.xml").replace("act2 (signed)", "act9 (signed)");
    ContractException e = reject(doc);
    assertThat(e.first().code()).isEqualTo(Code.INVALID_VALUE);
    assertThat(e.first().line()).isEqualTo(13);
    assertThat(e.first().element()).isEqualTo("precondition");
    assertThat(e.first().expected()).contains("actN (signed) with N from 1 to 3");
  }

  @Test
  void rejectsAnUnboundPlaceholderOnceParametersArePresent() throws IOException {
    String params = LISTING_1_PARAMETERS.replace("<param name=\"amount\" value=\"1001\"/>", "");
    ContractException e = reject(bind(resource("listing1-corrected.xml"), params));
    assertThat(e.errors()).extracting(ContractError::code).contains(Code.UNBOUND_PLACEHOLDER);
    ContractError unbound =
        e.errors().stream()
            .filter(x -> x.code() == Code.UNBOUND_PLACEHOLDER)
            .findFirst()
            .orElseThrow();
    assertThat(unbound.element()).isEqualTo("performance_object");
    assertThat(unbound.line()).isEqualTo(15);
  }

  @Test
  void rejectsBadParameterValuesNamingTheParamLine() throws IOException {
    String params =
        LISTING_1_PARAMETERS
            .replace("value=\"1001\"", "value=\"12.5\"")
            .replace("value=\"equal\"", "value=\"1:2:3\"");
    ContractException e = reject(bind(resource("listing1-corrected.xml"), params));
    assertThat(e.errors()).extracting(ContractError::code).containsOnly(Code.INVALID_VALUE);
    assertThat(e.errors()).extracting(ContractError::element).containsOnly("param");
    assertThat(e.getMessage()).contains("non-negative integer for amount").contains("'equal' or 2");
  }

  @Test
  void rejectsUnusedParametersAndLiteralAddresses() throws IOException {
    String params =
        LISTING_1_PARAMETERS.replace(
            "</parameters>", "  <param name=\"typo_amount\" value=\"1\"/>\n  </parameters>");
    assertThat(reject(bind(resource("listing1-corrected.xml"), params)).first().code())
        .isEqualTo(Code.UNUSED_PARAMETER);
    String literalPayee =
        resource("listing1-corrected.xml").replace("payment (address_1,", "payment (7,");
    assertThat(reject(literalPayee).first().expected())
        .contains("beneficiary's address placeholder");
  }

  @Test
  void rejectsBonusRulesWithoutBonusPayment() throws IOException {
    String doc =
        resource("listing2-corrected.xml")
            .replace("  <bonus_payment>token (amount, address_1)</bonus_payment>\n", "");
    ContractException e = reject(doc);
    assertThat(e.first().code()).isEqualTo(Code.MISSING_ELEMENT);
    assertThat(e.first().element()).isEqualTo("bonus_rules");
  }

  @Test
  void anAddressRuleRejectsAddressesItDoesNotLike() throws IOException {
    AddressRule onlyAc1 = a -> a.startsWith("ac1") ? Optional.empty() : Optional.of("ac1...");
    String doc =
        bind(
            resource("listing1-corrected.xml"),
            LISTING_1_PARAMETERS.replace("ac1receiver", "zz-receiver"));
    assertThatThrownBy(() -> ContractParser.parse(doc.getBytes(StandardCharsets.UTF_8), onlyAc1))
        .isInstanceOfSatisfying(
            ContractException.class,
            e -> {
              assertThat(e.first().code()).isEqualTo(Code.INVALID_VALUE);
              assertThat(e.first().line()).isEqualTo(21); // <param name="address_3" ...>
            });
  }

  @Test
  void randomValidContractsRoundTripThroughPrintAndParse() {
    SplittableRandom random = Seeds.random("contracts.roundtrip");
    for (int i = 0; i < 300; i++) {
      Contract contract = ContractGenerator.contract(random);
      String printed = ContractPrinter.print(contract);
      Contract parsed = ContractParser.parse(printed);
      assertThat(parsed).as(printed).isEqualTo(contract);
      assertThat(ContractValidator.check(parsed).bound()).as(printed).isPresent();
      assertThat(ContractPrinter.print(parsed)).isEqualTo(printed);
    }
  }

  @Test
  void randomMutationsNeverCrashTheParserOnlyCleanErrors() throws IOException {
    SplittableRandom random = Seeds.random("contracts.mutation");
    List<String> seeds =
        List.of(
            resource("listing1-corrected.xml"),
            resource("listing2-corrected.xml"),
            ContractPrinter.print(ContractGenerator.contract(random)));
    String alphabet = "<>&;/=\"' \n()&,abc01#x![]-?";
    int rejected = 0;
    for (int i = 0; i < 3000; i++) {
      byte[] bytes = seeds.get(random.nextInt(seeds.size())).getBytes(StandardCharsets.UTF_8);
      int edits = 1 + random.nextInt(4);
      for (int k = 0; k < edits; k++) {
        int at = random.nextInt(bytes.length);
        bytes[at] =
            random.nextInt(4) == 0
                ? (byte) random.nextInt(256)
                : (byte) alphabet.charAt(random.nextInt(alphabet.length()));
      }
      try {
        ContractParser.parse(bytes, AddressRule.DEFAULT);
      } catch (ContractException e) {
        rejected++;
        assertThat(e.errors()).isNotEmpty();
        e.errors().forEach(err -> assertThat(err.expected()).isNotBlank());
      }
    }
    assertThat(rejected).isPositive();
  }

  @Test
  void partyNamesMayBeAnyLettersButNotParenthesesOrDoubleSpaces() throws IOException {
    String doc =
        resource("listing1-corrected.xml").replace("Provider_2 (", "Société Générale 华为 (");
    assertThat(ContractParser.parse(doc).parties().beneficiaries().get(1).name())
        .isEqualTo("Société Générale 华为");
    String bad = resource("listing1-corrected.xml").replace("Provider_2 (", "Provider  2 (");
    ContractException e = reject(bad);
    assertThat(e.first().code()).isEqualTo(Code.EXPRESSION_SYNTAX);
    assertThat(e.first().line()).isEqualTo(5);
    assertThat(e.first().element()).isEqualTo("beneficiary");
  }

  @Test
  void literalArgumentsAreAcceptedWhereAmountsAndTimesGo() throws IOException {
    String doc =
        resource("listing1-corrected.xml").replace("token (share, amount)", "token (share, 500)");
    Contract contract = ContractParser.parse(doc);
    assertThat(contract.performanceObject().args().get(1)).isEqualTo(Arg.literal(500));
  }
}
