package org.alliancechain.contracts.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.alliancechain.contracts.ContractLimits;
import org.alliancechain.contracts.interp.ContractState;
import org.alliancechain.contracts.interp.ContractStatus;
import org.alliancechain.contracts.interp.Effect;
import org.alliancechain.contracts.interp.Execution;
import org.alliancechain.contracts.interp.Facts;
import org.alliancechain.contracts.interp.Interpreter;
import org.alliancechain.contracts.lang.BoundContract;
import org.alliancechain.contracts.lang.ContractParser;
import org.alliancechain.contracts.lang.ContractPrinter;
import org.alliancechain.contracts.lang.ContractValidator;
import org.alliancechain.contracts.model.AddressRule;
import org.alliancechain.contracts.sharing.Outcome.Reason;
import org.alliancechain.contracts.sharing.SharingCase.Phase;
import org.junit.jupiter.api.Test;

class SharingLifecycleTest {
  private static final SharingLifecycle.DraftTerms TERMS =
      new SharingLifecycle.DraftTerms(1_000, 2_000, 1, 10, 30, false);

  private static Request cooperativeRequest() {
    return new Request(
        "req-1",
        AllianceMode.COOPERATIVE,
        "ac1r",
        "Receiver",
        ResourceType.DATA,
        "sales data 2025",
        1,
        List.of(),
        900,
        500,
        Optional.empty());
  }

  private static Offer offer(String id, String provider, String name) {
    return new Offer(id, "req-1", provider, name, "we have it", "profile", 300);
  }

  private static Reason reason(Outcome<?> outcome) {
    return ((Outcome.Rejected<?>) outcome).reason();
  }

  @Test
  void cooperativeRequestToSeveralProvidersEndsInSplitTokenPayments() {
    // SPEC M-5, M-11, M-13: one request, two providers with shares 2:1, standardized contract
    SharingCase c = SharingLifecycle.open(cooperativeRequest(), 100).orElseThrow();
    c = SharingLifecycle.offer(c, offer("o-1", "ac1p1", "Provider_1"), 200).orElseThrow();
    c = SharingLifecycle.offer(c, offer("o-2", "ac1p2", "Provider_2"), 210).orElseThrow();
    c = SharingLifecycle.offer(c, offer("o-3", "ac1p3", "Provider_3"), 220).orElseThrow();
    c = SharingLifecycle.reject(c, "ac1r", List.of("o-3")).orElseThrow();
    c =
        SharingLifecycle.accept(
                c,
                "ac1r",
                new Acceptance(
                    "req-1",
                    List.of(new Acceptance.Accepted("o-1", 2), new Acceptance.Accepted("o-2", 1))))
            .orElseThrow();
    assertThat(c.phase()).isEqualTo(Phase.ACCEPTED);
    SharingLifecycle.Drafted drafted =
        SharingLifecycle.draft(c, "ct-1", TERMS, id -> false, AddressRule.DEFAULT).orElseThrow();
    assertThat(drafted.sharingCase().phase()).isEqualTo(Phase.CONTRACT_DRAFTED);
    assertThat(drafted.sharingCase().contractId()).contains("ct-1");
    // the drafted document validates and round-trips
    assertThat(ContractParser.parse(ContractPrinter.print(drafted.contract())))
        .isEqualTo(drafted.contract());
    BoundContract bound = ContractValidator.check(drafted.contract()).bound().orElseThrow();
    // the document and bound form handed out with the draft are what the chain would parse
    assertThat(drafted.document()).isEqualTo(ContractPrinter.print(drafted.contract()));
    assertThat(ContractParser.parseBound(drafted.document(), AddressRule.DEFAULT))
        .isEqualTo(drafted.bound())
        .isEqualTo(bound);
    Facts facts =
        new Facts(
            new TreeSet<>(Set.of("ac1p1", "ac1p2", "ac1r")),
            new TreeSet<>(Set.of(0)),
            new TreeMap<>(),
            40,
            1_500);
    Execution run =
        Interpreter.step(
            bound, ContractStatus.drafted(), facts, ContractLimits.INTERPRETER_STEPS_DEFAULT);
    // 900 tokens split 2:1 -> 600 and 300
    assertThat(run.effects())
        .containsExactly(
            new Effect.TokenPayment("ac1p1", 600), new Effect.TokenPayment("ac1p2", 300));
    SharingCase done =
        SharingLifecycle.onContractState(drafted.sharingCase(), run.status().state()).orElseThrow();
    assertThat(done.phase()).isEqualTo(Phase.FULFILLED);
  }

