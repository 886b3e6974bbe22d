package org.alliancechain.consensus.driver;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TickScheduleTest {
  @Test
  void aFreeThreadGetsATickEveryPeriod() {
    TickSchedule ticks = new TickSchedule(1_000, 100);
    assertThat(ticks.waitMillis(1_000)).isEqualTo(100);
    assertThat(ticks.take(1_099)).isFalse();
    assertThat(ticks.take(1_100)).isTrue();
    assertThat(ticks.take(1_100)).isFalse();
    // A tick taken a little late does not move the ones after it.
    assertThat(ticks.take(1_230)).isTrue();
    assertThat(ticks.waitMillis(1_230)).isEqualTo(70);
    assertThat(ticks.take(1_300)).isTrue();
    assertThat(ticks.skipped()).isZero();
  }

  @Test
  void aThreadBusyForManyPeriodsGetsOneTickNotABurst() {
    TickSchedule ticks = new TickSchedule(0, 100);
    assertThat(ticks.take(100)).isTrue();
    // Busy from 100 to 2,150 (executing blocks): ticks at 200, 300, ..., 2,100 were due.
    assertThat(ticks.take(2_150)).isTrue();
    assertThat(ticks.take(2_150)).as("the missed ticks are not replayed").isFalse();
    assertThat(ticks.skipped()).isEqualTo(19);
    assertThat(ticks.waitMillis(2_150)).isEqualTo(100);
    assertThat(ticks.take(2_250)).isTrue();
  }
}
