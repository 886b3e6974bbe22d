package org.alliancechain.p2p;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition until a deadline: tests never sleep a fixed time to wait. */
final class Await {
  private Await() {}

  static void until(String what, Duration timeout, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout + " waiting for " + what);
      }
      Thread.sleep(5); // a poll interval, not a wait for an event
    }
  }
}
