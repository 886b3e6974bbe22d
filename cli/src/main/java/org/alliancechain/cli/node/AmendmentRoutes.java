package org.alliancechain.cli.node;

import java.util.List;
import org.alliancechain.p2p.api.ApiException;
import org.alliancechain.p2p.api.ApiResponse;
import org.alliancechain.p2p.api.Router;
import org.alliancechain.token.engine.ContractsEngine;

/** The amendment pending on a contract (SPEC M-15), for the parties who must sign it. */
final class AmendmentRoutes {
  private AmendmentRoutes() {}

  public record AmendmentView(
      String contractId,
      String documentHash,
      List<String> approvals,
      long proposedHeight,
      String document) {}

  static void register(Router router, Node node) {
    router.get(
        "/contracts/{id}/amendment",
        r -> {
          String id = r.pathParam("id");
          return ApiResponse.ok(
              ContractsEngine.pendingAmendment(node.state(), id)
                  .map(
                      p ->
                          new AmendmentView(
                              id,
                              p.documentHash().toHex(),
                              List.copyOf(p.approvals()),
                              p.proposedHeight(),
                              p.document()))
                  .orElseThrow(() -> ApiException.notFound("no amendment pending on " + id)));
        });
  }
}
