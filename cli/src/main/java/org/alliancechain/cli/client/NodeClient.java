package org.alliancechain.cli.client;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.alliancechain.cli.CliException;

/**
 * The CLI's side of the client API: JSON over HTTP. A node that does not answer is exit code 3; an
 * error the node reports is exit code 1 with the node's own message.
 */
public final class NodeClient {
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  /**
   * One HTTP client for the JVM: its keep-alive connections are reused by every command run in it
   * (tests, the demo), instead of each command leaving idle connections against the node's
   * per-address cap.
   */
  private static final HttpClient SHARED_HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

  private final URI base;
  private final HttpClient http;

  public NodeClient(URI base) {
    this.base = base;
    this.http = SHARED_HTTP;
  }

  public URI base() {
    return base;
  }

  public <T> T get(String path, Class<T> type) {
    return read(send(HttpRequest.newBuilder(resolve(path)).GET()), type);
  }

  public <T> T post(String path, Object body, Class<T> type) {
    try {
      byte[] json = JSON.writeValueAsBytes(body);
      return read(
          send(
              HttpRequest.newBuilder(resolve(path))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofByteArray(json))),
          type);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot encode a request body", e);
    }
  }

  /** POSTs raw bytes (a resource chunk); the answer is JSON. */
  public <T> T postBytes(String path, byte[] body, Class<T> type) {
    return read(
        send(
            HttpRequest.newBuilder(resolve(path))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))),
        type);
  }

  /** GETs raw bytes (a resource chunk). */
  public byte[] getBytes(String path) {
    HttpResponse<byte[]> response = send(HttpRequest.newBuilder(resolve(path)).GET());
    if (response.statusCode() >= 400) {
      read(response, Object.class); // throws with the node's message
    }
    return response.body();
  }

  private URI resolve(String path) {
    return base.resolve(path);
  }

  private HttpResponse<byte[]> send(HttpRequest.Builder request) {
    try {
      return http.send(
          request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (ConnectException e) {
      throw CliException.unreachable("cannot reach the node at " + base + " (is it running?)");
    } catch (HttpTimeoutException e) {
      throw CliException.unreachable("the node at " + base + " did not answer in time");
    } catch (IOException e) {
      throw CliException.unreachable("cannot talk to the node at " + base + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw CliException.failure("interrupted");
    }
  }

  private static <T> T read(HttpResponse<byte[]> response, Class<T> type) {
    if (response.statusCode() >= 400) {
      String message = "the node answered " + response.statusCode();
      try {
        JsonNode error = JSON.readTree(response.body());
        message = error.path("error").asText("error") + ": " + error.path("message").asText("");
        if (error.hasNonNull("field")) {
          message += " (field " + error.get("field").asText() + ")";
        }
      } catch (IOException e) {
        // Not JSON: keep the status line.
      }
      throw CliException.failure(message);
    }
    try {
      return JSON.readValue(response.body(), type);
    } catch (IOException e) {
      throw CliException.failure("the node sent a malformed answer: " + e.getMessage());
    }
  }

  /** Pretty JSON for {@code --output json}. */
  public static String toJson(Object value) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot encode output", e);
    }
  }
}
