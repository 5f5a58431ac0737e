package dev.portico.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PorticoAnnotationTest {

  @Test
  void theHttpMethodsInTheirOrder() {
    assertThat(PorticoAnnotation.HTTP_METHODS)
        .containsExactly("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "ANY");
  }

  @Test
  void bindingsCarryTheirParamSourceAndAreListedInTableOrder() {
    assertThat(PorticoAnnotation.BINDING_LIST)
        .isEqualTo(
            "@PathParam, @QueryParam, @HeaderParam, @CookieParam, @StageVariable, @Body, @Claim,"
                + " @AuthorizerParam, @Principal");
    assertThat(PorticoAnnotation.PATH_PARAM.source()).isEqualTo("PATH");
    assertThat(PorticoAnnotation.STAGE_VARIABLE.source()).isEqualTo("STAGE_VARIABLE");
    assertThat(PorticoAnnotation.AUTHORIZER_PARAM.source()).isEqualTo("AUTHORIZER");
    assertThat(PorticoAnnotation.BODY.source()).isNull();
    assertThat(PorticoAnnotation.PATH_PARAM.qualifiedName())
        .isEqualTo("dev.portico.api.http.PathParam");
    assertThat(PorticoAnnotation.PATH_PARAM.display()).isEqualTo("@PathParam");
  }

  @Test
  void everyNameIsPorticosOwn() {
    assertThat(Arrays.stream(PorticoAnnotation.values()).map(PorticoAnnotation::qualifiedName))
        .allMatch(
            name ->
                name.startsWith("dev.portico.api.") || name.startsWith("dev.portico.websocket."))
        .doesNotHaveDuplicates();
    assertThat(PorticoAnnotation.NULLABLE.qualifiedName()).isEqualTo("dev.portico.api.Nullable");
    assertThat(PorticoAnnotation.ON_MESSAGE.qualifiedName())
        .isEqualTo("dev.portico.websocket.OnMessage");
  }

  @Test
  void mirrorsAreLookedUpByQualifiedNameNotSimpleName() {
    java.util.List<String> seen = new java.util.ArrayList<>();
    Javac.Result result =
        Javac.inRound(
            round -> {
              var type = round.type("com.example.Annotated");
              seen.add(String.valueOf(PorticoAnnotation.PATH.on(type) != null));
              seen.add(PorticoAnnotation.string(PorticoAnnotation.PATH.on(type), "value"));
              var method =
                  type.getEnclosedElements().stream()
                      .filter(e -> e.getSimpleName().contentEquals("get"))
                      .findFirst()
                      .orElseThrow();
              seen.add(
                  String.valueOf(
                      PorticoAnnotation.presentOn(method, PorticoAnnotation.Kind.HTTP_METHOD)
                          .size()));
              seen.add(
                  String.valueOf(
                      Hierarchy.isRouteMethod(
                          (javax.lang.model.element.ExecutableElement) method)));
            },
            "package dev.portico.api.http; public @interface Path { String value(); }",
            "package dev.portico.api.http; public @interface GET {}",
            "package com.other; public @interface GET {}",
            """
            package com.example;

            @dev.portico.api.http.Path("/pets")
            public class Annotated {
              @com.other.GET public String get() { return ""; }
            }
            """);

    assertThat(result.messages()).isEmpty();
    assertThat(seen).containsExactly("true", "/pets", "0", "false");
  }
}
