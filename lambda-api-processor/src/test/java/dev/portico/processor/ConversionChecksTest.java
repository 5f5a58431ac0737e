package dev.portico.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import org.junit.jupiter.api.Test;

/** The conversion checks both binders share, on their own: shapes, verdicts, every problem. */
class ConversionChecksTest {
  private static final String[] SOURCES = {
    "package dev.portico.api.http; public @interface QueryParam { String value(); }",
    "package dev.portico.api.http; public @interface DefaultValue { String value(); }",
    "package dev.portico.api; public @interface Nullable {}",
    """
    package com.example;

    import dev.portico.api.Nullable;
    import dev.portico.api.http.*;
    import java.util.*;

    public final class Params {
      public static void m(
          @QueryParam("a") int a,
          @QueryParam("b") Optional<Long> b,
          @QueryParam("c") List<UUID> c,
          @QueryParam("d") @Nullable String d,
          @QueryParam("e") Runnable e,
          @QueryParam("f") @Nullable @DefaultValue("x") int f,
          @QueryParam("g") @Nullable int g) {}
    }
    """
  };

  @Test
  void eachParameterGetsItsShapeOrEveryProblemItHas() {
    Map<String, String> verdicts = new LinkedHashMap<>();
    List<Diagnostics.Problem> problems = new ArrayList<>();
    Javac.Result result =
        Javac.inRound(
            round -> {
              Diagnostics diagnostics = new Diagnostics(round.env().getMessager());
              ConversionChecks checks =
                  new ConversionChecks(
                      round.env().getTypeUtils(),
                      new TextConversions(round.env().getTypeUtils(), List.of()),
                      diagnostics);
              ExecutableElement method =
                  ElementFilter.methodsIn(round.type("com.example.Params").getEnclosedElements())
                      .get(0);
              for (VariableElement parameter : method.getParameters()) {
                AnnotationMirror binding = PorticoAnnotation.QUERY_PARAM.on(parameter);
                String name = parameter.getSimpleName().toString();
                ConversionChecks.Converted converted =
                    checks.check(
                        "Params.m",
                        parameter,
                        parameter.asType(),
                        binding,
                        "@QueryParam '" + name + "'",
                        PorticoAnnotation.DEFAULT_VALUE.on(parameter));
                verdicts.put(
                    name,
                    converted == null
                        ? "refused"
                        : converted.shape()
                            + " "
                            + converted.valueType()
                            + " "
                            + converted.optional());
              }
              diagnostics.reports().forEach(r -> problems.add(r.problem()));
            },
            SOURCES);

    assertThat(verdicts)
        .containsExactly(
            Map.entry("a", "SINGLE int false"),
            Map.entry("b", "OPTIONAL java.lang.Long true"),
            Map.entry("c", "LIST java.util.UUID true"),
            Map.entry("d", "SINGLE java.lang.String true"),
            Map.entry("e", "refused"),
            Map.entry("f", "refused"),
            Map.entry("g", "refused"));
    assertThat(result.messages())
        .containsExactly(
            "ERROR Params.m: @QueryParam 'e' has type java.lang.Runnable, which Portico cannot"
                + " convert from text; give it a static valueOf(String), of(String),"
                + " parse(CharSequence), parse(String) or fromString(String), or a public"
                + " constructor taking a String",
            "ERROR Params.m: @DefaultValue(\"x\") of @QueryParam 'f' is not a valid int",
            "ERROR Params.m: @QueryParam 'g' is @Nullable but has primitive type int, which cannot"
                + " be null; use Integer");
    assertThat(problems)
        .containsExactly(
            Diagnostics.Problem.UNCONVERTIBLE,
            Diagnostics.Problem.BAD_DEFAULT,
            Diagnostics.Problem.NULLABLE_PRIMITIVE);
  }
}
