package org.alliancechain.token.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.alliancechain.contracts.sharing.Acceptance;
import org.alliancechain.contracts.sharing.BroadcastOption;
import org.alliancechain.contracts.sharing.Offer;
import org.alliancechain.contracts.sharing.QualityRequirement;
import org.alliancechain.contracts.sharing.Request;
import org.alliancechain.contracts.sharing.ResourceType;
import org.alliancechain.contracts.sharing.SharingLifecycle.DraftTerms;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.app.BlockContext;
import org.alliancechain.core.app.TxOutcome;
import org.alliancechain.core.block.BlockHeader;
import org.alliancechain.core.crypto.KeyPair;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.core.hash.Hash;
import org.alliancechain.core.tx.Transaction;
import org.alliancechain.token.AllianceMode;
import org.alliancechain.token.TokenApplication;
import org.alliancechain.token.TokenQueries;
import org.alliancechain.token.committee.CommitteeCase;
import org.alliancechain.token.genesis.Genesis;
import org.alliancechain.token.genesis.GenesisSpec;
import org.alliancechain.token.state.BufferedState;
import org.alliancechain.token.state.Parameters;
import org.alliancechain.token.state.Role;
import org.alliancechain.token.tx.TokenTx;
import org.alliancechain.token.tx.TxCodec;
import org.junit.jupiter.api.Test;

/**
 * The whole sharing workflow through the contracts module's lifecycle and interpreter (SPEC M-5,
 * M-11, M-12, M-15 to M-20, M-24): request, offers, acceptance, signatures, transfer receipt, and
 * the tokens the TCA issues for it.
 */
class ContractsEngineTest {
  private static final String CHAIN = "engine-test";

  /** A small driver (the token package's harness is package-private). */
  private static final class Node {
    final org.alliancechain.token.MemoryStateForEngine state =
        new org.alliancechain.token.MemoryStateForEngine();
    final ContractsEngine engine;
    final TokenApplication app;
    final KeyPair[] keys = new KeyPair[4];
    final Map<PublicKey, Long> nonces = new TreeMap<>();
    final AllianceMode mode;
    long height;

    Node(AllianceMode mode) {
      this(mode, new ContractsEngine());
    }

    Node(AllianceMode mode, ContractsEngine engine) {
      this.mode = mode;
      this.engine = engine;
      this.app = new TokenApplication(engine);
      List<GenesisSpec.MemberSpec> members = new java.util.ArrayList<>();
      for (int i = 0; i < keys.length; i++) {
        byte[] seed = new byte[32];
        seed[0] = (byte) (i + 1);
        seed[5] = 42;
        keys[i] = KeyPair.fromSeed(seed);
        members.add(
            new GenesisSpec.MemberSpec(
                keys[i].publicKey(), "corp-" + i, java.util.Set.of(Role.CORPORATION), 100, 1000));
      }
      byte[] gw = new byte[32];
      gw[0] = 99;
      Genesis.init(
          new GenesisSpec(
              mode,
              members,
              KeyPair.fromSeed(gw).publicKey(),
              0,
              List.of(),
              List.of(keys[0].publicKey()),
              Parameters.defaults()),
          state);
    }

    String addr(int i) {
      return org.alliancechain.core.crypto.Address.of(keys[i].publicKey()).toText();
    }

    TokenQueries q() {
      return new TokenQueries(state);
    }

    long nowSeconds() {
      return height;
    }

    TxOutcome run(int sender, Lifecycle body) {
      return run(sender, body.kind().code(), Lifecycle.encode(TestSealing.forMode(mode, body)));
    }

    TxOutcome run(int sender, TokenTx body) {
      return run(sender, body.kind().code(), TxCodec.encode(body));
    }

