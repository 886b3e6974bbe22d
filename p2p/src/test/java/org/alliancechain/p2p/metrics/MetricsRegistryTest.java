package org.alliancechain.p2p.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

// Prometheus text exposition format 0.0.4.
class MetricsRegistryTest {
  @Test
  void rendersCountersGaugesAndHistogramsSortedWithEscapedLabels() {
    MetricsRegistry r = new MetricsRegistry();
    r.counter("p2p_rejected_total", "refused frames", "reason", "bad_frame").add(3);
    r.counter("p2p_rejected_total", "refused frames", "reason", "a\"b\\c").increment();
    r.gauge("peers_connected", "links up", () -> 4);
    MetricsRegistry.Histogram h =
        r.histogram("commit_latency_microseconds", "commit latency", new long[] {100, 1_000});
    h.observe(50);
    h.observe(100);
    h.observe(500);
    h.observe(5_000);

    assertThat(r.render())
        .isEqualTo(
            """
            # HELP commit_latency_microseconds commit latency
            # TYPE commit_latency_microseconds histogram
            commit_latency_microseconds_bucket{le="100"} 2
            commit_latency_microseconds_bucket{le="1000"} 3
            commit_latency_microseconds_bucket{le="+Inf"} 4
            commit_latency_microseconds_sum 5650
            commit_latency_microseconds_count 4
            # HELP p2p_rejected_total refused frames
            # TYPE p2p_rejected_total counter
            p2p_rejected_total{reason="a\\"b\\\\c"} 1
            p2p_rejected_total{reason="bad_frame"} 3
            # HELP peers_connected links up
            # TYPE peers_connected gauge
            peers_connected 4
            """);
  }

  @Test
  void theSameNameAndLabelsGiveTheSameCounter() {
    MetricsRegistry r = new MetricsRegistry();
    r.counter("x_total", "x", "k", "v").increment();
    r.counter("x_total", "x", "k", "v").increment();
    assertThat(r.counter("x_total", "x", "k", "v").value()).isEqualTo(2);
  }

  @Test
  void badNamesAndTypeClashesAreRefused() {
    MetricsRegistry r = new MetricsRegistry();
    assertThatThrownBy(() -> r.counter("1bad", "x")).isInstanceOf(IllegalArgumentException.class);
    r.counter("c_total", "x");
    assertThatThrownBy(() -> r.gauge("c_total", "x", () -> 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> r.histogram("h", "x", new long[] {5, 5}))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
