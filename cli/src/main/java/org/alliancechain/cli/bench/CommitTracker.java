package org.alliancechain.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.ObjLongConsumer;
import java.util.stream.Stream;

/**
 * Watches one node's committed blocks: the time each block's event arrives on GET /events is its
 * commit time as a client sees it; each block's transaction hashes come from GET /blocks/{h}
 * (fetched on another thread, so slow fetches do not delay the next event's time stamp). Heights
 * skipped by the event stream are fetched too and stamped with the next event's time.
 */
final class CommitTracker implements AutoCloseable {
  static final int FETCH_ATTEMPTS_MAX = 50;

  /** One committed block as the client saw it. */
  record CommittedBlock(long height, int transactions, long commitNanos) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;
  private final ObjLongConsumer<String> onTransaction;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(3))
          .build();
  private final ExecutorService fetcher =
      Executors.newSingleThreadExecutor(r -> daemon(r, "bench-block-fetcher"));
  private final List<CommittedBlock> blocks = new ArrayList<>();
  private final Thread reader;
  private volatile Stream<String> lines;
  private volatile boolean closed;
  private long lastHeight;
  private volatile long fetchedHeight;
  private volatile String failure;

  /** Starts watching; blocks above {@code fromHeight} are reported. */
  CommitTracker(URI base, long fromHeight, ObjLongConsumer<String> onTransaction) {
    this.base = base;
    this.onTransaction = onTransaction;
    this.lastHeight = fromHeight;
    this.fetchedHeight = fromHeight;
    this.reader = daemon(this::readEvents, "bench-events");
    reader.start();
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  private void readEvents() {
    try {
      HttpResponse<Stream<String>> response =
          http.send(
              HttpRequest.newBuilder(base.resolve("/events")).GET().build(),
              HttpResponse.BodyHandlers.ofLines());
      lines = response.body();
      lines.forEach(this::onLine);
    } catch (IOException | RuntimeException e) {
      if (!closed) {
        failure = "the event stream of " + base + " failed: " + e;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void onLine(String line) {
    if (!line.startsWith("data:")) {
      return;
    }
    long now = System.nanoTime();
    long height;
    try {
      height = JSON.readTree(line.substring("data:".length())).path("height").asLong(-1);
    } catch (IOException e) {
      return; // not a block event
    }
    if (height <= lastHeight) {
      return;
    }
    for (long h = lastHeight + 1; h <= height; h++) {
      long fetch = h;
      fetcher.execute(() -> fetch(fetch, now));
    }
    lastHeight = height;
  }

  private void fetch(long height, long commitNanos) {
    for (int attempt = 0; attempt < FETCH_ATTEMPTS_MAX && !closed; attempt++) {
      try {
        HttpResponse<byte[]> response =
            http.send(
                HttpRequest.newBuilder(base.resolve("/blocks/" + height))
                    .timeout(Duration.ofSeconds(10))
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() == 200) {
          JsonNode txs = JSON.readTree(response.body()).path("transactions");
          for (JsonNode tx : txs) {
            onTransaction.accept(tx.asText(), commitNanos);
          }
          synchronized (blocks) {
            blocks.add(new CommittedBlock(height, txs.size(), commitNanos));
          }
          fetchedHeight = height;
          return;
        }
        Thread.sleep(20); // the block may not be readable yet
      } catch (IOException e) {
        failure = "cannot fetch block " + height + ": " + e.getMessage();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    failure = "block " + height + " could not be fetched from " + base;
  }

  /** Height of the last block whose transactions were reported. */
  long fetchedHeight() {
    return fetchedHeight;
  }

  String failure() {
    return failure;
  }

  List<CommittedBlock> blocks() {
    synchronized (blocks) {
      return List.copyOf(blocks);
    }
  }

  /** Waits until every block up to {@code height} is fetched, or the timeout passes. */
  boolean awaitFetched(long height, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (fetchedHeight < height && System.nanoTime() < deadline) {
      Thread.sleep(10); // polling the fetcher's progress
    }
    return fetchedHeight >= height;
  }

  @Override
  public void close() {
    closed = true;
    Stream<String> s = lines;
    if (s != null) {
      s.close();
    }
    fetcher.shutdownNow();
    reader.interrupt();
    try {
      fetcher.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    http.shutdownNow();
  }
}