    TxOutcome run(int sender, int kind, Bytes payload) {
      long nonce = nonces.merge(keys[sender].publicKey(), 1L, Long::sum);
      Transaction tx = Transaction.sign(keys[sender], CHAIN, nonce, kind, payload);
      height++;
      BlockContext ctx =
          new BlockContext(
              new BlockHeader(
                  CHAIN,
                  height,
                  0,
                  Hash.ZERO,
                  Hash.ZERO,
                  1,
                  height - 1,
                  Hash.ZERO,
                  Hash.ZERO,
                  keys[0].publicKey(),
                  height * 1000));
      BufferedState overlay = new BufferedState(state);
      TxOutcome out = app.execute(ctx, tx, overlay);
      if (out.success()) {
        overlay.flushTo(state);
      }
      app.endBlock(ctx, state);
      return out;
    }

    long tokens(int i) {
      return q().account(keys[i].publicKey()).tokens();
    }

    long money(int i) {
      return q().account(keys[i].publicKey()).money();
    }
  }

  private static Request request(
      Node n,
      String id,
      AllianceMode mode,
      ResourceType type,
      long quantity,
      long reward,
      List<QualityRequirement> quality) {
    return new Request(
        id,
        org.alliancechain.contracts.sharing.AllianceMode.valueOf(mode.name()),
        n.addr(0),
        "corp-0",
        type,
        "need data",
        quantity,
        quality,
        reward,
        n.nowSeconds() + 1000,
        mode == AllianceMode.COMPETITIVE
            ? Optional.of(BroadcastOption.ALLIANCE_WIDE)
            : Optional.empty());
  }

  private static void ok(TxOutcome out) {
    assertThat(out.success()).as(out.code() + ": " + out.detail()).isTrue();
  }

  private static DraftTerms terms(Node n, int installments, long bonus) {
    return new DraftTerms(n.nowSeconds(), n.nowSeconds() + 500, installments, 10, bonus, false);
  }

  @Test
  void cooperativeRequestWithTwoProvidersPaysEachItsShare() {
    Node n = new Node(AllianceMode.COOPERATIVE);
    ok(
        n.run(
            0,
            new Lifecycle.SubmitRequest(
                request(n, "r1", AllianceMode.COOPERATIVE, ResourceType.DATA, 1, 100, List.of()))));
    ok(
        n.run(
            1,
            new Lifecycle.SubmitOffer(
                new Offer("o1", "r1", n.addr(1), "corp-1", "dataset", "p", 50))));
    ok(
        n.run(
            2,
            new Lifecycle.SubmitOffer(
                new Offer("o2", "r1", n.addr(2), "corp-2", "dataset", "p", 50))));
    ok(
        n.run(
            0,
            new Lifecycle.AcceptOffers(
                new Acceptance(
                    "r1",
                    List.of(new Acceptance.Accepted("o1", 1), new Acceptance.Accepted("o2", 1))),
                "c1",
                terms(n, 1, 0))));
    assertThat(n.q().contract("c1")).isPresent();
    ok(n.run(1, new Lifecycle.Sign("c1")));
    ok(n.run(2, new Lifecycle.Sign("c1")));
    assertThat(n.run(3, new Lifecycle.Sign("c1")).code()).isEqualTo("not_a_party");
    ok(n.run(0, new Lifecycle.Sign("c1")));
    assertThat(n.tokens(1)).isEqualTo(100);
    ok(n.run(0, new Lifecycle.AckTransfer("c1", 0, new TreeMap<>())));
    // M-19: reward 100 split equally; issued by the TCA at the end of that block
    assertThat(n.tokens(1)).isEqualTo(150);
    assertThat(n.tokens(2)).isEqualTo(150);
    assertThat(n.q().contract("c1").orElseThrow().executed()).isTrue();
    assertThat(n.q().account(n.keys[1].publicKey()).contributions()).isEqualTo(1);
  }

