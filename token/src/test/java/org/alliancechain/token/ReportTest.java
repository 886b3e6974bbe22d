package org.alliancechain.token;

import static org.alliancechain.token.Harness.pay;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.alliancechain.core.tx.Transaction;
import org.alliancechain.token.issuance.ContractEffect;
import org.alliancechain.token.report.AmeliorationReport;
import org.alliancechain.token.report.AmeliorationReport.Anomaly;
import org.alliancechain.token.report.Defect;
import org.alliancechain.token.report.Reporter;
import org.alliancechain.token.state.ParamId;
import org.alliancechain.token.tx.TxKind;
import org.junit.jupiter.api.Test;

/** SPEC M-25; paper IV.A.5 (support for continuous amelioration). */
class ReportTest {
  private static final long INTERVAL = 20;

  private static Harness alliance(AllianceMode mode) {
    return new Harness(mode, 6, Map.of(ParamId.AMELIORATION_INTERVAL_BLOCKS, INTERVAL), 0, 0);
  }

  private int next;
  private final List<Transaction> pending = new ArrayList<>();

  /** One contribution: provider p shares with receiver r for {@code amount} tokens. */
  private void share(Harness h, int r, int p, long amount) {
    String id = "k" + next++;
    pending.add(
        h.lifecycle(
            h.m(r), TxKind.ACK_TRANSFER, h.contract(id, r, amount, p), pay(id, h.pk(p), amount)));
  }

  private AmeliorationReport report(Harness h) {
    h.block(pending.toArray(Transaction[]::new));
    pending.clear();
    h.emptyBlocks((int) (INTERVAL - h.height % INTERVAL) % (int) INTERVAL);
    assertThat(h.height % INTERVAL).isZero();
    return h.q().latestReport().orElseThrow();
  }

  @Test
  void aCleanLedgerReportsClean() {
    Harness h = alliance(AllianceMode.COOPERATIVE);
    for (int p = 0; p < 6; p++) {
      share(h, (p + 1) % 6, p, 100);
    }
    AmeliorationReport report = report(h);
    assertThat(report.clean()).isTrue();
    assertThat(report.members()).hasSize(6).allMatch(l -> l.contributions() == 1);
    assertThat(report.fromHeight()).isEqualTo(1);
    assertThat(report.toHeight()).isEqualTo(INTERVAL);
  }

