package org.alliancechain.p2p.tree;

/**
 * The timed hops of one route (SPEC M-8), in microseconds. A cooperative route has {@code ca} and
 * {@code ac}; a competitive one through a private alliance node has {@code cp}, {@code pa} and
 * {@code ac}; one without has {@code ca} and {@code ac}; a direct one only {@code direct}.
 */
public record RouteSample(Kind kind, long caMicros, long acMicros, long cpMicros, long paMicros) {
  /** Which formula term the route belongs to. */
  public enum Kind {
    COOPERATIVE,
    COMPETITIVE_PRIVATE,
    COMPETITIVE_NON_PRIVATE,
    DIRECT
  }

  public RouteSample {
    if (caMicros < 0 || acMicros < 0 || cpMicros < 0 || paMicros < 0) {
      throw new IllegalArgumentException("hop times are non-negative");
    }
  }

  public static RouteSample cooperative(long caMicros, long acMicros) {
    return new RouteSample(Kind.COOPERATIVE, caMicros, acMicros, 0, 0);
  }

  public static RouteSample viaPrivateAlliance(long cpMicros, long paMicros, long acMicros) {
    return new RouteSample(Kind.COMPETITIVE_PRIVATE, 0, acMicros, cpMicros, paMicros);
  }

  public static RouteSample viaAlliance(long caMicros, long acMicros) {
    return new RouteSample(Kind.COMPETITIVE_NON_PRIVATE, caMicros, acMicros, 0, 0);
  }

  public static RouteSample direct(long micros) {
    return new RouteSample(Kind.DIRECT, micros, 0, 0, 0);
  }
}
