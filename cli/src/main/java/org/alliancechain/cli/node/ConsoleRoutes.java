package org.alliancechain.cli.node;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.alliancechain.contracts.recommend.InboxFilter;
import org.alliancechain.contracts.recommend.InboxItem;
import org.alliancechain.contracts.recommend.Recommender;
import org.alliancechain.contracts.sharing.ResourceType;
import org.alliancechain.core.crypto.Address;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.p2p.api.ApiException;
import org.alliancechain.p2p.api.ApiRequest;
import org.alliancechain.p2p.api.ApiResponse;
import org.alliancechain.p2p.api.Router;
import org.alliancechain.p2p.api.StaticFiles;
import org.alliancechain.token.TokenQueries;

/**
 * The web console (issue 10): static pages bundled in the jar under {@code /console}, which read
 * the same public API as the CLI and hold no keys, plus the one read-only route they needed that
 * the API lacked: {@code GET /inbox}, {@code GET /accounts/{key}/history} and {@code GET
 * /contributions}.
 */
final class ConsoleRoutes {
  static final String PREFIX = "/console";

  /** The charting library's WebJar (pinned in the root pom), served at /console/vendor/uplot/. */
  private static final String UPLOT_POM = "META-INF/maven/org.webjars.npm/uplot/pom.properties";

  private ConsoleRoutes() {}

  static void register(Router router, Node node, Supplier<WorkflowViews.RequestList> requests) {
    router.files(PREFIX, files());
    router.get("/inbox", r -> ApiResponse.ok(inbox(node, requests.get())));
    router.get("/accounts/{key}/history", r -> ApiResponse.ok(history(node, r)));
    Contributions contributions = new Contributions(node);
    router.get("/contributions", r -> ApiResponse.ok(contributions.view(r)));
  }

  /** Most points one balance history returns, spread evenly over the kept heights. */
  static final int HISTORY_POINTS_MAX = 200;

  /**
   * An account's tokens, money and stake at up to {@code points} heights from the oldest kept state
   * to the head, read from the versioned state tree (the same values `GET /accounts/{key}` showed
   * at each height). Heights whose state was pruned are left out.
   */
  static WorkflowViews.AccountHistory history(Node node, ApiRequest request) {
    PublicKey key;
    try {
      key = PublicKey.fromHex(request.pathParam("key"));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("bad_key", "expected a public key in hex", "key");
    }
    long points =
        request.queryParam("points").map(p -> WorkflowRoutes.number(p, "points")).orElse(100L);
    if (points < 1 || points > HISTORY_POINTS_MAX) {
      throw ApiException.badRequest("bad_points", "points is 1 to " + HISTORY_POINTS_MAX, "points");
    }
    long head = node.store().head();
    long step = Math.max(1, (head + points - 1) / points);
    List<WorkflowViews.BalancePoint> out = new ArrayList<>();
    for (long h = head; h >= 1 && out.size() < points; h -= step) {
      if (node.store().stateRoot(h).isEmpty()) {
        break; // pruned: older heights are gone too
      }
      long height = h;
      TokenQueries at = new TokenQueries(k -> node.store().stateTree().get(k, height));
      var account = at.account(key);
      long millis = node.store().block(h).map(b -> b.block().header().timestampMillis()).orElse(0L);
      out.add(
          new WorkflowViews.BalancePoint(
              h, millis, account.tokens(), account.money(), at.stake(key, h)));
    }
    java.util.Collections.reverse(out);
    return new WorkflowViews.AccountHistory(key.toHex(), head, out);
  }

  static StaticFiles files() {
    ClassLoader loader = ConsoleRoutes.class.getClassLoader();
    String uplot = "META-INF/resources/webjars/uplot/" + webJarVersion(loader, UPLOT_POM) + "/";
    return new StaticFiles(
        List.of(
            // The vendor URL carries no version, so it is cached for an hour rather than forever.
            new StaticFiles.Mount("vendor/uplot/", uplot, "public, max-age=3600"),
            // The console's own files change with the node's version: always revalidate (ETag).
            new StaticFiles.Mount("", "console/", "no-cache")),
        "index.html",
        loader);
  }

  private static String webJarVersion(ClassLoader loader, String pomProperties) {
    try (InputStream in = loader.getResourceAsStream(pomProperties)) {
      if (in == null) {
        throw new IllegalStateException("the jar lacks " + pomProperties);
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Open requests of other members, ranked for this node's member by the contracts module's
   * recommender (SPEC M-10). Ratings are each member's local file (docs/cli.md), which the node
   * does not hold, so this is the ranking without ratings: reward, then deadline, then id;
   * `alliance request inbox` adds the member's ratings.
   */
  static WorkflowViews.InboxList inbox(Node node, WorkflowViews.RequestList all) {
    String me =
        Address.of(
                new org.alliancechain.token.TokenQueries(node.state())
                    .memberOf(node.key().publicKey()))
            .toText();
    Map<String, WorkflowViews.RequestView> byId = new TreeMap<>();
    List<InboxItem> items = new ArrayList<>();
    for (WorkflowViews.RequestView r : all.requests()) {
      if (r.phase().equals("open") && !r.requester().equals(me)) {
        byId.put(r.id(), r);
        items.add(
            new InboxItem(
                r.id(),
                ResourceType.valueOf(r.type().toUpperCase(Locale.ROOT)),
                r.requester(),
                r.reward(),
                r.deadlineSeconds()));
      }
    }
    List<WorkflowViews.InboxEntry> ranked = new ArrayList<>();
    for (Recommender.Ranked x : new Recommender(List.of()).rank(me, items, InboxFilter.none())) {
      ranked.add(
          new WorkflowViews.InboxEntry(
              ranked.size() + 1, x.score().orElse(null), byId.get(x.item().requestId())));
    }
    return new WorkflowViews.InboxList(all.height(), node.self().name(), me, ranked);
  }
}
