package org.alliancechain.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.alliancechain.cli.client.ClientOptions;
import org.alliancechain.cli.client.NodeClient;
import org.alliancechain.cli.node.ApiViews;
import org.alliancechain.cli.node.WorkflowViews;
import org.alliancechain.contracts.recommend.InboxFilter;
import org.alliancechain.contracts.recommend.InboxItem;
import org.alliancechain.contracts.recommend.Rating;
import org.alliancechain.contracts.recommend.Recommender;
import org.alliancechain.contracts.sharing.AllianceMode;
import org.alliancechain.contracts.sharing.BroadcastOption;
import org.alliancechain.contracts.sharing.PrivateRecords;
import org.alliancechain.contracts.sharing.QualityRequirement;
import org.alliancechain.contracts.sharing.Request;
import org.alliancechain.contracts.sharing.ResourceType;
import org.alliancechain.token.engine.Lifecycle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Sharing requests (SPEC M-4, M-5, M-10): create, list, show, the ranked inbox, ratings. */
@Command(
    name = "request",
    mixinStandardHelpOptions = true,
    description = "Sharing requests: create, list, show, withdraw; your ranked inbox and ratings.",
    subcommands = {
      RequestCommand.Create.class,
      RequestCommand.ListRequests.class,
      RequestCommand.Show.class,
      RequestCommand.Inbox.class,
      RequestCommand.Rate.class,
      RequestCommand.Withdraw.class
    })
