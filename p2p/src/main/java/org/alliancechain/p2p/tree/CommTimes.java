package org.alliancechain.p2p.tree;

/**
 * The paper's communication-time averages (SPEC M-8) over the routes a node observed, in integer
 * microseconds (rounded down) with the route counts they are taken over. Thread-safe.
 *
 * <pre>
 *   f_ACO = Σ_{i=1..N} (f_CA + f_AC) / N                                            paper eq. (1)
 *   f_ACM = (Σ_{N_P} (f_CP + f_AC + f_PA) + Σ_{N_NP} (f_CA + f_AC)) / (N_P + N_NP)  paper eq. (3)
 * </pre>
 */
public final class CommTimes {
  /** f_ACO and its N. {@code averageMicros} is 0 when no route was observed. */
  public record Cooperative(long averageMicros, long routes, long sumMicros) {}

  /** f_ACM with N_P and N_NP. {@code averageMicros} is 0 when no route was observed. */
  public record Competitive(
      long averageMicros, long privateRoutes, long nonPrivateRoutes, long sumMicros) {}

  /** Point-to-point TFT routes pass no alliance node, so eq. (3) does not cover them. */
  public record Direct(long averageMicros, long routes) {}

  private long cooperativeSum;
  private long cooperativeRoutes;
  private long privateSum;
  private long privateRoutes;
  private long nonPrivateSum;
  private long nonPrivateRoutes;
  private long directSum;
  private long directRoutes;

  public synchronized void record(RouteSample route) {
    switch (route.kind()) {
      case COOPERATIVE -> {
        cooperativeSum = Math.addExact(cooperativeSum, route.caMicros() + route.acMicros());
        cooperativeRoutes++;
      }
      case COMPETITIVE_PRIVATE -> {
        long sum = route.cpMicros() + route.acMicros() + route.paMicros();
        privateSum = Math.addExact(privateSum, sum);
        privateRoutes++;
      }
      case COMPETITIVE_NON_PRIVATE -> {
        nonPrivateSum = Math.addExact(nonPrivateSum, route.caMicros() + route.acMicros());
        nonPrivateRoutes++;
      }
      case DIRECT -> {
        directSum = Math.addExact(directSum, route.caMicros());
        directRoutes++;
      }
    }
  }

  /** Paper eq. (1). */
  public synchronized Cooperative cooperative() {
    long average = cooperativeRoutes == 0 ? 0 : cooperativeSum / cooperativeRoutes;
    return new Cooperative(average, cooperativeRoutes, cooperativeSum);
  }

  /** Paper eq. (3). */
  public synchronized Competitive competitive() {
    long routes = privateRoutes + nonPrivateRoutes;
    long sum = Math.addExact(privateSum, nonPrivateSum);
    return new Competitive(routes == 0 ? 0 : sum / routes, privateRoutes, nonPrivateRoutes, sum);
  }

  public synchronized Direct direct() {
    return new Direct(directRoutes == 0 ? 0 : directSum / directRoutes, directRoutes);
  }
}
