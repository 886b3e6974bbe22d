package org.alliancechain.cli.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.alliancechain.cli.node.TestSwitches;
import org.junit.jupiter.api.Test;

class FaultScheduleTest {
  private static final List<String> MEMBERS = List.of("v01", "v02", "v03", "v04");
  private static final long SEED = Long.getLong("chaos.schedule.seed", 20261126L);

  private static List<FaultSchedule.Fault> take(FaultSchedule s, int n) {
    List<FaultSchedule.Fault> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(s.next());
    }
    return out;
  }

  @Test
  void theSameSeedGivesTheSameFaults() {
    System.out.println("FaultScheduleTest seed " + SEED + " (-Dchaos.schedule.seed= to replay)");
    assertThat(take(new FaultSchedule(SEED, MEMBERS, 0), 200))
        .isEqualTo(take(new FaultSchedule(SEED, MEMBERS, 0), 200))
        .isNotEqualTo(take(new FaultSchedule(SEED + 1, MEMBERS, 0), 200));
  }

  // Issue 9: crash at every persistence point, for every k up to the bound, first.
  @Test
  void theCrashSweepCoversEveryWriteKindAndEveryKUpToTheBound() {
    FaultSchedule s = new FaultSchedule(SEED, MEMBERS, 3);
    assertThat(s.sweepSize()).isEqualTo(9);
    Set<String> points = new java.util.TreeSet<>();
    for (FaultSchedule.Fault f : take(s, 9)) {
      assertThat(f.kind()).isEqualTo(FaultSchedule.Kind.CRASH_AT);
      points.add(f.crashKind().label() + ":" + f.parameter());
    }
    assertThat(points)
        .containsExactlyInAnyOrder(
            "block-batch:1",
            "block-batch:2",
            "block-batch:3",
            "vote:1",
            "vote:2",
            "vote:3",
            "checkpoint:1",
            "checkpoint:2",
            "checkpoint:3");
    assertThat(s.next().kind()).isNotNull();
  }

  @Test
  void randomFaultsCoverEveryKindAndTouchOneNodeOrAnEvenSplit() {
    System.out.println("FaultScheduleTest seed " + SEED + " (-Dchaos.schedule.seed= to replay)");
    EnumSet<FaultSchedule.Kind> seen = EnumSet.noneOf(FaultSchedule.Kind.class);
    for (FaultSchedule.Fault f : take(new FaultSchedule(SEED, MEMBERS, 0), 500)) {
      seen.add(f.kind());
      assertThat(f.holdMillis()).isBetween(0L, 5_000L);
      switch (f.kind()) {
        case SPLIT -> assertThat(f.victim().split(",", -1)).hasSize(2).isSubsetOf(MEMBERS);
        case KILL, PAUSE ->
            assertThat(f.victim())
                .isIn(new ArrayList<>(List.of("v01", "v02", "v03", "v04", FaultSchedule.PRIMARY)));
        case DELAY, DROP, CUT, ONE_WAY_CUT -> {
          assertThat(f.victim()).isIn(MEMBERS).isNotEqualTo(f.peer());
          assertThat(f.peer()).isIn(MEMBERS);
        }
        case CRASH_AT -> {
          assertThat(f.parameter()).isBetween(1L, 3L);
          assertThat(f.crashKind()).isIn((Object[]) TestSwitches.WriteKind.values());
        }
        case ISOLATE, DISK_FULL -> assertThat(f.victim()).isIn(MEMBERS);
      }
    }
    assertThat(seen).isEqualTo(EnumSet.allOf(FaultSchedule.Kind.class));
  }
}