  @Test
  void cooperativeRequestsMustOfferTheRewardStandard() {
    Node n = new Node(AllianceMode.COOPERATIVE);
    TxOutcome out =
        n.run(
            0,
            new Lifecycle.SubmitRequest(
                request(n, "r1", AllianceMode.COOPERATIVE, ResourceType.DATA, 1, 99, List.of())));
    assertThat(out.code()).isEqualTo("nonstandard_reward");
  }

  private static void competitiveContract(
      Node n, String req, String cid, int provider, long reward) {
    ok(
        n.run(
            0,
            new Lifecycle.SubmitRequest(
                request(
                    n,
                    req,
                    AllianceMode.COMPETITIVE,
                    ResourceType.KNOWLEDGE,
                    1,
                    reward,
                    List.of(new QualityRequirement("patent_value", 1000))))));
    ok(
        n.run(
            provider,
            new Lifecycle.SubmitOffer(
                new Offer("o-" + req, req, n.addr(provider), "corp", "patent", "p", reward))));
    ok(
        n.run(
            0,
            new Lifecycle.AcceptOffers(
                new Acceptance(req, List.of(new Acceptance.Accepted("o-" + req, 1))),
                cid,
                terms(n, 1, 20))));
    ok(n.run(provider, new Lifecycle.Sign(cid)));
    ok(n.run(0, new Lifecycle.Sign(cid)));
  }

  @Test
  void competitiveQualityRuleThatHoldsPaysRewardAndBonus() {
    // M-14, M-20: patent_value 5000 > 1000: reward 200 and bonus 20
    Node n = new Node(AllianceMode.COMPETITIVE);
    competitiveContract(n, "r1", "c1", 1, 200);
    TreeMap<String, Long> metadata = new TreeMap<>(Map.of("patent_value", 5000L));
    ok(n.run(0, new Lifecycle.AckTransfer("c1", 0, metadata)));
    assertThat(n.tokens(1)).isEqualTo(100 + 200 + 20);
  }

  @Test
  void missingMetadataGoesToTheCommitteeAndItsDecisionBecomesAPrecedent() {
    // M-20, M-24: the interpreter cannot judge patent_value without metadata
    Node n = new Node(AllianceMode.COMPETITIVE);
    competitiveContract(n, "r1", "c1", 1, 200);
    ok(n.run(0, new Lifecycle.AckTransfer("c1", 0, new TreeMap<>())));
    assertThat(n.tokens(1)).isEqualTo(100);
    CommitteeCase c = n.q().committeeCase(1).orElseThrow();
    assertThat(c.kind()).isEqualTo(CommitteeCase.Kind.UNDECIDABLE_QUALITY);
    assertThat(c.precedentKind()).isEqualTo("MISSING_METADATA:patent_value");
    for (int m = 0; m < 3; m++) {
      ok(n.run(m, new TokenTx.CaseVote(1, 500)));
    }
    assertThat(n.tokens(1)).isEqualTo(100 + 100);
    // the same situation for another provider: decided by the precedent, no new case
    competitiveContract(n, "r2", "c2", 2, 300);
    ok(n.run(0, new Lifecycle.AckTransfer("c2", 0, new TreeMap<>())));
    assertThat(n.q().committeeCase(2)).isEmpty();
    assertThat(n.tokens(2)).isEqualTo(100 + 150);
  }

  @Test
  void monetarySharingMovesTheProvidersMoneyThroughEscrowToTheReceiver() {
    // M-17
    Node n = new Node(AllianceMode.COOPERATIVE);
    ok(
        n.run(
            0,
            new Lifecycle.SubmitRequest(
                request(
                    n, "r1", AllianceMode.COOPERATIVE, ResourceType.MONEY, 400, 100, List.of()))));
    ok(
        n.run(
            1,
            new Lifecycle.SubmitOffer(
                new Offer("o1", "r1", n.addr(1), "corp-1", "cash", "p", 100))));
    ok(
        n.run(
            0,
            new Lifecycle.AcceptOffers(
                new Acceptance("r1", List.of(new Acceptance.Accepted("o1", 1))),
                "m1",
                terms(n, 1, 0))));
    ok(n.run(1, new Lifecycle.Sign("m1")));
    assertThat(n.money(1)).isEqualTo(600);
    assertThat(n.q().escrowed("m1")).isEqualTo(400);
    ok(n.run(0, new Lifecycle.Sign("m1")));
    assertThat(n.money(0)).isEqualTo(1400);
    assertThat(n.q().escrowed("m1")).isZero();
    assertThat(n.tokens(1)).isEqualTo(200);
  }

