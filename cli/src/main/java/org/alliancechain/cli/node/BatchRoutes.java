package org.alliancechain.cli.node;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.Verdict;
import org.alliancechain.core.codec.DecodeException;
import org.alliancechain.core.tx.Transaction;
import org.alliancechain.core.tx.TxBatch;
import org.alliancechain.p2p.api.ApiException;
import org.alliancechain.p2p.api.ApiRequest;
import org.alliancechain.p2p.api.ApiResponse;
import org.alliancechain.p2p.api.Router;

/**
 * {@code POST /txs}: many signed transactions in one request, in the canonical binary form ({@link
 * TxBatch}, {@code application/octet-stream}), for clients that submit in bulk (the load generator
 * of {@code alliance bench}). One JSON or hex round per transaction and one HTTP round trip per
 * transaction cost more than the transaction itself (docs/benchmarks.md, step 2).
 */
final class BatchRoutes {
  private BatchRoutes() {}

  /** The answer: how many were admitted, and the refused ones by index in the batch. */
  record BatchResult(int accepted, List<Refusal> refused) {}

  record Refusal(int index, String error, String detail) {}

  static void register(Router router, Node node) {
    router.post("/txs", r -> submit(node, r));
  }

  private static ApiResponse submit(Node node, ApiRequest request) {
    Bytes body = request.body();
    List<Transaction> txs;
    try {
      txs = TxBatch.decode(body.unsafeArray(), 0, body.size());
    } catch (DecodeException e) {
      throw ApiException.badRequest("bad_batch", e.getMessage(), "body");
    }
    List<Verdict> verdicts = node.submitAll(txs);
    List<Refusal> refused = new ArrayList<>();
    for (int i = 0; i < verdicts.size(); i++) {
      Verdict v = verdicts.get(i);
      if (!v.isOk()) {
        if (v.reason().equals("shutting_down")) {
          throw new ApiException(503, v.reason(), v.detail(), Optional.empty());
        }
        refused.add(new Refusal(i, v.reason(), v.detail()));
      }
    }
    return ApiResponse.json(202, new BatchResult(txs.size() - refused.size(), refused));
  }
}
