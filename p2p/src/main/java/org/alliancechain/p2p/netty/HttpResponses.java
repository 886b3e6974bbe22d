package org.alliancechain.p2p.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.alliancechain.p2p.api.ApiException;
import org.alliancechain.p2p.api.ApiResponse;
import org.alliancechain.p2p.api.Json;
import org.alliancechain.p2p.api.StaticFiles;

/** Turns {@link ApiResponse}s into Netty responses, and builds raw ones for before the codec. */
final class HttpResponses {
  private HttpResponses() {}

  static FullHttpResponse toNetty(ApiResponse response) {
    byte[] body;
    if (response.isJson()) {
      body = Json.write(response.body());
    } else if (response.body() instanceof byte[] raw) {
      body = raw;
    } else {
      body = String.valueOf(response.body()).getBytes(StandardCharsets.UTF_8);
    }
    FullHttpResponse out =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1,
            HttpResponseStatus.valueOf(response.status()),
            Unpooled.wrappedBuffer(body));
    out.headers()
        .set(HttpHeaderNames.CONTENT_TYPE, contentTypeHeader(response.contentType()))
        .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
    return out;
  }

  /**
   * A bundled file, or 304 when the client's validator still matches. The console's pages load only
   * their own origin's scripts, styles and API (the CSP), and never run inside a frame.
   */
  static FullHttpResponse file(StaticFiles.File file, String ifNoneMatch) {
    boolean fresh = ifNoneMatch != null && ifNoneMatch.contains(file.etag());
    FullHttpResponse out =
        fresh
            ? new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NOT_MODIFIED)
            : new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1,
                HttpResponseStatus.OK,
                Unpooled.wrappedBuffer(file.bytes().unsafeArray()));
    out.headers()
        .set(HttpHeaderNames.CONTENT_TYPE, file.contentType())
        .set(HttpHeaderNames.ETAG, file.etag())
        .set(HttpHeaderNames.CACHE_CONTROL, file.cacheControl())
        .set("X-Content-Type-Options", "nosniff")
        .set("Referrer-Policy", "no-referrer")
        .set("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        .setInt(HttpHeaderNames.CONTENT_LENGTH, fresh ? 0 : file.bytes().size());
    return out;
  }

  private static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

  private static String contentTypeHeader(String contentType) {
    return contentType.contains("charset") || contentType.equals(ApiResponse.OCTETS)
        ? contentType
        : contentType + "; charset=utf-8";
  }

  static FullHttpResponse error(int status, String code, String message) {
    return toNetty(new ApiException(status, code, message, Optional.empty()).toResponse());
  }

  /** A complete HTTP/1.1 response as bytes, for handlers that sit before the HTTP codec. */
  static ByteBuf raw(int status, String reason, String code, String message) {
    byte[] body = Json.write(new ApiException.ErrorBody(code, message, null));
    String head =
        "HTTP/1.1 "
            + status
            + " "
            + reason
            + "\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: "
            + body.length
            + "\r\nconnection: close\r\n\r\n";
    return Unpooled.wrappedBuffer(head.getBytes(StandardCharsets.US_ASCII), body);
  }
}
