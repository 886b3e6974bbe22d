package org.alliancechain.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Headless Firefox driven over WebDriver BiDi (W3C), which Firefox serves itself on {@code
 * --remote-debugging-port}: Debian has no geckodriver package and nothing else may be downloaded,
 * so the console's Firefox test speaks the protocol over a plain {@link WebSocket}. Only the
 * commands the test needs: session.new, session.subscribe, browsingContext.getTree / navigate /
 * setViewport / captureScreenshot, script.evaluate; log.entryAdded events are kept as the page's
 * errors.
 */
final class FirefoxBidi implements AutoCloseable {
  private static final List<Path> BINARIES =
      List.of(Path.of("/usr/bin/firefox-esr"), Path.of("/usr/bin/firefox"));
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String LISTENING = "WebDriver BiDi listening on ";

  private final Process process;
  private final HttpClient http;
  private final WebSocket socket;
  private final Duration commandDeadline;
  private final AtomicLong ids = new AtomicLong();
  private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final List<String> errors = new ArrayList<>();
  private final String context;

  /** Debian's firefox-esr (or a firefox on the PATH's usual place), if installed. */
  static Optional<Path> binary() {
    return BINARIES.stream().filter(Files::isExecutable).findFirst();
  }

  private FirefoxBidi(Process process, URI endpoint, Duration commandDeadline) throws Exception {
    this.process = process;
    this.commandDeadline = commandDeadline;
    this.http = HttpClient.newHttpClient();
    this.socket =
        http.newWebSocketBuilder()
            .connectTimeout(commandDeadline)
            .buildAsync(endpoint, new Listener())
            .get(commandDeadline.toMillis(), TimeUnit.MILLISECONDS);
    send("session.new", JSON.createObjectNode().set("capabilities", JSON.createObjectNode()));
    ObjectNode events = JSON.createObjectNode();
    events.putArray("events").add("log.entryAdded");
    send("session.subscribe", events);
    this.context =
        send("browsingContext.getTree", JSON.createObjectNode())
            .path("contexts")
            .get(0)
            .path("context")
            .asText();
  }

  /** Starts headless Firefox on a fresh profile in {@code profile} and opens a BiDi session. */
  static FirefoxBidi start(Path binary, Path profile, Duration deadline) throws Exception {
    Files.createDirectories(profile);
    // Quiet profile: no first-run pages, updates, telemetry or background requests.
    Files.writeString(
        profile.resolve("user.js"),
        """
        user_pref("browser.shell.checkDefaultBrowser", false);
        user_pref("browser.startup.homepage_override.mstone", "ignore");
        user_pref("app.update.disabledForTesting", true);
        user_pref("datareporting.policy.dataSubmissionEnabled", false);
        user_pref("toolkit.telemetry.reporterEnabled", false);
        user_pref("network.captive-portal-service.enabled", false);
        user_pref("browser.safebrowsing.update.enabled", false);
        user_pref("extensions.update.enabled", false);
        """);
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Process process =
        new ProcessBuilder(
                binary.toString(),
                "--headless",
                "--no-remote",
                "--profile",
                profile.toString(),
                "--remote-debugging-port",
                String.valueOf(port),
                "about:blank")
            .redirectErrorStream(true)
            .start();
    try {
      URI endpoint = awaitListening(process, profile.resolve("firefox.log"), deadline);
      return new FirefoxBidi(process, endpoint.resolve("/session"), deadline);
    } catch (Exception | AssertionError e) {
      stop(process);
      throw e;
    }
  }

