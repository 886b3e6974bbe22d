package org.alliancechain.p2p.api;

/**
 * A route's logic: a plain function from request to response, run on the API's worker threads (it
 * may block briefly on the store). Refuse bad input by throwing {@link ApiException}.
 */
@FunctionalInterface
public interface ApiHandler {
  ApiResponse handle(ApiRequest request);
}
