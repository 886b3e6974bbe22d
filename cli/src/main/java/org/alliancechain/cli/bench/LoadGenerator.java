package org.alliancechain.cli.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * Submits the pre-signed workload over HTTP (POST /tx), each sender's transactions to its own
 * member's node. Every sender has at most {@code inFlightPerSender} transactions submitted and not
 * yet committed (below the mempool's NONCE_AHEAD_MAX), which makes {@code max} a closed loop; with
 * a fixed rate, transaction k is due at start + k / rate (open loop) unless that bound holds it
 * back. One thread per connection, each with its own HttpClient (one keep-alive connection).
 */
final class LoadGenerator {
  static final int RETRIES_MAX = 50;
  static final Duration RETRY_PAUSE = Duration.ofMillis(20);
  static final java.util.Set<String> BACK_PRESSURE = java.util.Set.of("nonce_too_far", "pool_full");

  private final TransferWorkload workload;
  private final List<URI> targets;
  private final int connections;
  private final long ratePerSecond; // 0 = as fast as the nodes accept
  private final Semaphore[] inFlight;
  private final AtomicInteger nextId = new AtomicInteger();
  private final AtomicLongArray submitNanos;
  private final AtomicLongArray commitNanos;
  private final Map<String, Integer> rejections = new TreeMap<>();
  private volatile boolean stopping;
  private volatile boolean exhausted;

  LoadGenerator(
      TransferWorkload workload,
      List<URI> targets,
      int connections,
      long ratePerSecond,
      int inFlightPerSender) {
    this.workload = workload;
    this.targets = List.copyOf(targets);
    this.connections = connections;
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
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < connections; c++) {
      Thread t = new Thread(() -> submitLoop(start, stopAt), "bench-submit-" + c);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join();
    }
  }

  void stop() {
    stopping = true;
  }

  private void submitLoop(long start, long stopAt) {
    try (HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3))
            .build()) {
      while (!stopping && System.nanoTime() < stopAt) {
        int id = nextId.getAndIncrement();
        if (id >= workload.size()) {
          exhausted = true;
          return;
        }
        if (ratePerSecond > 0) {
          long due = start + (long) (id * (1e9 / ratePerSecond));
          long wait = due - System.nanoTime();
          if (wait > 0) {
            LockSupport.parkNanos(wait);
          }
        }
        int sender = workload.sender(id);
        if (!acquire(sender, stopAt)) {
          return;
        }
        submit(http, id, targets.get(sender % targets.size()));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private boolean acquire(int sender, long stopAt) throws InterruptedException {
    while (!stopping && System.nanoTime() < stopAt) {
      if (inFlight[sender].tryAcquire(50, TimeUnit.MILLISECONDS)) {
        return true;
      }
    }
    return false;
  }

  private void submit(HttpClient http, int id, URI node) throws InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(node.resolve("/tx"))
            .header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(10))
            .POST(HttpRequest.BodyPublishers.ofByteArray(workload.body(id)))
            .build();
    int refusals = 0;
    while (refusals < RETRIES_MAX && !stopping) {
      submitNanos.compareAndSet(id, 0, System.nanoTime());
      String reason;
      try {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 202) {
          return;
        }
        reason = errorCode(response.body());
        if (reason.equals("duplicate") || reason.equals("nonce_used")) {
          return; // already admitted (a retry after a lost answer) or already committed
        }
      } catch (IOException e) {
        reason = "io: " + e.getClass().getSimpleName();
      }
      countRejection(reason);
      // A rejected transaction leaves a nonce gap that stalls its sender: try it again. Back
      // pressure (this node's committed nonce lags the node the tracker watches, a full pool, a
      // lost connection) is retried until the run stops; anything else RETRIES_MAX times.
      if (!BACK_PRESSURE.contains(reason) && !reason.startsWith("io: ")) {
        refusals++;
      }
      Thread.sleep(RETRY_PAUSE.toMillis());
    }
  }

  private static String errorCode(String body) {
    int at = body.indexOf("\"error\":\"");
    if (at < 0) {
      return "http_error";
    }
    int from = at + "\"error\":\"".length();
    int to = body.indexOf('"', from);
    return to < 0 ? "http_error" : body.substring(from, to);
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
    return exhausted;
  }

  int submitted() {
    return Math.min(nextId.get(), workload.size());
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
