package org.alliancechain.p2p.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RouterTest {
  private final ApiHandler h = r -> ApiResponse.ok(Map.of());
  private final Router router =
      new Router().get("/tx/{hash}", h).post("/tx", h).get("/blocks/{height}/cert", h);

  @Test
  void bindsPathParameters() {
    var found = (Router.Result.Found) router.route("GET", "/blocks/12/cert");
    assertThat(found.match().params()).containsExactly(Map.entry("height", "12"));
    assertThat(router.route("GET", "/tx/ab/")).isInstanceOf(Router.Result.Found.class);
  }

  @Test
  void unknownPathsAreNotFoundAndWrongMethodsAreNotAllowed() {
    assertThat(router.route("GET", "/nothing")).isInstanceOf(Router.Result.NotFound.class);
    assertThat(router.route("GET", "/tx//x")).isInstanceOf(Router.Result.NotFound.class);
    assertThat(router.route("DELETE", "/tx"))
        .isEqualTo(
            new Router.Result.MethodNotAllowed(new java.util.TreeSet<>(java.util.List.of("POST"))));
  }
}