  @Test
  void aMemberFarAboveTheNormIsAnOutlier() {
    Harness h = alliance(AllianceMode.COOPERATIVE);
    for (int k = 0; k < 10; k++) {
      share(h, 1 + k % 5, 0, 100);
    }
    for (int p = 1; p < 6; p++) {
      share(h, p == 5 ? 1 : p + 1, p, 100);
    }
    AmeliorationReport report = report(h);
    // counts (10,1,1,1,1,1): median 1, MAD 0, scale 1, limit 1 + 3 = 4
    assertThat(report.anomalies())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo(Anomaly.Kind.CONTRIBUTION_OUTLIER);
              assertThat(a.members()).containsExactly(h.pk(0));
            });
  }

  @Test
  void twoMembersSharingBackAndForthAreCircular() {
    Harness h = alliance(AllianceMode.COOPERATIVE);
    for (int k = 0; k < 3; k++) {
      share(h, 1, 0, 100);
      share(h, 0, 1, 100);
    }
    AmeliorationReport report = report(h);
    assertThat(report.anomalies())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo(Anomaly.Kind.CIRCULAR_SHARING);
              assertThat(a.members()).containsExactlyInAnyOrder(h.pk(0), h.pk(1));
            });
  }

  @Test
  void threeMembersInARingAreCircular() {
    Harness h = alliance(AllianceMode.COOPERATIVE);
    for (int k = 0; k < 3; k++) {
      share(h, 1, 0, 100);
      share(h, 2, 1, 100);
      share(h, 0, 2, 100);
    }
    AmeliorationReport report = report(h);
    assertThat(report.anomalies())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo(Anomaly.Kind.CIRCULAR_SHARING);
              assertThat(a.members()).containsExactlyInAnyOrder(h.pk(0), h.pk(1), h.pk(2));
            });
  }

  @Test
  void repeatedCancellationsAreReported() {
    Harness h = alliance(AllianceMode.COOPERATIVE);
    for (int k = 0; k < 3; k++) {
      String id = "x" + k;
      pending.add(
          h.lifecycle(
              h.m(2),
              TxKind.CANCEL_CONTRACT,
              h.contract(id, 2, 100, 3),
              new ContractEffect.Cancelled(id, h.pk(2))));
    }
    AmeliorationReport report = report(h);
    assertThat(report.anomalies())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo(Anomaly.Kind.REPEATED_CANCELLATIONS);
              assertThat(a.members()).containsExactly(h.pk(2));
            });
  }

  @Test
  void rewardsFarFromTheNormAreReported() {
    Harness h = alliance(AllianceMode.COMPETITIVE);
    share(h, 1, 0, 1000);
    for (int p = 1; p < 6; p++) {
      share(h, p == 5 ? 1 : p + 1, p, 100);
    }
    AmeliorationReport report = report(h);
    // per contribution (1000,100,...): median 100, scale max(0, 10, 1) = 10, band 30
    assertThat(report.anomalies())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo(Anomaly.Kind.REWARD_OUTLIER);
              assertThat(a.members()).containsExactly(h.pk(0));
            });
  }

  @Test
  void contractDefectsAreReported() {
    Harness h = alliance(AllianceMode.COMPETITIVE);
    pending.add(
        h.lifecycle(
            h.m(0),
            TxKind.SIGN_CONTRACT,
            h.contract("d1", 0, 100, 1),
            new ContractEffect.Failed("d1", "deadline passed"),
            h.contract("d2", 0, 100, 1),
            new ContractEffect.Escalated("d2", "dispute"),
            h.contract("d3", 0, 100, 1),
            new ContractEffect.Uninterpretable("d3", "unknown function")));
    AmeliorationReport report = report(h);
    assertThat(report.defects())
        .extracting(Defect::kind)
        .containsExactly(Defect.Kind.FAILED, Defect.Kind.ESCALATED, Defect.Kind.UNINTERPRETABLE);
    assertThat(report.clean()).isFalse();
  }

  @Test
  void eachReportCoversOnlyItsOwnWindow() {
    Harness h = alliance(AllianceMode.COOPERATIVE);
    for (int k = 0; k < 3; k++) {
      share(h, 1, 0, 100);
      share(h, 0, 1, 100);
    }
    assertThat(report(h).clean()).isFalse();
    h.emptyBlocks((int) INTERVAL);
    AmeliorationReport second = h.q().latestReport().orElseThrow();
    assertThat(second.clean()).isTrue();
    assertThat(second.fromHeight()).isEqualTo(INTERVAL + 1);
    // totals carry over, window counts do not
    assertThat(second.members().get(0).contributions()).isZero();
    assertThat(second.members()).anyMatch(l -> l.totalContributions() == 3);
  }

  @Test
  void medianAndScaleFollowTheDocumentedIntegerRule() {
    assertThat(Reporter.lowerMedian(new long[] {5, 1, 3, 2})).isEqualTo(2);
    // values 10,10,10,40: median 10, deviations 0,0,0,30 -> MAD 0; ceil(10/10) = 1
    assertThat(Reporter.scale(new long[] {10, 10, 10, 40})).isEqualTo(1);
    // values 100,130,70,100: median 100, deviations 0,30,30,0 -> MAD 0; ceil(100/10) = 10
    assertThat(Reporter.scale(new long[] {100, 130, 70, 100})).isEqualTo(10);
    // values 1,5,9: median 5, deviations 4,0,4 -> MAD 4
    assertThat(Reporter.scale(new long[] {1, 5, 9})).isEqualTo(4);
  }
}
