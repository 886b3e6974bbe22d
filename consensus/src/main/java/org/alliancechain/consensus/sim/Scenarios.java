package org.alliancechain.consensus.sim;

import java.util.List;

/** The named scenarios of the default suite and of {@code alliance dev simulate}. */
public final class Scenarios {
  private Scenarios() {}

  public static List<String> names() {
    return List.of(
        "normal",
        "partitions-crashes",
        "primary-crashes",
        "view-change-loss",
        "silent",
        "equivocate",
        "bad_signature",
        "bad_digest",
        "replay_old",
        "withhold",
        "lying_new_view",
        "twin");
  }

  public static Scenario byName(String name) {
    return switch (name) {
      case "normal" -> Scenario.normal(4);
      case "partitions-crashes" -> Scenario.partitionsAndCrashes(4);
      case "primary-crashes" -> Scenario.primaryCrashes(4);
      case "view-change-loss" -> Scenario.viewChangeLoss(4);
      case "lying_new_view" -> Scenario.byzantineWithPrimaryCrash(Behavior.LYING_NEW_VIEW, 4);
      default -> {
        for (Behavior b : Behavior.values()) {
          if (b != Behavior.HONEST && b.name().toLowerCase(java.util.Locale.ROOT).equals(name)) {
            yield Scenario.byzantine(b, 4);
          }
        }
        throw new IllegalArgumentException("unknown scenario " + name + "; known: " + names());
      }
    };
  }
}