  private static void draft(Node n, String suffix) {
    ok(
        n.run(
            0,
            new Lifecycle.SubmitRequest(
                request(
                    n,
                    "r" + suffix,
                    AllianceMode.COOPERATIVE,
                    ResourceType.DATA,
                    1,
                    100,
                    List.of()))));
    ok(
        n.run(
            1,
            new Lifecycle.SubmitOffer(
                new Offer("o" + suffix, "r" + suffix, n.addr(1), "corp-1", "d", "p", 100))));
    ok(
        n.run(
            0,
            new Lifecycle.AcceptOffers(
                new Acceptance("r" + suffix, List.of(new Acceptance.Accepted("o" + suffix, 1))),
                "c" + suffix,
                terms(n, 1, 0))));
  }

  // docs/benchmarks.md, session 9: with more live contracts than the cache of parsed ones holds,
  // least-recently-used eviction made every block's end parse every live contract again.
  @Test
  void moreLiveContractsThanTheCacheHoldsAreNotAllParsedAgainEveryBlock() {
    Node n = new Node(AllianceMode.COOPERATIVE, new ContractsEngine(2));
    for (int i = 1; i <= 3; i++) {
      draft(n, Integer.toString(i));
    }
    assertThat(n.q().contract("c3")).isPresent();
    for (int block = 0; block < 3; block++) {
      long before = n.engine.documentsParsed();
      // a transaction that touches no contract: only the block's end steps the three live ones
      assertThat(n.run(3, new Lifecycle.Sign("c9")).success()).isFalse();
      assertThat(n.engine.documentsParsed() - before)
          .as("parses at the end of block %d", block)
          .isEqualTo(1);
    }
    Node roomy = new Node(AllianceMode.COOPERATIVE, new ContractsEngine(3));
    for (int i = 1; i <= 3; i++) {
      draft(roomy, Integer.toString(i));
    }
    long before = roomy.engine.documentsParsed();
    roomy.run(3, new Lifecycle.Sign("c9"));
    assertThat(roomy.engine.documentsParsed() - before).isZero();
  }

  @Test
  void cancellingASignedContractCostsTheFeeInTokensAndIsCounted() {
    Node n = new Node(AllianceMode.COOPERATIVE);
    ok(
        n.run(
            0,
            new Lifecycle.SubmitRequest(
                request(n, "r1", AllianceMode.COOPERATIVE, ResourceType.DATA, 1, 100, List.of()))));
    ok(
        n.run(
            1,
            new Lifecycle.SubmitOffer(new Offer("o1", "r1", n.addr(1), "corp-1", "d", "p", 100))));
    ok(
        n.run(
            0,
            new Lifecycle.AcceptOffers(
                new Acceptance("r1", List.of(new Acceptance.Accepted("o1", 1))),
                "c1",
                terms(n, 1, 0))));
    ok(n.run(1, new Lifecycle.Sign("c1")));
    ok(n.run(0, new Lifecycle.Sign("c1")));
    ok(n.run(0, new Lifecycle.Cancel("c1")));
    // fee 10 tokens from the canceller (receiver) to the provider
    assertThat(n.tokens(0)).isEqualTo(90);
    assertThat(n.tokens(1)).isEqualTo(110);
    assertThat(n.q().contract("c1").orElseThrow().cancelled()).isTrue();
    assertThat(n.run(0, new Lifecycle.Cancel("c1")).code()).isEqualTo("already_terminal");
  }

