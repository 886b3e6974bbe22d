package org.alliancechain.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.alliancechain.cli.client.ClientOptions;
import org.alliancechain.cli.node.WorkflowViews;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The continuous-amelioration report (SPEC M-25). */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = "The continuous-amelioration report: activity, anomalies, contract defects.",
    subcommands = {ReportCommand.Show.class})
final class ReportCommand {
  private ReportCommand() {}

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "The latest report (one every amelioration-interval-blocks blocks).",
      footer = {"", "Example:  alliance report show --output json"})
  static final class Show implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;

    @Override
    public Integer call() {
      var r = options.client().get("/report", WorkflowViews.ReportView.class);
      PrintWriter w = spec.commandLine().getOut();
      if (options.json()) {
        Workflows.json(w, r);
        return 0;
      }
      w.printf(
          "blocks %d to %d: %s%n",
          r.fromHeight(), r.toHeight(), r.clean() ? "clean" : "needs attention");
      w.printf(
          "%-10s %8s %10s %8s %8s %10s %10s%n",
          "MEMBER", "CONTRIB", "VALUE", "REWARDS", "CANCELS", "TOTAL_CONT", "TOTAL_REW");
      for (var m : r.members()) {
        w.printf(
            "%-10s %8d %10d %8d %8d %10d %10d%n",
            m.member(),
            m.contributions(),
            m.contributionValue(),
            m.rewards(),
            m.cancellations(),
            m.totalContributions(),
            m.totalRewards());
      }
      for (var a : r.anomalies()) {
        w.printf("anomaly %s %s: %s%n", a.kind(), a.members(), a.detail());
      }
      for (var d : r.defects()) {
        w.printf("defect  %s %s at %d: %s%n", d.contractId(), d.kind(), d.height(), d.reason());
      }
      if (r.defectsOmitted() > 0) {
        w.printf("(%d more defects omitted)%n", r.defectsOmitted());
      }
      return 0;
    }
  }
}
