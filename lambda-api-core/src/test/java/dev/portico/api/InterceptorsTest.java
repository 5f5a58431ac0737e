package dev.portico.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.api.testing.ProxyResponse;
import dev.portico.api.testing.TestRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class InterceptorsTest {

  @Test
  void interceptorsRunOutermostFirstAndCanPassAttributes() {
    List<String> calls = new ArrayList<>();
    Api api =
        Api.builder()
            .interceptor(
                chain -> {
                  calls.add("outer");
                  return chain
                      .proceed(chain.request().withAttribute("user", "ann"))
                      .withHeader("X-Outer", "1");
                })
            .interceptor(
                chain -> {
                  calls.add(
                      "inner " + chain.request().attribute("user") + " " + chain.route().name());
                  return chain.proceed(chain.request());
                })
            .get("/hi", r -> "hi " + r.attribute("user"))
            .build();
    ProxyResponse response = Fixtures.send(api, TestRequest.get("/hi"), EventSource.API_GATEWAY_V2);
    assertThat(response.bodyAsString()).isEqualTo("hi ann");
    assertThat(response.header("X-Outer")).isEqualTo("1");
    assertThat(calls).containsExactly("outer", "inner ann GET /hi");
  }

  @Test
  void anInterceptorCanShortCircuitAndItsExceptionsAreMapped() {
    Api api =
        Api.builder()
            .interceptor(
                chain -> {
                  if (chain.request().header("X-Api-Key") == null) {
                    throw new UnauthorizedException("missing X-Api-Key");
                  }
                  return chain.proceed(chain.request());
                })
            .get("/secret", r -> "s")
            .build();
    ProxyResponse denied =
        Fixtures.send(api, TestRequest.get("/secret"), EventSource.API_GATEWAY_V1);
    assertThat(denied.status()).isEqualTo(401);
    assertThat(denied.json().path("detail").asText()).isEqualTo("missing X-Api-Key");
    assertThat(
            Fixtures.send(
                    api,
                    TestRequest.get("/secret").header("x-api-key", "k"),
                    EventSource.API_GATEWAY_V1)
                .status())
        .isEqualTo(200);
  }

  @Test
  void controllerInterceptorsRunOnlyForTheirRoutes() {
    Interceptor tag = chain -> chain.proceed(chain.request()).withHeader("X-Route", "tagged");
    Api api =
        Api.builder()
            .route(Route.of("GET", "/a", r -> "a").withInterceptors(List.of(tag)))
            .get("/b", r -> "b")
            .build();
    assertThat(Fixtures.send(api, TestRequest.get("/a"), EventSource.ALB).header("X-Route"))
        .isEqualTo("tagged");
    assertThat(Fixtures.send(api, TestRequest.get("/b"), EventSource.ALB).header("X-Route"))
        .isNull();
  }

  @Test
  void controllerInterceptorsWrapEveryRouteOfThatControllerOnly() {
    RouteProvider admin =
        routes -> {
          routes.add(Route.of("GET", "/admin/a", r -> "a"));
          routes.add(Route.of("GET", "/admin/b", r -> "b"));
        };
    Interceptor audit =
        chain -> chain.proceed(chain.request()).withHeader("X-Audited", chain.route().path());
    Api api = Api.builder().controller(admin, audit).get("/public", r -> "p").build();
    assertThat(
            Fixtures.send(api, TestRequest.get("/admin/a"), EventSource.API_GATEWAY_V1)
                .header("X-Audited"))
        .isEqualTo("/admin/a");
    assertThat(
            Fixtures.send(api, TestRequest.get("/admin/b"), EventSource.API_GATEWAY_V1)
                .header("X-Audited"))
        .isEqualTo("/admin/b");
    assertThat(
            Fixtures.send(api, TestRequest.get("/public"), EventSource.API_GATEWAY_V1)
                .header("X-Audited"))
        .isNull();
  }

  @Test
  void anObjectWithoutGeneratedRoutesIsAClearInitError() {
    Assertions.assertThatThrownBy(() -> Api.builder().controller(new Object()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "java.lang.Object has no generated routes (no class java.lang.Object_Routes): either"
                + " none of its methods is annotated with @GET, @POST, ... or the annotation processor did"
                + " not run at build time. Add dev.portico:lambda-api-processor to"
                + " maven-compiler-plugin's annotationProcessorPaths, and use"
                + " maven-compiler-plugin 3.5 or later: older versions (Maven's default is 3.1)"
                + " ignore annotationProcessorPaths silently. Inheriting"
                + " dev.portico:portico-service-parent sets up both");
  }

  @Test
  void anInterceptorReturningNullIsA500NotACrash() {
    Api api = Api.builder().interceptor(chain -> null).get("/x", r -> "x").build();
    assertThat(Fixtures.send(api, TestRequest.get("/x"), EventSource.API_GATEWAY_V1).status())
        .isEqualTo(500);
  }

  private static final Api CORS_API =
      Api.builder()
          .cors(
              Cors.allowOrigins("https://app.example.com")
                  .withAllowedHeaders("Authorization", "Content-Type")
                  .withExposedHeaders("Location")
                  .withCredentials()
                  .withMaxAge(Duration.ofHours(1)))
          .get("/pets", r -> "[]")
          .post(
              "/pets",
              r -> {
                throw new UnprocessableEntityException("name is blank");
              })
          .build();

  @ParameterizedTest
  @EnumSource(EventSource.class)
  void preflightIsAnsweredFromTheRouteTableWithoutUserCode(EventSource source) {
    ProxyResponse response =
        Fixtures.send(
            CORS_API,
            TestRequest.of("OPTIONS", "/pets")
                .header("Origin", "https://app.example.com")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type"),
            source);
    assertThat(response.status()).isEqualTo(204);
    assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example.com");
    assertThat(response.header("Access-Control-Allow-Methods"))
        .isEqualTo("GET, HEAD, OPTIONS, POST");
    assertThat(response.header("Access-Control-Allow-Headers"))
        .isEqualTo("Authorization, Content-Type");
    assertThat(response.header("Access-Control-Allow-Credentials")).isEqualTo("true");
    assertThat(response.header("Access-Control-Max-Age")).isEqualTo("3600");
    assertThat(response.header("Vary")).isEqualTo("Origin");
  }

  @ParameterizedTest
  @EnumSource(EventSource.class)
  void corsHeadersAreAlsoOnErrorResponses(EventSource source) {
    ProxyResponse response =
        Fixtures.send(
            CORS_API,
            TestRequest.postJson("/pets", "{}").header("Origin", "https://app.example.com"),
            source);
    assertThat(response.status()).isEqualTo(422);
    assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example.com");
    assertThat(response.header("Access-Control-Expose-Headers")).isEqualTo("Location");
  }

  @Test
  void aDisallowedOriginGetsNoCorsHeaders() {
    ProxyResponse simple =
        Fixtures.send(
            CORS_API,
            TestRequest.get("/pets").header("Origin", "https://evil.example"),
            EventSource.API_GATEWAY_V1);
    assertThat(simple.header("Access-Control-Allow-Origin")).isNull();
    ProxyResponse preflight =
        Fixtures.send(
            CORS_API,
            TestRequest.of("OPTIONS", "/pets")
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "GET"),
            EventSource.API_GATEWAY_V1);
    assertThat(preflight.status()).isEqualTo(403);
    assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
  }

  @Test
  void anyOriginIsAStarAndCannotBeCombinedWithCredentials() {
    Api api = Api.builder().cors(Cors.allowAnyOrigin()).get("/x", r -> "x").build();
    assertThat(
            Fixtures.send(
                    api,
                    TestRequest.get("/x").header("Origin", "https://a.b"),
                    EventSource.FUNCTION_URL)
                .header("Access-Control-Allow-Origin"))
        .isEqualTo("*");
    Assertions.assertThatThrownBy(() -> Cors.allowAnyOrigin().withCredentials())
        .hasMessage(
            "Cors: allowCredentials cannot be combined with any origin ('*'); list the origins");
    Assertions.assertThatThrownBy(() -> Cors.allowOrigins("app.example.com"))
        .hasMessage("Cors: origin 'app.example.com' must be '*' or start with https:// or http://");
  }
}
