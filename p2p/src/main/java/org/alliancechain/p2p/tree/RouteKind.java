package org.alliancechain.p2p.tree;

/** How a TFT request travels (SPEC M-7), which decides how its hops count in f_ACM (M-8). */
public enum RouteKind {
  /** Receiver → private alliance node → alliance node → provider: f_CP, f_PA, f_AC. */
  VIA_PRIVATE_ALLIANCE(1, 3),
  /** Receiver → alliance node → provider: f_CA, f_AC. */
  VIA_ALLIANCE(2, 2),
  /** Receiver → provider, point to point: no alliance node, so outside f_ACM. */
  DIRECT(3, 1);

  private final int code;
  private final int hops;

  RouteKind(int code, int hops) {
    this.code = code;
    this.hops = hops;
  }

  public int code() {
    return code;
  }

  public int hops() {
    return hops;
  }

  static RouteKind ofCode(int code) {
    for (RouteKind kind : values()) {
      if (kind.code == code) {
        return kind;
      }
    }
    throw new org.alliancechain.core.codec.DecodeException(
        org.alliancechain.core.codec.DecodeException.Reason.UNKNOWN_KIND, "route kind " + code);
  }
}
