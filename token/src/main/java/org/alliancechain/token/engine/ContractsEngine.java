package org.alliancechain.token.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.alliancechain.contracts.ContractLimits;
import org.alliancechain.contracts.interp.Amendments;
import org.alliancechain.contracts.interp.ContractState;
import org.alliancechain.contracts.interp.ContractStatus;
import org.alliancechain.contracts.interp.Execution;
import org.alliancechain.contracts.interp.Interpreter;
import org.alliancechain.contracts.lang.BoundContract;
import org.alliancechain.contracts.lang.ContractParser;
import org.alliancechain.contracts.model.AddressRule;
import org.alliancechain.contracts.sharing.Outcome;
import org.alliancechain.contracts.sharing.Request;
import org.alliancechain.contracts.sharing.SharingCase;
import org.alliancechain.contracts.sharing.SharingLifecycle;
import org.alliancechain.contracts.xml.ContractException;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.app.BlockContext;
import org.alliancechain.core.app.StateWriter;
import org.alliancechain.core.codec.DecodeException;
import org.alliancechain.core.crypto.Address;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.token.AllianceMode;
import org.alliancechain.token.TokenLimits;
import org.alliancechain.token.TxRejected;
import org.alliancechain.token.issuance.ContractEffect;
import org.alliancechain.token.issuance.ContractEngine;
import org.alliancechain.token.issuance.ProviderShare;
import org.alliancechain.token.state.Codecs;
import org.alliancechain.token.state.ParamId;
import org.alliancechain.token.state.Parameters;
import org.alliancechain.token.state.Store;
import org.alliancechain.token.tx.TxKind;

/**
 * The {@link ContractEngine} over the contracts module: the sharing lifecycle ({@link
 * SharingLifecycle}), contracts drafted from the templates and stored as their XML document, and
 * the deterministic {@link Interpreter} stepped after every transaction that touches a contract and
 * at the end of every block for every live contract (installments, window expiry). Addresses are
 * members' public keys in hex. Its state lives under the engine prefix:
 *
 * <pre>
 * req/{requestId}   SharingCase
 * doc/{contractId}  the contract document (XML, UTF-8)
 * con/{contractId}  LiveContract: interpreter status and facts
 * live              sorted ids of contracts not yet in a terminal state
 * who/{address}     the public key behind an address
 * res/{contractId}/{period}  ResourceRecord: the off-chain resource bound to an installment
 * amd/{contractId}  PendingAmendment: a proposed replacement document and who signed it
 * </pre>
 */
public final class ContractsEngine implements ContractEngine {
  private static final AddressRule ADDRESSES = AddressRule.NODE_CORE;

  /** Parsed contracts kept at most (see {@link ParsedContracts}). */
  static final int PARSED_CONTRACTS_CACHED_MAX = 4096;

  private final ParsedContracts parsed;

  public ContractsEngine() {
    this(PARSED_CONTRACTS_CACHED_MAX);
  }

  /** With a smaller cache of parsed contracts (tests). */
  ContractsEngine(int parsedCachedMax) {
    this.parsed = new ParsedContracts(parsedCachedMax);
  }

  /** Contract documents parsed since this engine was made (a cache miss each; for tests). */
  long documentsParsed() {
    return parsed.parses;
  }

  /**
   * Parsed contracts by document, so live contracts are not re-parsed every block. A pure cache: a
   * miss parses the stored document, so results never depend on it. Not thread-safe; the
   * application runs on the node's one execution thread.
   *
   * <p>The end of every block steps each live contract in turn. With more live contracts than the
   * cache holds, least-recently-used eviction removed each one just before its next turn, and every
   * block parsed every live contract again: at 10 validators under `sharing`, 43 % of the consensus
   * thread went to that (docs/benchmarks.md, session 9). So a miss while stepping at the end of a
   * block fills only free room and evicts nothing; the cached ones keep hitting.
   */
  private static final class ParsedContracts {
    private final int capacity;
    private final java.util.LinkedHashMap<String, BoundContract> byDocument;
    private long parses;

