package org.alliancechain.p2p.api;

import java.util.Map;
import java.util.Optional;
import org.alliancechain.core.Bytes;

/**
 * A request as handlers see it: no Netty and no Jackson types. {@link #bodyAs} binds the JSON body
 * to a record and refuses bad input with an {@link ApiException} that names the field.
 */
public record ApiRequest(
    String method,
    String path,
    Map<String, String> pathParams,
    Map<String, String> query,
    Bytes body,
    String remoteAddress) {

  public ApiRequest {
    pathParams = Map.copyOf(pathParams);
    query = Map.copyOf(query);
  }

  public <T> T bodyAs(Class<T> type) {
    return Json.read(body.unsafeArray(), type);
  }

  public String pathParam(String name) {
    String value = pathParams.get(name);
    if (value == null) {
      throw new IllegalStateException("the route has no parameter " + name);
    }
    return value;
  }

  public Optional<String> queryParam(String name) {
    return Optional.ofNullable(query.get(name));
  }
}
