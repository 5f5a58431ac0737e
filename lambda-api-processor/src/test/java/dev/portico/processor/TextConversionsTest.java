package dev.portico.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import org.junit.jupiter.api.Test;

class TextConversionsTest {
  private static final String TYPES =
      """
      package com.example;

      public final class Types {
        public enum Color { RED }

        public static final class WithValueOf {
          public static WithValueOf valueOf(String text) { return new WithValueOf(); }
        }

        public static final class WithConstructor {
          public WithConstructor(String text) {}
        }

        public static final class Opaque {}

        public static void all(
            int primitive,
            String text,
            java.util.UUID uuid,
            java.time.LocalDate date,
            Color color,
            WithValueOf valueOf,
            WithConstructor constructor,
            Opaque opaque,
            Object object) {}
      }
      """;

  private static Map<String, Boolean> convertible(List<String> registered) {
    Map<String, Boolean> verdicts = new LinkedHashMap<>();
    Javac.inRound(
        round -> {
          TextConversions conversions = new TextConversions(round.env().getTypeUtils(), registered);
          for (VariableElement parameter :
              ElementFilter.methodsIn(round.type("com.example.Types").getEnclosedElements())
                  .get(0)
                  .getParameters()) {
            verdicts.put(
                parameter.getSimpleName().toString(), conversions.convertible(parameter.asType()));
          }
        },
        TYPES);
    return verdicts;
  }

  @Test
  void scalarsEnumsAndTypesWithAFactoryConvertOthersDoNot() {
    assertThat(convertible(List.of()))
        .containsExactly(
            Map.entry("primitive", true),
            Map.entry("text", true),
            Map.entry("uuid", true),
            Map.entry("date", true),
            Map.entry("color", true),
            Map.entry("valueOf", true),
            Map.entry("constructor", true),
            Map.entry("opaque", false),
            Map.entry("object", false));
  }

  @Test
  void typesNamedInTheOptionConvertByNameOrPackage() {
    assertThat(convertible(List.of("com.example.Types.Opaque"))).containsEntry("opaque", true);
    assertThat(convertible(List.of("com.example.*"))).containsEntry("opaque", true);
    assertThat(convertible(List.of("com.other.*"))).containsEntry("opaque", false);
  }

  @Test
  void defaultsAreCheckedAgainstTheType() {
    Map<String, String> problems = new LinkedHashMap<>();
    Javac.inRound(
        round -> {
          TextConversions conversions = new TextConversions(round.env().getTypeUtils(), List.of());
          List<? extends VariableElement> parameters =
              ElementFilter.methodsIn(round.type("com.example.Types").getEnclosedElements())
                  .get(0)
                  .getParameters();
          problems.put("int 12", conversions.defaultProblem(parameters.get(0).asType(), "12"));
          problems.put("int x", conversions.defaultProblem(parameters.get(0).asType(), "x"));
          problems.put("RED", conversions.defaultProblem(parameters.get(4).asType(), "RED"));
          problems.put("BLUE", conversions.defaultProblem(parameters.get(4).asType(), "BLUE"));
        },
        TYPES);

    assertThat(problems.get("int 12")).isNull();
    assertThat(problems.get("int x")).isEqualTo("int");
    assertThat(problems.get("RED")).isNull();
    assertThat(problems.get("BLUE")).isEqualTo("Color (one of RED)");
  }

  @Test
  void theAdviceForUnconvertibleTypesNamesEveryFactory() {
    assertThat(TextConversions.HOW_TO_CONVERT)
        .isEqualTo(
            "give it a static valueOf(String), of(String), parse(CharSequence), parse(String) or"
                + " fromString(String), or a public"
                + " constructor taking a String");
  }
}
