package org.alliancechain.cli.node;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.alliancechain.config.GenesisMember;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.Hex;
import org.alliancechain.core.Verdict;
import org.alliancechain.core.block.BlockHeader;
import org.alliancechain.core.block.CertifiedBlock;
import org.alliancechain.core.block.CommitCertificate;
import org.alliancechain.core.codec.DecodeException;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.core.exec.Nonces;
import org.alliancechain.core.hash.Hash;
import org.alliancechain.core.tx.Transaction;
import org.alliancechain.p2p.api.ApiException;
import org.alliancechain.p2p.api.ApiRequest;
import org.alliancechain.p2p.api.ApiResponse;
import org.alliancechain.p2p.api.Router;
import org.alliancechain.token.TokenQueries;

/**
 * The node's client API routes (docs/api.md). Handlers validate input and read; only /tx writes.
 */
final class ApiRoutes {
  private ApiRoutes() {}

  static Router router(Node node) {
    Router router = new Router();
    router.get("/status", r -> ApiResponse.ok(status(node)));
    router.get("/members", r -> ApiResponse.ok(members(node)));
    router.post("/tx", r -> submit(node, r));
    BatchRoutes.register(router, node);
    router.get(
        "/tx/{hash}", r -> ApiResponse.ok(txStatus(node, hash(r.pathParam("hash"), "hash"))));
    router.get("/blocks/{height}", r -> ApiResponse.ok(blockView(node, block(node, r))));
    router.get("/blocks/{height}/raw", r -> raw(node, r));
    router.get("/state/{key}", r -> ApiResponse.ok(stateProof(node, r)));
    router.get("/accounts/{key}", r -> ApiResponse.ok(account(node, r.pathParam("key"))));
    router.post("/announcements", r -> announce(node, r));
    router.post("/announcements/trusted", r -> announceTrusted(node, r));
    router.post(
        "/announcements/{id}/answered",
        r -> {
          node.trees().answered(hash(r.pathParam("id"), "id"));
          return ApiResponse.json(202, new ApiViews.Announced(r.pathParam("id"), "tft"));
        });
    router.get("/announcements", r -> ApiResponse.ok(node.trees().received()));
    router.get("/comm-times", r -> ApiResponse.ok(commTimes(node)));
    router.events("/events", node.blockEvents());
    WorkflowRoutes.register(router, node);
    ResourceRoutes.register(router, node);
    PrivateRecordRoutes.register(router, node);
    AmendmentRoutes.register(router, node);
    MembershipRoutes.register(router, node);
    return router;
  }

  private static ApiResponse submit(Node node, ApiRequest request) {
    ApiViews.SubmitRequest body = request.bodyAs(ApiViews.SubmitRequest.class);
    if (body.tx() == null) {
      throw ApiException.badRequest("missing_field", "tx is required", "tx");
    }
    Transaction tx;
    try {
      tx = Transaction.decode(Hex.decode(body.tx()));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("bad_hex", e.getMessage(), "tx");
    } catch (DecodeException e) {
      throw ApiException.badRequest("bad_transaction", e.getMessage(), "tx");
    }
    Verdict verdict = node.submit(tx);
    if (!verdict.isOk()) {
      throw new ApiException(
          verdict.reason().equals("shutting_down") ? 503 : 400,
          verdict.reason(),
          verdict.detail(),
          Optional.of("tx"));
    }
    return ApiResponse.json(202, new ApiViews.SubmitResult(tx.hash().toHex(), "pending"));
  }

  private static Hash hash(String text, String field) {
    try {
      return Hash.fromHex(text);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("bad_hash", "expected 64 hex digits: " + e.getMessage(), field);
    }
  }

  static ApiViews.TxStatus txStatus(Node node, Hash hash) {
    var location = node.store().transaction(hash);
    if (location.isPresent()) {
      var l = location.get();
      return new ApiViews.TxStatus(
          hash.toHex(),
          "committed",
          l.height(),
          l.index(),
          l.outcome().success(),
          l.outcome().code(),
          l.outcome().detail());
    }
    if (node.mempool().contains(hash)) {
      return new ApiViews.TxStatus(hash.toHex(), "pending", null, null, null, null, null);
    }
    return new ApiViews.TxStatus(hash.toHex(), "unknown", null, null, null, null, null);
  }

