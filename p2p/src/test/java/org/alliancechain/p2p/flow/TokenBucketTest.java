package org.alliancechain.p2p.flow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenBucketTest {
  private static final long MS = 1_000_000L;

  @Test
  void allowsTheBurstThenTheRate() {
    TokenBucket b = new TokenBucket(10, 3, 0); // 10 per second: one per 100 ms
    assertThat(b.tryTake(0)).isZero();
    assertThat(b.tryTake(0)).isZero();
    assertThat(b.tryTake(0)).isZero();
    assertThat(b.tryTake(0)).isEqualTo(100 * MS);
    assertThat(b.tryTake(40 * MS)).isEqualTo(60 * MS);
    assertThat(b.tryTake(100 * MS)).isZero();
    assertThat(b.tryTake(100 * MS)).isEqualTo(100 * MS);
  }

  @Test
  void aLongPauseRefillsOnlyUpToTheBurst() {
    TokenBucket b = new TokenBucket(1_000_000_000, 2, 0);
    assertThat(b.tryTake(0)).isZero();
    assertThat(b.tryTake(0)).isZero();
    long later = 3_600_000 * MS; // an hour: elapsed × rate would overflow a long
    assertThat(b.tryTake(later)).isZero();
    assertThat(b.tryTake(later)).isZero();
    assertThat(b.tryTake(later)).isEqualTo(1);
  }
}