  @Test
  void installmentsArePaidAsEachPeriodIsVerified() {
    // M-16: three installments over the window, each after its period's receipt
    Node n = new Node(AllianceMode.COOPERATIVE);
    ok(
        n.run(
            0,
            new Lifecycle.SubmitRequest(
                request(n, "r1", AllianceMode.COOPERATIVE, ResourceType.DATA, 1, 100, List.of()))));
    ok(
        n.run(
            1,
            new Lifecycle.SubmitOffer(new Offer("o1", "r1", n.addr(1), "corp-1", "d", "p", 100))));
    ok(
        n.run(
            0,
            new Lifecycle.AcceptOffers(
                new Acceptance("r1", List.of(new Acceptance.Accepted("o1", 1))),
                "c1",
                new DraftTerms(n.nowSeconds(), n.nowSeconds() + 8, 3, 0, 0, false))));
    ok(n.run(1, new Lifecycle.Sign("c1")));
    ok(n.run(0, new Lifecycle.Sign("c1")));
    ok(n.run(0, new Lifecycle.AckTransfer("c1", 0, new TreeMap<>())));
    long afterFirst = n.tokens(1);
    assertThat(afterFirst).isGreaterThan(100).isLessThan(200);
    ok(n.run(0, new Lifecycle.AckTransfer("c1", 1, new TreeMap<>())));
    ok(n.run(0, new Lifecycle.AckTransfer("c1", 2, new TreeMap<>())));
    for (int i = 0; i < 6; i++) {
      n.run(3, new TokenTx.Withdraw(1)); // let block time pass the last period's start
    }
    assertThat(n.tokens(1)).isEqualTo(200);
    assertThat(n.q().account(n.keys[1].publicKey()).contributions()).isEqualTo(1);
  }

  @Test
  void rejectedOffersCannotBeAcceptedAndAWithdrawnRequestTakesNoOffers() {
    // M-11: the receiver accepts one or more offers, or rejects them
    Node n = new Node(AllianceMode.COOPERATIVE);
    ok(
        n.run(
            0,
            new Lifecycle.SubmitRequest(
                request(n, "r1", AllianceMode.COOPERATIVE, ResourceType.DATA, 1, 100, List.of()))));
    ok(
        n.run(
            1,
            new Lifecycle.SubmitOffer(new Offer("o1", "r1", n.addr(1), "corp-1", "d", "p", 100))));
    assertThat(n.run(1, new Lifecycle.RejectOffers("r1", List.of("o1"))).code())
        .isEqualTo("not_requester");
    ok(n.run(0, new Lifecycle.RejectOffers("r1", List.of("o1"))));
    TxOutcome accept =
        n.run(
            0,
            new Lifecycle.AcceptOffers(
                new Acceptance("r1", List.of(new Acceptance.Accepted("o1", 1))),
                "c1",
                terms(n, 1, 0)));
    assertThat(accept.code()).isEqualTo("offer_rejected");
    ok(n.run(0, new Lifecycle.WithdrawRequest("r1")));
    assertThat(
            n.run(
                    2,
                    new Lifecycle.SubmitOffer(
                        new Offer("o2", "r1", n.addr(2), "corp-2", "d", "p", 100)))
                .code())
        .isEqualTo("wrong_phase");
  }

  @Test
  void termsTheTemplatesRefuseDraftNoContract() {
    Node n = new Node(AllianceMode.COOPERATIVE);
    ok(
        n.run(
            0,
            new Lifecycle.SubmitRequest(
                request(n, "r1", AllianceMode.COOPERATIVE, ResourceType.DATA, 1, 100, List.of()))));
    ok(
        n.run(
            1,
            new Lifecycle.SubmitOffer(new Offer("o1", "r1", n.addr(1), "corp-1", "d", "p", 100))));
    TxOutcome out =
        n.run(
            0,
            new Lifecycle.AcceptOffers(
                new Acceptance("r1", List.of(new Acceptance.Accepted("o1", 1))),
                "c1",
                new DraftTerms(n.nowSeconds() + 50, n.nowSeconds(), 0, 0, 0, false)));
    assertThat(out.code()).isEqualTo("invalid_contract");
    assertThat(n.q().contract("c1")).isEmpty();
  }

