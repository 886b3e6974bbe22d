package org.alliancechain.cli.chaos;

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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads blocks over the API: what any node said was committed during the run (each block hash by
 * height, each transaction's height), and each node's head as last seen. These are the
 * "acknowledged" commits that the end-of-run checks hold every node to.
 */
final class ChainWatcher {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One block as a node served it. */
  record BlockSeen(long height, String hash, List<String> transactions) {}

  /** A node's head as its /status reported it. */
  record Head(long height, String hash, String stateRoot) {}

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();
  // Height -> block hash, and tx hash -> height, as first acknowledged by any node.
  private final Map<Long, String> blockHashes = new ConcurrentHashMap<>();
  private final Map<String, Long> txHeights = new ConcurrentHashMap<>();
  private final Set<String> committed = ConcurrentHashMap.newKeySet();
  private final List<String> problems = new ArrayList<>();
  private final Map<String, Long> highestHead = new ConcurrentHashMap<>();
  private long fetchedHeight;

  Set<String> committed() {
    return committed;
  }

  Optional<Head> head(URI api) {
    try {
      HttpResponse<byte[]> r =
          http.send(
              HttpRequest.newBuilder(api.resolve("/status")).timeout(Duration.ofSeconds(2)).build(),
              HttpResponse.BodyHandlers.ofByteArray());
      if (r.statusCode() != 200) {
        return Optional.empty();
      }
      JsonNode s = JSON.readTree(r.body());
      return Optional.of(
          new Head(
              s.path("height").asLong(),
              s.path("headHash").asText(),
              s.path("stateRoot").asText()));
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  Optional<String> primary(URI api) {
    try {
      HttpResponse<byte[]> r =
          http.send(
              HttpRequest.newBuilder(api.resolve("/status")).timeout(Duration.ofSeconds(2)).build(),
              HttpResponse.BodyHandlers.ofByteArray());
      String p = JSON.readTree(r.body()).path("consensus").path("primary").asText("");
      return p.isEmpty() ? Optional.empty() : Optional.of(p);
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  Optional<BlockSeen> block(URI api, long height) {
    try {
      HttpResponse<byte[]> r =
          http.send(
              HttpRequest.newBuilder(api.resolve("/blocks/" + height))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      if (r.statusCode() != 200) {
        return Optional.empty();
      }
      JsonNode b = JSON.readTree(r.body());
      List<String> txs = new ArrayList<>();
      b.path("transactions").forEach(t -> txs.add(t.asText()));
      return Optional.of(new BlockSeen(b.path("height").asLong(), b.path("hash").asText(), txs));
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** Notes a node's head (heads must never go back, even across restarts). */
  void noteHead(String member, Head head) {
    Long before = highestHead.get(member);
    if (before != null && head.height() < before) {
      problem(member + " went back from height " + before + " to " + head.height());
    }
    highestHead.merge(member, head.height(), Math::max);
  }

  /** Fetches blocks above what was fetched, up to {@code height}, from {@code api}. */
  synchronized void fetchUpTo(String member, URI api, long height) {
    while (fetchedHeight < height) {
      Optional<BlockSeen> b = block(api, fetchedHeight + 1);
      if (b.isEmpty()) {
        return;
      }
      acknowledge(member, b.get());
      fetchedHeight++;
    }
  }

  void acknowledge(String member, BlockSeen b) {
    String before = blockHashes.putIfAbsent(b.height(), b.hash());
    if (before != null && !before.equals(b.hash())) {
      problem(
          "divergence: "
              + member
              + " served block "
              + b.height()
              + " = "
              + b.hash()
              + ", acknowledged earlier as "
              + before);
    }
    for (String tx : b.transactions()) {
      Long at = txHeights.putIfAbsent(tx, b.height());
      if (at != null && at != b.height()) {
        problem("transaction " + tx + " committed twice: heights " + at + " and " + b.height());
      }
      committed.add(tx);
    }
  }

  synchronized long fetchedHeight() {
    return fetchedHeight;
  }

  Map<Long, String> blockHashes() {
    return new TreeMap<>(blockHashes);
  }

  Map<String, Long> txHeights() {
    return new TreeMap<>(txHeights);
  }

  Map<String, Long> highestHeads() {
    return new TreeMap<>(highestHead);
  }

  void problem(String text) {
    synchronized (problems) {
      problems.add(text);
    }
  }

  List<String> problems() {
    synchronized (problems) {
      return List.copyOf(problems);
    }
  }

  void close() {
    http.shutdownNow();
  }
}
