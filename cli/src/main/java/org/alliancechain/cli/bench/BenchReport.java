package org.alliancechain.cli.bench;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one benchmark run measured. Times in milliseconds, rates per second, sizes in bytes.
 *
 * @param ratio committed TPS ÷ (cores × verifies per second per core ÷ validators): the share of
 *     the verification limit reached, since every validator verifies every transaction once
 */
public record BenchReport(
    String date,
    int validators,
    String workload,
    String rate,
    int warmupSeconds,
    int durationSeconds,
    int connections,
    int inFlightPerSender,
    int presigned,
    int submitted,
    boolean workloadExhausted,
    Map<String, Integer> rejections,
    long committedInWindow,
    long committedTotal,
    long committedWorkload,
    Execution execution,
    double committedTps,
    Latency latencyMillis,
    double blocksPerSecond,
    double meanBlockTransactions,
    int transactionBytes,
    List<NodeStats> nodes,
    double diskBytesPerTransaction,
    long viewChanges,
    int cores,
    double verifiesPerSecondPerCore,
    double syncedBatchesPerSecond,
    double verificationLimitTps,
    double ratio) {

  /** Submit-to-commit latency of transactions submitted in the measured window. */
  public record Latency(long samples, double p50, double p95, double p99, double max) {
    static Latency of(long[] sortedNanos) {
      if (sortedNanos.length == 0) {
        return new Latency(0, 0, 0, 0, 0);
      }
      return new Latency(
          sortedNanos.length,
          millis(percentile(sortedNanos, 50)),
          millis(percentile(sortedNanos, 95)),
          millis(percentile(sortedNanos, 99)),
          millis(sortedNanos[sortedNanos.length - 1]));
    }

    /** Nearest-rank percentile: the smallest value with at least p% of samples at or below it. */
    static long percentile(long[] sorted, int p) {
      int rank = (int) Math.ceil(p / 100.0 * sorted.length);
      return sorted[Math.max(0, rank - 1)];
    }

    private static double millis(long nanos) {
      return nanos / 1e6;
    }
  }

  /**
   * Outcome of committed workload transactions as the ledger executed them ({@code GET /tx}), for
   * an evenly spaced sample of at most {@code BenchRun.EXECUTION_SAMPLE_MAX}: a committed
   * transaction can still fail (a rule of the ledger refused it), which would make a workflow's
   * throughput look better than it is.
   */
  public record Execution(int sampled, int succeeded, Map<String, Integer> failedByCode) {}

  /**
   * One node process during the measured window (CPU; resident memory at its start and end, whose
   * growth issue 8 wants under 10% after the warm-up) and at the end (peak memory, disk).
   *
   * @param cpuSecondsByThreads the window's CPU by thread job ({@code ProcStats.threadGroup});
   *     "other" also holds threads that exited during the window
   * @param verificationsPerTransaction full Ed25519 verifications in the window (the node's {@code
   *     alliance_signature_verifications_total}) per transaction committed in it: 1 is the floor
   *     the ratio assumes, plus the votes' signatures
   * @param batchedPerTransaction signatures proven valid in batches in the window (the node's
   *     {@code alliance_signature_batch_verified_total}) per transaction committed in it; with
   *     {@code verificationsPerTransaction}, every signature the node checked
   * @param liveHeapStartBytes heap in use right after a full collection before the window ({@code
   *     --heap-check}), 0 if not measured
   * @param liveHeapEndBytes the same right after the window
   */
  public record NodeStats(
      String member,
      double cpuSeconds,
      double cpuPercent,
      long rssWindowStartBytes,
      long rssWindowEndBytes,
      long peakRssBytes,
      long diskBytes,
      Map<String, Double> cpuSecondsByThreads,
      double verificationsPerTransaction,
      double batchedPerTransaction,
      long liveHeapStartBytes,
      long liveHeapEndBytes) {
    /** Growth of resident memory over the measured window, in percent. */
    public double rssGrowthPercent() {
      return rssWindowStartBytes <= 0
          ? 0
          : 100.0 * (rssWindowEndBytes - rssWindowStartBytes) / rssWindowStartBytes;
    }
  }

  public void printTable(PrintWriter w) {
    w.printf(Locale.ROOT, "alliance bench  %s%n", date);
    w.printf(
        Locale.ROOT,
        "  validators %d, workload %s, rate %s, warm-up %d s, measured %d s, %d connections,"
            + " %d in flight per sender%n",
        validators,
        workload,
        rate,
        warmupSeconds,
        durationSeconds,
        connections,
        inFlightPerSender);
    w.printf(
        Locale.ROOT,
        "  pre-signed %d, submitted %d%s, rejected submits %s%n",
        presigned,
        submitted,
        workloadExhausted ? " (ALL: pre-signed workload exhausted, raise --presign-tps)" : "",
        rejections.isEmpty() ? "none" : rejections);
    w.printf(
        Locale.ROOT,
        "committed tps        %.1f  (%d txs in window)%n",
        committedTps,
        committedInWindow);
    if (latencyMillis.samples() == 0) {
      w.printf("latency ms           none: no transaction submitted in the window was committed%n");
    } else {
      printLatency(w);
    }
    w.printf(
        Locale.ROOT,
        "blocks/s             %.2f  mean block %.1f txs  (tx %d bytes)%n",
        blocksPerSecond,
        meanBlockTransactions,
        transactionBytes);
    for (NodeStats n : nodes) {
      w.printf(
          Locale.ROOT,
          "node %-6s          cpu %.1f s (%.0f%% of one core)  rss %d -> %d MiB (%+.1f%%)  peak"
              + " rss %d MiB  disk %d KiB%n",
          n.member(),
          n.cpuSeconds(),
          n.cpuPercent(),
          n.rssWindowStartBytes() >> 20,
          n.rssWindowEndBytes() >> 20,
          n.rssGrowthPercent(),
          n.peakRssBytes() >> 20,
          n.diskBytes() >> 10);
      StringBuilder threads = new StringBuilder();
      n.cpuSecondsByThreads()
          .forEach(
              (group, seconds) ->
                  threads.append(String.format(Locale.ROOT, "  %s %.1f", group, seconds)));
      w.printf(
          Locale.ROOT,
          "  cpu by thread (s) %s;  per committed tx %.2f verified alone, %.2f in batches%n",
          threads,
          n.verificationsPerTransaction(),
          n.batchedPerTransaction());
      if (n.liveHeapStartBytes() > 0 && n.liveHeapEndBytes() > 0) {
        w.printf(
            Locale.ROOT,
            "  live heap after a full GC  %d -> %d MiB (%+.1f%%)%n",
            n.liveHeapStartBytes() >> 20,
            n.liveHeapEndBytes() >> 20,
            100.0 * (n.liveHeapEndBytes() - n.liveHeapStartBytes()) / n.liveHeapStartBytes());
      }
    }
    w.printf(
        Locale.ROOT,
        "disk/tx              %.0f bytes per node (%d txs committed in all)%n",
        diskBytesPerTransaction,
        committedTotal);
    w.printf(
        Locale.ROOT,
        "workload committed   %d %s transactions (warm-up, window and drain)%n",
        committedWorkload,
        workload);
    w.printf(
        Locale.ROOT,
        "executed             %d of %d sampled succeeded%s%n",
        execution.succeeded(),
        execution.sampled(),
        execution.failedByCode().isEmpty() ? "" : ", failed: " + execution.failedByCode());
    w.printf(Locale.ROOT, "view changes         %d%n", viewChanges);
    w.printf(
        Locale.ROOT,
        "machine              %d cores, Ed25519 %.0f verifies/s per core, RocksDB %.0f synced"
            + " batches/s (100 puts)%n",
        cores,
        verifiesPerSecondPerCore,
        syncedBatchesPerSecond);
    w.printf(
        Locale.ROOT,
        "verification limit   %.0f tps (cores x verifies/s per core / validators)%n",
        verificationLimitTps);
    w.printf(Locale.ROOT, "ratio                %.3f%n", ratio);
    w.flush();
  }

  private void printLatency(PrintWriter w) {
    w.printf(
        Locale.ROOT,
        "latency ms           p50 %.1f  p95 %.1f  p99 %.1f  max %.1f  (%d samples)%n",
        latencyMillis.p50(),
        latencyMillis.p95(),
        latencyMillis.p99(),
        latencyMillis.max(),
        latencyMillis.samples());
  }
}