  /** Request r1 by 0, offer o1 by 1, contract c1 with two installments; not yet signed. */
  private static void oneProviderDraft(Node n, boolean changeable) {
    ok(
        n.run(
            0,
            new Lifecycle.SubmitRequest(
                request(n, "r1", AllianceMode.COOPERATIVE, ResourceType.DATA, 1, 100, List.of()))));
    ok(
        n.run(
            1,
            new Lifecycle.SubmitOffer(new Offer("o1", "r1", n.addr(1), "corp-1", "d", "p", 100))));
    ok(
        n.run(
            0,
            new Lifecycle.AcceptOffers(
                new Acceptance("r1", List.of(new Acceptance.Accepted("o1", 1))),
                "c1",
                new DraftTerms(n.nowSeconds(), n.nowSeconds() + 500, 2, 10, 0, changeable))));
  }

  /** Competitive request r1 by 0 (patent_value >= 1000), offer by 1, diversified contract c1. */
  private static void competitiveDraft(Node n, boolean changeable) {
    ok(
        n.run(
            0,
            new Lifecycle.SubmitRequest(
                request(
                    n,
                    "r1",
                    AllianceMode.COMPETITIVE,
                    ResourceType.KNOWLEDGE,
                    1,
                    200,
                    List.of(new QualityRequirement("patent_value", 1000))))));
    ok(
        n.run(
            1,
            new Lifecycle.SubmitOffer(
                new Offer("o1", "r1", n.addr(1), "corp", "patent", "p", 200))));
    ok(
        n.run(
            0,
            new Lifecycle.AcceptOffers(
                new Acceptance("r1", List.of(new Acceptance.Accepted("o1", 1))),
                "c1",
                new DraftTerms(n.nowSeconds(), n.nowSeconds() + 500, 1, 10, 20, changeable))));
  }

  private static Lifecycle.BindResource bind(int period, boolean encrypted) {
    return new Lifecycle.BindResource(
        "c1", period, org.alliancechain.core.hash.Sha256.hash(new byte[] {7}), 1, encrypted);
  }

  @Test
  void onlyAProviderBindsAResourceHashToAnInstallmentUntilTheReceiverAcknowledgesIt() {
    // SPEC M-18: the hash goes on chain; the receiver's node checks the bytes against it
    Node n = new Node(AllianceMode.COOPERATIVE);
    oneProviderDraft(n, false);
    ok(n.run(1, new Lifecycle.Sign("c1")));
    ok(n.run(0, new Lifecycle.Sign("c1")));
    assertThat(n.run(0, bind(0, false)).code()).isEqualTo("not_provider");
    assertThat(n.run(3, bind(0, false)).code()).isEqualTo("not_provider");
    assertThat(n.run(1, bind(2, false)).code()).isEqualTo("bad_period");
    assertThat(n.run(1, new Lifecycle.BindResource("c1", 0, Hash.ZERO, 0, false)).code())
        .isEqualTo("bad_size");
    ok(n.run(1, bind(0, false)));
    ResourceRecord r = ContractsEngine.resource(n.state, "c1", 0).orElseThrow();
    assertThat(r.provider()).isEqualTo(n.addr(1));
    assertThat(r.hash()).isEqualTo(org.alliancechain.core.hash.Sha256.hash(new byte[] {7}));
    assertThat(ContractsEngine.resources(n.state, "c1")).containsExactly(r);
    ok(n.run(0, new Lifecycle.AckTransfer("c1", 0, new TreeMap<>())));
    assertThat(n.run(1, bind(0, false)).code()).isEqualTo("already_acknowledged");
    ok(n.run(1, bind(1, false)));
    assertThat(ContractsEngine.resources(n.state, "c1")).hasSize(2);
  }

