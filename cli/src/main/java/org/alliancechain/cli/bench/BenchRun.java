package org.alliancechain.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.alliancechain.cli.local.LocalAlliance;
import org.alliancechain.cli.local.TempFolders;
import org.alliancechain.config.AllianceSpec;
import org.alliancechain.config.Bootstrap;
import org.alliancechain.config.ConfigException;
import org.alliancechain.core.Hex;
import org.alliancechain.core.crypto.KeyFile;
import org.alliancechain.core.crypto.KeyPair;
import org.alliancechain.core.tx.Transaction;
import org.alliancechain.token.tx.TokenTx;
import org.alliancechain.token.tx.TxCodec;

/** One benchmark run, from an empty temp folder to the report; leaves nothing else behind. */
final class BenchRun {
  /** Bench-only key encryption: the lowest scrypt cost KeyFile accepts, so bootstrap is quick. */
  static final KeyFile.ScryptParameters BENCH_SCRYPT =
      new KeyFile.ScryptParameters(KeyFile.SCRYPT_LOG2_N_MIN, 8, 1);

  static final String PASSPHRASE = "bench-only-passphrase";
  static final long FUNDING_MINOR_UNITS = 1_000_000_000_000L;
  static final Duration READY_MAX = Duration.ofSeconds(90);
  static final Duration FUNDING_MAX = Duration.ofSeconds(60);
  // Long enough for the blocks of hundreds of transactions that batch submission brings to commit
  // on a contended machine; the drain ends as soon as every submitted transfer is committed.
  static final Duration DRAIN_MAX = Duration.ofSeconds(30);

  /** Committed workload transactions whose execution outcome is checked after the run. */
  static final int EXECUTION_SAMPLE_MAX = 2_000;

  /** How far ahead the sharing workload's request deadlines and contract ends lie. */
  static final long SHARING_AHEAD_SECONDS = 24 * 3600L;

  /** What to run. {@code rate} 0 means as fast as the nodes accept. */
  record Options(
      int validators,
      String workload,
      int warmupSeconds,
      int durationSeconds,
      long rate,
      int connections,
      int inFlightPerSender,
      long presignTps,
      Optional<Path> flightRecording,
      boolean heapCheck,
      Map<String, String> parameters) {}

  /**
   * Every validator's heap is reserved and touched at start, as docs/operations.md recommends for a
   * fixed footprint: resident memory then grows only if something outside the heap does. The bound
   * is LocalAlliance's (-Xmx1g).
   */
  static final List<String> NODE_HEAP_RESERVED = List.of("-Xms1g", "-XX:+AlwaysPreTouch");

  /** With {@code --heap-check}: the first full collection, this long before the window. */
  static final Duration HEAP_CHECK_LEAD = Duration.ofSeconds(10);

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Lines of a stopped validator's log printed when a run fails. */
  static final int LOG_LINES_ON_FAILURE = 30;

  private final Options options;
  private final PrintWriter progress;
  private Beside beside = spec -> () -> {};

  /** Runs beside the load, from the nodes' start to the end of the measure (`dev trickle`). */
  interface Beside {
    Running start(AllianceSpec spec) throws IOException;
  }

  /** What {@link Beside} started; stopped after the measure. */
  interface Running extends AutoCloseable {
    @Override
    void close();
  }

  BenchRun beside(Beside what) {
    this.beside = what;
    return this;
  }

