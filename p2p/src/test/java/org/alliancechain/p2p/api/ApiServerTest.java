package org.alliancechain.p2p.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.alliancechain.p2p.metrics.MetricsRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

// SPEC M-31 (client API, health, metrics); issue 4 "Bad input" rules.
class ApiServerTest {
  static final int BODY_BYTES_MAX = 4096;
  static final int DEADLINE_MILLIS = 700;

  /** A request body as a route would declare it. */
  public record Transfer(String to, long amount, boolean urgent) {
    public Transfer {
      if (amount <= 0) {
        throw new IllegalArgumentException("amount must be positive");
      }
    }
  }

  private final MetricsRegistry metrics = new MetricsRegistry();
  private final EventStream blocks = new EventStream(4);
  private final AtomicReference<Health> health = new AtomicReference<>(Health.readyNow());
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private ApiServer server;

  @BeforeEach
  void start() throws IOException {
    Router router =
        new Router()
            .get("/tx/{hash}", r -> ApiResponse.ok(Map.of("hash", r.pathParam("hash"))))
            .post(
                "/transfer",
                r -> {
                  Transfer t = r.bodyAs(Transfer.class);
                  return ApiResponse.json(202, Map.of("to", t.to(), "amount", t.amount()));
                })
            .events("/events/blocks", blocks);
    ApiLimits limits =
        new ApiLimits(BODY_BYTES_MAX, 8 * 1024, DEADLINE_MILLIS, 5_000, 3, 100, 2, 16, 200);
    server =
        ApiServers.start(new ApiServerConfig("127.0.0.1", 0, limits), router, health::get, metrics);
  }

  @AfterEach
  void stop() {
    server.close();
    client.close();
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String json) throws Exception {
    return client.send(
        HttpRequest.newBuilder(uri(path))
            .header("content-type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void routesBindPathParametersAndJsonBodies() throws Exception {
    HttpResponse<String> r = get("/tx/abcd");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("content-type")).hasValue("application/json; charset=utf-8");
    assertThat(r.body()).isEqualTo("{\"hash\":\"abcd\"}");
    HttpResponse<String> p = post("/transfer", "{\"to\":\"bob\",\"amount\":5,\"urgent\":false}");
    assertThat(p.statusCode()).isEqualTo(202);
    assertThat(p.body()).contains("\"amount\":5");
  }

  @Test
  void badJsonIsRefusedWithAnErrorNamingTheField() throws Exception {
    assertThat(post("/transfer", "{\"to\":\"bob\",").body())
        .contains("\"error\":\"malformed_json\"");
    HttpResponse<String> wrongType =
        post("/transfer", "{\"to\":\"bob\",\"amount\":\"5\",\"urgent\":false}");
    assertThat(wrongType.statusCode()).isEqualTo(400);
    assertThat(wrongType.body()).contains("\"error\":\"invalid_field\"", "\"field\":\"amount\"");
    HttpResponse<String> missing = post("/transfer", "{\"to\":\"bob\",\"urgent\":true}");
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(missing.body()).contains("\"field\":\"amount\"");
    HttpResponse<String> unknown =
        post("/transfer", "{\"to\":\"bob\",\"amount\":5,\"urgent\":true,\"memo\":1}");
    assertThat(unknown.body()).contains("\"error\":\"unknown_field\"", "\"field\":\"memo\"");
    HttpResponse<String> invalid =
        post("/transfer", "{\"to\":\"bob\",\"amount\":-1,\"urgent\":true}");
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(invalid.body()).contains("\"error\":\"invalid_value\"", "amount must be positive");
    assertThat(post("/transfer", "").body()).contains("missing_body");
  }

  @Test
  void unknownRoutesAre404AndWrongMethods405InJson() throws Exception {
    HttpResponse<String> r = get("/nope");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.body()).contains("\"error\":\"not_found\"");
    HttpResponse<String> m = get("/transfer");
    assertThat(m.statusCode()).isEqualTo(405);
    assertThat(m.headers().firstValue("allow")).hasValue("POST");
  }

  @Test
  void anOversizedBodyIsRefusedFromItsContentLengthBeforeItIsSent() throws Exception {
    try (Socket s = raw()) {
      // Headers only: the server must answer without waiting for the 10 MB it announced.
      send(s, "POST /transfer HTTP/1.1\r\nHost: x\r\nContent-Length: 10000000\r\n\r\n");
      String response = readAll(s);
      assertThat(response).startsWith("HTTP/1.1 413").contains("\"error\":\"body_too_large\"");
    }
  }

