package org.alliancechain.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import org.alliancechain.core.tx.TxBatch;

/**
 * Submits the pre-signed workload in binary batches (POST /txs), each sender's transactions to its
 * own member's node, in nonce order, from one thread per sender (so a sender's batches never
 * overtake each other). Every sender has at most {@code inFlightPerSender} transactions submitted
 * and not yet committed (below the mempool's NONCE_AHEAD_MAX), which makes {@code max} a closed
 * loop; with a fixed rate, transaction k is due at start + k / rate (open loop) unless that bound
 * holds it back, and each request carries the transactions due by then. A transaction whose {@link
 * Workload#dependency} is not committed yet waits, and with it the sender's later nonces.
 *
 * <p>One request per transaction (POST /tx with JSON) cost a round trip of several thread wake-ups
 * per transaction; on the shared 2-core machine that round trip was 50 to 100 ms, which capped the
 * whole benchmark near 100 submits per second (docs/benchmarks.md, step 2).
 */
final class LoadGenerator {
  static final int RETRIES_MAX = 50;
  static final Duration RETRY_PAUSE = Duration.ofMillis(20);
  static final java.util.Set<String> BACK_PRESSURE = java.util.Set.of("nonce_too_far", "pool_full");

  /** Transactions in one request at most. */
  static final int BATCH_TXS_MAX = 500;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Workload workload;
  private final List<URI> targets;
  private final int threads;
  private final long ratePerSecond; // 0 = as fast as the nodes accept
  private final Semaphore[] inFlight;
  private final AtomicInteger submitted = new AtomicInteger();
  private final AtomicInteger exhaustedSenders = new AtomicInteger();
  private final AtomicLongArray submitNanos;
  private final AtomicLongArray commitNanos;
  private final Map<String, Integer> rejections = new TreeMap<>();
  private volatile boolean stopping;

  LoadGenerator(
      Workload workload,
      List<URI> targets,
      int connections,
      long ratePerSecond,
      int inFlightPerSender) {
    this.workload = workload;
    this.targets = List.copyOf(targets);
    this.threads = Math.max(1, Math.min(connections, workload.senders()));
    this.ratePerSecond = ratePerSecond;
    this.inFlight = new Semaphore[workload.senders()];
    for (int s = 0; s < inFlight.length; s++) {
      inFlight[s] = new Semaphore(inFlightPerSender);
    }
    this.submitNanos = new AtomicLongArray(workload.size());
    this.commitNanos = new AtomicLongArray(workload.size());
  }

  /** Called by the commit tracker for every committed transaction's hash. */
  void committed(String hashHex, long nanos) {
    int id = workload.id(hashHex);
    if (id >= 0 && commitNanos.compareAndSet(id, 0, nanos)) {
      inFlight[workload.sender(id)].release();
    }
  }

  /** Submits from {@code start} until {@code stopAt} (System.nanoTime values); blocks. */
  void run(long start, long stopAt) throws InterruptedException {
    List<Thread> started = new ArrayList<>();
    for (int c = 0; c < threads; c++) {
      List<Sender> mine = new ArrayList<>();
      for (int s = c; s < workload.senders(); s += threads) {
        mine.add(new Sender(s));
      }
      Thread t = new Thread(() -> submitLoop(mine, start, stopAt), "bench-submit-" + c);
      t.setDaemon(true);
      started.add(t);
      t.start();
    }
    for (Thread t : started) {
      t.join();
    }
  }

  void stop() {
    stopping = true;
  }

  /** One sender's position: its next fresh transaction and the refused ones to send again. */
  private final class Sender {
    final int index;
    int next; // index within this sender's nonces
    final ArrayDeque<Integer> again = new ArrayDeque<>(); // ids holding an in-flight permit
    final Map<Integer, Integer> refusals = new TreeMap<>();
    boolean exhausted;

    Sender(int index) {
      this.index = index;
    }

    int id(int n) {
      return n * workload.senders() + index;
    }
  }