  @Test
  void competitiveRequestDraftsADiversifiedContractThatEscalatesOnMissingMetadata() {
    // SPEC M-14: trusted single provider, quality rules, committee escalation
    Request request =
        new Request(
            "req-1",
            AllianceMode.COMPETITIVE,
            "ac1r",
            "Receiver",
            ResourceType.KNOWLEDGE,
            "patent portfolio",
            1,
            List.of(new QualityRequirement("patent_value", 1_000)),
            500,
            500,
            Optional.of(BroadcastOption.PRIVATE));
    SharingCase c = SharingLifecycle.open(request, 0).orElseThrow();
    c = SharingLifecycle.offer(c, offer("o-1", "ac1p1", "Provider"), 1).orElseThrow();
    c = SharingLifecycle.offer(c, offer("o-2", "ac1p2", "Other"), 1).orElseThrow();
    assertThat(
            reason(
                SharingLifecycle.accept(
                    c,
                    "ac1r",
                    new Acceptance(
                        "req-1",
                        List.of(
                            new Acceptance.Accepted("o-1", 1),
                            new Acceptance.Accepted("o-2", 1))))))
        .isEqualTo(Reason.COMPETITIVE_SINGLE_PROVIDER);
    c =
        SharingLifecycle.accept(
                c, "ac1r", new Acceptance("req-1", List.of(new Acceptance.Accepted("o-1", 1))))
            .orElseThrow();
    SharingLifecycle.Drafted drafted =
        SharingLifecycle.draft(c, "ct-2", TERMS, id -> false, AddressRule.DEFAULT).orElseThrow();
    assertThat(drafted.contract().ruleConditions()).hasSize(2);
    assertThat(drafted.contract().bonusPayment()).isPresent();
    BoundContract bound = ContractValidator.check(drafted.contract()).bound().orElseThrow();
    assertThat(ContractParser.parseBound(drafted.document(), AddressRule.DEFAULT))
        .isEqualTo(drafted.bound())
        .isEqualTo(bound);
    Facts noMetadata =
        new Facts(
            new TreeSet<>(Set.of("ac1p1", "ac1r")),
            new TreeSet<>(Set.of(0)),
            new TreeMap<>(),
            9,
            1_200);
    Execution run = Interpreter.step(bound, ContractStatus.drafted(), noMetadata, 1_000);
    assertThat(run.status().state()).isEqualTo(ContractState.ESCALATED);
    assertThat(
            SharingLifecycle.onContractState(drafted.sharingCase(), run.status().state())
                .orElseThrow()
                .phase())
        .isEqualTo(Phase.ESCALATED);
    Facts good =
        new Facts(
            noMetadata.signed(),
            noMetadata.verifiedPeriods(),
            new TreeMap<>(Map.of("patent_value", 5_000L)),
            9,
            1_200);
    assertThat(Interpreter.step(bound, ContractStatus.drafted(), good, 1_000).effects())
        .containsExactly(
            new Effect.BonusPayment("ac1p1", 30), new Effect.TokenPayment("ac1p1", 500));
  }

  @Test
  void aSecondContractWithAnExistingIdIsRejected() {
    SharingCase c = SharingLifecycle.open(cooperativeRequest(), 0).orElseThrow();
    c = SharingLifecycle.offer(c, offer("o-1", "ac1p1", "Provider_1"), 1).orElseThrow();
    c =
        SharingLifecycle.accept(
                c, "ac1r", new Acceptance("req-1", List.of(new Acceptance.Accepted("o-1", 1))))
            .orElseThrow();
    Outcome<SharingLifecycle.Drafted> outcome =
        SharingLifecycle.draft(c, "ct-1", TERMS, Set.of("ct-1")::contains, AddressRule.DEFAULT);
    assertThat(reason(outcome)).isEqualTo(Reason.DUPLICATE_CONTRACT_ID);
  }