  @Test
  void anOversizedChunkedBodyIsCutOffAtTheLimit() throws Exception {
    try (Socket s = raw()) {
      send(s, "POST /transfer HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
      String chunk = Integer.toHexString(1024) + "\r\n" + "x".repeat(1024) + "\r\n";
      try {
        for (int i = 0; i < 5; i++) {
          send(s, chunk); // 5 KiB > 4 KiB
        }
      } catch (IOException closedWhileSending) {
        // the server may close before the last chunk; the response is still there to read
      }
      assertThat(readAll(s)).startsWith("HTTP/1.1 413");
    }
  }

  @Test
  void aSlowLorisIsCutAtTheRequestDeadline() throws Exception {
    try (Socket s = raw()) {
      send(s, "GET /tx/ab HTTP/1.1\r\nHost: x\r\n"); // and never the blank line
      long start = System.nanoTime();
      String response = readAll(s);
      long tookMillis = (System.nanoTime() - start) / 1_000_000;
      assertThat(response).startsWith("HTTP/1.1 408").contains("request_timeout");
      assertThat(tookMillis).isLessThan(5_000);
    }
    assertThat(metrics.render()).contains("api_requests_refused_total{reason=\"deadline\"} 1");
  }

  @Test
  void connectionsFromOneAddressAreCapped() throws Exception {
    List<Socket> open = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        Socket s = raw();
        open.add(s);
        send(s, "GET /tx/" + i + " HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(readLine(s)).isEqualTo("HTTP/1.1 200 OK"); // accepted and kept alive
      }
      try (Socket fourth = raw()) {
        assertThat(readAll(fourth)).startsWith("HTTP/1.1 429").contains("connection_limit");
      }
    } finally {
      for (Socket s : open) {
        s.close();
      }
    }
  }

  @Test
  void healthSaysWhyItIsNotReady() throws Exception {
    assertThat(get("/health").statusCode()).isEqualTo(200);
    health.set(Health.notReady("catching up: height 12 of 40"));
    HttpResponse<String> r = get("/health");
    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(r.body()).contains("\"ready\":false", "catching up: height 12 of 40");
  }

  @Test
  void metricsAreServedInPrometheusTextFormat() throws Exception {
    get("/tx/1");
    get("/nope");
    HttpResponse<String> r = get("/metrics");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("content-type"))
        .hasValue("text/plain; version=0.0.4; charset=utf-8");
    // every line is a comment or "name{labels} integer" (exposition format 0.0.4)
    for (String line : r.body().split("\n", -1)) {
      if (!line.isEmpty()) {
        assertThat(line).matches("# (HELP|TYPE) .*|[a-zA-Z_:][a-zA-Z0-9_:]*(\\{.*\\})? -?[0-9]+");
      }
    }
    assertThat(r.body())
        .contains("api_responses_total{status=\"200\"} 1", "api_responses_total{status=\"404\"} 1");
  }

  @Test
  void eventStreamClientsReceivePublishedEvents() throws Exception {
    HttpResponse<Stream<String>> r =
        client.send(
            HttpRequest.newBuilder(uri("/events/blocks")).build(),
            HttpResponse.BodyHandlers.ofLines());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("content-type")).hasValue("text/event-stream; charset=utf-8");
    Iterator<String> lines = r.body().iterator();
    assertThat(lines.next()).isEqualTo(": keepalive"); // the stream is open
    assertThat(blocks.subscriberCount()).isEqualTo(1);
    blocks.publish("block", Map.of("height", 7));
    String line = lines.next();
    while (line.isEmpty() || line.startsWith(":")) {
      line = lines.next();
    }
    assertThat(line).isEqualTo("event: block");
    assertThat(lines.next()).isEqualTo("data: {\"height\":7}");
    r.body().close();
  }

  private Socket raw() throws IOException {
    Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port());
    s.setSoTimeout(10_000);
    return s;
  }

  private static void send(Socket s, String text) throws IOException {
    OutputStream out = s.getOutputStream();
    out.write(text.getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /** Everything until the server closes the connection. */
  private static String readAll(Socket s) throws IOException {
    InputStream in = s.getInputStream();
    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
  }

  private static String readLine(Socket s) throws IOException {
    InputStream in = s.getInputStream();
    StringBuilder sb = new StringBuilder();
    int c;
    while ((c = in.read()) >= 0 && c != '\n') {
      sb.append((char) c);
    }
    return sb.toString().strip();
  }
}