  private static CertifiedBlock block(Node node, ApiRequest request) {
    String text = request.pathParam("height");
    long height;
    try {
      height = Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("bad_height", "expected a block height, got " + text, "height");
    }
    return node.store()
        .block(height)
        .orElseThrow(() -> ApiException.notFound("no block at height " + height));
  }

  private static ApiResponse raw(Node node, ApiRequest request) {
    CertifiedBlock block = block(node, request);
    return ApiResponse.ok(
        new ApiViews.RawBlock(block.block().height(), Hex.encode(block.encode())));
  }

  static ApiViews.BlockView blockView(Node node, CertifiedBlock certified) {
    BlockHeader h = certified.block().header();
    CommitCertificate c = certified.certificate();
    List<ApiViews.Vote> votes = new ArrayList<>();
    for (CommitCertificate.Vote v : c.votes()) {
      votes.add(
          new ApiViews.Vote(
              v.validator(), validatorKey(node, v.validator()), v.signature().toHex()));
    }
    return new ApiViews.BlockView(
        h.height(),
        h.hash().toHex(),
        new ApiViews.Header(
            h.chainId(),
            h.height(),
            h.view(),
            h.previousHash().toHex(),
            h.txRoot().toHex(),
            h.txCount(),
            h.executedHeight(),
            h.executedStateRoot().toHex(),
            h.validatorSetHash().toHex(),
            h.proposer().toHex(),
            h.timestampMillis()),
        certified.block().transactions().stream().map(t -> t.hash().toHex()).toList(),
        new ApiViews.Certificate(c.height(), c.view(), c.blockHash().toHex(), votes));
  }

  private static ApiViews.StateProofView stateProof(Node node, ApiRequest request) {
    Bytes key;
    try {
      key = Bytes.fromHex(request.pathParam("key"));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("bad_key", "state keys are hex: " + e.getMessage(), "key");
    }
    long head = node.store().head();
    long height = request.queryParam("height").map(ApiRoutes::parseHeight).orElse(head);
    if (height > head) {
      throw ApiException.notFound("height " + height + " is above the head " + head);
    }
    var root =
        node.store()
            .stateRoot(height)
            .orElseThrow(() -> ApiException.notFound("no state kept for height " + height));
    var proof = node.store().stateTree().prove(key, height);
    Optional<Bytes> value = node.store().stateTree().get(key, height);
    return new ApiViews.StateProofView(
        key.toHex(),
        value.map(Bytes::toHex).orElse(null),
        height,
        root.toHex(),
        Hex.encode(proof.encode()));
  }

