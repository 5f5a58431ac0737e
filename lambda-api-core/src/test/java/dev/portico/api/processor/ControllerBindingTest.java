package dev.portico.api.processor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.api.Api;
import dev.portico.api.ApiHandler;
import dev.portico.api.Authorization;
import dev.portico.api.EventSource;
import dev.portico.api.testing.InProcessClient;
import dev.portico.api.testing.ProxyResponse;
import dev.portico.api.testing.TestRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every binding kind, end to end: requests in every event format go through {@link ApiHandler} to
 * {@link BindingController}, whose routes the real build's annotation processor generated, and the
 * controller answers what each parameter received, converted, as {@code value (Type)}.
 */
class ControllerBindingTest {
  private final BindingController controller = new BindingController();
  private final Api api =
      Api.builder()
          .controller(controller)
          .controller(new Outer.Inner())
          .controller(new Outer.Concrete())
          .controller(new PetCrudController())
          .build();
  private final ApiHandler handler = new ApiHandler(api) {};

  private ProxyResponse send(EventSource source, TestRequest request) {
    return InProcessClient.of(handler, source).send(request);
  }

  private Map<String, String> json(ProxyResponse response) {
    assertThat(response.status()).as(response.bodyAsString()).isEqualTo(200);
    Map<String, String> values = new java.util.LinkedHashMap<>();
    response.json().properties().forEach(e -> values.put(e.getKey(), e.getValue().asText()));
    return values;
  }

  @ParameterizedTest
  @EnumSource(EventSource.class)
  void pathParametersConvertToPrimitivesJavaTimeAndEnums(EventSource source) {
    assertThat(json(send(source, TestRequest.get("/bind/path/42/2024-02-29/GREEN"))))
        .containsExactly(
            Map.entry("id", "42 (Long)"),
            Map.entry("day", "2024-02-29 (LocalDate)"),
            Map.entry("color", "GREEN (Color)"));
  }

  @ParameterizedTest
  @EnumSource(EventSource.class)
  void queryParametersWithDefaultsListsOptionalsAndNullables(EventSource source) {
    assertThat(
            json(
                send(
                    source,
                    TestRequest.get(
                        "/bind/query?q=caf%C3%A9&tag=a&tag=b&id=3f1c2a84-0f67-4a4c-9a6e-1b2f3c4d5e6f"
                            + "&maybe=7&price=1.50"))))
        .containsExactly(
            Map.entry("q", "caf\u00e9 (String)"),
            Map.entry("limit", "20 (Integer)"),
            // A single-value ALB event keeps only the last value of a repeated parameter.
            Map.entry(
                "tags", source == EventSource.ALB ? "[b] (List<String>)" : "[a, b] (List<String>)"),
            Map.entry("id", "Optional[3f1c2a84-0f67-4a4c-9a6e-1b2f3c4d5e6f] (Optional)"),
            Map.entry("maybe", "7 (Integer)"),
            Map.entry("price", "1.50 (BigDecimal)"));

    assertThat(json(send(source, TestRequest.get("/bind/query?q=x&limit=5"))))
        .containsExactly(
            Map.entry("q", "x (String)"),
            Map.entry("limit", "5 (Integer)"),
            Map.entry("tags", "[] (List)"),
            Map.entry("id", "Optional.empty (Optional)"),
            Map.entry("maybe", "null"),
            Map.entry("price", "9.99 (BigDecimal)"));
  }

  @ParameterizedTest
  @EnumSource(EventSource.class)
  void missingOrUnconvertibleValuesAnswer400NamingTheParameter(EventSource source) {
    ProxyResponse missing = send(source, TestRequest.get("/bind/query"));
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.bodyAsString()).contains("Missing required query parameter 'q'");

    ProxyResponse notANumber = send(source, TestRequest.get("/bind/path/abc/2024-02-29/RED"));
    assertThat(notANumber.status()).isEqualTo(400);
    assertThat(notANumber.bodyAsString()).contains("Path parameter 'id' must be a long; got 'abc'");

