package org.alliancechain.contracts.interp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.alliancechain.contracts.ContractGenerator;
import org.alliancechain.contracts.ContractLimits;
import org.alliancechain.contracts.Seeds;
import org.alliancechain.contracts.interp.Effect.Escalation;
import org.alliancechain.contracts.interp.Effect.Installment;
import org.alliancechain.contracts.interp.Effect.TokenPayment;
import org.alliancechain.contracts.interp.Execution.Failure;
import org.alliancechain.contracts.lang.BoundContract;
import org.alliancechain.contracts.lang.ContractParser;
import org.alliancechain.contracts.lang.ContractValidator;
import org.alliancechain.contracts.model.AddressRule;
import org.alliancechain.contracts.model.Contract;
import org.alliancechain.contracts.model.ContractAttributes;
import org.alliancechain.contracts.template.ContractTemplates;
import org.alliancechain.contracts.template.ContractTemplates.PartyRef;
import org.alliancechain.contracts.template.ContractTemplates.QualityRule;
import org.alliancechain.contracts.template.ContractTemplates.Terms;
import org.junit.jupiter.api.Test;

class InterpreterTest {
  private static final long BUDGET = ContractLimits.INTERPRETER_STEPS_DEFAULT;
  private static final Set<String> ALL_COOP = Set.of("ac1p1", "ac1p2", "ac1r");

  private static BoundContract cooperative(long amount, long start, long end, int installments) {
    return bind(
        ContractTemplates.standardized(
            new ContractTemplates.Standardized(
                "coop-1",
                List.of(new PartyRef("Provider_1", "ac1p1"), new PartyRef("Provider_2", "ac1p2")),
                new PartyRef("Receiver", "ac1r"),
                new Terms(amount, start, end, installments, 50, OptionalLong.empty())),
            AddressRule.DEFAULT));
  }

  private static BoundContract competitive(String... extraRules) {
    List<QualityRule> rules =
        new ArrayList<>(
            List.of(
                new QualityRule("money_amount", 10_000),
                new QualityRule("patent_value", 500),
                new QualityRule("information_collection", 1_700)));
    for (String rule : extraRules) {
      rules.add(new QualityRule(rule, 1));
    }
    return bind(
        ContractTemplates.diversified(
            new ContractTemplates.Diversified(
                "comp-1",
                List.of(new PartyRef("Provider", "ac1p")),
                List.of(1L),
                new PartyRef("Receiver", "ac1r"),
                new Terms(900, 0, 1_000, 1, 40, OptionalLong.empty()),
                rules,
                70,
                false),
            AddressRule.DEFAULT));
  }

  private static BoundContract bind(Contract contract) {
    return ContractValidator.check(contract).bound().orElseThrow();
  }

  private static Facts facts(
      Set<String> signed, Set<Integer> verified, Map<String, Long> meta, long time) {
    return new Facts(new TreeSet<>(signed), new TreeSet<>(verified), new TreeMap<>(meta), 7, time);
  }

  private static Execution run(BoundContract c, ContractStatus s, Facts f) {
    return Interpreter.step(c, s, f, BUDGET);
  }

  @Test
  void movesThroughDraftedSignedActiveToFulfilledAndSplitsWithTheRemainderToTheFirstPayee() {
    // SPEC M-15 states; 1001 tokens, equal shares: 1001 / 2 = 500 remainder 1 -> first payee
    BoundContract c = cooperative(1001, 1000, 2000, 1);
    Execution e = run(c, ContractStatus.drafted(), facts(Set.of("ac1p1"), Set.of(), Map.of(), 500));
    assertThat(e.status().state()).isEqualTo(ContractState.DRAFTED);
    e = run(c, e.status(), facts(ALL_COOP, Set.of(), Map.of(), 500));
    assertThat(e.status().state()).isEqualTo(ContractState.SIGNED);
    assertThat(e.effects()).isEmpty();
    e = run(c, e.status(), facts(ALL_COOP, Set.of(), Map.of(), 1000));
    assertThat(e.status().state()).isEqualTo(ContractState.ACTIVE);
    assertThat(e.effects()).isEmpty();
    e = run(c, e.status(), facts(ALL_COOP, Set.of(0), Map.of(), 1500));
    assertThat(e.status().state()).isEqualTo(ContractState.FULFILLED);
    assertThat(e.effects())
        .containsExactly(new TokenPayment("ac1p1", 501), new TokenPayment("ac1p2", 500));
  }