  @Test
  void competitiveResourcesMustBeBoundAsEncrypted() {
    // SPEC M-18: competitive resources are encrypted to the receiver's key
    Node n = new Node(AllianceMode.COMPETITIVE);
    competitiveContract(n, "r1", "c1", 1, 200);
    assertThat(n.run(1, bind(0, false)).code()).isEqualTo("must_encrypt");
    ok(n.run(1, bind(0, true)));
    assertThat(ContractsEngine.resource(n.state, "c1", 0).orElseThrow().encrypted()).isTrue();
  }

  private static String withFee(Node n, long fee) {
    String doc = ContractsEngine.document(n.state, "c1").orElseThrow();
    String before = "<param name=\"fee_amount\" value=\"10\"/>";
    assertThat(doc).contains(before);
    return doc.replace(before, "<param name=\"fee_amount\" value=\"" + fee + "\"/>");
  }

  private static Hash sha(String text) {
    return org.alliancechain.core.hash.Sha256.hash(
        text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void aSignedUnchangeableContractCanNeverBeAmended() {
    // SPEC M-15: changeable="false" contracts cannot be amended after signing
    Node n = new Node(AllianceMode.COOPERATIVE);
    oneProviderDraft(n, false);
    ok(n.run(1, new Lifecycle.Sign("c1")));
    ok(n.run(0, new Lifecycle.Sign("c1")));
    assertThat(n.run(0, new Lifecycle.ProposeAmendment("c1", withFee(n, 30))).code())
        .isEqualTo("not_changeable");
    assertThat(ContractsEngine.pendingAmendment(n.state, "c1")).isEmpty();
  }

  @Test
  void aChangeableContractIsAmendedOnlyOnceEveryPartySignedTheAmendment() {
    // SPEC M-15: changeable="true" contracts change only by an amendment every party signed
    Node n = new Node(AllianceMode.COMPETITIVE);
    competitiveDraft(n, true);
    ok(n.run(1, new Lifecycle.Sign("c1")));
    ok(n.run(0, new Lifecycle.Sign("c1")));
    String original = ContractsEngine.document(n.state, "c1").orElseThrow();
    String amended = withFee(n, 30);
    assertThat(n.run(3, new Lifecycle.ProposeAmendment("c1", amended)).code())
        .isEqualTo("not_a_party");
    ok(n.run(0, new Lifecycle.ProposeAmendment("c1", amended)));
    // one signature of two: the contract is unchanged
    assertThat(ContractsEngine.document(n.state, "c1")).contains(original);
    assertThat(ContractsEngine.pendingAmendment(n.state, "c1").orElseThrow().approvals())
        .containsExactly(n.addr(0));
    assertThat(n.run(1, new Lifecycle.ApproveAmendment("c1", sha(original))).code())
        .isEqualTo("amendment_changed");
    assertThat(n.run(3, new Lifecycle.ApproveAmendment("c1", sha(amended))).code())
        .isEqualTo("not_a_party");
    assertThat(n.run(0, new Lifecycle.ApproveAmendment("c1", sha(amended))).code())
        .isEqualTo("already_approved");
    ok(n.run(1, new Lifecycle.ApproveAmendment("c1", sha(amended))));
    assertThat(ContractsEngine.document(n.state, "c1")).contains(amended);
    assertThat(ContractsEngine.pendingAmendment(n.state, "c1")).isEmpty();
    // the amended contract keeps its progress and still pays on receipt
    ok(n.run(0, new Lifecycle.AckTransfer("c1", 0, new TreeMap<>(Map.of("patent_value", 5000L)))));
    assertThat(n.tokens(1)).isEqualTo(100 + 200 + 20);
  }

  @Test
  void anAmendmentCannotChangeWhoSharesOrTheReward() {
    Node n = new Node(AllianceMode.COMPETITIVE);
    competitiveDraft(n, true);
    String doc = ContractsEngine.document(n.state, "c1").orElseThrow();
    String otherProvider = doc.replace(n.addr(1), n.addr(2));
    assertThat(otherProvider).isNotEqualTo(doc);
    assertThat(n.run(0, new Lifecycle.ProposeAmendment("c1", otherProvider)).code())
        .isEqualTo("amendment_changes_parties");
    assertThat(
            n.run(
                    0,
                    new Lifecycle.ProposeAmendment(
                        "c1", doc.replace("contract_id=\"c1\"", "contract_id=\"c2\"")))
                .code())
        .isIn("invalid_amendment", "invalid_contract");
  }

  // SPEC M-18: competitive records reach the ledger sealed; the signer is their owner
  @Test
  void competitiveLedgerRefusesPlaintextRecordsAndKeepsOnlyTheCommitment() {
    Node n = new Node(AllianceMode.COMPETITIVE);
    Request plain =
        request(
            n,
            "r1",
            AllianceMode.COMPETITIVE,
            ResourceType.KNOWLEDGE,
            1,
            200,
            List.of(new QualityRequirement("patent_value", 1000)));
    Lifecycle plainTx = new Lifecycle.SubmitRequest(plain);
    assertThat(n.run(0, plainTx.kind().code(), Lifecycle.encode(plainTx)).code())
        .isEqualTo("must_seal");
    ok(n.run(0, plainTx)); // sealed by the test driver, as the CLI does
    var stored = ContractsEngine.sharingCase(n.state, "r1").orElseThrow().request();
    assertThat(stored.description()).isEmpty();
    assertThat(stored.requesterName()).isEmpty();
    assertThat(stored.requester()).as("the signer").isEqualTo(n.addr(0));
    assertThat(stored.commitment())
        .contains(
            org.alliancechain.contracts.sharing.PrivateRecords.opening(
                    plain, TestSealing.salt("r1"))
                .commitment());
    Offer offer = new Offer("o1", "r1", n.addr(1), "corp-1", "patents", "iso-9001", 200);
    Lifecycle plainOffer = new Lifecycle.SubmitOffer(offer);
    assertThat(n.run(1, plainOffer.kind().code(), Lifecycle.encode(plainOffer)).code())
        .isEqualTo("must_seal");
    ok(n.run(1, plainOffer));
    ok(
        n.run(
            0,
            new Lifecycle.AcceptOffers(
                new Acceptance("r1", List.of(new Acceptance.Accepted("o1", 1))),
                "c1",
                terms(n, 1, 20))));
    // the contract pays the offer's signer, named by role as in the paper's Listing 2
    String doc = ContractsEngine.document(n.state, "c1").orElseThrow();
    assertThat(doc).contains("Provider (address_1)").contains(n.addr(1)).doesNotContain("corp-1");
  }

  @Test
  void cooperativeLedgerRefusesSealedRecords() {
    Node n = new Node(AllianceMode.COOPERATIVE);
    Request plain =
        request(n, "r1", AllianceMode.COOPERATIVE, ResourceType.DATA, 1, 100, List.of());
    Request sealed =
        new Request(
            "r1",
            org.alliancechain.contracts.sharing.AllianceMode.COOPERATIVE,
            "",
            "",
            ResourceType.DATA,
            "",
            1,
            List.of(),
            100,
            plain.deadlineSeconds(),
            Optional.empty(),
            Optional.of(Hash.ZERO));
    assertThat(n.run(0, new Lifecycle.SubmitRequest(sealed)).code()).isEqualTo("must_not_seal");
    ok(n.run(0, new Lifecycle.SubmitRequest(plain)));
  }
}