    ParsedContracts(int capacity) {
      if (capacity < 1) {
        throw new IllegalArgumentException("the cache holds at least one contract");
      }
      this.capacity = capacity;
      this.byDocument =
          new java.util.LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(java.util.Map.Entry<String, BoundContract> eldest) {
              return size() > ParsedContracts.this.capacity;
            }
          };
    }

    BoundContract bound(String document, boolean endOfBlock) {
      BoundContract cached = byDocument.get(document);
      if (cached != null) {
        return cached;
      }
      BoundContract bound = ContractParser.parseBound(document, ADDRESSES);
      parses++;
      if (!endOfBlock || byDocument.size() < capacity) {
        byDocument.put(document, bound);
      }
      return bound;
    }

    void put(String document, BoundContract bound) {
      byDocument.put(document, bound);
    }
  }

  @Override
  public Result apply(
      BlockContext block,
      AllianceMode mode,
      TxKind kind,
      PublicKey sender,
      Bytes body,
      Parameters params,
      StateWriter engineState) {
    Lifecycle tx;
    try {
      tx = Lifecycle.decode(kind, body);
    } catch (DecodeException | IllegalArgumentException e) {
      return new Result.Rejected("bad_payload", e.getMessage());
    }
    Step step = new Step(Store.of(engineState), block, sender, parsed);
    try {
      List<ContractEffect> effects =
          switch (tx) {
            case Lifecycle.SubmitRequest t -> step.submit(t.request(), mode, params);
            case Lifecycle.SubmitOffer t -> step.offer(t, mode);
            case Lifecycle.AcceptOffers t -> step.accept(t);
            case Lifecycle.Sign t -> step.sign(t.contractId());
            case Lifecycle.AckTransfer t -> step.acknowledge(t);
            case Lifecycle.Cancel t -> step.cancel(t.contractId());
            case Lifecycle.RejectOffers t -> step.reject(t);
            case Lifecycle.WithdrawRequest t -> step.withdraw(t.requestId());
            case Lifecycle.BindResource t -> step.bindResource(t, mode);
            case Lifecycle.ProposeAmendment t -> step.propose(t);
            case Lifecycle.ApproveAmendment t -> step.approve(t);
          };
      return new Result.Accepted(effects);
    } catch (TxRejected e) {
      return new Result.Rejected(e.reason(), e.detail());
    } catch (ContractException | IllegalArgumentException e) {
      // input the contracts module refuses by exception (malformed terms or records)
      return new Result.Rejected("invalid_contract", String.valueOf(e.getMessage()));
    }
  }

  @Override
  public List<ContractEffect> endBlock(
      BlockContext block, AllianceMode mode, Parameters params, StateWriter engineState) {
    Step step = new Step(Store.of(engineState), block, null, parsed);
    List<ContractEffect> out = new ArrayList<>();
    for (String id : step.live()) {
      if (out.size()
          >= TokenLimits.EFFECTS_PER_END_BLOCK_MAX - 4 * ContractLimits.BENEFICIARY_COUNT_MAX) {
        break; // the rest are stepped next block
      }
      out.addAll(step.advance(step.contract(id)));
    }
    return out;
  }

  public static Bytes encode(Lifecycle tx) {
    return Lifecycle.encode(tx);
  }

  // ---------------------------------------------------------------- read-only views for the API

  /** What the engine keeps per contract besides its document (a read-only copy). */
  public record ContractView(
      String contractId,
      String requestId,
      ContractStatus status,
      List<String> signed,
      List<Integer> verifiedPeriods,
      java.util.SortedMap<String, Long> metadata,
      boolean escrowFunded) {}

  /** The engine's records in the ledger state, read with the engine's own codecs. */
  private static Store engineRecords(org.alliancechain.core.app.StateReader ledgerState) {
    byte[] prefix = org.alliancechain.token.state.Keys.ENGINE_PREFIX.toByteArray();
    return Store.readOnly(
        key -> {
          byte[] full = new byte[prefix.length + key.size()];
          System.arraycopy(prefix, 0, full, 0, prefix.length);
          System.arraycopy(key.unsafeArray(), 0, full, prefix.length, key.size());
          return ledgerState.get(Bytes.wrap(full));
        });
  }

  public static java.util.Optional<SharingCase> sharingCase(
      org.alliancechain.core.app.StateReader ledgerState, String requestId) {
    return engineRecords(ledgerState).get(Step.key("req/", requestId), CaseCodec::decode);
  }

  public static java.util.Optional<String> document(
      org.alliancechain.core.app.StateReader ledgerState, String contractId) {
    return engineRecords(ledgerState)
        .get(
            Step.key("doc/", contractId),
            r -> r.string("document", ContractLimits.DOCUMENT_BYTES_MAX));
  }

  public static java.util.Optional<ContractView> contract(
      org.alliancechain.core.app.StateReader ledgerState, String contractId) {
    return engineRecords(ledgerState)
        .get(Step.key("con/", contractId), LiveContract::decode)
        .map(
            c ->
                new ContractView(
                    c.contractId(),
                    c.requestId(),
                    c.status(),
                    List.copyOf(c.signed()),
                    List.copyOf(c.verifiedPeriods()),
                    c.metadata(),
                    c.escrowFunded()));
  }

  /** The resources bound to a contract's installments, by period. */
  public static List<ResourceRecord> resources(
      org.alliancechain.core.app.StateReader ledgerState, String contractId) {
    Store records = engineRecords(ledgerState);
    int installments =
        document(ledgerState, contractId)
            .map(d -> ContractParser.parseBound(d, ADDRESSES).installments())
            .orElse(0);
    List<ResourceRecord> out = new ArrayList<>();
    for (int period = 0; period < installments; period++) {
      records.get(Step.resourceKey(contractId, period), ResourceRecord::decode).ifPresent(out::add);
    }
    return out;
  }

  public static java.util.Optional<ResourceRecord> resource(
      org.alliancechain.core.app.StateReader ledgerState, String contractId, int period) {
    return engineRecords(ledgerState)
        .get(Step.resourceKey(contractId, period), ResourceRecord::decode);
  }

  /**
   * The public key behind a contracts address, known once its owner signed a lifecycle transaction
   * (the engine's {@code who/} records): how a node finds the member to ask for an off-chain
   * resource or a private record, admitted members included.
   */
  public static java.util.Optional<PublicKey> keyOf(
      org.alliancechain.core.app.StateReader ledgerState, String address) {
    return engineRecords(ledgerState)
        .get(Step.key("who/", address), r -> PublicKey.decode(r, "key"));
  }

  public static java.util.Optional<PendingAmendment> pendingAmendment(
      org.alliancechain.core.app.StateReader ledgerState, String contractId) {
    return engineRecords(ledgerState).get(Step.key("amd/", contractId), PendingAmendment::decode);
  }

  /** One engine call: the engine state, the block and the sender's address. */
  private static final class Step {
    private final Store store;
    private final long height;
    private final long nowSeconds;
    private final String me;
    private final ParsedContracts parsed;

    /** {@code sender} is null at the end of a block. */
    Step(Store store, BlockContext block, PublicKey sender, ParsedContracts parsed) {
      this.store = store;
      this.parsed = parsed;
      this.height = block.height();
      this.nowSeconds = block.timeMillis() / 1000;
      this.me = sender == null ? "" : Address.of(sender).toText();
      if (sender != null && !store.contains(key("who/", me))) {
        store.put(key("who/", me), sender::encode);
      }
    }

    /** The key behind an address, known once its owner has signed a lifecycle transaction. */
    PublicKey keyOf(String address) {
      return store
          .get(key("who/", address), r -> PublicKey.decode(r, "key"))
          .orElseThrow(() -> new TxRejected("unknown_address", address));
    }

    static Bytes key(String prefix, String id) {
      return Bytes.wrap((prefix + id).getBytes(StandardCharsets.UTF_8));
    }

    static Bytes resourceKey(String contractId, int period) {
      return key("res/", contractId + "/" + period);
    }

    private static final Bytes LIVE = Bytes.wrap("live".getBytes(StandardCharsets.US_ASCII));

    List<String> live() {
      return store
          .get(
              LIVE,
              r ->
                  Codecs.list(
                      r,
                      "live",
                      TokenLimits.LIVE_CONTRACTS_MAX,
                      x -> x.string("id", TokenLimits.CONTRACT_ID_BYTES_MAX)))
          .orElse(List.of());
    }

    private void putLive(List<String> ids) {
      List<String> sorted = new ArrayList<>(ids);
      sorted.sort(null);
      store.put(LIVE, w -> Codecs.list(w, sorted, (out, s) -> out.string(s)));
    }

    SharingCase sharingCase(String requestId) {
      return store
          .get(key("req/", requestId), CaseCodec::decode)
          .orElseThrow(() -> new TxRejected("unknown_request", requestId));
    }

    private void put(SharingCase c) {
      store.put(key("req/", c.request().id()), w -> CaseCodec.encode(w, c));
    }

    LiveContract contract(String id) {
      return store
          .get(key("con/", id), LiveContract::decode)
          .orElseThrow(() -> new TxRejected("unknown_contract", id));
    }

    private BoundContract bound(String id) {
      String doc =
          store
              .get(key("doc/", id), r -> r.string("document", ContractLimits.DOCUMENT_BYTES_MAX))
              .orElseThrow(() -> new AssertionError("invariant broken: no document for " + id));
      return parsed.bound(doc, me.isEmpty());
    }

    private static <T> T ok(Outcome<T> outcome) {
      return switch (outcome) {
        case Outcome.Ok<T> o -> o.value();
        case Outcome.Rejected<T> r ->
            throw new TxRejected(r.reason().name().toLowerCase(java.util.Locale.ROOT), r.detail());
      };
    }

    /**
     * SPEC M-18: competitive records are sealed (a commitment, no private field) and their signer
     * is their requester or provider; cooperative ones are plaintext, as the sender wrote them.
     */
    private void requireSealing(boolean sealed, String named, AllianceMode mode) {
      TxRejected.require(
          sealed == (mode == AllianceMode.COMPETITIVE),
          sealed ? "must_not_seal" : "must_seal",
          "competitive requests and offers carry only a commitment to the private record,"
              + " cooperative ones the record (M-18)");
      TxRejected.require(
          !sealed || named.isEmpty(), "bad_payload", "a sealed record's signer is its owner");
    }

    List<ContractEffect> submit(Request submitted, AllianceMode mode, Parameters params) {
      requireSealing(submitted.sealed(), submitted.requester(), mode);
      Request request = submitted.sealed() ? submitted.withRequester(me) : submitted;
      TxRejected.require(request.requester().equals(me), "not_requester", "requester is sender");
      TxRejected.require(
          request.mode().name().equals(mode.name()), "wrong_mode", "alliance is " + mode);
      TxRejected.require(
          request.reward() >= params.get(ParamId.SHARING_REWARD_MIN_TOKENS),
          "sharing_requirement",
          "reward below the DAO minimum");
      TxRejected.require(
          mode != AllianceMode.COOPERATIVE
              || request.reward() == params.get(ParamId.REWARD_STANDARD_TOKENS),
          "nonstandard_reward",
          "cooperative requests offer the reward standard (M-19)");
      TxRejected.require(
          request.deadlineSeconds() - nowSeconds
              <= params.get(ParamId.SHARING_DEADLINE_MAX_SECONDS),
          "sharing_requirement",
          "deadline too far ahead");
      TxRejected.require(
          !store.contains(key("req/", request.id())), "duplicate_request", request.id());
      put(ok(SharingLifecycle.open(request, nowSeconds)));
      return List.of();
    }

    List<ContractEffect> offer(Lifecycle.SubmitOffer t, AllianceMode mode) {
      requireSealing(t.offer().sealed(), t.offer().provider(), mode);
      var offer = t.offer().sealed() ? t.offer().withProvider(me) : t.offer();
      TxRejected.require(offer.provider().equals(me), "not_provider", "provider is sender");
      put(ok(SharingLifecycle.offer(sharingCase(offer.requestId()), offer, nowSeconds)));
      return List.of();
    }

    List<ContractEffect> accept(Lifecycle.AcceptOffers t) {
      SharingCase accepted =
          ok(SharingLifecycle.accept(sharingCase(t.acceptance().requestId()), me, t.acceptance()));
      SharingLifecycle.Drafted drafted =
          ok(
              SharingLifecycle.draft(
                  accepted,
                  t.contractId(),
                  t.terms(),
                  id -> store.contains(key("doc/", id)),
                  ADDRESSES));
      put(drafted.sharingCase());
      String id = t.contractId();
      String doc = drafted.document();
      store.put(key("doc/", id), w -> w.string(doc));
      // What parsing the stored document would give (the template checked that it reads back to
      // the contract): binding it below need not parse it.
      parsed.put(doc, drafted.bound());
      List<String> live = new ArrayList<>(live());
      TxRejected.require(
          live.size() < TokenLimits.LIVE_CONTRACTS_MAX, "too_many_contracts", "live limit");
      live.add(id);
      putLive(live);
      LiveContract c =
          new LiveContract(
              id,
              t.acceptance().requestId(),
              ContractStatus.drafted(),
              new java.util.TreeSet<>(),
              new java.util.TreeSet<>(),
              new java.util.TreeMap<>(),
              false);
      store.put(key("con/", id), c::encode);
      return List.of(registered(accepted, bound(id)));
    }

    private ContractEffect registered(SharingCase c, BoundContract b) {
      List<ProviderShare> providers = new ArrayList<>();
      for (int i = 0; i < b.payees().size(); i++) {
        providers.add(new ProviderShare(keyOf(b.payees().get(i)), b.shareParts().get(i)));
      }
      Request r = c.request();
      return new ContractEffect.Registered(
          b.contract().id(),
          keyOf(r.requester()),
          providers,
          r.reward(),
          r.type().monetary(),
          r.type().name());
    }

    List<ContractEffect> reject(Lifecycle.RejectOffers t) {
      put(ok(SharingLifecycle.reject(sharingCase(t.requestId()), me, t.offerIds())));
      return List.of();
    }

    List<ContractEffect> withdraw(String requestId) {
      put(ok(SharingLifecycle.withdraw(sharingCase(requestId), me)));
      return List.of();
    }

    List<ContractEffect> sign(String id) {
      LiveContract c = contract(id);
      BoundContract b = bound(id);
      TxRejected.require(b.signers().contains(me), "not_a_party", me);
      TxRejected.require(!c.signed().contains(me), "already_signed", id);
      List<ContractEffect> effects = new ArrayList<>();
      boolean funds =
          b.contract().attributes().monetary() && !c.escrowFunded() && b.payees().get(0).equals(me);
      if (funds) {
        // the money provider's signature authorises moving its money into escrow (M-17)
        effects.add(new ContractEffect.EscrowLock(id, keyOf(me), b.escrowAmount()));
      }
      effects.addAll(advance(c.signedBy(me, c.escrowFunded() || funds)));
      return effects;
    }

    List<ContractEffect> acknowledge(Lifecycle.AckTransfer t) {
      LiveContract c = contract(t.contractId());
      BoundContract b = bound(t.contractId());
      TxRejected.require(
          b.signers().get(b.signers().size() - 1).equals(me), "not_receiver", "only the receiver");
      TxRejected.require(
          t.period() < b.installments(),
          "bad_period",
          "period " + t.period() + " of " + b.installments());
      LiveContract verified = c.verified(t.period(), t.metadata());
      TxRejected.require(
          verified.metadata().size() <= TokenLimits.CONTRACT_METADATA_ENTRIES_MAX,
          "too_much_metadata",
          "limit " + TokenLimits.CONTRACT_METADATA_ENTRIES_MAX);
      List<ContractEffect> effects = new ArrayList<>();
      effects.add(new ContractEffect.TransferVerified(t.contractId()));
      effects.addAll(advance(verified));
      return effects;
    }

    /** SPEC M-18: a provider binds the hash of the resource its node serves to an installment. */
    List<ContractEffect> bindResource(Lifecycle.BindResource t, AllianceMode mode) {
      String id = t.contractId();
      LiveContract c = contract(id);
      BoundContract b = bound(id);
      TxRejected.require(
          !c.status().state().terminal(), "already_terminal", "contract is " + c.status().state());
      TxRejected.require(
          !b.contract().attributes().monetary(),
          "monetary_contract",
          "money moves through escrow (M-17), not as a resource");
      TxRejected.require(b.payees().contains(me), "not_provider", "only a provider binds");
      TxRejected.require(
          t.period() < b.installments(),
          "bad_period",
          "period " + t.period() + " of " + b.installments());
      TxRejected.require(
          t.sizeBytes() > 0
              && t.sizeBytes() <= org.alliancechain.core.store.StoreLimits.RESOURCE_BYTES_MAX,
          "bad_size",
          "1 to " + org.alliancechain.core.store.StoreLimits.RESOURCE_BYTES_MAX + " bytes");
      TxRejected.require(
          mode != AllianceMode.COMPETITIVE || t.encrypted(),
          "must_encrypt",
          "competitive resources are encrypted to the receiver's key (M-18)");
      TxRejected.require(
          !c.verifiedPeriods().contains(t.period()),
          "already_acknowledged",
          "period " + t.period() + " was acknowledged");
      java.util.Optional<ResourceRecord> bound =
          store.get(resourceKey(id, t.period()), ResourceRecord::decode);
      TxRejected.require(
          bound.map(r -> r.provider().equals(me)).orElse(true),
          "bound_by_another",
          "another provider bound period " + t.period());
      ResourceRecord r =
          new ResourceRecord(id, t.period(), t.hash(), t.sizeBytes(), t.encrypted(), me, height);
      store.put(resourceKey(id, t.period()), r::encode);
      return List.of();
    }

    /** M-15: a party proposes a replacement document; its proposal is its signature. */
    List<ContractEffect> propose(Lifecycle.ProposeAmendment t) {
      String id = t.contractId();
      LiveContract c = contract(id);
      BoundContract b = bound(id);
      TxRejected.require(b.signers().contains(me), "not_a_party", me);
      BoundContract replacement = ContractParser.parseBound(t.document(), ADDRESSES);
      requireSameParties(b, replacement);
      java.util.TreeSet<String> everyone = new java.util.TreeSet<>(b.signers());
      everyone.addAll(replacement.signers());
      // refuse at once what no set of signatures could make acceptable
      refuseIfFailed(Amendments.amend(b, c.status(), replacement, everyone));
      PendingAmendment p =
          new PendingAmendment(t.document(), new java.util.TreeSet<>(List.of(me)), height);
      store.put(key("amd/", id), p::encode);
      return completeAmendment(c, b, p);
    }

    List<ContractEffect> approve(Lifecycle.ApproveAmendment t) {
      String id = t.contractId();
      LiveContract c = contract(id);
      BoundContract b = bound(id);
      PendingAmendment p =
          store
              .get(key("amd/", id), PendingAmendment::decode)
              .orElseThrow(() -> new TxRejected("no_amendment", "no amendment pending on " + id));
      TxRejected.require(
          p.documentHash().equals(t.documentHash()),
          "amendment_changed",
          "the pending amendment's document is " + p.documentHash().toHex());
      TxRejected.require(b.signers().contains(me), "not_a_party", me);
      TxRejected.require(!p.approvals().contains(me), "already_approved", id);
      PendingAmendment approved = p.approvedBy(me);
      store.put(key("amd/", id), approved::encode);
      return completeAmendment(c, b, approved);
    }

    /**
     * The ledger registered the receiver, providers, shares and reward at acceptance (issuance pays
     * from them), so an amendment changes the terms, never who shares or the reward.
     */
    private static void requireSameParties(BoundContract current, BoundContract replacement) {
      TxRejected.require(
          current.signers().equals(replacement.signers())
              && current.payees().equals(replacement.payees())
              && current.shareParts().equals(replacement.shareParts())
              && current.amount() == replacement.amount()
              && current.escrowAmount() == replacement.escrowAmount()
              && current.contract().attributes().monetary()
                  == replacement.contract().attributes().monetary(),
          "amendment_changes_parties",
          "an amendment keeps the parties, providers, shares and reward");
    }

    private static void refuseIfFailed(Amendments.Outcome outcome) {
      if (outcome.failure().isPresent()) {
        throw new TxRejected(
            outcome.failure().get().kind().name().toLowerCase(java.util.Locale.ROOT),
            outcome.failure().get().detail());
      }
    }

    private List<ContractEffect> completeAmendment(
        LiveContract c, BoundContract b, PendingAmendment p) {
      if (!p.approvals().containsAll(b.signers())) {
        return List.of();
      }
      BoundContract replacement = ContractParser.parseBound(p.document(), ADDRESSES);
      Amendments.Outcome outcome = Amendments.amend(b, c.status(), replacement, p.approvals());
      refuseIfFailed(outcome);
      String id = c.contractId();
      store.put(key("doc/", id), w -> w.string(p.document()));
      store.delete(key("amd/", id));
      // every party signed the amended document; a draft keeps collecting ordinary signatures
      LiveContract amended = c;
      if (c.status().state() != ContractState.DRAFTED) {
        for (String signer : replacement.signers()) {
          amended = amended.signedBy(signer, amended.escrowFunded());
        }
      }
      return advance(amended);
    }

    List<ContractEffect> cancel(String id) {
      LiveContract c = contract(id);
      BoundContract b = bound(id);
      Execution e = Interpreter.cancel(b, c.status(), me, height);
      if (e.failure().isPresent()) {
        throw new TxRejected(
            e.failure().get().kind().name().toLowerCase(java.util.Locale.ROOT),
            e.failure().get().detail());
      }
      List<ContractEffect> effects =
          new ArrayList<>(EffectTranslator.translate(b, e.effects(), c.metadata(), this::keyOf));
      effects.add(new ContractEffect.Cancelled(id, keyOf(me)));
      save(c.with(e.status()));
      return effects;
    }

    /** Steps the interpreter with the stored facts at this block; saves the new status. */
    List<ContractEffect> advance(LiveContract c) {
      BoundContract b = bound(c.contractId());
      Execution e =
          Interpreter.step(
              b, c.status(), c.facts(height, nowSeconds), ContractLimits.INTERPRETER_STEPS_DEFAULT);
      save(c.with(e.status()));
      return EffectTranslator.translate(b, e.effects(), c.metadata(), this::keyOf);
    }

    private void save(LiveContract c) {
      store.put(key("con/", c.contractId()), c::encode);
      SharingCase sharing = sharingCase(c.requestId());
      put(ok(SharingLifecycle.onContractState(sharing, c.status().state())));
      if (c.status().state().terminal()) {
        List<String> live = new ArrayList<>(live());
        live.remove(c.contractId());
        putLive(live);
      }
    }
  }
}
