package org.alliancechain.consensus.sim;

import java.util.EnumSet;
import java.util.Set;
import org.alliancechain.consensus.core.PlantedBug;

/**
 * One kind of simulated run; the seed decides everything else (which node is faulty, when the
 * network splits, which messages are lost).
 *
 * @param activeTicks ticks with faults; after them the network heals and crashed nodes restart
 * @param healTicksMax liveness bound: every transaction must be committed everywhere within it
 * @param lossPercent per-message loss while active
 * @param duplicatePercent per-message duplication
 * @param delayTicksMax delivery delay is uniform in 1..delayTicksMax (which also reorders)
 * @param clockSkewMillisMax each node's clock is off by up to this much
 * @param viewChangeLossPercent extra loss of view-change and new-view messages while active, on top
 *     of {@code lossPercent} (reliability finding 2: a lost view-change must not wedge a view)
 */
public record Scenario(
    String name,
    int validators,
    int transactions,
    int activeTicks,
    int healTicksMax,
    int lossPercent,
    int duplicatePercent,
    int delayTicksMax,
    boolean partitions,
    boolean crashes,
    boolean crashPrimary,
    long clockSkewMillisMax,
    Behavior byzantine,
    int byzantineCount,
    Set<PlantedBug> bugs,
    int viewChangeLossPercent) {

  public Scenario {
    bugs = bugs.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(bugs));
    int f = (validators - 1) / 3;
    if (byzantineCount > f || (byzantine == Behavior.HONEST) != (byzantineCount == 0)) {
      throw new IllegalArgumentException("at most f Byzantine validators, with a behaviour");
    }
  }

  public Scenario withValidators(int n) {
    int f = (n - 1) / 3;
    return new Scenario(
        name,
        n,
        transactions,
        activeTicks,
        healTicksMax,
        lossPercent,
        duplicatePercent,
        delayTicksMax,
        partitions,
        crashes,
        crashPrimary,
        clockSkewMillisMax,
        byzantine,
        Math.min(byzantineCount, f),
        bugs,
        viewChangeLossPercent);
  }

  public Scenario withBugs(Set<PlantedBug> planted) {
    return new Scenario(
        name,
        validators,
        transactions,
        activeTicks,
        healTicksMax,
        lossPercent,
        duplicatePercent,
        delayTicksMax,
        partitions,
        crashes,
        crashPrimary,
        clockSkewMillisMax,
        byzantine,
        byzantineCount,
        planted,
        viewChangeLossPercent);
  }

  private static Scenario of(
      String name, int n, boolean partitions, boolean crashes, Behavior byz, int byzCount) {
    return new Scenario(
        name,
        n,
        24,
        300,
        900,
        5,
        3,
        3,
        partitions,
        crashes,
        false,
        300,
        byz,
        byzCount,
        Set.of(),
        0);
  }

  public static Scenario normal(int n) {
    return of("normal", n, false, false, Behavior.HONEST, 0);
  }

  public static Scenario partitionsAndCrashes(int n) {
    return of("partitions-crashes", n, true, true, Behavior.HONEST, 0);
  }

  public static Scenario primaryCrashes(int n) {
    Scenario s = of("primary-crashes", n, false, true, Behavior.HONEST, 0);
    return new Scenario(
        s.name, n, 32, 300, 900, 2, 2, 2, false, true, true, 300, Behavior.HONEST, 0, Set.of(), 0);
  }

  public static Scenario byzantine(Behavior behavior, int n) {
    int count = behavior == Behavior.TWIN ? 1 : (n - 1) / 3;
    return of(behavior.name().toLowerCase(java.util.Locale.ROOT), n, false, false, behavior, count);
  }

  public static Scenario byzantineWithPrimaryCrash(Behavior behavior, int n) {
    return new Scenario(
        // Named like the behaviour alone, so that the replay command's --scenario finds it.
        behavior.name().toLowerCase(java.util.Locale.ROOT),
        n,
        32,
        300,
        900,
        2,
        2,
        2,
        false,
        true,
        true,
        300,
        behavior,
        1,
        Set.of(),
        0);
  }

  /**
   * Few transactions (so the replicas are idle most of the time, as in the soak's stall) while the
   * primary crashes and most view-changes and new-views are lost: after the heal every honest
   * replica must settle, idle, in one view in the normal phase (reliability finding 2).
   */
  public static Scenario viewChangeLoss(int n) {
    return new Scenario(
        "view-change-loss",
        n,
        4,
        300,
        900,
        2,
        2,
        3,
        false,
        true,
        true,
        300,
        Behavior.HONEST,
        0,
        Set.of(),
        60);
  }
}
