package org.alliancechain.p2p.api;

/** Liveness and readiness, with the reason when not ready ("catching up: height 12 of 40"). */
public record Health(boolean live, boolean ready, String reason) {
  public static Health readyNow() {
    return new Health(true, true, "");
  }

  public static Health notReady(String reason) {
    return new Health(true, false, reason);
  }
}