final class RequestCommand {
  private RequestCommand() {}

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = {
        "Publish a sharing request signed by your key (SPEC M-4).",
        "Cooperative alliances pay the DAO's reward standard: --reward defaults to it."
      },
      footer = {
        "",
        "Example:  alliance request create --type data --description 'sensor logs 2025'"
            + " --quantity 3 --deadline 7d"
      })
  static final class Create implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;
    @Mixin WalletCommand.SignOptions sign;

    @Option(
        names = "--type",
        required = true,
        paramLabel = "TYPE",
        description = "data, information, product, money, partner, human, ppe or knowledge")
    String type;

    @Option(names = "--description", required = true, paramLabel = "TEXT")
    String description;

    @Option(names = "--quantity", defaultValue = "1", paramLabel = "N")
    long quantity;

    @Option(names = "--reward", paramLabel = "TOKENS", description = "default: the reward standard")
    Long reward;

    @Option(
        names = "--deadline",
        defaultValue = "7d",
        paramLabel = "DURATION",
        description = "how long offers are taken: 90s, 30m, 12h, 7d (default 7d)")
    String deadline;

    @Option(names = "--id", paramLabel = "ID", description = "request id (default: generated)")
    String id;

    @Option(
        names = "--name",
        paramLabel = "TEXT",
        description = "requester's display name (default: member name)")
    String name;

    @Option(
        names = "--broadcast",
        paramLabel = "OPTION",
        description = "competitive only: ${COMPLETION-CANDIDATES} (default alliance_wide)")
    BroadcastOption broadcast;

    @Option(
        names = "--recipient",
        paramLabel = "MEMBER",
        description = {
          "competitive only: a member (name or address) who may read the request's private"
              + " record, repeatable (default: every member)"
        })
    List<String> recipients = new ArrayList<>();

    @Option(
        names = "--quality",
        paramLabel = "FUNCTION=BOUND",
        description = "competitive only: a quality requirement, repeatable")
    List<String> quality = new ArrayList<>();

    @Override
    public Integer call() {
      ResourceType resource = Workflows.resourceType(type);
      if (quantity < 1) {
        throw CliException.usage("--quantity must be positive");
      }
      String requestId = id != null ? id : Workflows.newId("r");
      Workflows.checkId(requestId, "request id");
      NodeClient client = options.client();
      var me = Workflows.ownKey(options);
      String mode = Workflows.mode(client);
      AllianceMode allianceMode = AllianceMode.valueOf(mode.toUpperCase(Locale.ROOT));
      long amount = reward != null ? reward : Workflows.parameter(client, "reward-standard-tokens");
      String display =
          name != null
              ? name
              : client.get("/accounts/" + me.toHex(), ApiViews.AccountView.class).member();
      long deadlineSeconds =
          System.currentTimeMillis() / 1000 + Workflows.seconds(deadline, "--deadline");
      Optional<BroadcastOption> how =
          allianceMode == AllianceMode.COMPETITIVE
              ? Optional.of(broadcast != null ? broadcast : BroadcastOption.ALLIANCE_WIDE)
              : Optional.empty();
      if (allianceMode == AllianceMode.COOPERATIVE && (broadcast != null || !quality.isEmpty())) {
        throw CliException.usage("--broadcast and --quality are for competitive alliances only");
      }
      Request request =
          new Request(
              requestId,
              allianceMode,
              Workflows.address(me),
              display.isEmpty() ? Workflows.address(me) : display,
              resource,
              description,
              quantity,
              qualities(),
              amount,
              deadlineSeconds,
              how);
      PrintWriter out = spec.commandLine().getOut();
      Request onChain = request;
      if (allianceMode == AllianceMode.COMPETITIVE) {
        // SPEC M-18: the record stays on this member's node; the ledger gets its hash
        var salt = Workflows.newSalt();
        Workflows.keepPrivate(
            client, "request", PrivateRecords.opening(request, salt), readers(client));
        onChain = PrivateRecords.seal(request, salt);
      } else if (!recipients.isEmpty()) {
        throw CliException.usage("--recipient is for competitive alliances only");
      }
      Workflows.sendLifecycle(options, sign, new Lifecycle.SubmitRequest(onChain), out);
      out.printf("request %s%n", requestId);
      if (onChain.sealed()) {
        out.printf(
            "on chain: hash %s (the record stays on your node)%n",
            onChain.commitment().orElseThrow().toHex());
      }
      return 0;
    }

    private List<String> readers(NodeClient client) {
      List<String> out = new ArrayList<>();
      if (recipients.isEmpty()) {
        return out;
      }
      var members = client.get("/members", ApiViews.Members.class).members();
      for (String r : recipients) {
        out.add(
            members.stream()
                .filter(m -> m.name().equals(r) || m.address().equals(r))
                .map(ApiViews.MemberView::address)
                .findFirst()
                .orElseThrow(() -> CliException.usage("--recipient: no member " + r)));
      }
      return out;
    }

    private List<QualityRequirement> qualities() {
      List<QualityRequirement> out = new ArrayList<>();
      for (String q : quality) {
        int eq = q.indexOf('=');
        if (eq <= 0) {
          throw CliException.usage("--quality expects FUNCTION=BOUND, got " + q);
        }
        try {
          out.add(new QualityRequirement(q.substring(0, eq), Long.parseLong(q.substring(eq + 1))));
        } catch (NumberFormatException e) {
          throw CliException.usage("--quality bound must be an integer: " + q);
        }
      }
      return out;
    }
  }

  /** Plain filters (SPEC M-10) shared by list and inbox. */
  static final class Filters {
    @Option(names = "--type", paramLabel = "TYPE", description = "only this resource type")
    String type;

    @Option(names = "--min-reward", defaultValue = "0", paramLabel = "TOKENS")
    long minReward;

    @Option(
        names = "--requester",
        paramLabel = "MEMBER",
        description = "only this requester (member name)")
    String requester;

    boolean accepts(WorkflowViews.RequestView r) {
      return (type == null
              || r.type().equals(Workflows.resourceType(type).name().toLowerCase(Locale.ROOT)))
          && r.reward() >= minReward
          && (requester == null
              || requester.equals(r.requesterMember())
              || requester.equals(r.requester()));
    }
  }

  static void table(PrintWriter w, List<WorkflowViews.RequestView> requests) {
    w.printf(
        "%-20s %-10s %-12s %8s %8s %-16s %s%n",
        "ID", "REQUESTER", "TYPE", "QUANTITY", "REWARD", "PHASE", "OFFERS");
    for (WorkflowViews.RequestView r : requests) {
      w.printf(
          "%-20s %-10s %-12s %8d %8d %-16s %d%n",
          r.id(),
          r.requesterMember(),
          r.type(),
          r.quantity(),
          r.reward(),
          r.phase(),
          r.offers().size());
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Every request on the ledger, newest first, with plain filters.",
      footer = {"", "Example:  alliance request list --type data --phase open"})
  static final class ListRequests implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;
    @Mixin Filters filters;

    @Option(
        names = "--phase",
        paramLabel = "PHASE",
        description = "open, accepted, contract_drafted, signed, active, fulfilled, ...")
    String phase;

    @Override
    public Integer call() {
      var all = options.client().get("/requests", WorkflowViews.RequestList.class);
      List<WorkflowViews.RequestView> shown = new ArrayList<>();
      for (var r : all.requests()) {
        if (filters.accepts(r) && (phase == null || r.phase().equalsIgnoreCase(phase))) {
          shown.add(r);
        }
      }
      PrintWriter w = spec.commandLine().getOut();
      if (options.json()) {
        Workflows.json(w, new WorkflowViews.RequestList(all.height(), shown));
      } else {
        table(w, shown);
      }
      return 0;
    }
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "One request with its offers.",
      footer = {"", "Example:  alliance request show r-1"})
  static final class Show implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;

    @Parameters(paramLabel = "ID")
    String id;

    @Override
    public Integer call() {
      var r = Workflows.request(options.client(), id);
      PrintWriter w = spec.commandLine().getOut();
      if (options.json()) {
        Workflows.json(w, r);
        return 0;
      }
      w.printf("request %s (%s, %s)%n", r.id(), r.mode(), r.phase());
      w.printf("  requester  %s %s%n", r.requesterMember(), r.requester());
      w.printf("  type       %s x %d%n", r.type(), r.quantity());
      w.printf("  reward     %d tokens%n", r.reward());
      w.printf("  deadline   %s%n", java.time.Instant.ofEpochSecond(r.deadlineSeconds()));
      w.printf("  about      %s%n", r.description());
      if (r.contractId() != null) {
        w.printf("  contract   %s%n", r.contractId());
      }
      OfferCommand.table(w, r.offers());
      return 0;
    }
  }

  @Command(
      name = "inbox",
      mixinStandardHelpOptions = true,
      description = {
        "Open requests you can answer, ranked for you (SPEC M-10): your ratings of request kinds"
            + " first (and those of providers who rate like you), then reward, deadline, id.",
        "Ratings are kept in ratings.json next to your profile (see: request rate)."
      },
      footer = {"", "Example:  alliance request inbox --min-reward 50"})
  static final class Inbox implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;
    @Mixin Filters filters;
    @Mixin RatingsFile ratingsFile;

    @Override
    public Integer call() {
      String me = Workflows.address(Workflows.ownKey(options));
      var all = options.client().get("/requests", WorkflowViews.RequestList.class);
      java.util.Map<String, WorkflowViews.RequestView> byId = new java.util.TreeMap<>();
      List<InboxItem> items = new ArrayList<>();
      for (var r : all.requests()) {
        if (r.phase().equals("open") && !r.requester().equals(me) && filters.accepts(r)) {
          byId.put(r.id(), r);
          items.add(
              new InboxItem(
                  r.id(),
                  Workflows.resourceType(r.type()),
                  r.requester(),
                  r.reward(),
                  r.deadlineSeconds()));
        }
      }
      List<Rating> ratings = ratingsFile.load(options, me);
      var ranked = new Recommender(ratings).rank(me, items, new InboxFilter(Set.of(), 0, Set.of()));
      List<WorkflowViews.RequestView> shown = new ArrayList<>();
      ranked.forEach(x -> shown.add(byId.get(x.item().requestId())));
      PrintWriter w = spec.commandLine().getOut();
      if (options.json()) {
        Workflows.json(w, new WorkflowViews.RequestList(all.height(), shown));
      } else {
        table(w, shown);
      }
      return 0;
    }
  }

  /** Where a member's ratings live: a local file, as the recommender runs for its own member. */
  static final class RatingsFile {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int RATINGS_MAX = 10_000;

    @Option(
        names = "--ratings",
        paramLabel = "FILE",
        description = "ratings file (default: ratings.json next to the profile)")
    Path file;

    Path path(ClientOptions options) {
      if (file != null) {
        return file;
      }
      return options.profileFolder().orElse(Path.of(".")).resolve("ratings.json");
    }

    /** The stored ratings; the file's own entries are this member's. */
    List<Rating> load(ClientOptions options, String me) {
      Path p = path(options);
      if (!Files.isRegularFile(p)) {
        return List.of();
      }
      try {
        List<StoredRating> stored =
            JSON.readValue(p.toFile(), new TypeReference<List<StoredRating>>() {});
        if (stored.size() > RATINGS_MAX) {
          throw CliException.failure(p + " holds over " + RATINGS_MAX + " ratings");
        }
        List<Rating> out = new ArrayList<>();
        for (StoredRating s : stored) {
          out.add(
              new Rating(
                  s.provider() == null ? me : s.provider(),
                  Workflows.resourceType(s.kind()),
                  s.stars()));
        }
        return out;
      } catch (IOException | IllegalArgumentException e) {
        throw CliException.failure("cannot read ratings " + p + ": " + e.getMessage());
      }
    }

    void save(ClientOptions options, List<StoredRating> ratings) {
      Path p = path(options);
      try {
        Files.writeString(p, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(ratings));
      } catch (IOException e) {
        throw CliException.failure("cannot write ratings " + p + ": " + e.getMessage());
      }
    }
  }

  /** One line of ratings.json; {@code provider} is an address (absent: this member). */
  record StoredRating(String provider, String kind, int stars) {}

  @Command(
      name = "rate",
      mixinStandardHelpOptions = true,
      description =
          "Rate a kind of request (a resource type) 1 to 5 stars, for your inbox ranking.",
      footer = {"", "Example:  alliance request rate data 5"})
  static final class Rate implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;
    @Mixin RatingsFile ratingsFile;

    @Parameters(index = "0", paramLabel = "TYPE")
    String type;

    @Parameters(index = "1", paramLabel = "STARS")
    int stars;

    @Override
    public Integer call() {
      ResourceType kind = Workflows.resourceType(type);
      if (stars < Rating.STARS_MIN || stars > Rating.STARS_MAX) {
        throw CliException.usage("stars are 1 to 5, got " + stars);
      }
      String me = Workflows.address(Workflows.ownKey(options));
      List<StoredRating> kept = new ArrayList<>();
      for (Rating r : ratingsFile.load(options, me)) {
        if (!(r.provider().equals(me) && r.kind() == kind)) {
          kept.add(
              new StoredRating(r.provider(), r.kind().name().toLowerCase(Locale.ROOT), r.stars()));
        }
      }
      kept.add(new StoredRating(me, kind.name().toLowerCase(Locale.ROOT), stars));
      ratingsFile.save(options, kept);
      spec.commandLine()
          .getOut()
          .printf(
              "rated %s %d stars in %s%n",
              kind.name().toLowerCase(Locale.ROOT), stars, ratingsFile.path(options));
      return 0;
    }
  }

  @Command(
      name = "withdraw",
      mixinStandardHelpOptions = true,
      description = "Withdraw your request before a contract is drafted.",
      footer = {"", "Example:  alliance request withdraw r-1"})
  static final class Withdraw implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;
    @Mixin WalletCommand.SignOptions sign;

    @Parameters(paramLabel = "ID")
    String id;

    @Override
    public Integer call() {
      Workflows.checkId(id, "request id");
      Workflows.sendLifecycle(
          options, sign, new Lifecycle.WithdrawRequest(id), spec.commandLine().getOut());
      return 0;
    }
  }
}
