package org.alliancechain.cli.node;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.alliancechain.config.GenesisMember;
import org.alliancechain.p2p.api.ApiException;
import org.alliancechain.p2p.api.ApiRequest;
import org.alliancechain.token.TokenQueries;
import org.alliancechain.token.issuance.Issued;

/**
 * Contributions over time for the console's economy page (issue 10): the tokens the TCA issued to
 * each member, summed per range of block heights. Read from the ledger's issuance log (one entry
 * per block with issuance, SPEC M-19: visible to every member), which the node scans once and then
 * only the blocks added since the last call.
 */
final class Contributions {
  /** Most height ranges one answer splits the chain into. */
  static final int BUCKETS_MAX = 100;

  /** Default number of height ranges. */
  static final int BUCKETS_DEFAULT = 20;

  /**
   * Most heights with an issuance the index keeps; past it the oldest are dropped and the answer's
   * {@code fromHeight} says where the kept ones start.
   */
  static final int HEIGHTS_KEPT_MAX = 100_000;

  /** One height range; {@code tokens} runs parallel to the answer's {@code members}. */
  record Bucket(long fromHeight, long toHeight, List<Long> tokens) {}

  /** A member that was ever issued tokens (or a genesis member): name, key, all it was issued. */
  record MemberTotal(String member, String publicKey, long total) {}

  /**
   * Most heights one call reads from the issuance log, so the first call on a long chain answers
   * within the API's request deadline; the answer then covers heights up to {@code head}, below the
   * chain's, and later calls go on from there.
   */
  static final int SCAN_HEIGHTS_PER_CALL_MAX = 20_000;

  record View(
      long head,
      long fromHeight,
      long bucketBlocks,
      List<MemberTotal> members,
      List<Bucket> buckets) {}

  private final Node node;
  private long scanned;
  private long dropped;
  // height -> member key hex -> tokens issued at the end of that block; heights without issuance
  // are not kept.
  private final TreeMap<Long, Map<String, Long>> issued = new TreeMap<>();

  Contributions(Node node) {
    this.node = node;
  }

  View view(ApiRequest request) {
    long buckets =
        request
            .queryParam("buckets")
            .map(p -> WorkflowRoutes.number(p, "buckets"))
            .orElse((long) BUCKETS_DEFAULT);
    if (buckets < 1 || buckets > BUCKETS_MAX) {
      throw ApiException.badRequest("bad_buckets", "buckets is 1 to " + BUCKETS_MAX, "buckets");
    }
    synchronized (this) {
      long head = Math.min(node.store().head(), scanned + SCAN_HEIGHTS_PER_CALL_MAX);
      scan(head);
      return bucketed(head, buckets);
    }
  }

  private void scan(long head) {
    TokenQueries ledger = new TokenQueries(node.state());
    for (long h = scanned + 1; h <= head; h++) {
      Map<String, Long> at = new TreeMap<>();
      for (Issued i : ledger.issuedAt(h)) {
        at.merge(i.member().toHex(), i.amount(), Math::addExact);
      }
      if (!at.isEmpty()) {
        issued.put(h, at);
      }
      while (issued.size() > HEIGHTS_KEPT_MAX) {
        dropped = issued.pollFirstEntry().getKey();
      }
    }
    scanned = Math.max(scanned, head);
  }

  private View bucketed(long head, long buckets) {
    long from = dropped + 1;
    long span = Math.max(0, head - from + 1);
    long width = Math.max(1, (span + buckets - 1) / buckets);
    // Genesis members first, in genesis order, then any other key issued to, by key.
    Map<String, String> names = new LinkedHashMap<>();
    for (GenesisMember m : node.members()) {
      names.put(m.publicKey().toHex(), m.name());
    }
    for (Map<String, Long> at : issued.values()) {
      for (String key : at.keySet()) {
        names.putIfAbsent(key, "");
      }
    }
    List<String> keys = new ArrayList<>(names.keySet());
    List<long[]> sums = new ArrayList<>();
    for (long start = from; start <= head; start += width) {
      sums.add(new long[keys.size()]);
    }
    long[] totals = new long[keys.size()];
    for (var e : issued.entrySet()) {
      long[] row = sums.get((int) ((e.getKey() - from) / width));
      for (var m : e.getValue().entrySet()) {
        int i = keys.indexOf(m.getKey());
        row[i] = Math.addExact(row[i], m.getValue());
        totals[i] = Math.addExact(totals[i], m.getValue());
      }
    }
    List<Bucket> out = new ArrayList<>();
    for (int b = 0; b < sums.size(); b++) {
      long start = from + b * width;
      List<Long> tokens = new ArrayList<>();
      for (long t : sums.get(b)) {
        tokens.add(t);
      }
      out.add(new Bucket(start, Math.min(head, start + width - 1), tokens));
    }
    List<MemberTotal> members = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      members.add(new MemberTotal(names.get(keys.get(i)), keys.get(i), totals[i]));
    }
    return new View(head, from, width, members, out);
  }
}