    ProxyResponse badCode = send(source, TestRequest.get("/bind/custom/nope"));
    assertThat(badCode.status()).isEqualTo(400);
    assertThat(badCode.bodyAsString()).contains("Path parameter 'code'", "got 'nope'");
  }

  @ParameterizedTest
  @EnumSource(EventSource.class)
  void headersCookiesAndStageVariables(EventSource source) {
    TestRequest request =
        TestRequest.get("/bind/headers")
            .header("x-count", "3")
            .header("X-Multi", "one")
            .header("X-Multi", "two")
            .cookie("session", "s3cr3t")
            .stageVariable("env", "prod");
    Map<String, String> values = json(send(source, request));

    assertThat(values)
        .containsEntry("count", "3 (Integer)")
        .containsEntry("session", "s3cr3t (String)");
    // Only REST and HTTP APIs have stage variables; ALB and function URLs fall back to the default.
    boolean stages = source == EventSource.API_GATEWAY_V1 || source == EventSource.API_GATEWAY_V2;
    assertThat(values).containsEntry("env", stages ? "prod (String)" : "dev (String)");
    // List headers are split into elements for every source (HTTP API and function URL events
    // join repeated headers with commas); a single-value ALB keeps only the last value.
    assertThat(values.get("multi"))
        .isEqualTo(
            source == EventSource.ALB ? "[two] (List<String>)" : "[one, two] (List<String>)");
  }

  @ParameterizedTest
  @EnumSource(
      value = EventSource.class,
      names = {"API_GATEWAY_V1", "API_GATEWAY_V2"})
  void authorizerDataAndInjectedObjects(EventSource source) {
    TestRequest request =
        TestRequest.get("/bind/auth")
            .authorization(
                new Authorization(
                    "user-1", Map.of("email", "a@example.com"), List.of(), Map.of("tenant", 42)));
    assertThat(json(send(source, request)))
        .containsExactly(
            Map.entry("principal", "user-1 (String)"),
            Map.entry("email", "a@example.com (String)"),
            Map.entry("tenant", "42 (Long)"),
            Map.entry("authorization", "user-1 (String)"),
            Map.entry("request", "/bind/auth (String)"),
            Map.entry("context", "true (Boolean)"));
  }

  @ParameterizedTest
  @EnumSource(
      value = EventSource.class,
      names = {"API_GATEWAY_V1"})
  void rawEventTypes(EventSource source) {
    assertThat(json(send(source, TestRequest.get("/bind/raw"))))
        .containsExactly(Map.entry("event", "GET /bind/raw (String)"));
  }

  @ParameterizedTest
  @EnumSource(EventSource.class)
  void jsonBodiesIntoRecordsListsAndMaps(EventSource source) {
    assertThat(
            json(send(source, TestRequest.postJson("/bind/json", "{\"name\":\"Rex\",\"age\":3}"))))
        .containsExactly(Map.entry("pet", "Pet[name=Rex, age=3] (Pet)"));
    assertThat(
            json(
                send(
                    source,
                    TestRequest.postJson(
                        "/bind/list",
                        "[{\"name\":\"Rex\",\"age\":3},{\"name\":\"Tom\",\"age\":1}]"))))
        .containsEntry("first", "Pet[name=Rex, age=3] (Pet)");
    assertThat(json(send(source, TestRequest.postJson("/bind/map", "{\"cats\":2,\"dogs\":1}"))))
        .containsEntry("cats", "2 (Integer)");
    assertThat(
            json(
                send(
                    source,
                    TestRequest.postJson("/bind/overloaded/9", "{\"name\":\"Rex\",\"age\":3}"))))
        .containsExactly(
            Map.entry("id", "9 (Long)"), Map.entry("pet", "Pet[name=Rex, age=3] (Pet)"));
  }

  @ParameterizedTest
  @EnumSource(EventSource.class)
  void optionalAndNullableBodies(EventSource source) {
    assertThat(json(send(source, TestRequest.of("POST", "/bind/optional"))))
        .containsExactly(Map.entry("pet", "Optional.empty (Optional)"));
    assertThat(
            json(
                send(
                    source,
                    TestRequest.postJson("/bind/optional", "{\"name\":\"Rex\",\"age\":0}"))))
        .containsExactly(Map.entry("pet", "Optional[Pet[name=Rex, age=0]] (Optional)"));
    assertThat(json(send(source, TestRequest.of("POST", "/bind/nullable"))))
        .containsExactly(Map.entry("pet", "null"));
  }

  @ParameterizedTest
  @EnumSource(EventSource.class)
  void jsonBodiesRejectOtherMediaTypesAndMalformedJson(EventSource source) {
    ProxyResponse wrongType =
        send(
            source,
            TestRequest.of("POST", "/bind/json")
                .header("Content-Type", "text/plain")
                .body("{\"name\":\"Rex\"}"));
    assertThat(wrongType.status()).isEqualTo(415);

    ProxyResponse malformed = send(source, TestRequest.postJson("/bind/json", "{\"name\":"));
    assertThat(malformed.status()).isEqualTo(400);
  }

  @ParameterizedTest
  @EnumSource(EventSource.class)
  void rawTextAndBinaryBodies(EventSource source) {
    ProxyResponse text =
        send(
            source,
            TestRequest.of("POST", "/bind/text")
                .header("Content-Type", "text/csv")
                .body("a,b\n1,2"));
    assertThat(text.status()).isEqualTo(200);
    assertThat(text.bodyAsString()).isEqualTo("text:a,b\n1,2");
    assertThat(text.header("Content-Type")).startsWith("text/plain");

    byte[] bytes = {(byte) 0xff, 0, 'h', 'i'};
    Map<String, String> binary =
        json(
            send(
                source,
                TestRequest.of("PUT", "/bind/bytes")
                    .header("Content-Type", "application/octet-stream")
                    .body(bytes)));
    assertThat(binary).containsEntry("length", "4 (Integer)");
    assertThat(binary.get("text")).endsWith("hi (String)");
    assertThat(new String(bytes, StandardCharsets.UTF_8)).endsWith("hi");
  }

  @ParameterizedTest
  @EnumSource(EventSource.class)
  void voidMethodsAnswer204AndStaticMethodsAreCalledOnTheClass(EventSource source) {
    ProxyResponse removed = send(source, TestRequest.of("DELETE", "/bind/17"));
    assertThat(removed.status()).isEqualTo(204);
    assertThat(controller.removed).containsExactly(17L);

    ProxyResponse ping = send(source, TestRequest.get("/bind/static"));
    assertThat(ping.status()).isEqualTo(200);
    assertThat(ping.bodyAsString()).isEqualTo("pong");
  }

  @ParameterizedTest
  @EnumSource(EventSource.class)
  void anyMethodGreedyPathsNestedAndAbstractControllers(EventSource source) {
    assertThat(json(send(source, TestRequest.of("PATCH", "/bind/any/a/b/c"))))
        .containsExactly(
            Map.entry("method", "PATCH (String)"), Map.entry("rest", "a/b/c (String)"));
    assertThat(send(source, TestRequest.get("/nested/world")).bodyAsString())
        .isEqualTo("hello world");
    assertThat(send(source, TestRequest.get("/base")).bodyAsString()).isEqualTo("concrete");
  }

  @ParameterizedTest
  @EnumSource(EventSource.class)
  void routesInheritedFromAGenericBaseBindItsTypeArgument(EventSource source) {
    ProxyResponse created =
        send(source, TestRequest.postJson("/pets", "{\"name\":\"Rex\",\"age\":3}"));
    assertThat(created.bodyAsString()).isEqualTo("pet Pet #0");
    assertThat(send(source, TestRequest.get("/pets/0")).json().path("name").asText())
        .isEqualTo("Rex");
    assertThat(send(source, TestRequest.get("/pets/count")).bodyAsString()).isEqualTo("1");
    // The annotated override replaced the inherited GET /pets, default value included.
    assertThat(send(source, TestRequest.get("/pets")).bodyAsString())
        .isEqualTo("[{\"name\":\"listed\",\"age\":5}]");
  }

  @ParameterizedTest
  @EnumSource(EventSource.class)
  void routesDeclaredOnAnInterfaceOrAGenericBaseAreServedByUnannotatedImplementations(
      EventSource source) {
    Api other =
        Api.builder()
            .controller(new PetApiImplementation())
            .controller(new TagCrudController())
            .build();
    ApiHandler otherHandler = new ApiHandler(other) {};
    InProcessClient client = InProcessClient.of(otherHandler, source);

    assertThat(client.send(TestRequest.get("/api/pets/7")).bodyAsString()).isEqualTo("pet 7");
    assertThat(client.send(TestRequest.get("/api/pets/version")).bodyAsString()).isEqualTo("v1");
    // T is String here, so the body binds as raw text.
    ProxyResponse created =
        client.send(TestRequest.of("POST", "/").header("Content-Type", "text/plain").body("red"));
    assertThat(created.bodyAsString()).isEqualTo("tag String #0");
    assertThat(client.send(TestRequest.get("/0")).bodyAsString()).isEqualTo("red");
  }
}
