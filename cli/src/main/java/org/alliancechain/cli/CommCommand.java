package org.alliancechain.cli;

import java.util.concurrent.Callable;
import org.alliancechain.cli.client.ClientOptions;
import org.alliancechain.cli.client.NodeClient;
import org.alliancechain.cli.node.ApiViews;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** SPEC M-8: the paper's communication-time averages as this node observed them. */
@Command(
    name = "comm",
    mixinStandardHelpOptions = true,
    description = "Communication over the broadcast trees.",
    subcommands = {CommCommand.Times.class})
final class CommCommand {

  @Command(
      name = "times",
      mixinStandardHelpOptions = true,
      description = {
        "f_ACO (paper eq. (1), cooperative) and f_ACM (eq. (3), competitive) over the routes this",
        "node received announcements on, with the route counts N, N_P and N_NP."
      },
      footer = {"", "Example:  alliance comm times --profile alliance/birch/profile.yaml"})
  static final class Times implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;

    @Override
    public Integer call() {
      ApiViews.CommTimesView t = options.client().get("/comm-times", ApiViews.CommTimesView.class);
      var w = spec.commandLine().getOut();
      if (options.json()) {
        w.println(NodeClient.toJson(t));
        return 0;
      }
      w.printf("f_ACO %d us over N=%d routes (eq. 1)%n", t.fAcoMicros(), t.n());
      w.printf(
          "f_ACM %d us over N_P=%d + N_NP=%d routes (eq. 3)%n", t.fAcmMicros(), t.nP(), t.nNp());
      if (t.directRoutes() > 0) {
        w.printf(
            "direct point-to-point %d us over %d routes (outside eq. 3)%n",
            t.directMicros(), t.directRoutes());
      }
      return 0;
    }
  }
}
