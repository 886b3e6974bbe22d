package org.alliancechain.cli.node;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.alliancechain.config.GenesisMember;
import org.alliancechain.contracts.lang.ContractParser;
import org.alliancechain.contracts.model.AddressRule;
import org.alliancechain.contracts.sharing.Acceptance;
import org.alliancechain.contracts.sharing.Offer;
import org.alliancechain.contracts.sharing.Request;
import org.alliancechain.contracts.sharing.SharingCase;
import org.alliancechain.contracts.xml.ContractException;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.codec.DecodeException;
import org.alliancechain.core.crypto.Address;
import org.alliancechain.core.tx.Transaction;
import org.alliancechain.p2p.api.ApiException;
import org.alliancechain.p2p.api.ApiResponse;
import org.alliancechain.p2p.api.Router;
import org.alliancechain.token.TokenQueries;
import org.alliancechain.token.engine.Lifecycle;
import org.alliancechain.token.issuance.ContractFacts;
import org.alliancechain.token.state.ParamId;
import org.alliancechain.token.tx.TxKind;

/**
 * Read-only routes of the sharing workflows (docs/api.md): requests with their offers, contracts,
 * DAO parameters. Writes go through POST /tx like every other transaction.
 */
final class WorkflowRoutes {
  /** The most requests one listing returns (the newest first). */
  static final int REQUESTS_LISTED_MAX = 1000;

  private WorkflowRoutes() {}

  static void register(Router router, Node node) {
    RequestIndex index = new RequestIndex(node);
    router.get("/requests", r -> ApiResponse.ok(requests(node, index)));
    router.get(
        "/requests/{id}",
        r ->
            ApiResponse.ok(
                org.alliancechain.token.engine.ContractsEngine.sharingCase(
                        node.state(), r.pathParam("id"))
                    .map(c -> view(node, c))
                    .orElseThrow(() -> ApiException.notFound("no request " + r.pathParam("id")))));
    router.get("/contracts/{id}", r -> ApiResponse.ok(contract(node, r.pathParam("id"))));
    router.get("/parameters", r -> ApiResponse.ok(parameters(node)));
    GovernanceRoutes.register(router, node, index);
    ConsoleRoutes.register(router, node, () -> requests(node, index));
  }

