package org.alliancechain.p2p.api;

import java.util.Optional;

/**
 * A request the API refuses, with the HTTP status, a machine-readable error code and, for bad
 * input, the JSON field at fault. Handlers throw it; the server turns it into a JSON error body.
 */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;
  private final String field;

  public ApiException(int status, String code, String message, Optional<String> field) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.field = field.orElse(null);
  }

  public static ApiException badRequest(String code, String message, String field) {
    return new ApiException(400, code, message, Optional.of(field));
  }

  public static ApiException notFound(String message) {
    return new ApiException(404, "not_found", message, Optional.empty());
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public Optional<String> field() {
    return Optional.ofNullable(field);
  }

  /** The JSON body: {@code {"error": code, "message": ..., "field": ...}}. */
  public ApiResponse toResponse() {
    return ApiResponse.json(status, new ErrorBody(code, getMessage(), field));
  }

  /** The error document every 4xx and 5xx carries. */
  public record ErrorBody(String error, String message, String field) {}
}
