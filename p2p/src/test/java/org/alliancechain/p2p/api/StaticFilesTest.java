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
import java.util.List;
import java.util.Map;
import org.alliancechain.p2p.metrics.MetricsRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

// Issue 10: the console's files are served by the node from its jar, and nothing else is.
class StaticFilesTest {
  private static final String VENDOR_CACHE = "public, max-age=3600";

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private ApiServer server;

  @BeforeEach
  void start() throws IOException {
    StaticFiles files =
        new StaticFiles(
            List.of(
                new StaticFiles.Mount("vendor/", "static-test/vendor/", VENDOR_CACHE),
                new StaticFiles.Mount("", "static-test/site/", "no-cache")),
            "index.html",
            StaticFilesTest.class.getClassLoader());
    Router router =
        new Router()
            .get("/status", r -> ApiResponse.ok(Map.of("ok", true)))
            .files("/console", files);
    server =
        ApiServers.start(
            ApiServerConfig.loopback(0), router, Health::readyNow, new MetricsRegistry());
  }

  @AfterEach
  void stop() {
    server.close();
    client.close();
  }

  private HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theRouteServesItsIndexWithAndWithoutTrailingSlash() throws Exception {
    for (String path : List.of("/console", "/console/", "/console/index.html")) {
      HttpResponse<String> r = get(path);
      assertThat(r.statusCode()).as(path).isEqualTo(200);
      assertThat(r.body()).contains("<title>t</title>");
      assertThat(r.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
      assertThat(r.headers().firstValue("cache-control")).hasValue("no-cache");
      assertThat(r.headers().firstValue("x-content-type-options")).hasValue("nosniff");
      assertThat(r.headers().firstValue("content-security-policy").orElseThrow())
          .contains("default-src 'self'", "frame-ancestors 'none'");
    }
  }

  @Test
  void filesGetTheirContentTypeAndTheirMountsCachePolicy() throws Exception {
    HttpResponse<String> css = get("/console/css/app.css");
    assertThat(css.headers().firstValue("content-type")).hasValue("text/css; charset=utf-8");
    HttpResponse<String> js = get("/console/vendor/lib/lib.js");
    assertThat(js.statusCode()).isEqualTo(200);
    assertThat(js.body()).isEqualTo("export const x = 1;\n");
    // Module scripts are refused by browsers unless served with a JavaScript MIME type.
    assertThat(js.headers().firstValue("content-type")).hasValue("text/javascript; charset=utf-8");
    assertThat(js.headers().firstValue("cache-control")).hasValue(VENDOR_CACHE);
  }

  @Test
  void anUnchangedFileIsAnswered304AgainstItsEtag() throws Exception {
    HttpResponse<String> first = get("/console/css/app.css");
    String etag = first.headers().firstValue("etag").orElseThrow();
    assertThat(etag).matches("\"[0-9a-f]{32}\"");
    HttpResponse<String> again = get("/console/css/app.css", "If-None-Match", etag);
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
    assertThat(get("/console/css/app.css", "If-None-Match", "\"other\"").statusCode())
        .isEqualTo(200);
  }

  @Test
  void traversalHiddenFilesDirectoriesAndUnknownTypesAreNotFound() throws Exception {
    List<String> refused =
        List.of(
            "/console/../secret/key.txt",
            "/console/%2e%2e/secret/key.txt",
            "/console/css/..%2f..%2fsecret%2fkey.txt",
            "/console/..%5csecret%5ckey.txt",
            "/console/vendor/../../secret/key.txt",
            "/console/.hidden.txt",
            "/console/css",
            "/console/vendor/lib/",
            "/console//css/app.css",
            "/console/nothing.js",
            "/console/css/app.css%00.js");
    for (String path : refused) {
      String response = rawGet(path);
      assertThat(response).as(path).startsWith("HTTP/1.1 404").doesNotContain("do not serve");
    }
  }

  @Test
  void otherRoutesAndPrefixLookalikesAreUntouched() throws Exception {
    assertThat(get("/status").body()).isEqualTo("{\"ok\":true}");
    assertThat(get("/consoles/index.html").statusCode()).isEqualTo(404);
  }

  @Test
  void pathsAreCheckedBySegmentAndExtension() {
    assertThat(StaticFiles.acceptable("app.js")).isTrue();
    assertThat(StaticFiles.acceptable("vendor/uplot/dist/uPlot.esm.js")).isTrue();
    assertThat(StaticFiles.acceptable("..")).isFalse();
    assertThat(StaticFiles.acceptable("a/./b.js")).isFalse();
    assertThat(StaticFiles.acceptable("a\\b.js")).isFalse();
    assertThat(StaticFiles.acceptable("LICENSE")).isFalse();
    assertThat(StaticFiles.acceptable("a/b/c/d/e/f/g/h/i.js")).isFalse(); // 9 segments
    assertThat(StaticFiles.acceptable("x".repeat(StaticFiles.PATH_CHARS_MAX) + ".js")).isFalse();
  }

  /** Raw bytes on the wire: an HTTP client library might normalise the path before sending. */
  private String rawGet(String path) throws IOException {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
      s.setSoTimeout(5_000);
      OutputStream out = s.getOutputStream();
      out.write(
          ("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
