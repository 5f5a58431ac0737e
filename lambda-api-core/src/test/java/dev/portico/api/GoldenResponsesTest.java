package dev.portico.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.api.testing.ProxyEvents;
import dev.portico.api.testing.TestRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The exact proxy response JSON for representative requests, per event source. Regenerate with
 * {@code -Dportico.golden.update=true} after an intended change, and review the diff.
 */
class GoldenResponsesTest {
  record Pet(long id, String name, String tag) {}

  private static final Api API =
      Api.builder()
          .cors(Cors.allowOrigins("https://app.example.com"))
          .get("/pets/{id}", r -> new Pet(Long.parseLong(r.pathParam("id")), "Rex", null))
          .post(
              "/pets",
              r ->
                  Response.created("/pets/2", new Pet(2, "Tom", "cat"))
                      .withCookie("seen=1; HttpOnly")
                      .withCookie("n=2"))
          .get(
              "/logo",
              r -> Response.ok(new byte[] {1, 2, 3}).withHeader("Content-Type", "image/png"))
          .get("/search", r -> r.queryParams("tag"))
          .route(
              Route.of("PUT", "/pets/{id}", r -> r.bodyAs(Pet.class))
                  .withConsumes(List.of("application/json")))
          .basePath("/v1")
          .build();

  private static final List<TestRequest> REQUESTS =
      List.of(
          TestRequest.get("/pets/7")
              .header("Origin", "https://app.example.com")
              .requestId("golden-1"),
          TestRequest.postJson("/pets", "{\"name\":\"Tom\"}").requestId("golden-2"),
          TestRequest.get("/logo").requestId("golden-3"),
          TestRequest.of("PATCH", "/pets/7").requestId("golden-4"),
          TestRequest.get("/missing").requestId("golden-5"),
          TestRequest.of("HEAD", "/pets/7").requestId("golden-6"),
          TestRequest.of("OPTIONS", "/pets").requestId("golden-7"),
          TestRequest.of("OPTIONS", "/pets/7")
              .header("Origin", "https://app.example.com")
              .header("Access-Control-Request-Method", "PUT")
              .requestId("golden-8"),
          TestRequest.of("PUT", "/pets/7")
              .header("Content-Type", "text/xml")
              .body("<pet/>")
              .requestId("golden-10"),
          TestRequest.of("PUT", "/pets/7")
              .header("Content-Type", "application/json")
              .body("{\"id\":\"x\"}")
              .requestId("golden-11"),
          TestRequest.get("/v1/search?tag=a&tag=b%20c").requestId("golden-12"));

  @ParameterizedTest
  @EnumSource(EventSource.class)
  void responsesStayByteForByteStable(EventSource source) throws IOException {
    StringBuilder actual = new StringBuilder();
    for (TestRequest request : REQUESTS) {
      actual.append(request.method()).append(' ').append(request.target()).append('\n');
      byte[] raw = Fixtures.invokeRaw(API, ProxyEvents.toEvent(request, source));
      actual.append(new String(raw, StandardCharsets.UTF_8)).append("\n\n");
    }
    Path golden = Path.of("src/test/resources/golden/" + source.name().toLowerCase() + ".txt");
    if (Boolean.getBoolean("portico.golden.update")) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, actual);
    }
    assertThat(actual.toString()).isEqualTo(Files.readString(golden));
  }
}
