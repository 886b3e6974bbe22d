package org.alliancechain.p2p.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {
  @Test
  void ceilingDoublesFromTheBaseUpToTheCap() {
    Backoff b = new Backoff(100, 1_000, new SplittableRandom(1));
    assertThat(b.ceilingMillis(0)).isEqualTo(100);
    assertThat(b.ceilingMillis(1)).isEqualTo(200);
    assertThat(b.ceilingMillis(3)).isEqualTo(800);
    assertThat(b.ceilingMillis(4)).isEqualTo(1_000);
    assertThat(b.ceilingMillis(70)).isEqualTo(1_000);
    assertThat(new Backoff(3, Long.MAX_VALUE, new SplittableRandom(1)).ceilingMillis(62))
        .isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void delaysStayWithinHalfAndFullCeilingAndSpreadOut() {
    long seed = Long.getLong("backoff.seed", System.nanoTime());
    System.out.println("BackoffTest seed " + seed + " (replay with -Dbackoff.seed=" + seed + ")");
    Backoff b = new Backoff(100, 10_000, new SplittableRandom(seed));
    java.util.TreeSet<Long> distinct = new java.util.TreeSet<>();
    for (int i = 0; i < 1_000; i++) {
      int attempt = i % 10;
      long d = b.delayMillis(attempt);
      assertThat(d).isBetween(b.ceilingMillis(attempt) / 2, b.ceilingMillis(attempt));
      distinct.add(d);
    }
    assertThat(distinct.size()).isGreaterThan(100); // jitter, not lockstep
  }

  @Test
  void sameSeedGivesSameDelays() {
    Backoff a = new Backoff(100, 10_000, new SplittableRandom(42));
    Backoff b = new Backoff(100, 10_000, new SplittableRandom(42));
    for (int i = 0; i < 20; i++) {
      assertThat(a.delayMillis(i)).isEqualTo(b.delayMillis(i));
    }
  }
}