  private void submitLoop(List<Sender> senders, long start, long stopAt) {
    try (HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3))
            .build()) {
      while (!stopping && System.nanoTime() < stopAt) {
        boolean sent = false;
        for (Sender sender : senders) {
          List<Integer> batch = nextBatch(sender, start);
          if (!batch.isEmpty()) {
            submit(http, sender, batch);
            sent = true;
          }
        }
        if (!sent) {
          if (senders.stream().allMatch(s -> s.exhausted && s.again.isEmpty())) {
            return;
          }
          LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The refused transactions first, then fresh ones that are due and have an in-flight permit. */
  private List<Integer> nextBatch(Sender sender, long start) {
    List<Integer> batch = new ArrayList<>();
    while (!sender.again.isEmpty() && batch.size() < BATCH_TXS_MAX) {
      batch.add(sender.again.poll());
    }
    long now = System.nanoTime();
    while (batch.size() < BATCH_TXS_MAX && !sender.exhausted) {
      if (sender.next >= workload.perSender()) {
        sender.exhausted = true;
        exhaustedSenders.incrementAndGet();
        break;
      }
      int id = sender.id(sender.next);
      if (ratePerSecond > 0 && start + (long) (id * (1e9 / ratePerSecond)) > now) {
        break;
      }
      int dependency = workload.dependency(id);
      if (dependency >= 0 && commitNanos.get(dependency) == 0) {
        break; // another sender's step this one builds on is not committed yet
      }
      if (!inFlight[sender.index].tryAcquire()) {
        break;
      }
      batch.add(id);
      sender.next++;
      submitted.incrementAndGet();
    }
    return batch;
  }

  private void submit(HttpClient http, Sender sender, List<Integer> ids)
      throws InterruptedException {
    List<byte[]> encoded = new ArrayList<>(ids.size());
    for (int id : ids) {
      encoded.add(workload.encoded(id));
    }
    HttpRequest request =
        HttpRequest.newBuilder(targets.get(sender.index % targets.size()).resolve("/txs"))
            .header("Content-Type", "application/octet-stream")
            .timeout(Duration.ofSeconds(10))
            .POST(HttpRequest.BodyPublishers.ofByteArray(TxBatch.encodeEncoded(encoded)))
            .build();
    long now = System.nanoTime();
    for (int id : ids) {
      submitNanos.compareAndSet(id, 0, now);
    }
    Map<Integer, String> refused = new TreeMap<>();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 202) {
        for (JsonNode r : JSON.readTree(response.body()).path("refused")) {
          refused.put(r.path("index").asInt(), r.path("error").asText("http_error"));
        }
      } else {
        for (int i = 0; i < ids.size(); i++) {
          refused.put(i, "http_" + response.statusCode());
        }
      }
    } catch (IOException e) {
      for (int i = 0; i < ids.size(); i++) {
        refused.put(i, "io: " + e.getClass().getSimpleName());
      }
    }
    boolean backPressure = false;
    for (Map.Entry<Integer, String> e : refused.entrySet()) {
      int id = ids.get(e.getKey());
      String reason = e.getValue();
      if (reason.equals("duplicate") || reason.equals("nonce_used")) {
        continue; // already admitted (a retry after a lost answer) or already committed
      }
      countRejection(reason);
      // A refused transaction leaves a nonce gap that stalls its sender: send it again. Back
      // pressure (this node's committed nonce lags the node the tracker watches, a full pool, a
      // lost connection) is retried until the run stops; anything else RETRIES_MAX times.
      boolean retryable = BACK_PRESSURE.contains(reason) || reason.startsWith("io: ");
      backPressure |= retryable;
      int tries = retryable ? 0 : sender.refusals.merge(id, 1, Integer::sum);
      if (tries < RETRIES_MAX) {
        sender.again.add(id);
      } else {
        inFlight[sender.index].release();
      }
    }
    if (backPressure) {
      Thread.sleep(RETRY_PAUSE.toMillis());
    }
  }

  private void countRejection(String reason) {
    synchronized (rejections) {
      rejections.merge(reason, 1, Integer::sum);
    }
  }

  Map<String, Integer> rejections() {
    synchronized (rejections) {
      return new TreeMap<>(rejections);
    }
  }

  boolean exhausted() {
    return exhaustedSenders.get() == workload.senders();
  }

  int submitted() {
    return submitted.get();
  }

  long submitNanos(int id) {
    return submitNanos.get(id);
  }

  long commitNanos(int id) {
    return commitNanos.get(id);
  }

  int size() {
    return workload.size();
  }
}