  static long number(String text, String field) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("bad_number", "expected a number, got " + text, field);
    }
  }

  /** A contract's state and the addresses of its parties (requester and accepted providers). */
  record Parties(String contractId, String state, java.util.Set<String> addresses) {}

  static List<Parties> contractParties(Node node, RequestIndex index) {
    List<Parties> out = new ArrayList<>();
    for (String id : index.ids()) {
      var c = org.alliancechain.token.engine.ContractsEngine.sharingCase(node.state(), id);
      if (c.isEmpty() || c.get().contractId().isEmpty()) {
        continue;
      }
      java.util.Set<String> parties = new java.util.TreeSet<>();
      parties.add(c.get().request().requester());
      for (Acceptance.Accepted a : c.get().accepted()) {
        c.get().offer(a.offerId()).ifPresent(o -> parties.add(o.provider()));
      }
      String contractId = c.get().contractId().get();
      org.alliancechain.token.engine.ContractsEngine.contract(node.state(), contractId)
          .ifPresent(
              l ->
                  out.add(
                      new Parties(
                          contractId,
                          l.status().state().name().toLowerCase(java.util.Locale.ROOT),
                          parties)));
    }
    return out;
  }

  /**
   * The ids of every request ever submitted, found by scanning committed blocks once (the engine
   * state has no listing of its own). Rescans only the blocks added since the last call.
   */
  static final class RequestIndex {
    private final Node node;
    private long scanned;
    private final List<String> ids = new ArrayList<>();
    private final List<org.alliancechain.core.hash.Hash> swaps = new ArrayList<>();

    RequestIndex(Node node) {
      this.node = node;
    }

    synchronized List<String> ids() {
      long head = node.store().head();
      for (long h = scanned + 1; h <= head; h++) {
        var block = node.store().block(h);
        if (block.isEmpty()) {
          continue; // pruned or not yet stored: the state lookup below still finds live ones
        }
        for (Transaction tx : block.get().block().transactions()) {
          if (tx.kind() == TxKind.SWAP_OFFER.code()) {
            swaps.add(tx.hash());
          }
          if (tx.kind() == TxKind.SUBMIT_REQUEST.code()) {
            requestId(tx.payload()).filter(id -> !ids.contains(id)).ifPresent(ids::add);
          }
        }
      }
      scanned = Math.max(scanned, head);
      return List.copyOf(ids);
    }

    /** Hashes of every SWAP_OFFER transaction (a swap offer's id is its transaction's hash). */
    synchronized List<org.alliancechain.core.hash.Hash> swapIds() {
      ids();
      return List.copyOf(swaps);
    }

    private static java.util.Optional<String> requestId(Bytes payload) {
      try {
        return java.util.Optional.of(
            ((Lifecycle.SubmitRequest) Lifecycle.decode(TxKind.SUBMIT_REQUEST, payload))
                .request()
                .id());
      } catch (DecodeException | IllegalArgumentException e) {
        return java.util.Optional.empty(); // a malformed request the ledger refused too
      }
    }
  }

  private static WorkflowViews.RequestList requests(Node node, RequestIndex index) {
    List<String> ids = index.ids();
    List<WorkflowViews.RequestView> out = new ArrayList<>();
    for (int i = ids.size() - 1; i >= 0 && out.size() < REQUESTS_LISTED_MAX; i--) {
      org.alliancechain.token.engine.ContractsEngine.sharingCase(node.state(), ids.get(i))
          .ifPresent(c -> out.add(view(node, c)));
    }
    return new WorkflowViews.RequestList(node.store().head(), out);
  }

  /** Genesis members by their contract address. */
  private static Map<String, String> names(Node node) {
    Map<String, String> names = new TreeMap<>();
    for (GenesisMember m : node.members()) {
      names.put(Address.of(m.publicKey()).toText(), m.name());
    }
    return names;
  }

  /** SPEC M-18: what stands in for a private field this node does not hold the record of. */
  static String sealedText(java.util.Optional<org.alliancechain.core.hash.Hash> commitment) {
    return "private (hash " + commitment.map(h -> h.toHex().substring(0, 16)).orElse("") + "…)";
  }

  static WorkflowViews.RequestView view(Node node, SharingCase c) {
    Map<String, String> names = names(node);
    Request onChain = c.request();
    PrivateRecordBook book = node.privateRecords();
    Request r =
        !onChain.sealed()
            ? onChain
            : book.plaintext(onChain)
                .orElse(withPrivate(onChain, sealedText(onChain.commitment())));
    List<WorkflowViews.OfferView> offers = new ArrayList<>();
    for (Offer sealedOrPlain : c.offers()) {
      Offer o =
          !sealedOrPlain.sealed()
              ? sealedOrPlain
              : book.plaintext(sealedOrPlain)
                  .orElse(withPrivate(sealedOrPlain, sealedText(sealedOrPlain.commitment())));
      Long part = null;
      for (Acceptance.Accepted a : c.accepted()) {
        if (a.offerId().equals(o.id())) {
          part = a.sharePart();
        }
      }
      String status =
          part != null ? "accepted" : c.rejectedOfferIds().contains(o.id()) ? "rejected" : "open";
      offers.add(
          new WorkflowViews.OfferView(
              o.id(),
              o.requestId(),
              o.provider(),
              names.getOrDefault(o.provider(), ""),
              o.providerName(),
              o.description(),
              o.profile(),
              o.expectedReward(),
              status,
              part,
              sealedOrPlain.commitment().map(h -> h.toHex()).orElse(null)));
    }
    return new WorkflowViews.RequestView(
        r.id(),
        r.mode().name().toLowerCase(java.util.Locale.ROOT),
        r.requester(),
        names.getOrDefault(r.requester(), ""),
        r.requesterName(),
        r.type().name().toLowerCase(java.util.Locale.ROOT),
        r.description(),
        r.quantity(),
        r.reward(),
        r.deadlineSeconds(),
        c.phase().name().toLowerCase(java.util.Locale.ROOT),
        c.contractId().orElse(null),
        offers,
        onChain.commitment().map(h -> h.toHex()).orElse(null));
  }

  private static Request withPrivate(Request r, String text) {
    return new Request(
        r.id(),
        r.mode(),
        r.requester(),
        text,
        r.type(),
        text,
        r.quantity(),
        r.quality(),
        r.reward(),
        r.deadlineSeconds(),
        r.broadcast(),
        r.commitment());
  }

  private static Offer withPrivate(Offer o, String text) {
    return new Offer(o.id(), o.requestId(), o.provider(), text, text, text, 0, o.commitment());
  }

  private static WorkflowViews.ContractView contract(Node node, String id) {
    org.alliancechain.token.engine.ContractsEngine.ContractView live =
        org.alliancechain.token.engine.ContractsEngine.contract(node.state(), id)
            .orElseThrow(() -> ApiException.notFound("no contract " + id));
    String document =
        org.alliancechain.token.engine.ContractsEngine.document(node.state(), id).orElse("");
    List<String> signers = List.of();
    try {
      signers = ContractParser.parseBound(document, AddressRule.NODE_CORE).signers();
    } catch (ContractException | IllegalArgumentException e) {
      // the ledger stored it, so it parsed then; show the rest rather than fail the read
    }
    long issued =
        new TokenQueries(node.state()).contract(id).map(ContractFacts::tokensIssued).orElse(0L);
    var s = live.status();
    return new WorkflowViews.ContractView(
        id,
        live.requestId(),
        s.state().name().toLowerCase(java.util.Locale.ROOT),
        s.installmentsPaid(),
        s.qualityJudged(),
        s.bonusPaid(),
        s.escrowReleased(),
        s.reason().orElse(null),
        live.signed(),
        signers,
        signers.stream().map(a -> names(node).getOrDefault(a, "")).toList(),
        live.verifiedPeriods(),
        live.metadata(),
        live.escrowFunded(),
        issued,
        document);
  }

  private static WorkflowViews.Parameters parameters(Node node) {
    var params = new TokenQueries(node.state()).params();
    List<WorkflowViews.ParameterView> out = new ArrayList<>();
    for (ParamId p : ParamId.values()) {
      out.add(
          new WorkflowViews.ParameterView(
              p.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
              p.code(),
              params.get(p),
              p.range()));
    }
    return new WorkflowViews.Parameters(node.store().head(), out);
  }
}
