package org.alliancechain.cli.node;

import java.util.Optional;
import org.alliancechain.core.hash.Hash;
import org.alliancechain.p2p.api.ApiException;
import org.alliancechain.p2p.api.ApiRequest;
import org.alliancechain.p2p.api.ApiResponse;
import org.alliancechain.p2p.api.Router;

/**
 * Routes of off-chain resources (SPEC M-18, docs/api.md): chunked upload into this node's store,
 * the fetch of a bound resource from the provider's node, local chunks for the member's CLI, and
 * the resources bound to a contract on chain.
 */
final class ResourceRoutes {
  private ResourceRoutes() {}

  record FetchBody(String contractId, Integer period) {}

  static void register(Router router, Node node) {
    Resources resources = node.resources();
    router.post(
        "/resources/uploads",
        r ->
            ApiResponse.ok(
                resources.startUpload(r.queryParam("contract"), period(r.queryParam("period")))));
    router.get(
        "/resources/uploads/{upload}",
        r ->
            ApiResponse.ok(
                resources.uploadStatus(WorkflowRoutes.number(r.pathParam("upload"), "upload"))));
    router.post(
        "/resources/uploads/{upload}/chunks",
        r ->
            ApiResponse.ok(
                resources.appendChunk(
                    WorkflowRoutes.number(r.pathParam("upload"), "upload"),
                    WorkflowRoutes.number(
                        r.queryParam("index")
                            .orElseThrow(
                                () ->
                                    ApiException.badRequest(
                                        "missing_index", "query parameter index", "index")),
                        "index"),
                    r.body().toByteArray())));
    router.post(
        "/resources/uploads/{upload}/finish",
        r ->
            ApiResponse.ok(
                resources.finishUpload(WorkflowRoutes.number(r.pathParam("upload"), "upload"))));
    router.post("/resources/fetches", r -> ApiResponse.ok(startFetch(resources, r)));
    router.get(
        "/resources/fetches/{contract}/{period}",
        r ->
            ApiResponse.ok(
                resources.fetchStatus(
                    r.pathParam("contract"), period(Optional.of(r.pathParam("period"))))));
    router.get(
        "/resources/{hash}",
        r -> {
          Hash hash = hash(r.pathParam("hash"));
          return ApiResponse.ok(
              resources
                  .stored(hash)
                  .orElseThrow(() -> ApiException.notFound("this node holds no " + hash.toHex())));
        });
    router.get(
        "/resources/{hash}/chunks/{index}",
        r ->
            ApiResponse.bytes(
                resources.chunk(
                    hash(r.pathParam("hash")),
                    (int)
                        Math.min(
                            Integer.MAX_VALUE,
                            WorkflowRoutes.number(r.pathParam("index"), "index")))));
    router.get(
        "/contracts/{id}/resources",
        r -> ApiResponse.ok(resources.contractResources(r.pathParam("id"))));
  }

  private static Resources.FetchView startFetch(Resources resources, ApiRequest r) {
    FetchBody body = r.bodyAs(FetchBody.class);
    if (body.contractId() == null || body.contractId().isEmpty()) {
      throw ApiException.badRequest("missing_field", "contractId is required", "contractId");
    }
    int period = body.period() == null ? 0 : body.period();
    if (period < 0) {
      throw ApiException.badRequest("bad_number", "period must not be negative", "period");
    }
    return resources.startFetch(body.contractId(), period);
  }

  private static int period(Optional<String> text) {
    long p = text.map(t -> WorkflowRoutes.number(t, "period")).orElse(0L);
    if (p < 0 || p > Integer.MAX_VALUE) {
      throw ApiException.badRequest("bad_number", "period out of range", "period");
    }
    return (int) p;
  }

  private static Hash hash(String hex) {
    if (!hex.matches("[0-9a-f]{64}")) {
      throw ApiException.badRequest("bad_hash", "a SHA-256 in 64 lower-case hex digits", "hash");
    }
    return Hash.fromHex(hex);
  }
}