  private static long parseHeight(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("bad_height", "expected a height, got " + text, "height");
    }
  }

  private static ApiViews.AccountView account(Node node, String keyHex) {
    PublicKey key;
    try {
      key = PublicKey.fromHex(keyHex);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("bad_key", "expected a public key in hex", "key");
    }
    TokenQueries queries = new TokenQueries(node.state());
    var account = queries.account(key);
    // a key the DAO rotated a member to names that member (issue #4)
    String member =
        node.genesis()
            .member(queries.memberOf(key))
            .map(GenesisMember::name)
            .or(() -> queries.member(key).map(org.alliancechain.token.state.Member::name))
            .orElse(key.equals(node.genesis().gatewayKey()) ? "gateway" : "");
    return new ApiViews.AccountView(
        key.toHex(),
        member,
        account.tokens(),
        account.money(),
        queries.stake(key, node.store().head()),
        Nonces.next(node.state(), key));
  }

  private static ApiResponse announce(Node node, ApiRequest request) {
    ApiViews.AnnounceRequest body = request.bodyAs(ApiViews.AnnounceRequest.class);
    if (body.text().isBlank()) {
      throw ApiException.badRequest("missing_field", "text is required", "text");
    }
    return ApiResponse.json(
        202, new ApiViews.Announced(node.trees().announceToAll(body.text()).toHex(), "lft"));
  }

  private static ApiResponse announceTrusted(Node node, ApiRequest request) {
    ApiViews.TrustedAnnounceRequest body = request.bodyAs(ApiViews.TrustedAnnounceRequest.class);
    if (body.text().isBlank()) {
      throw ApiException.badRequest("missing_field", "text is required", "text");
    }
    List<org.alliancechain.p2p.tree.TrustFirstPlan.Trust> trust = new ArrayList<>();
    for (ApiViews.TrustedProvider t : body.trusted()) {
      PublicKey key =
          node.trees().members().stream()
              .filter(m -> m.member().name().equals(t.member()))
              .map(LedgerMembers.Entry::nodeKey)
              .findFirst()
              .orElseThrow(
                  () ->
                      ApiException.badRequest(
                          "unknown_member", "no member " + t.member(), "trusted"));
      trust.add(new org.alliancechain.p2p.tree.TrustFirstPlan.Trust(key, t.trustMicros()));
    }
    org.alliancechain.p2p.tree.TrustFirstPlan.Option option;
    try {
      option =
          org.alliancechain.p2p.tree.TrustFirstPlan.Option.valueOf(
              body.option().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(
          "bad_option", "option is direct, via-private-alliance or via-alliance", "option");
    }
    long threshold =
        node.genesis().parameters().get(org.alliancechain.config.Parameter.TRUST_THRESHOLD);
    long deadline =
        body.deadlineMillis() > 0
            ? body.deadlineMillis()
            : node.genesis()
                .parameters()
                .get(org.alliancechain.config.Parameter.TFT_OPEN_DEADLINE_MS);
    var id =
        node.trees()
            .announceToTrusted(body.text(), trust, threshold, option, deadline, body.openToRest());
    java.util.Optional<String> requestId = request.queryParam("requestId");
    if (requestId.isPresent() && !requestId.get().isBlank()) {
      node.trees()
          .expectOffer(
              requestId.get(),
              id,
              trust.stream()
                  .map(org.alliancechain.p2p.tree.TrustFirstPlan.Trust::provider)
                  .toList());
    }
    return ApiResponse.json(202, new ApiViews.Announced(id.toHex(), "tft"));
  }

  static ApiViews.CommTimesView commTimes(Node node) {
    var times = node.trees().commTimes();
    var coop = times.cooperative();
    var comp = times.competitive();
    var direct = times.direct();
    return new ApiViews.CommTimesView(
        coop.averageMicros(),
        coop.routes(),
        comp.averageMicros(),
        comp.privateRoutes(),
        comp.nonPrivateRoutes(),
        direct.averageMicros(),
        direct.routes());
  }

  static ApiViews.Members members(Node node) {
    List<ApiViews.MemberView> members = new ArrayList<>();
    for (GenesisMember m : node.members()) {
      members.add(
          new ApiViews.MemberView(
              m.name(),
              m.publicKey().toHex(),
              org.alliancechain.core.crypto.Address.of(m.publicKey()).toString(),
              m.roles().stream().map(r -> r.specName()).toList(),
              m.isValidator()));
    }
    MembershipRoutes.admittedMembers(node).forEach(members::add);
    return new ApiViews.Members(members, node.genesis().gatewayKey().toHex());
  }

  // The genesis set names the signers until the DAO changes the set; then the index is shown alone.
  private static String validatorKey(Node node, int index) {
    var set = node.genesis().validatorSet();
    return index < set.size() ? set.get(index).toHex() : "";
  }

  static ApiViews.Status status(Node node) {
    List<ApiViews.Peer> peers = new ArrayList<>();
    var connected = node.network().connectedPeers();
    // the ledger's members (DAO-admitted ones included), by the key their node uses
    for (LedgerMembers.Entry m : node.trees().members()) {
      if (m.nodeKey().equals(node.key().publicKey())) {
        continue;
      }
      var rtt = node.network().roundTripMicros(m.nodeKey());
      peers.add(
          new ApiViews.Peer(
              m.nodeKey().toHex(),
              m.member().name(),
              connected.contains(m.nodeKey()),
              rtt.isPresent() ? rtt.getAsLong() : null));
    }
    long head = node.store().head();
    String headHash =
        node.store()
            .block(head)
            .map(b -> b.block().hash().toHex())
            .orElse(node.genesis().hash().toHex());
    return new ApiViews.Status(
        node.genesis().chainId(),
        node.genesis().name(),
        node.genesis().mode().specName(),
        node.self().name(),
        node.key().publicKey().toHex(),
        head,
        headHash,
        node.store().stateRoot(head).map(Hash::toHex).orElse(""),
        node.mempool().size(),
        node.consensus().map(ConsensusEngine::status).orElse(null),
        peers);
  }
}
