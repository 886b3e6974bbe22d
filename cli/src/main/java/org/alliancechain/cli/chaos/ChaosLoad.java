package org.alliancechain.cli.chaos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.alliancechain.core.Hex;
import org.alliancechain.core.crypto.KeyPair;
import org.alliancechain.core.tx.Transaction;
import org.alliancechain.token.tx.TokenTx;
import org.alliancechain.token.tx.TxCodec;

/**
 * A steady load of valid transfers while faults come and go: each member sends 1 minor unit to the
 * next, nonces 0, 1, 2, ..., at most {@code window} uncommitted at a time. A transaction not
 * committed within {@link #RESEND_AFTER} is sent again, the same signed bytes, to another running
 * node (its first node may have died with it in the pool): the nonce rule makes a resend harmless,
 * and the checks verify it is committed once.
 */
final class ChaosLoad implements AutoCloseable {
  static final Duration RESEND_AFTER = Duration.ofSeconds(3);
  static final long AMOUNT_MINOR_UNITS = 1;

  /** A submitted, not yet committed transaction (a class: it holds an array). */
  private static final class Pending {
    private final String hash;
    private final byte[] body;
    private final long sentNanos;

    Pending(String hash, byte[] body, long sentNanos) {
      this.hash = hash;
      this.body = body;
      this.sentNanos = sentNanos;
    }

    String hash() {
      return hash;
    }

    byte[] body() {
      return body;
    }

    long sentNanos() {
      return sentNanos;
    }
  }

  private final String chainId;
  private final List<KeyPair> senders;
  private final Supplier<List<URI>> liveApis;
  private final List<URI> homes;
  private final int window;
  private final long txPerSecond;
  private final Set<String> committed;
  private final AtomicLong submitted = new AtomicLong();
  private final AtomicLong resent = new AtomicLong();
  private final Map<String, Long> refusals = new ConcurrentHashMap<>();
  private final List<Thread> threads = new ArrayList<>();
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();
  private volatile boolean stopping;

  /** {@code committed}: hashes the chain watcher has seen in a block (read only here). */
  ChaosLoad(
      String chainId,
      List<KeyPair> senders,
      Supplier<List<URI>> liveApis,
      List<URI> homes,
      int window,
      long txPerSecond,
      Set<String> committed) {
    this.chainId = chainId;
    this.senders = List.copyOf(senders);
    this.liveApis = liveApis;
    this.homes = List.copyOf(homes);
    this.window = window;
    this.txPerSecond = txPerSecond;
    this.committed = committed;
  }

  void start(long seed) {
    for (int s = 0; s < senders.size(); s++) {
      int sender = s;
      SplittableRandom random = new SplittableRandom(seed + s);
      threads.add(
          Thread.ofPlatform()
              .daemon()
              .name("chaos-load-" + s)
              .start(() -> senderLoop(sender, random)));
    }
  }

  private void senderLoop(int sender, SplittableRandom random) {
    KeyPair key = senders.get(sender);
    TokenTx transfer =
        new TokenTx.TransferMoney(
            senders.get((sender + 1) % senders.size()).publicKey(), AMOUNT_MINOR_UNITS);
    var payload = TxCodec.encode(transfer);
    TreeMap<Long, Pending> pending = new TreeMap<>();
    long nonce = 0;
    long pauseMillis = Math.max(1, 1000L * senders.size() / Math.max(1, txPerSecond));
    try {
      while (!stopping) {
        pending.values().removeIf(p -> committed.contains(p.hash()));
        if (pending.size() < window) {
          Transaction tx = Transaction.sign(key, chainId, nonce, transfer.kind().code(), payload);
          byte[] body =
              ("{\"tx\":\"" + Hex.encode(tx.encode()) + "\"}").getBytes(StandardCharsets.UTF_8);
          pending.put(nonce++, new Pending(tx.hash().toHex(), body, System.nanoTime()));
          send(sender, body, random);
          submitted.incrementAndGet();
        }
        long now = System.nanoTime();
        for (Map.Entry<Long, Pending> e : pending.entrySet()) {
          Pending p = e.getValue();
          if (now - p.sentNanos() > RESEND_AFTER.toNanos()) {
            send(sender, p.body(), random);
            resent.incrementAndGet();
            e.setValue(new Pending(p.hash(), p.body(), now));
          }
        }
        Thread.sleep(pauseMillis); // the load's pace
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * To the sender's own member's node while it runs, so that its transactions reach the primary in
   * nonce order over one link; to another running node only while that one is down. (Sent to random
   * nodes, one sender's transactions reach the primary out of order, and the primary then proposes
   * them so: they are committed as failed with nonce_gap — see docs/reliability.md.)
   */
  private void send(int sender, byte[] body, SplittableRandom random) throws InterruptedException {
    List<URI> apis = liveApis.get();
    if (apis.isEmpty()) {
      return;
    }
    URI home = homes.get(sender % homes.size());
    URI api = apis.contains(home) ? home : apis.get(random.nextInt(apis.size()));
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(api.resolve("/tx"))
                  .header("Content-Type", "application/json")
                  .timeout(Duration.ofSeconds(3))
                  .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 202) {
        refusals.merge(errorCode(response.body()), 1L, Long::sum);
      }
    } catch (IOException e) {
      refusals.merge("io", 1L, Long::sum); // a node down or frozen: the resend covers it
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

  long submitted() {
    return submitted.get();
  }

  long resent() {
    return resent.get();
  }

  Map<String, Long> refusals() {
    return new TreeMap<>(refusals);
  }

  void stop() throws InterruptedException {
    stopping = true;
    for (Thread t : threads) {
      t.join(10_000);
    }
  }

  @Override
  public void close() {
    stopping = true;
    http.shutdownNow();
  }
}
