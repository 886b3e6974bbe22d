package org.alliancechain.contracts.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TrustTest {
  private static final long ONE = FixedPoint.SCALE;

  @Test
  void computesTheWorkedExampleExactly() {
    // paper eq. (2): alpha 1, beta 0.5, gamma 0.2.
    // R_d = 8 / (8 + 1 + 1) = 0.8; R_r = (90/100 + 0.7) / 2 = 0.8; R_i = 0.25
    // T = 1 * (0.5 * 0.8 + 0.5 * 0.8) - 0.2 * 0.25 = 0.8 - 0.05 = 0.75
    TrustParameters p = new TrustParameters(ONE, 500_000, 200_000, 600_000, 500_000);
    TrustValue t = Trust.compute(new TrustInputs(8, 1, 1, 90, 5, 5, 700_000, 250_000), p);
    assertThat(t.directTrust()).isEqualTo(800_000);
    assertThat(t.reputation()).isEqualTo(800_000);
    assertThat(t.risk()).isEqualTo(250_000);
    assertThat(t.value()).isEqualTo(750_000);
    assertThat(t.trusted()).isTrue();
    assertThat(t.explain())
        .contains("= 0.750000 >= threshold 0.600000")
        .contains("R_d from 8 completed, 1 cancelled, 1 disputed");
  }

  @Test
  void floorsEveryProductOfARepeatingFraction() {
    // paper eq. (2): alpha 0.9, beta 0.7, gamma 0.5; R_d = 2/3 -> 0.666666; alliance 1/3 ->
    // 0.333333, profile 0 -> R_r = 0.333333 / 2 -> 0.166666; R_i = 0.1.
    // beta*R_d + (1-beta)*R_r = (700000*666666 + 300000*166666) / 10^6 = 516666 (floored)
    // alpha * 516666 = 464999.4 -> 464999; gamma * R_i = 50000; T = 414999.
    // Exact real value: 0.9 * (0.7 * 2/3 + 0.3 * 1/6) - 0.05 = 0.415.
    TrustParameters p = new TrustParameters(900_000, 700_000, 500_000, 0, 500_000);
    TrustValue t = Trust.compute(new TrustInputs(2, 1, 0, 1, 1, 1, 0, 100_000), p);
    assertThat(t.directTrust()).isEqualTo(666_666);
    assertThat(t.reputation()).isEqualTo(166_666);
    assertThat(t.value()).isEqualTo(414_999);
    assertThat(Math.abs(t.value() - 415_000)).isLessThanOrEqualTo(3);
  }

  @Test
  void highRiskAndOnlyCancelledContractsGiveANegativeUntrustedValue() {
    // paper eq. (2): alpha 1, beta 1, gamma 1, R_d = 0 / 2 = 0, R_i = 1 -> T = 0 - 1 = -1
    TrustParameters p = new TrustParameters(ONE, ONE, ONE, 0, 500_000);
    TrustValue t = Trust.compute(new TrustInputs(0, 2, 0, 0, 0, 0, ONE, ONE), p);
    assertThat(t.value()).isEqualTo(-ONE);
    assertThat(t.trusted()).isFalse();
  }

  @Test
  void noHistoryUsesThePriorForBothRatios() {
    // paper eq. (2) with defaults: R_d = prior 0.5; R_r = (0.5 + 0.9) / 2 = 0.7; R_i = 0.2
    // T = 1 * (0.5 * 0.5 + 0.5 * 0.7) - 0.5 * 0.2 = 0.6 - 0.1 = 0.5 -> trusted at threshold 0.5
    TrustValue t =
        Trust.compute(
            new TrustInputs(0, 0, 0, 0, 0, 0, 900_000, 200_000), TrustParameters.defaults());
    assertThat(t.directTrust()).isEqualTo(500_000);
    assertThat(t.reputation()).isEqualTo(700_000);
    assertThat(t.value()).isEqualTo(500_000);
    assertThat(t.trusted()).isTrue();
  }

  @Test
  void disputesCountAgainstDirectTrustLikeCancellations() {
    // paper eq. (2): R_d counts "completed versus cancelled or disputed"
    TrustParameters p = new TrustParameters(ONE, ONE, 0, 0, 0);
    long cancelled = Trust.compute(new TrustInputs(3, 1, 0, 0, 0, 0, 0, 0), p).value();
    long disputed = Trust.compute(new TrustInputs(3, 0, 1, 0, 0, 0, 0, 0), p).value();
    assertThat(cancelled).isEqualTo(750_000).isEqualTo(disputed);
  }

  @Test
  void rejectsCoefficientsOutOfRange() {
    assertThatThrownBy(() -> new TrustParameters(ONE, ONE + 1, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("beta");
  }
}