  @Test
  void monetaryRequestsEscrowTheirQuantity() {
    // SPEC M-17
    Request money =
        new Request(
            "req-1",
            AllianceMode.COOPERATIVE,
            "ac1r",
            "Startup",
            ResourceType.MONEY,
            "bridge loan",
            250_000,
            List.of(),
            100,
            500,
            Optional.empty());
    SharingCase c = SharingLifecycle.open(money, 0).orElseThrow();
    c = SharingLifecycle.offer(c, offer("o-1", "ac1bank", "Bank"), 1).orElseThrow();
    c =
        SharingLifecycle.accept(
                c, "ac1r", new Acceptance("req-1", List.of(new Acceptance.Accepted("o-1", 1))))
            .orElseThrow();
    var contract =
        SharingLifecycle.draft(c, "m-1", TERMS, id -> false, AddressRule.DEFAULT)
            .orElseThrow()
            .contract();
    assertThat(contract.attributes().monetary()).isTrue();
    assertThat(ContractValidator.check(contract).bound().orElseThrow().escrowAmount())
        .isEqualTo(250_000);
  }

  @Test
  void refusesStepsOutOfTurnOrByTheWrongMember() {
    SharingCase c = SharingLifecycle.open(cooperativeRequest(), 0).orElseThrow();
    assertThat(reason(SharingLifecycle.open(cooperativeRequest(), 500)))
        .isEqualTo(Reason.DEADLINE_PASSED);
    assertThat(reason(SharingLifecycle.offer(c, offer("o-1", "ac1r", "Me"), 1)))
        .isEqualTo(Reason.SELF_OFFER);
    assertThat(reason(SharingLifecycle.offer(c, offer("o-1", "ac1p1", "P"), 501)))
        .isEqualTo(Reason.DEADLINE_PASSED);
    c = SharingLifecycle.offer(c, offer("o-1", "ac1p1", "P"), 1).orElseThrow();
    assertThat(reason(SharingLifecycle.offer(c, offer("o-9", "ac1p1", "P"), 2)))
        .isEqualTo(Reason.DUPLICATE_OFFER);
    Acceptance one = new Acceptance("req-1", List.of(new Acceptance.Accepted("o-1", 1)));
    assertThat(reason(SharingLifecycle.accept(c, "ac1p1", one))).isEqualTo(Reason.NOT_REQUESTER);
    assertThat(reason(SharingLifecycle.draft(c, "x", TERMS, id -> false, AddressRule.DEFAULT)))
        .isEqualTo(Reason.WRONG_PHASE);
    SharingCase rejected = SharingLifecycle.reject(c, "ac1r", List.of("o-1")).orElseThrow();
    assertThat(reason(SharingLifecycle.accept(rejected, "ac1r", one)))
        .isEqualTo(Reason.OFFER_REJECTED);
    assertThat(SharingLifecycle.expire(c, 501).orElseThrow().phase()).isEqualTo(Phase.EXPIRED);
    assertThat(reason(SharingLifecycle.expire(c, 500))).isEqualTo(Reason.WRONG_PHASE);
    Request noBroadcast =
        new Request(
            "r",
            AllianceMode.COMPETITIVE,
            "a",
            "A",
            ResourceType.DATA,
            "d",
            1,
            List.of(),
            1,
            10,
            Optional.empty());
    assertThat(reason(SharingLifecycle.open(noBroadcast, 0))).isEqualTo(Reason.INVALID_REQUEST);
  }

  @Test
  void draftingWithAnInvalidPartyNameIsRefusedNotThrown() {
    SharingCase c = SharingLifecycle.open(cooperativeRequest(), 0).orElseThrow();
    c = SharingLifecycle.offer(c, offer("o-1", "ac1p1", "Bad (name)"), 1).orElseThrow();
    c =
        SharingLifecycle.accept(
                c, "ac1r", new Acceptance("req-1", List.of(new Acceptance.Accepted("o-1", 1))))
            .orElseThrow();
    assertThat(reason(SharingLifecycle.draft(c, "ct-1", TERMS, id -> false, AddressRule.DEFAULT)))
        .isEqualTo(Reason.INVALID_CONTRACT);
  }
}