  private final AtomicReference<LocalAlliance> running = new AtomicReference<>();
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(3))
          .build();

  BenchRun(Options options, PrintWriter progress) {
    this.options = options;
    this.progress = progress;
  }

  BenchReport run() throws IOException, InterruptedException, ConfigException {
    Path dir = Files.createTempDirectory("alliance-bench-");
    // On Ctrl-C: stop the nodes first (LocalAlliance's own hook runs concurrently; stopping is
    // idempotent), so that the folder is not deleted under a node still writing to it.
    Thread cleanup =
        new Thread(
            () -> {
              LocalAlliance nodes = running.get();
              if (nodes != null) {
                nodes.close();
              }
              TempFolders.deleteTree(dir);
            },
            "bench-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanup);
    try {
      return runIn(dir);
    } finally {
      TempFolders.deleteTree(dir);
      try {
        Runtime.getRuntime().removeShutdownHook(cleanup);
      } catch (IllegalStateException e) {
        // Already shutting down: the hook deletes the folder.
      }
      http.shutdownNow();
    }
  }

  private BenchReport runIn(Path dir) throws IOException, InterruptedException, ConfigException {
    int cores = Runtime.getRuntime().availableProcessors();
    say("measuring the machine: Ed25519 verifies (one thread) ...");
    double verifies = MachineLimits.verifiesPerSecond(Duration.ofSeconds(2), Duration.ofSeconds(2));
    say("measuring the machine: synced RocksDB write batches ...");
    Path rocks = dir.resolve("rocks-limit");
    double batches = MachineLimits.syncedBatchesPerSecond(rocks, Duration.ofSeconds(2));
    TempFolders.deleteTree(rocks);

    AllianceSpec spec = BenchSpec.of(options.validators(), options.parameters());
    Map<Path, KeyPair> keys = new ConcurrentHashMap<>();
    SecureRandom random = new SecureRandom();
    char[] passphrase = PASSPHRASE.toCharArray();
    Path out = dir.resolve("alliance");
    Bootstrap.Result boot =
        Bootstrap.run(
            spec,
            out,
            false,
            random,
            System.currentTimeMillis(),
            (file, key) -> {
              keys.put(file.toAbsolutePath(), key);
              KeyFile.save(file, key, passphrase, BENCH_SCRYPT, random);
            },
            Optional.empty());
    List<String> members = new ArrayList<>(boot.nodeConfigs().keySet());
    List<KeyPair> memberKeys = new ArrayList<>();
    for (String m : members) {
      memberKeys.add(keys.get(out.resolve(m).resolve(Bootstrap.KEY_FILE).toAbsolutePath()));
    }
    KeyPair gateway =
        keys.get(
            out.resolve(BenchSpec.GATEWAY).resolve(Bootstrap.GATEWAY_KEY_FILE).toAbsolutePath());

    try (LocalAlliance alliance = new LocalAlliance(out, spec, boot.nodeConfigs(), PASSPHRASE)) {
      running.set(alliance);
      for (String m : members) {
        List<String> jvm = new ArrayList<>(NODE_HEAP_RESERVED);
        if (m.equals(members.get(0)) && options.flightRecording().isPresent()) {
          jvm.add("-XX:StartFlightRecording=name=bench,settings=profile");
        }
        alliance.jvmOptions(m, jvm);
      }
      say("starting " + members.size() + " validators in " + out + " ...");
      alliance.startAll();
      alliance.awaitAllReady(READY_MAX);
      List<URI> apis = members.stream().map(alliance::api).toList();
      BenchReport report;
      Running extra = beside.start(spec);
      try {
        report = measure(alliance, members, apis, memberKeys, gateway, verifies, batches, cores);
      } catch (IOException | RuntimeException e) {
        reportStoppedNodes(alliance, members);
        throw e;
      } finally {
        extra.close();
      }
      if (options.flightRecording().isPresent()) {
        dumpRecording(alliance.pid(members.get(0)).orElse(-1), options.flightRecording().get());
      }
      return report;
    }
  }

  /**
   * Each validator's live heap: a full collection ({@code jcmd PID GC.run}, which returns when it
   * is done), then the heap in use ({@code jvm_heap_used_bytes}); 0 where either failed.
   */
  private long[] liveHeap(LocalAlliance alliance, List<String> members, List<URI> apis)
      throws IOException, InterruptedException {
    long[] live = new long[members.size()];
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    for (int i = 0; i < members.size(); i++) {
      long pid = alliance.pid(members.get(i)).orElse(-1);
      Process p =
          new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.run")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (p.waitFor() != 0) {
        say("warning: jcmd GC.run on " + members.get(i) + " exited with " + p.exitValue());
        continue;
      }
      live[i] = metric(apis.get(i), "jvm_heap_used_bytes");
    }
    return live;
  }

  /**
   * On a failed run, says which validators are no longer running and the end of their logs: the
   * folder holding them is deleted when the bench exits.
   */
  private void reportStoppedNodes(LocalAlliance alliance, List<String> members) {
    for (String m : members) {
      if (alliance.isRunning(m)) {
        continue;
      }
      say(m + " is not running (exit code " + alliance.exitCode(m) + "); the end of its log:");
      try {
        List<String> lines = java.nio.file.Files.readAllLines(alliance.logFile(m));
        lines
            .subList(Math.max(0, lines.size() - LOG_LINES_ON_FAILURE), lines.size())
            .forEach(line -> say("  " + line));
      } catch (IOException | RuntimeException e) {
        say("  (its log could not be read: " + e + ")");
      }
    }
  }

  /**
   * The node stops with Runtime.halt (Signals), which skips JFR's dump on exit: dump it with jcmd
   * while the node still runs.
   */
  private void dumpRecording(long pid, Path file) throws IOException, InterruptedException {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    Process p =
        new ProcessBuilder(
                jcmd.toString(),
                Long.toString(pid),
                "JFR.dump",
                "name=bench",
                "filename=" + file.toAbsolutePath())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (p.waitFor() != 0) {
      say("warning: jcmd JFR.dump exited with " + p.exitValue());
    } else {
      say("flight recording of " + pid + " written to " + file.toAbsolutePath());
    }
  }

  private BenchReport measure(
      LocalAlliance alliance,
      List<String> members,
      List<URI> apis,
      List<KeyPair> memberKeys,
      KeyPair gateway,
      double verifies,
      double batches,
      int cores)
      throws IOException, InterruptedException {
    Set<String> funding = ConcurrentHashMap.newKeySet();
    AtomicReference<LoadGenerator> generator = new AtomicReference<>();
    try (CommitTracker tracker =
        new CommitTracker(
            apis.get(0),
            0,
            (hash, nanos) -> {
              funding.remove(hash);
              LoadGenerator g = generator.get();
              if (g != null) {
                g.committed(hash, nanos);
              }
            })) {
      fund(apis.get(0), memberKeys, gateway, funding);

      int perSender =
          (int)
              Math.min(
                  900_000,
                  (options.presignTps() * (options.warmupSeconds() + options.durationSeconds()))
                          / members.size()
                      + 1);
      say(
          "pre-signing "
              + perSender * members.size()
              + " "
              + options.workload()
              + " transactions ...");
      Workload workload =
          options.workload().equals("sharing")
              ? SharingWorkload.sign(
                  BenchSpec.CHAIN_ID,
                  memberKeys,
                  perSender,
                  System.currentTimeMillis() / 1000,
                  SHARING_AHEAD_SECONDS,
                  rewardStandard(apis.get(0)))
              : TransferWorkload.sign(BenchSpec.CHAIN_ID, memberKeys, perSender);
      LoadGenerator load =
          new LoadGenerator(
              workload, apis, options.connections(), options.rate(), options.inFlightPerSender());
      generator.set(load);

      long viewChangesBefore = viewChanges(apis);
      long start = System.nanoTime();
      long windowStart = start + Duration.ofSeconds(options.warmupSeconds()).toNanos();
      long windowEnd = windowStart + Duration.ofSeconds(options.durationSeconds()).toNanos();
      say(
          "submitting for "
              + (options.warmupSeconds() + options.durationSeconds())
              + " s (warm-up "
              + options.warmupSeconds()
              + " s) ...");
      Thread submitter =
          new Thread(
              () -> {
                try {
                  load.run(start, windowEnd);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              },
              "bench-load");
      submitter.setDaemon(true);
      submitter.start();
      long[] liveBefore = new long[members.size()];
      long[] liveAfter = new long[members.size()];
      if (options.heapCheck()) {
        sleepUntil(
            windowStart
                - Math.min(
                    HEAP_CHECK_LEAD.toNanos(),
                    Duration.ofSeconds(options.warmupSeconds()).toNanos() / 2));
        liveBefore = liveHeap(alliance, members, apis);
      }
      sleepUntil(windowStart);
      Snapshot before = snapshot(alliance, members, apis);
      sleepUntil(windowEnd);
      Snapshot after = snapshot(alliance, members, apis);
      if (options.heapCheck()) {
        liveAfter = liveHeap(alliance, members, apis);
      }
      load.stop();
      submitter.join();
      drain(load, tracker);
      long viewChangesAfter = viewChanges(apis);
      if (tracker.failure() != null) {
        say("warning: " + tracker.failure());
      }
      return report(
          alliance,
          members,
          liveBefore,
          liveAfter,
          workload,
          load,
          tracker.blocks(),
          windowStart,
          windowEnd,
          before,
          after,
          viewChangesAfter - viewChangesBefore,
          execution(apis.get(0), workload, load),
          new double[] {verifies, batches, cores});
    }
  }

  private BenchReport report(
      LocalAlliance alliance,
      List<String> members,
      long[] liveBefore,
      long[] liveAfter,
      Workload workload,
      LoadGenerator load,
      List<CommitTracker.CommittedBlock> blocks,
      long windowStart,
      long windowEnd,
      Snapshot before,
      Snapshot after,
      long viewChanges,
      BenchReport.Execution execution,
      double[] machine) {
    int n = members.size();
    long inWindow = 0;
    long blocksInWindow = 0;
    long total = 0;
    for (CommitTracker.CommittedBlock b : blocks) {
      total += b.transactions();
      if (b.commitNanos() >= windowStart && b.commitNanos() < windowEnd) {
        inWindow += b.transactions();
        blocksInWindow++;
      }
    }
    double seconds = options.durationSeconds();
    long[] latencies = latencies(load, windowStart, windowEnd);
    List<BenchReport.NodeStats> nodes = new ArrayList<>();
    long disk = 0;
    for (int i = 0; i < n; i++) {
      String m = members.get(i);
      long pid = alliance.pid(m).orElse(-1);
      long bytes = ProcStats.diskBytes(alliance.nodeDir(m).resolve("data"));
      disk += Math.max(0, bytes);
      double cpuSeconds = after.get(i).cpu() - before.get(i).cpu();
      nodes.add(
          new BenchReport.NodeStats(
              m,
              cpuSeconds,
              100 * cpuSeconds / seconds,
              before.get(i).rss(),
              after.get(i).rss(),
              ProcStats.peakRssBytes(pid),
              bytes,
              threadsInWindow(cpuSeconds, before.get(i).threads(), after.get(i).threads()),
              inWindow == 0
                  ? 0
                  : (after.get(i).verifications() - before.get(i).verifications())
                      / (double) inWindow,
              inWindow == 0
                  ? 0
                  : (after.get(i).batched() - before.get(i).batched()) / (double) inWindow,
              liveBefore[i],
              liveAfter[i]));
    }
    double tps = inWindow / seconds;
    double verifies = machine[0];
    int cores = (int) machine[2];
    double limit = cores * verifies / n;
    return new BenchReport(
        Instant.now().toString(),
        n,
        workload.name(),
        options.rate() == 0 ? "max" : Long.toString(options.rate()),
        options.warmupSeconds(),
        options.durationSeconds(),
        options.connections(),
        options.inFlightPerSender(),
        workload.size(),
        load.submitted(),
        load.exhausted(),
        load.rejections(),
        inWindow,
        total,
        committedWorkload(load),
        execution,
        tps,
        BenchReport.Latency.of(latencies),
        blocksInWindow / seconds,
        blocksInWindow == 0 ? 0 : inWindow / (double) blocksInWindow,
        workload.txBytes(),
        nodes,
        total == 0 ? 0 : disk / (double) n / total,
        viewChanges,
        cores,
        verifies,
        machine[1],
        limit,
        tps / limit);
  }

  private static long[] latencies(LoadGenerator load, long windowStart, long windowEnd) {
    long[] values = new long[load.size()];
    int count = 0;
    for (int id = 0; id < load.size(); id++) {
      long submitted = load.submitNanos(id);
      long committed = load.commitNanos(id);
      if (submitted >= windowStart && submitted < windowEnd && committed != 0) {
        values[count++] = Math.max(0, committed - submitted);
      }
    }
    long[] sorted = Arrays.copyOf(values, count);
    Arrays.sort(sorted);
    return sorted;
  }

  /** Gateway deposits to every member, committed before the clock starts. */
  private void fund(URI api, List<KeyPair> memberKeys, KeyPair gateway, Set<String> pending)
      throws IOException, InterruptedException {
    say("funding " + memberKeys.size() + " member accounts through the gateway ...");
    List<byte[]> bodies = new ArrayList<>();
    for (int i = 0; i < memberKeys.size(); i++) {
      TokenTx deposit = new TokenTx.Deposit(memberKeys.get(i).publicKey(), FUNDING_MINOR_UNITS);
      Transaction tx =
          Transaction.sign(
              gateway, BenchSpec.CHAIN_ID, i, deposit.kind().code(), TxCodec.encode(deposit));
      pending.add(tx.hash().toHex());
      bodies.add(("{\"tx\":\"" + Hex.encode(tx.encode()) + "\"}").getBytes(StandardCharsets.UTF_8));
    }
    for (byte[] body : bodies) {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(api.resolve("/tx"))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 202) {
        throw new IOException("a funding deposit was refused: " + response.body());
      }
    }
    long deadline = System.nanoTime() + FUNDING_MAX.toNanos();
    while (!pending.isEmpty()) {
      if (System.nanoTime() > deadline) {
        throw new IOException("funding deposits not committed within " + FUNDING_MAX);
      }
      Thread.sleep(20); // polling the commit tracker
    }
  }

  /** Waits (bounded) for transactions still in flight, so their latencies count. */
  private static void drain(LoadGenerator load, CommitTracker tracker) throws InterruptedException {
    long deadline = System.nanoTime() + DRAIN_MAX.toNanos();
    while (System.nanoTime() < deadline && !allCommitted(load)) {
      Thread.sleep(50); // polling the commit tracker
    }
    tracker.awaitFetched(tracker.fetchedHeight(), Duration.ofSeconds(1));
  }

  private static long committedWorkload(LoadGenerator load) {
    long count = 0;
    for (int id = 0; id < load.size(); id++) {
      if (load.commitNanos(id) != 0) {
        count++;
      }
    }
    return count;
  }

  private static boolean allCommitted(LoadGenerator load) {
    for (int id = 0; id < load.size(); id++) {
      if (load.submitNanos(id) != 0 && load.commitNanos(id) == 0) {
        return false;
      }
    }
    return true;
  }

  /** The ledger's outcome for an evenly spaced sample of the committed workload transactions. */
  private BenchReport.Execution execution(URI api, Workload workload, LoadGenerator load)
      throws IOException, InterruptedException {
    List<Integer> committed = new ArrayList<>();
    for (int id = 0; id < load.size(); id++) {
      if (load.commitNanos(id) != 0) {
        committed.add(id);
      }
    }
    int step = Math.max(1, (committed.size() + EXECUTION_SAMPLE_MAX - 1) / EXECUTION_SAMPLE_MAX);
    int sampled = 0;
    int succeeded = 0;
    Map<String, Integer> failed = new java.util.TreeMap<>();
    for (int i = 0; i < committed.size(); i += step) {
      int id = committed.get(i);
      HttpResponse<byte[]> response =
          http.send(
              HttpRequest.newBuilder(api.resolve("/tx/" + workload.hash(id)))
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      JsonNode status = JSON.readTree(response.body());
      sampled++;
      if (status.path("success").asBoolean(false)) {
        succeeded++;
      } else {
        failed.merge(
            workload.step(id) + ":" + status.path("code").asText(status.path("status").asText()),
            1,
            Integer::sum);
      }
    }
    return new BenchReport.Execution(sampled, succeeded, failed);
  }

  private long rewardStandard(URI api) throws IOException, InterruptedException {
    HttpResponse<byte[]> response =
        http.send(
            HttpRequest.newBuilder(api.resolve("/parameters"))
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    JsonNode value = findParameter(JSON.readTree(response.body()), "reward-standard-tokens");
    if (value == null) {
      throw new IOException("GET /parameters has no reward-standard-tokens");
    }
    return value.asLong();
  }

  private static JsonNode findParameter(JsonNode parameters, String name) {
    for (JsonNode p : parameters.path("parameters")) {
      if (p.path("name").asText().equals(name)) {
        return p.path("value");
      }
    }
    return null;
  }

  private long viewChanges(List<URI> apis) throws IOException, InterruptedException {
    long sum = 0;
    for (URI api : apis) {
      HttpResponse<byte[]> response =
          http.send(
              HttpRequest.newBuilder(api.resolve("/status"))
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      JsonNode status = JSON.readTree(response.body());
      sum += status.path("consensus").path("viewChanges").asLong(0);
    }
    return sum;
  }

  /** What is read of one node at the start and at the end of the measured window. */
  private record NodeSnapshot(
      double cpu,
      long rss,
      java.util.SortedMap<String, Double> threads,
      long verifications,
      long batched) {}

  /** One {@link NodeSnapshot} per member, in the members' order. */
  private record Snapshot(List<NodeSnapshot> nodes) {
    NodeSnapshot get(int i) {
      return nodes.get(i);
    }
  }

  private Snapshot snapshot(LocalAlliance alliance, List<String> members, List<URI> apis)
      throws IOException, InterruptedException {
    double[] cpu = cpu(alliance, members);
    long[] rss = rss(alliance, members);
    List<NodeSnapshot> nodes = new ArrayList<>();
    for (int i = 0; i < members.size(); i++) {
      nodes.add(
          new NodeSnapshot(
              cpu[i],
              rss[i],
              ProcStats.threadCpuSeconds(alliance.pid(members.get(i)).orElse(-1)),
              metric(apis.get(i), "alliance_signature_verifications_total"),
              metric(apis.get(i), "alliance_signature_batch_verified_total")));
    }
    return new Snapshot(nodes);
  }

  /**
   * CPU seconds per thread job over the window; a thread that exited in it is missing at its end,
   * and whatever the process total holds beyond the live threads' sum is counted as "other".
   */
  static java.util.SortedMap<String, Double> threadsInWindow(
      double processSeconds,
      java.util.SortedMap<String, Double> before,
      java.util.SortedMap<String, Double> after) {
    java.util.SortedMap<String, Double> window = new java.util.TreeMap<>();
    double named = 0;
    for (var e : after.entrySet()) {
      double seconds = Math.max(0, e.getValue() - before.getOrDefault(e.getKey(), 0.0));
      window.put(e.getKey(), seconds);
      if (!e.getKey().equals("other")) {
        named += seconds;
      }
    }
    window.put("other", Math.max(0, processSeconds - named));
    return window;
  }

  /** A counter's value in the node's Prometheus text (unlabelled); 0 when it is absent. */
  private long metric(URI api, String name) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(api.resolve("/metrics")).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
    for (String line : response.body().split("\n", -1)) {
      if (line.startsWith(name + " ")) {
        return (long) Double.parseDouble(line.substring(name.length() + 1).trim());
      }
    }
    return 0;
  }

  private static double[] cpu(LocalAlliance alliance, List<String> members) {
    double[] seconds = new double[members.size()];
    for (int i = 0; i < seconds.length; i++) {
      seconds[i] = ProcStats.cpuSeconds(alliance.pid(members.get(i)).orElse(-1));
    }
    return seconds;
  }

  private static long[] rss(LocalAlliance alliance, List<String> members) {
    long[] bytes = new long[members.size()];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = ProcStats.rssBytes(alliance.pid(members.get(i)).orElse(-1));
    }
    return bytes;
  }

  private static void sleepUntil(long nanos) throws InterruptedException {
    long wait = nanos - System.nanoTime();
    if (wait > 0) {
      Thread.sleep(Duration.ofNanos(wait));
    }
  }

  private void say(String line) {
    progress.println("bench: " + line);
    progress.flush();
  }
}
