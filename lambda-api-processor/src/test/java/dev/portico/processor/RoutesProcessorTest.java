package dev.portico.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import org.junit.jupiter.api.Test;

class RoutesProcessorTest {
  private static final String NULLABLE =
      """
      package dev.portico.api;

      public @interface Nullable {}
      """;

  @Test
  void claimsExactlyPorticosHttpAnnotationsAndGenerated() {
    Set<String> expected = new LinkedHashSet<>();
    for (String name :
        List.of(
            "GET",
            "POST",
            "PUT",
            "PATCH",
            "DELETE",
            "HEAD",
            "OPTIONS",
            "ANY",
            "Path",
            "PathParam",
            "QueryParam",
            "HeaderParam",
            "CookieParam",
            "StageVariable",
            "Body",
            "Claim",
            "AuthorizerParam",
            "Principal",
            "DefaultValue",
            "Consumes",
            "Produces",
            "RequiresScopes",
            "RequiresClaim")) {
      expected.add("dev.portico.api.http." + name);
    }
    expected.add("dev.portico.api.Nullable");
    expected.add("javax.annotation.processing.Generated");
    // Build-time validation: the constraints it checks and @Valid.
    expected.add("jakarta.validation.Valid");
    for (String name :
        List.of(
            "NotNull",
            "NotBlank",
            "NotEmpty",
            "Size",
            "Min",
            "Max",
            "DecimalMin",
            "DecimalMax",
            "Positive",
            "PositiveOrZero",
            "Negative",
            "NegativeOrZero",
            "Pattern",
            "Email",
            "Past",
            "PastOrPresent",
            "Future",
            "FutureOrPresent")) {
      expected.add("jakarta.validation.constraints." + name);
    }

    assertThat(new RoutesProcessor().getSupportedAnnotationTypes())
        .containsExactlyInAnyOrderElementsOf(expected)
        .noneMatch(name -> name.endsWith("*"));
  }

  @Test
  void theWebSocketProcessorClaimsExactlyPorticosWebSocketAnnotations() {
    assertThat(
            new dev.portico.processor.websocket.WebSocketRoutesProcessor()
                .getSupportedAnnotationTypes())
        .containsExactlyInAnyOrder(
            "dev.portico.websocket.OnConnect",
            "dev.portico.websocket.OnDisconnect",
            "dev.portico.websocket.OnMessage",
            "dev.portico.websocket.ConnectionId",
            "dev.portico.websocket.RequestTime");
  }

  @Test
  void anotherProcessorStillSeesSomeoneElsesGenerated() {
    Spy spy = new Spy();

    Javac.Result result =
        Javac.run(
            List.of(new RoutesProcessor(), spy),
            NULLABLE,
            """
            package com.example;

            @javax.annotation.processing.Generated("com.other.Tool")
            public class Made {
              public void take(@dev.portico.api.Nullable String text) {}
            }
            """);

    assertThat(spy.seen)
        .contains("javax.annotation.processing.Generated", "dev.portico.api.Nullable");
    // The price of not claiming: in such a round nobody claimed them, which -Xlint:processing says.
    assertThat(result.messages())
        .singleElement()
        .asString()
        .startsWith("WARNING No processor claimed any of these annotations: ");
  }

  @Test
  void portiosOwnGeneratedIsClaimedSoStrictBuildsStayQuiet() {
    Spy spy = new Spy();

    Javac.Result result =
        Javac.run(
            List.of(new RoutesProcessor(), spy),
            """
            package com.example;

            @javax.annotation.processing.Generated("dev.portico.processor.RoutesProcessor")
            public class Pets_Routes {}
            """);

    assertThat(result.messages()).isEmpty();
    assertThat(spy.seen).doesNotContain("javax.annotation.processing.Generated");
  }

  /** Records the annotations it is offered. */
  static final class Spy extends AbstractProcessor {
    final Set<String> seen = new LinkedHashSet<>();

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("javax.annotation.processing.Generated", "dev.portico.api.Nullable");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      seen.addAll(
          annotations.stream()
              .map(a -> a.getQualifiedName().toString())
              .collect(Collectors.toList()));
      return false;
    }
  }
}
