package org.alliancechain.p2p.tree;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommTimesTest {
  @Test
  void cooperativeAverageIsEquationOne() {
    // paper eq. (1): f_ACO = Σ (f_CA + f_AC) / N
    CommTimes t = new CommTimes();
    t.record(RouteSample.cooperative(1_000, 2_000)); // 3,000
    t.record(RouteSample.cooperative(1_500, 4_500)); // 6,000
    t.record(RouteSample.cooperative(500, 1_001)); //   1,501
    // (3,000 + 6,000 + 1,501) / 3 = 10,501 / 3 = 3,500.33 → 3,500
    assertThat(t.cooperative()).isEqualTo(new CommTimes.Cooperative(3_500, 3, 10_501));
  }

  @Test
  void competitiveAverageIsEquationThree() {
    // paper eq. (3): f_ACM = (Σ_{N_P} (f_CP + f_AC + f_PA) + Σ_{N_NP} (f_CA + f_AC)) / (N_P + N_NP)
    CommTimes t = new CommTimes();
    t.record(RouteSample.viaPrivateAlliance(200, 700, 1_100)); // cp + pa + ac = 2,000
    t.record(RouteSample.viaPrivateAlliance(300, 800, 900)); //   2,000
    t.record(RouteSample.viaAlliance(1_000, 1_500)); //            2,500
    t.record(RouteSample.direct(400)); // point to point: not in eq. (3)
    // (2,000 + 2,000 + 2,500) / (2 + 1) = 6,500 / 3 = 2,166.67 → 2,166
    assertThat(t.competitive()).isEqualTo(new CommTimes.Competitive(2_166, 2, 1, 6_500));
    assertThat(t.direct()).isEqualTo(new CommTimes.Direct(400, 1));
    assertThat(t.cooperative()).isEqualTo(new CommTimes.Cooperative(0, 0, 0));
  }

  @Test
  void noRoutesGiveZeroAveragesWithZeroCounts() {
    CommTimes t = new CommTimes();
    assertThat(t.competitive()).isEqualTo(new CommTimes.Competitive(0, 0, 0, 0));
  }
}
