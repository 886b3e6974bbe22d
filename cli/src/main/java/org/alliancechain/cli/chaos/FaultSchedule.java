package org.alliancechain.cli.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.alliancechain.cli.node.TestSwitches;

/**
 * The seeded fault schedule: the same seed and members give the same faults in the same order, so a
 * failing run is replayed with {@code --seed}. Faults come one at a time and each touches at most f
 * validators (one, with four), except the even split, which stops progress on purpose and must heal
 * without a fork. Timing between faults depends on how fast the nodes recover, so a replay repeats
 * the faults, not the exact interleaving with the load.
 */
final class FaultSchedule {
  /** The kinds of fault, in report order. */
  enum Kind {
    KILL,
    PAUSE,
    DELAY,
    DROP,
    CUT,
    ONE_WAY_CUT,
    ISOLATE,
    SPLIT,
    CRASH_AT,
    DISK_FULL;

    String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /** Stands for "the primary of the current view", resolved when the fault is applied. */
  static final String PRIMARY = "<primary>";

  /**
   * One fault: {@code victim} (a member or {@link #PRIMARY}), {@code peer} for link faults, how
   * long it holds, and its parameter: delay in ms, drop probability per mille, or the crash point.
   */
  record Fault(
      Kind kind,
      String victim,
      String peer,
      long holdMillis,
      long parameter,
      TestSwitches.WriteKind crashKind) {
    String describe() {
      return switch (kind) {
        case KILL -> "SIGKILL " + victim + ", restart";
        case PAUSE -> "SIGSTOP " + victim + " for " + holdMillis + " ms, SIGCONT";
        case DELAY ->
            "delay " + victim + "<->" + peer + " by " + parameter + " ms for " + holdMillis + " ms";
        case DROP ->
            "drop "
                + parameter
                + "/1000 of chunks "
                + victim
                + "<->"
                + peer
                + " for "
                + holdMillis
                + " ms";
        case CUT -> "cut " + victim + "<->" + peer + " for " + holdMillis + " ms";
        case ONE_WAY_CUT -> "cut " + victim + "->" + peer + " one way for " + holdMillis + " ms";
        case ISOLATE -> "partition {" + victim + "} | rest for " + holdMillis + " ms";
        case SPLIT -> "partition " + victim + " for " + holdMillis + " ms (no quorum either side)";
        case CRASH_AT ->
            "restart "
                + victim
                + " to halt at "
                + crashKind.label()
                + " write "
                + parameter
                + ", restart";
        case DISK_FULL -> "fill " + victim + "'s disk, fix it after " + holdMillis + " ms, restart";
      };
    }
  }

  private final SplittableRandom random;
  private final List<String> members;
  private final List<Fault> prefix = new ArrayList<>();
  private final int sweepSize;

  private final List<Kind> kinds;

  FaultSchedule(long seed, List<String> members, int crashSweep) {
    this(seed, members, crashSweep, java.util.EnumSet.allOf(Kind.class));
  }

  /** {@code kinds}: the random faults drawn from (the crash sweep comes first regardless). */
  FaultSchedule(long seed, List<String> members, int crashSweep, java.util.Set<Kind> kinds) {
    if (kinds.isEmpty()) {
      throw new IllegalArgumentException("no fault kind to draw from");
    }
    this.kinds = List.copyOf(new java.util.TreeSet<>(kinds));
    this.random = new SplittableRandom(seed);
    this.members = List.copyOf(members);
    // The crash sweep: every write kind, every k up to the bound, each on a member in turn.
    int i = 0;
    for (TestSwitches.WriteKind kind : TestSwitches.WriteKind.values()) {
      for (int k = 1; k <= crashSweep; k++) {
        String victim = this.members.get(i++ % this.members.size());
        prefix.add(new Fault(Kind.CRASH_AT, victim, "", 0, k, kind));
      }
    }
    this.sweepSize = prefix.size();
  }

  /** How many faults the crash sweep has (the first ones {@link #next} returns). */
  int sweepSize() {
    return sweepSize;
  }

  /** The next fault (the crash sweep first, then random ones, without end). */
  Fault next() {
    if (!prefix.isEmpty()) {
      return prefix.remove(0);
    }
    Kind kind = kinds.get(random.nextInt(kinds.size()));
    if (kind == Kind.SPLIT && members.size() < 4) {
      kind = Kind.ISOLATE;
    }
    String victim = pick();
    String peer = pickOther(victim);
    long hold = 1_000 + random.nextLong(4_000);
    return switch (kind) {
      // Half the kills and pauses hit the primary, the node whose loss costs a view change.
      case KILL, PAUSE ->
          new Fault(kind, random.nextBoolean() ? PRIMARY : victim, "", hold, 0, null);
      case DELAY -> new Fault(kind, victim, peer, hold, 50 + random.nextLong(450), null);
      case DROP -> new Fault(kind, victim, peer, hold, 10 + random.nextLong(190), null);
      case CUT, ONE_WAY_CUT, ISOLATE -> new Fault(kind, victim, peer, hold, 0, null);
      case SPLIT -> new Fault(kind, splitSide(), "", hold, 0, null);
      case CRASH_AT -> {
        TestSwitches.WriteKind[] w = TestSwitches.WriteKind.values();
        yield new Fault(kind, victim, "", 0, 1 + random.nextInt(3), w[random.nextInt(w.length)]);
      }
      case DISK_FULL -> new Fault(kind, victim, "", hold, 0, null);
    };
  }

  private String pick() {
    return members.get(random.nextInt(members.size()));
  }

  private String pickOther(String victim) {
    String other;
    do {
      other = pick();
    } while (other.equals(victim));
    return other;
  }

  /** Half the members, as a comma-separated side of an even split. */
  private String splitSide() {
    List<String> shuffled = new ArrayList<>(members);
    for (int i = shuffled.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      String t = shuffled.get(i);
      shuffled.set(i, shuffled.get(j));
      shuffled.set(j, t);
    }
    List<String> side = new ArrayList<>(shuffled.subList(0, members.size() / 2));
    side.sort(null);
    return String.join(",", side);
  }
}