  private static String listing(String name) throws java.io.IOException {
    try (var in = InterpreterTest.class.getResourceAsStream("/listings/" + name)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  @Test
  void theCorrectedListingsRunOnceTheirPlaceholdersAreBound() throws java.io.IOException {
    // CONTRACTS.md Listing 1 with a <parameters> block: 1001 tokens, equal shares
    String one =
        listing("listing1-corrected.xml")
            .replace(
                "</smart_contract>",
                """
          <parameters>
            <param name="address_1" value="ac1p1"/>
            <param name="address_2" value="ac1p2"/>
            <param name="address_3" value="ac1r"/>
            <param name="share" value="equal"/>
            <param name="amount" value="1001"/>
            <param name="starting_date" value="0"/>
            <param name="ending_date" value="100"/>
          </parameters>
        </smart_contract>""");
    BoundContract c1 = ContractParser.parseBound(one, AddressRule.DEFAULT);
    assertThat(
            run(c1, ContractStatus.drafted(), facts(ALL_COOP, Set.of(0), Map.of(), 50)).effects())
        .containsExactly(new TokenPayment("ac1p1", 501), new TokenPayment("ac1p2", 500));
    // Listing 2: above_amount bounds both money_amount and patent_value; amount is the reward
    // and (through bonus_payment token (amount, address_1)) the bonus as well
    String two =
        listing("listing2-corrected.xml")
            .replace(
                "</smart_contract>",
                """
          <parameters>
            <param name="address_1" value="ac1p"/>
            <param name="address_2" value="ac1r"/>
            <param name="share" value="1"/>
            <param name="amount" value="40"/>
            <param name="starting_date" value="0"/>
            <param name="ending_date" value="100"/>
            <param name="above_amount" value="1000"/>
            <param name="before_time" value="60"/>
          </parameters>
        </smart_contract>""");
    BoundContract c2 = ContractParser.parseBound(two, AddressRule.DEFAULT);
    Map<String, Long> meta =
        Map.of("money_amount", 5000L, "patent_value", 1001L, "information_collection", 59L);
    assertThat(
            run(c2, ContractStatus.drafted(), facts(Set.of("ac1p", "ac1r"), Set.of(0), meta, 50))
                .effects())
        .containsExactly(new Effect.BonusPayment("ac1p", 40), new TokenPayment("ac1p", 40));
    Map<String, Long> late =
        Map.of("money_amount", 5000L, "patent_value", 1001L, "information_collection", 60L);
    assertThat(
            run(c2, ContractStatus.drafted(), facts(Set.of("ac1p", "ac1r"), Set.of(0), late, 50))
                .status()
                .state())
        .isEqualTo(ContractState.ESCALATED);
  }

  @Test
  void nothingExecutesBeforeTheWindowOpensEvenWithEverythingVerified() {
    BoundContract c = cooperative(100, 1000, 2000, 1);
    Execution e = run(c, ContractStatus.drafted(), facts(ALL_COOP, Set.of(0), Map.of(), 999));
    assertThat(e.status().state()).isEqualTo(ContractState.SIGNED);
    assertThat(e.effects()).isEmpty();
  }

  @Test
  void installmentsArePaidPerVerifiedPeriodAndTheWindowEndEscalatesWhatIsLeft() {
    // SPEC M-16. 10 tokens in 3 installments: 4, 3, 3 (first 10 mod 3 = 1 gets one more);
    // window [0, 300] -> periods start at 0, 100, 200; each installment split 2 ways.
    BoundContract c = cooperative(10, 0, 300, 3);
    ContractStatus s = ContractStatus.drafted();
    Execution e = run(c, s, facts(ALL_COOP, Set.of(0, 1), Map.of(), 50));
    assertThat(e.effects())
        .containsExactly(new Installment(0, 3, "ac1p1", 2), new Installment(0, 3, "ac1p2", 2));
    e = run(c, e.status(), facts(ALL_COOP, Set.of(0, 1), Map.of(), 150));
    assertThat(e.effects())
        .containsExactly(new Installment(1, 3, "ac1p1", 2), new Installment(1, 3, "ac1p2", 1));
    e = run(c, e.status(), facts(ALL_COOP, Set.of(0, 1), Map.of(), 250));
    assertThat(e.effects()).as("period 2 not verified").isEmpty();
    assertThat(e.status().installmentsPaid()).isEqualTo(2);
    Execution late = run(c, e.status(), facts(ALL_COOP, Set.of(0, 1, 2), Map.of(), 301));
    assertThat(late.status().state()).isEqualTo(ContractState.ESCALATED);
    assertThat(late.effects())
        .singleElement()
        .isInstanceOfSatisfying(
            Escalation.class,
            x -> {
              assertThat(x.reason()).isEqualTo(Escalation.Reason.WINDOW_EXPIRED);
              assertThat(x.detail()).contains("1 of 3 installments unpaid");
            });
    Execution onTime = run(c, e.status(), facts(ALL_COOP, Set.of(0, 1, 2), Map.of(), 300));
    assertThat(onTime.effects())
        .containsExactly(new Installment(2, 3, "ac1p1", 2), new Installment(2, 3, "ac1p2", 1));
    assertThat(onTime.status().state()).isEqualTo(ContractState.FULFILLED);
  }

  @Test
  void diversifiedContractPaysRewardAndBonusWhenQualityHolds() {
    // SPEC M-14: money_amount > 10000, patent_value > 500, information_collection < 1700
    BoundContract c = competitive();
    Map<String, Long> meta =
        Map.of("money_amount", 20_000L, "patent_value", 600L, "information_collection", 1_600L);
    Execution e =
        run(c, ContractStatus.drafted(), facts(Set.of("ac1p", "ac1r"), Set.of(0), meta, 10));
    assertThat(e.status().state()).isEqualTo(ContractState.FULFILLED);
    assertThat(e.effects())
        .containsExactly(new Effect.BonusPayment("ac1p", 70), new TokenPayment("ac1p", 900));
  }

  @Test
  void qualityBelowTheBoundEscalatesWithTheValueRecorded() {
    BoundContract c = competitive();
    Map<String, Long> meta =
        Map.of("money_amount", 10_000L, "patent_value", 600L, "information_collection", 1_600L);
    Execution e =
        run(c, ContractStatus.drafted(), facts(Set.of("ac1p", "ac1r"), Set.of(0), meta, 10));
    assertThat(e.status().state()).isEqualTo(ContractState.ESCALATED);
    assertThat(e.effects())
        .singleElement()
        .isEqualTo(
            new Escalation(
                Escalation.Reason.QUALITY_NOT_MET,
                "rule_conditions: money_amount (money_amount_above) does not hold for the shared resource"
                    + " (money_amount = 10000)"));
  }

  @Test
  void missingMetadataEscalatesNamingTheMissingEntry() {
    BoundContract c = competitive();
    Map<String, Long> meta = Map.of("money_amount", 20_000L, "information_collection", 1_600L);
    Execution e =
        run(c, ContractStatus.drafted(), facts(Set.of("ac1p", "ac1r"), Set.of(0), meta, 10));
    assertThat(e.status().state()).isEqualTo(ContractState.ESCALATED);
    assertThat(e.status().reason().orElseThrow()).contains("patent_value");
    assertThat(e.effects())
        .singleElement()
        .isInstanceOfSatisfying(
            Escalation.class,
            x -> assertThat(x.reason()).isEqualTo(Escalation.Reason.MISSING_METADATA));
  }

  @Test
  void anUnknownQualityFunctionEscalatesInsteadOfFailing() {
    BoundContract c = competitive("carbon_score");
    Map<String, Long> meta =
        Map.of(
            "money_amount",
            20_000L,
            "patent_value",
            600L,
            "information_collection",
            1_600L,
            "carbon_score",
            5L);
    Execution e =
        run(c, ContractStatus.drafted(), facts(Set.of("ac1p", "ac1r"), Set.of(0), meta, 10));
    assertThat(e.status().state()).isEqualTo(ContractState.ESCALATED);
    assertThat(e.effects())
        .singleElement()
        .isInstanceOfSatisfying(
            Escalation.class,
            x -> {
              assertThat(x.reason()).isEqualTo(Escalation.Reason.UNKNOWN_FUNCTION);
              assertThat(x.detail()).contains("carbon_score");
            });
  }

  @Test
  void qualityIsNotJudgedBeforeTheResourceIsTransferred() {
    BoundContract c = competitive();
    Execution e =
        run(c, ContractStatus.drafted(), facts(Set.of("ac1p", "ac1r"), Set.of(), Map.of(), 10));
    assertThat(e.status().state()).isEqualTo(ContractState.ACTIVE);
    assertThat(e.effects()).isEmpty();
  }

  @Test
  void aBonusRuleThatDoesNotHoldPaysOnlyTheReward() {
    String doc =
        """
        <smart_contract tag_name="resources_sharing" contract_id="b-1" changeable="false" monetary="false">
          <state>enabled</state>
          <parties>
            <beneficiary>Provider (address_1)</beneficiary>
            <obligor>Receiver (address_2)</obligor>
            <third_party>nil</third_party>
          </parties>
          <obligation_type><legal_obligation>to-do</legal_obligation></obligation_type>
          <precondition>act_1 (signed) and act_2 (signed) and resources (transferred)</precondition>
          <performance_type>payment (address_1, share)</performance_type>
          <performance_object>token (share, amount)</performance_object>
          <rule_conditions>money_amount (minimum)</rule_conditions>
          <bonus_rules>money_amount (bonus_level) &amp; resources (transferred)</bonus_rules>
          <bonus_payment>token (25, address_1)</bonus_payment>
          <parameters>
            <param name="address_1" value="ac1p"/>
            <param name="address_2" value="ac1r"/>
            <param name="share" value="equal"/>
            <param name="amount" value="300"/>
            <param name="minimum" value="100"/>
            <param name="bonus_level" value="1000"/>
          </parameters>
        </smart_contract>
        """;
    BoundContract c = ContractParser.parseBound(doc, AddressRule.DEFAULT);
    Facts f = facts(Set.of("ac1p", "ac1r"), Set.of(0), Map.of("money_amount", 500L), 0);
    Execution e = run(c, ContractStatus.drafted(), f);
    assertThat(e.effects()).containsExactly(new TokenPayment("ac1p", 300));
    assertThat(e.status().bonusPaid()).isFalse();
    Facts rich = facts(Set.of("ac1p", "ac1r"), Set.of(0), Map.of("money_amount", 5000L), 0);
    assertThat(run(c, ContractStatus.drafted(), rich).effects())
        .containsExactly(new Effect.BonusPayment("ac1p", 25), new TokenPayment("ac1p", 300));
  }

  @Test
  void monetaryContractReleasesEscrowToTheReceiverThenPaysTheProvider() {
    // SPEC M-17: money moves from escrow to the receiver when the preconditions hold
    BoundContract c =
        bind(
            ContractTemplates.standardized(
                new ContractTemplates.Standardized(
                    "m-1",
                    List.of(new PartyRef("Bank", "ac1bank")),
                    new PartyRef("Startup", "ac1s"),
                    new Terms(100, 0, 10, 1, 0, OptionalLong.of(250_000))),
                AddressRule.DEFAULT));
    Execution e =
        run(c, ContractStatus.drafted(), facts(Set.of("ac1bank", "ac1s"), Set.of(), Map.of(), 5));
    assertThat(e.effects())
        .containsExactly(
            new Effect.MoneyTransfer("m-1", "ac1s", 250_000), new TokenPayment("ac1bank", 100));
    assertThat(e.status().state()).isEqualTo(ContractState.FULFILLED);
  }

  @Test
  void cancellationAppliesTheRemedyAgainstTheCancellingParty() {
    BoundContract c = cooperative(100, 0, 1000, 1);
    ContractStatus signed =
        run(c, ContractStatus.drafted(), facts(ALL_COOP, Set.of(), Map.of(), 0)).status();
    assertThat(signed.state()).isEqualTo(ContractState.ACTIVE);
    // remedy: cancellation_fee (fee_amount, address_1, address_3), fee 50
    assertThat(Interpreter.cancel(c, signed, "ac1p2", 9).effects())
        .containsExactly(new Effect.CancellationFee("ac1p2", "ac1p1", 50));
    assertThat(Interpreter.cancel(c, signed, "ac1p1", 9).effects())
        .containsExactly(new Effect.CancellationFee("ac1p1", "ac1r", 50));
    Execution byReceiver = Interpreter.cancel(c, signed, "ac1r", 9);
    assertThat(byReceiver.effects())
        .containsExactly(new Effect.CancellationFee("ac1r", "ac1p1", 50));
    assertThat(byReceiver.status().state()).isEqualTo(ContractState.CANCELLED);
    assertThat(Interpreter.cancel(c, ContractStatus.drafted(), "ac1r", 9).effects()).isEmpty();
    assertThat(Interpreter.cancel(c, signed, "ac1stranger", 9).failure().orElseThrow().kind())
        .isEqualTo(Failure.Kind.NOT_A_PARTY);
    assertThat(Interpreter.cancel(c, byReceiver.status(), "ac1r", 9).failure().orElseThrow().kind())
        .isEqualTo(Failure.Kind.ALREADY_TERMINAL);
  }

  @Test
  void exceedingTheStepBudgetIsARecordedFailureNotAHang() {
    BoundContract c = cooperative(100, 0, 1000, 1);
    Facts f = facts(ALL_COOP, Set.of(0), Map.of(), 10);
    Execution drafted = Interpreter.step(c, ContractStatus.drafted(), f, 2);
    assertThat(drafted.failure().orElseThrow().kind()).isEqualTo(Failure.Kind.STEP_BUDGET_EXCEEDED);
    assertThat(drafted.stepsUsed()).isLessThanOrEqualTo(2);
    assertThat(drafted.status()).isEqualTo(ContractStatus.drafted());
    ContractStatus signed =
        Interpreter.step(
                c, ContractStatus.drafted(), facts(ALL_COOP, Set.of(), Map.of(), 10), BUDGET)
            .status();
    Execution live = Interpreter.step(c, signed, f, 5);
    assertThat(live.status().state()).isEqualTo(ContractState.ESCALATED);
    assertThat(live.effects())
        .singleElement()
        .isInstanceOfSatisfying(
            Escalation.class,
            x -> assertThat(x.reason()).isEqualTo(Escalation.Reason.STEP_BUDGET_EXCEEDED));
    assertThat(live.stepsUsed()).isLessThanOrEqualTo(5);
  }

  @Test
  void aDisabledContractNeverExecutes() {
    BoundContract enabled = cooperative(100, 0, 1000, 1);
    Contract disabled =
        new Contract(
            enabled.contract().attributes(),
            org.alliancechain.contracts.model.Activation.DISABLED,
            enabled.contract().parties(),
            enabled.contract().obligation(),
            enabled.contract().preconditions(),
            enabled.contract().performanceType(),
            enabled.contract().performanceObject(),
            enabled.contract().ruleConditions(),
            enabled.contract().bonusRules(),
            enabled.contract().bonusPayment(),
            enabled.contract().remedy(),
            enabled.contract().parameters());
    Execution e =
        run(bind(disabled), ContractStatus.drafted(), facts(ALL_COOP, Set.of(0), Map.of(), 5));
    assertThat(e.status()).isEqualTo(ContractStatus.drafted());
    assertThat(e.effects()).isEmpty();
  }

  @Test
  void unchangeableContractsCannotBeAmendedAfterSigningAndChangeableOnesNeedEverySignature() {
    BoundContract c = cooperative(100, 0, 1000, 1);
    BoundContract replacement =
        bind(
            c.contract()
                .withParameters(
                    new TreeMap<>(
                        Map.of(
                            "address_1",
                            "ac1p1",
                            "address_2",
                            "ac1p2",
                            "address_3",
                            "ac1r",
                            "share",
                            "equal",
                            "amount",
                            "200",
                            "starting_date",
                            "0",
                            "ending_date",
                            "1000",
                            "installments",
                            "1",
                            "fee_amount",
                            "50"))));
    ContractStatus signed =
        run(c, ContractStatus.drafted(), facts(ALL_COOP, Set.of(), Map.of(), 0)).status();
    TreeSet<String> everyone = new TreeSet<>(ALL_COOP);
    assertThat(Amendments.amend(c, signed, replacement, everyone).failure().orElseThrow().kind())
        .isEqualTo(Failure.Kind.NOT_CHANGEABLE);
    assertThat(Amendments.amend(c, ContractStatus.drafted(), replacement, everyone).accepted())
        .contains(replacement);

    ContractAttributes open = new ContractAttributes("resources_sharing", "coop-1", true, false);
    BoundContract changeable = bind(c.contract().withAttributes(open));
    BoundContract changed = bind(replacement.contract().withAttributes(open));
    TreeSet<String> some = new TreeSet<>(Set.of("ac1p1", "ac1r"));
    assertThat(Amendments.amend(changeable, signed, changed, some).failure().orElseThrow().kind())
        .isEqualTo(Failure.Kind.MISSING_SIGNATURES);
    assertThat(Amendments.amend(changeable, signed, changed, everyone).accepted())
        .contains(changed);
  }

  @Test
  void randomContractsStayWithinBudgetRepeatIdenticallyAndConserveTokens() {
    SplittableRandom random = Seeds.random("contracts.interpreter");
    for (int round = 0; round < 200; round++) {
      BoundContract c = bind(ContractGenerator.contract(random));
      long budget = 1 + random.nextLong(200);
      ContractStatus status = ContractStatus.drafted();
      long tokens = 0;
      BoundContract.Window w = c.window().orElseThrow();
      for (int step = 0; step < 12; step++) {
        Facts f = randomFacts(random, c, w);
        Execution first = Interpreter.step(c, status, f, budget);
        Execution again = Interpreter.step(c, status, f, budget);
        assertThat(again).isEqualTo(first);
        assertThat(first.stepsUsed()).isLessThanOrEqualTo(budget);
        for (Effect effect : first.effects()) {
          tokens +=
              switch (effect) {
                case TokenPayment p -> p.amount();
                case Installment i -> i.amount();
                case Effect.BonusPayment b -> 0;
                case Effect.MoneyTransfer m -> 0;
                case Effect.CancellationFee x -> 0;
                case Escalation x -> 0;
              };
        }
        status = first.status();
      }
      if (status.state() == ContractState.FULFILLED) {
        assertThat(tokens).as("no token created or lost").isEqualTo(c.amount());
      } else {
        assertThat(tokens).isLessThanOrEqualTo(c.amount());
      }
    }
  }

  private static Facts randomFacts(
      SplittableRandom random, BoundContract c, BoundContract.Window w) {
    TreeSet<String> signed = new TreeSet<>();
    for (String signer : c.signers()) {
      if (random.nextInt(5) != 0) {
        signed.add(signer);
      }
    }
    TreeSet<Integer> verified = new TreeSet<>();
    for (int i = 0; i < c.installments(); i++) {
      if (random.nextInt(3) != 0) {
        verified.add(i);
      }
    }
    TreeMap<String, Long> meta = new TreeMap<>();
    for (String key :
        List.of(
            "money_amount",
            "patent_value",
            "book_value",
            "market_value",
            "information_collection")) {
      if (random.nextInt(4) != 0) {
        meta.put(key, random.nextLong(0, 2_000_000));
      }
    }
    long span = w.endSeconds() - w.startSeconds();
    long time = w.startSeconds() - span / 4 + random.nextLong(0, span + span / 2 + 1);
    return new Facts(signed, verified, meta, random.nextLong(0, 1_000_000), Math.max(0, time));
  }
}
