package org.alliancechain.p2p.api;

/**
 * A response: a status and a body that is either serialized to JSON (records, lists, maps), sent as
 * is ({@link #OCTETS} with a byte[] body) or, for another content type, sent as UTF-8 text.
 */
public record ApiResponse(int status, String contentType, Object body) {
  public static final String JSON = "application/json";
  public static final String OCTETS = "application/octet-stream";

  public static ApiResponse ok(Object body) {
    return new ApiResponse(200, JSON, body);
  }

  public static ApiResponse json(int status, Object body) {
    return new ApiResponse(status, JSON, body);
  }

  /** Raw bytes as {@code application/octet-stream} (resource chunks); {@code body} is a byte[]. */
  public static ApiResponse bytes(byte[] body) {
    return new ApiResponse(200, OCTETS, body.clone());
  }

  public static ApiResponse text(int status, String contentType, String body) {
    return new ApiResponse(status, contentType, body);
  }

  public boolean isJson() {
    return contentType.equals(JSON);
  }
}
