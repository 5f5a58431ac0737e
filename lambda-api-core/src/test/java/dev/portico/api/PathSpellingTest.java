package dev.portico.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.api.testing.ProxyEvents;
import dev.portico.api.testing.ProxyResponse;
import dev.portico.api.testing.TestRequest;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 9, finding 1 (core side): a spelling of a protected path that an authorizer would not
 * recognise as that path never reaches the route. Where the source delivers the path
 * percent-encoded, every non-canonical spelling is a 400 before routing; where API Gateway has
 * decoded it (HTTP APIs), what remains is either refused or a different path (404).
 */
class PathSpellingTest {
  private final AtomicInteger writes = new AtomicInteger();
  private final Api api =
      Api.builder()
          .post("/pets", r -> "created " + writes.incrementAndGet())
          .delete(
              "/pets/{id}", r -> "deleted " + r.pathParam("id") + " " + writes.incrementAndGet())
          .get("/pets", r -> "list")
          .build();

  private static boolean percentEncoded(EventSource source) {
    return source != EventSource.API_GATEWAY_V2;
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "POST, /pets/",
    "POST, //pets",
    "POST, /pets//",
    "POST, /./pets",
    "POST, /pets/.",
    "POST, /x/../pets",
    "POST, /pets;x",
    "POST, /pets;",
    "POST, /p%65ts",
    "POST, /%70ets",
    "POST, /pe%74s",
    "POST, /pets%2F",
    "POST, /pets%2f",
    "POST, /pets%2e",
    "POST, /%2e/pets",
    "POST, /pets%00",
    "POST, /pets%0A",
    "POST, /pets%5C",
    "DELETE, /pets/1/",
    "DELETE, /pets//1",
    "DELETE, /pe%74s/1",
    "DELETE, /pets/%31",
    "DELETE, /pets/1;x",
    "DELETE, /pets/./1",
    "DELETE, /pets/x/../1",
    "DELETE, /pets/1%2F..%2F2",
    "DELETE, /pets/%e2%82%ac",
  })
  void aNonCanonicalSpellingOfAProtectedRouteNeverReachesIt(String method, String path) {
    for (EventSource source : EventSource.values()) {
      if (!percentEncoded(source) && decodesToTheProtectedPath(path)) {
        continue; // see anHttpApiDecodesBeforeLambdaSoTheFunctionSeesWhatTheGatewayAuthorized
      }
      ProxyResponse response = Fixtures.send(api, TestRequest.of(method, path), source);
      assertThat(writes).as("%s %s via %s reached the route", method, path, source).hasValue(0);
      if (percentEncoded(source)) {
        assertThat(response.status()).as("%s %s via %s", method, path, source).isEqualTo(400);
        assertThat(response.json().path("detail").asText())
            .as("%s %s via %s", method, path, source)
            .startsWith("The request path '")
            .contains("' is not canonical: ");
      } else {
        assertThat(response.status()).as("%s %s via %s", method, path, source).isIn(400, 404, 405);
      }
    }
  }

  private static boolean decodesToTheProtectedPath(String path) {
    return path.equals("/p%65ts")
        || path.equals("/%70ets")
        || path.equals("/pe%74s")
        || path.equals("/pe%74s/1")
        || path.equals("/pets/%31")
        || path.equals("/pets/%e2%82%ac");
  }

  /**
   * An HTTP API decodes the path before it matches its routes, runs its authorizer and invokes the
   * function: {@code /p%65ts} is {@code /pets} for all three, so the function routing it to {@code
   * POST /pets} agrees with what the gateway authorized. Route requirements ({@code
   * RequiresScopes}) are checked on it like on any other request.
   */
  @Test
  void anHttpApiDecodesBeforeLambdaSoTheFunctionSeesWhatTheGatewayAuthorized() {
    ProxyResponse response =
        Fixtures.send(api, TestRequest.of("POST", "/p%65ts"), EventSource.API_GATEWAY_V2);
    assertThat(response.status()).isEqualTo(200);
    assertThat(
            new String(
                ProxyEvents.toEvent(TestRequest.of("POST", "/p%65ts"), EventSource.API_GATEWAY_V2),
                StandardCharsets.UTF_8))
        .contains("\"rawPath\":\"/pets\"");
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"POST, /PETS", "POST, /Pets", "DELETE, /PETS/1", "POST, /ｐets"})
  void aLookAlikeOrDifferentlyCasedPathIsAnotherPath(String method, String path) {
    for (EventSource source : EventSource.values()) {
      ProxyResponse response = Fixtures.send(api, TestRequest.of(method, path), source);
      assertThat(writes).as("%s %s via %s", method, path, source).hasValue(0);
      assertThat(response.status()).as("%s %s via %s", method, path, source).isIn(400, 404);
    }
  }

  @ParameterizedTest
  @EnumSource(EventSource.class)
  void theCanonicalSpellingStillRoutes(EventSource source) {
    assertThat(Fixtures.send(api, TestRequest.of("POST", "/pets"), source).status()).isEqualTo(200);
    assertThat(Fixtures.send(api, TestRequest.of("DELETE", "/pets/7"), source).bodyAsString())
        .startsWith("deleted 7 ");
    assertThat(
            Fixtures.send(api, TestRequest.of("DELETE", "/pets/caf%C3%A9%20x"), source)
                .bodyAsString())
        .startsWith("deleted café x ");
  }
}
