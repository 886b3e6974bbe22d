package org.alliancechain.p2p.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.SplittableRandom;
import org.alliancechain.p2p.metrics.MetricsRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile input on the client API (issue 9): deep nesting, huge numbers, a seeded JSON fuzz and a
 * body trickled a byte at a time. Each gets a clear 4xx (never a 500) and the server keeps serving.
 * Malformed and mistyped JSON, oversized bodies, slow headers and the per-address connection cap
 * are in {@link ApiServerTest}.
 */
class HostileApiTest {
  private static final int DEADLINE_MILLIS = 5_000;

  private final MetricsRegistry metrics = new MetricsRegistry();
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private ApiServer server;

  @BeforeEach
  void start() throws IOException {
    Router router =
        new Router()
            .post(
                "/transfer",
                r -> {
                  ApiServerTest.Transfer t = r.bodyAs(ApiServerTest.Transfer.class);
                  return ApiResponse.json(202, Map.of("to", t.to(), "amount", t.amount()));
                });
    ApiLimits limits =
        new ApiLimits(64 * 1024, 8 * 1024, DEADLINE_MILLIS, 5_000, 3, 100, 2, 16, 200);
    server =
        ApiServers.start(
            new ApiServerConfig("127.0.0.1", 0, limits), router, Health::readyNow, metrics);
    // Class loading and a cold JIT on a loaded machine must not count against the deadlines.
    try {
      var unused = post("{\"to\":\"warm\",\"amount\":1,\"urgent\":false}");
    } catch (Exception e) {
      throw new IOException("warm-up request failed", e);
    }
  }

  @AfterEach
  void stop() {
    server.close();
    client.close();
  }

  private HttpResponse<String> post(String json) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/transfer"))
            .header("content-type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private void assertStillServing() throws Exception {
    HttpResponse<String> ok = post("{\"to\":\"bob\",\"amount\":5,\"urgent\":false}");
    assertThat(ok.statusCode()).isEqualTo(202);
    assertThat(metrics.render()).doesNotContain("status=\"500\"");
  }

  @Test
  void nestingBeyondTheLimitIsRefusedAsMalformedWithoutExhaustingTheStack() throws Exception {
    int depth = 5_000; // far past Json.NESTING_DEPTH_MAX
    String deep = "{\"to\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
    HttpResponse<String> r = post(deep);
    assertThat(r.statusCode()).isEqualTo(400); // the record binding stops at the first array
    // A type that does descend (a map, as any free-form field would) meets the nesting limit.
    byte[] deepBytes = deep.getBytes(StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> Json.read(deepBytes, Map.class))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.code()).isEqualTo("malformed_json");
              assertThat(e.getMessage()).containsIgnoringCase("nesting");
            });
    String justOver =
        "{\"to\":" + "[".repeat(Json.NESTING_DEPTH_MAX) + "]".repeat(Json.NESTING_DEPTH_MAX) + "}";
    assertThat(post(justOver).statusCode()).isEqualTo(400);
    assertStillServing();
  }

  @Test
  void hugeNumbersAreRefusedNotWrappedOrRounded() throws Exception {
    for (String amount :
        new String[] {
          "9223372036854775808", // Long.MAX_VALUE + 1
          "-9223372036854775809",
          "1e400",
          "5.0",
          "1" + "0".repeat(5_000), // a 5,001-digit integer
        }) {
      HttpResponse<String> r = post("{\"to\":\"bob\",\"amount\":" + amount + ",\"urgent\":false}");
      assertThat(r.statusCode()).as(amount.length() > 30 ? "5001 digits" : amount).isEqualTo(400);
      assertThat(r.body()).doesNotContain("\"amount\":"); // no value was accepted
    }
    assertStillServing();
  }

  @Test
  void seededJsonFuzzGetsOnly202Or400AndTheServerKeepsServing() throws Exception {
    long seed = Long.getLong("apiFuzz.seed", new SecureRandom().nextLong());
    System.out.println("apiFuzz seed " + seed + " (replay with -DapiFuzz.seed=" + seed + ")");
    SplittableRandom random = new SplittableRandom(seed);
    byte[] valid =
        "{\"to\":\"bob\",\"amount\":5,\"urgent\":false}".getBytes(StandardCharsets.UTF_8);
    String alphabet = "{}[]\":,-+.eE0123456789 \\u00tfnrlsa\u00e9\u0000";
    for (int round = 0; round < 200; round++) {
      StringBuilder body = new StringBuilder(new String(valid, StandardCharsets.UTF_8));
      for (int edits = 1 + random.nextInt(4); edits > 0; edits--) {
        int at = random.nextInt(body.length() + 1);
        char c = alphabet.charAt(random.nextInt(alphabet.length()));
        switch (random.nextInt(3)) {
          case 0 -> body.insert(at, c);
          case 1 -> {
            if (at < body.length()) {
              body.deleteCharAt(at);
            }
          }
          default -> {
            if (at < body.length()) {
              body.setCharAt(at, c);
            }
          }
        }
      }
      HttpResponse<String> r = post(body.toString());
      assertThat(r.statusCode()).as("round %d seed %d body %s", round, seed, body).isIn(202, 400);
    }
    assertStillServing();
  }

  @Test
  void aBodyTrickledAByteAtATimeIsCutAtTheRequestDeadline() throws Exception {
    String body = "{\"to\":\"" + "b".repeat(80) + "\",\"amount\":5,\"urgent\":false}";
    long start = System.nanoTime();
    String response;
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write(
          ("POST /transfer HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                  + "Content-Length: "
                  + body.length()
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      // One byte every 150 ms: each resets an idle timer, so only the total deadline cuts it.
      for (int i = 0; i < body.length(); i++) {
        if (s.getInputStream().available() > 0) {
          break; // the server has answered already
        }
        try {
          out.write(body.charAt(i));
          out.flush();
        } catch (IOException closed) {
          break;
        }
        Thread.sleep(150); // the client's trickle rate, not a wait for the server
      }
      response = readUntilClosed(s);
    }
    long tookMillis = (System.nanoTime() - start) / 1_000_000;
    assertThat(response).startsWith("HTTP/1.1 408").contains("request_timeout");
    // 120 bytes at 150 ms would take 18 s; the deadline is 5 s (slack for a loaded machine).
    assertThat(tookMillis).isLessThan(12_000);
    assertStillServing();
  }

  /** What arrived before the server closed (a reset after our late bytes ends it too). */
  private static String readUntilClosed(Socket s) {
    java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
    try {
      int c;
      while ((c = s.getInputStream().read()) >= 0) {
        got.write(c);
      }
    } catch (IOException resetOrTimeout) {
      // keep what arrived
    }
    return got.toString(StandardCharsets.UTF_8);
  }
}
