package org.alliancechain.cli.node;

import java.util.List;
import org.alliancechain.core.Hex;
import org.alliancechain.core.hash.Hash;
import org.alliancechain.p2p.api.ApiException;
import org.alliancechain.p2p.api.ApiResponse;
import org.alliancechain.p2p.api.Router;

/**
 * SPEC M-18, competitive mode (docs/api.md): the member's CLI hands its node the private record
 * behind a sealed request or offer before it signs the transaction; the node keeps it and serves it
 * to authorised peers. Never on chain.
 */
final class PrivateRecordRoutes {
  private PrivateRecordRoutes() {}

  /** {@code opening}: hex of the canonical (record, salt); {@code readers}: recipient addresses. */
  record KeepBody(String kind, String opening, List<String> readers) {}

  record HeldView(String commitment, String kind, boolean own) {}

  static void register(Router router, Node node) {
    router.post(
        "/private-records",
        r -> {
          KeepBody body = r.bodyAs(KeepBody.class);
          if (body.opening() == null || body.kind() == null) {
            throw ApiException.badRequest(
                "missing_field", "kind and opening are required", "opening");
          }
          byte[] opening;
          try {
            opening = Hex.decode(body.opening());
          } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("bad_hex", e.getMessage(), "opening");
          }
          List<String> readers = body.readers() == null ? List.of() : body.readers();
          return ApiResponse.ok(node.privateRecords().keep(body.kind(), opening, readers));
        });
    router.get(
        "/private-records/{commitment}",
        r -> {
          String hex = r.pathParam("commitment");
          if (!hex.matches("[0-9a-f]{64}")) {
            throw ApiException.badRequest("bad_hash", "64 lower-case hex digits", "commitment");
          }
          Hash c = Hash.fromHex(hex);
          var e =
              node.privateRecords()
                  .entry(c)
                  .orElseThrow(() -> ApiException.notFound("this node holds no record " + hex));
          return ApiResponse.ok(
              new HeldView(hex, e.kind().name().toLowerCase(java.util.Locale.ROOT), e.own()));
        });
  }
}