  /** Reads Firefox's output (also copied to {@code log}) until it names its BiDi endpoint. */
  private static URI awaitListening(Process process, Path log, Duration deadline) throws Exception {
    CompletableFuture<URI> listening = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                      new BufferedReader(
                          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                  var out = Files.newBufferedWriter(log)) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                  out.write(line);
                  out.newLine();
                  out.flush();
                  int at = line.indexOf(LISTENING);
                  if (at >= 0) {
                    listening.complete(URI.create(line.substring(at + LISTENING.length()).trim()));
                  }
                }
              } catch (IOException e) {
                listening.completeExceptionally(e);
              }
              listening.completeExceptionally(
                  new AssertionError("Firefox exited before listening; see " + log));
            },
            "firefox-output");
    reader.setDaemon(true);
    reader.start();
    try {
      return listening.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("Firefox did not start its BiDi server in " + deadline, e);
    }
  }

  /** Sends one command and waits for its result; a BiDi error fails the test with its message. */
  JsonNode send(String method, JsonNode params) throws Exception {
    long id = ids.incrementAndGet();
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    pending.put(id, answer);
    ObjectNode message = JSON.createObjectNode();
    message.put("id", id).put("method", method).set("params", params);
    socket.sendText(JSON.writeValueAsString(message), true).get();
    JsonNode reply;
    try {
      reply = answer.get(commandDeadline.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError(method + ": no answer in " + commandDeadline, e);
    } finally {
      pending.remove(id);
    }
    if (reply.path("type").asText().equals("error")) {
      throw new AssertionError(
          method + ": " + reply.path("error").asText() + ": " + reply.path("message").asText());
    }
    return reply.path("result");
  }

  /** Loads {@code url} in the one tab as a new document, waiting for its load event. */
  void navigate(String url) throws Exception {
    ObjectNode p = JSON.createObjectNode();
    p.put("context", context).put("url", url).put("wait", "complete");
    send("browsingContext.navigate", p);
  }

  void viewport(int width, int height) throws Exception {
    ObjectNode p = JSON.createObjectNode();
    p.put("context", context).putObject("viewport").put("width", width).put("height", height);
    send("browsingContext.setViewport", p);
  }

  byte[] screenshot() throws Exception {
    ObjectNode p = JSON.createObjectNode();
    p.put("context", context).put("origin", "document");
    return Base64.getDecoder()
        .decode(send("browsingContext.captureScreenshot", p).path("data").asText());
  }

  /**
   * Runs {@code body} (a function body that may {@code return} and {@code await}) in the page and
   * returns its result, carried back as JSON text.
   */
  JsonNode eval(String body) throws Exception {
    ObjectNode p = JSON.createObjectNode();
    p.put(
        "expression",
        "(async () => JSON.stringify(await (async () => {\n" + body + "\n})()) ?? 'null')()");
    p.putObject("target").put("context", context);
    p.put("awaitPromise", true).put("resultOwnership", "none");
    JsonNode r = send("script.evaluate", p);
    if (r.path("type").asText().equals("exception")) {
      throw new AssertionError(
          "script failed: " + r.path("exceptionDetails").path("text").asText());
    }
    return JSON.readTree(r.path("result").path("value").asText());
  }

  /** Evaluates {@code body} until its result passes {@code done}, or fails at the deadline. */
  JsonNode await(String what, String body, Predicate<JsonNode> done, Duration deadline)
      throws Exception {
    long end = System.nanoTime() + deadline.toNanos();
    JsonNode last = null;
    while (System.nanoTime() < end) {
      last = eval(body);
      if (done.test(last)) {
        return last;
      }
      Thread.sleep(200); // polling interval, bounded by the deadline
    }
    throw new AssertionError("Firefox: " + what + " (last: " + last + ")");
  }

  /** Script errors and console.error calls seen since the session started. */
  synchronized List<String> errors() {
    return List.copyOf(errors);
  }

  private synchronized void logged(JsonNode entry) {
    if (entry.path("level").asText().equals("error")) {
      errors.add(entry.path("type").asText() + ": " + entry.path("text").asText());
    }
  }

  @Override
  public void close() {
    try {
      send("session.end", JSON.createObjectNode());
    } catch (Exception | AssertionError e) {
      // the process is stopped below either way
    }
    socket.abort();
    http.close();
    stop(process);
  }

  private static void stop(Process process) {
    // Firefox runs its content in child processes: end them too, then the parent.
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        try {
          JsonNode message = JSON.readTree(text);
          if (message.has("id")) {
            CompletableFuture<JsonNode> f = pending.get(message.path("id").asLong());
            if (f != null) {
              f.complete(message);
            }
          } else if (message.path("method").asText().equals("log.entryAdded")) {
            logged(message.path("params"));
          }
        } catch (IOException e) {
          pending.values().forEach(f -> f.completeExceptionally(e));
        }
      }
      ws.request(1);
      return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
      pending.values().forEach(f -> f.completeExceptionally(error));
    }
  }
}
