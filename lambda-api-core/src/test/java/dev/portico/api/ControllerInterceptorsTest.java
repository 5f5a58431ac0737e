package dev.portico.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.api.testing.TestRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code controller(c, interceptors...)}: the interceptors run for that controller's routes only.
 */
class ControllerInterceptorsTest {

  private static Interceptor tag(List<String> calls, String name) {
    return chain -> {
      calls.add(name);
      return chain.proceed(chain.request());
    };
  }

  @Test
  void aControllersInterceptorsRunBeforeItsRoutesOwnAndNowhereElse() {
    List<String> calls = new ArrayList<>();
    RouteProvider pets =
        routes -> {
          routes.add(
              Route.of("GET", "/pets", r -> "pets").withInterceptors(List.of(tag(calls, "route"))));
          routes.add(Route.of("GET", "/pets/count", r -> "1"));
        };
    RouteProvider users = routes -> routes.add(Route.of("GET", "/users", r -> "users"));
    Api api =
        Api.builder()
            .interceptor(tag(calls, "global"))
            .controller(pets, tag(calls, "pets-1"), tag(calls, "pets-2"))
            .controller(users)
            .get("/health", r -> "up")
            .build();

    assertThat(
            Fixtures.send(api, TestRequest.get("/pets"), EventSource.API_GATEWAY_V2).bodyAsString())
        .isEqualTo("pets");
    assertThat(calls).containsExactly("global", "pets-1", "pets-2", "route");

    calls.clear();
    Fixtures.send(api, TestRequest.get("/pets/count"), EventSource.API_GATEWAY_V2);
    assertThat(calls).containsExactly("global", "pets-1", "pets-2");

    calls.clear();
    Fixtures.send(api, TestRequest.get("/users"), EventSource.API_GATEWAY_V2);
    Fixtures.send(api, TestRequest.get("/health"), EventSource.API_GATEWAY_V2);
    assertThat(calls).containsExactly("global", "global");
  }
}
