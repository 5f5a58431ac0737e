package dev.portico.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.util.ElementFilter;
import org.junit.jupiter.api.Test;

class ImportsTest {
  private static final String USER =
      """
      package com.example;

      public final class Controller {
        public static final class Inner {}

        public java.util.Map<String, java.util.List<Inner>> result() { return null; }

        public java.util.List<? extends Number>[] wild() { return null; }
      }
      """;

  private static final String SHADOW =
      """
      package com.example;

      /** Shadows java.lang.String in com.example. */
      public final class String {}
      """;

  private static final String OTHER_LIST =
      """
      package com.other;

      public final class List {}
      """;

  @Test
  void namesAreSimpleWhenUnambiguousImportedOutsideTheirPackageQualifiedOnClash() {
    List<String> seen = new ArrayList<>();
    Javac.Result result =
        Javac.inRound(
            round -> {
              var elements = round.env().getElementUtils();
              Imports imports = new Imports("com.example", elements, "Controller_Routes");
              seen.add(imports.name("java.util.List"));
              seen.add(imports.name(round.type("com.other.List")));
              seen.add(imports.name("java.lang.String"));
              seen.add(imports.name(round.type("com.example.Controller.Inner")));
              seen.add(imports.name("com.example.Controller_Routes"));
              seen.add(imports.declarations());
            },
            USER,
            SHADOW,
            OTHER_LIST);

    assertThat(result.messages()).isEmpty();
    assertThat(seen)
        .containsExactly(
            "List",
            "com.other.List",
            "java.lang.String",
            "Controller.Inner",
            "Controller_Routes",
            "import java.util.List;\n");
  }

  @Test
  void typesRenderWithTypeArgumentsWildcardsAndArraysThroughTheSharedRenderer() {
    List<String> seen = new ArrayList<>();
    Javac.inRound(
        round -> {
          Imports imports =
              new Imports("com.example", round.env().getElementUtils(), "Controller_Routes");
          for (ExecutableElement method :
              ElementFilter.methodsIn(round.type("com.example.Controller").getEnclosedElements())) {
            seen.add(imports.type(method.getReturnType()));
            seen.add(TypeNames.simple(method.getReturnType()));
            seen.add(TypeNames.qualified(method.getReturnType()));
          }
          seen.add(imports.declarations());
        },
        USER);

    assertThat(seen)
        .containsExactly(
            "Map<String, List<Controller.Inner>>",
            "Map<String, List<Inner>>",
            "java.util.Map<java.lang.String, java.util.List<com.example.Controller.Inner>>",
            "List<? extends Number>[]",
            "List<? extends Number>[]",
            "java.util.List<? extends java.lang.Number>[]",
            "import java.util.List;\nimport java.util.Map;\n");
  }

  @Test
  void aReservedNestedNameMakesATypeOfTheSameSimpleNameQualified() {
    List<String> seen = new ArrayList<>();
    Javac.inRound(
        round -> {
          Imports imports =
              new Imports("com.example", round.env().getElementUtils(), "Controller_Routes");
          imports.reserveNested("List");
          seen.add(imports.name("java.util.List"));
          seen.add(String.valueOf(imports.canName(round.type("com.example.Controller.Inner"))));
        },
        USER);

    assertThat(seen).containsExactly("java.util.List", "true");
  }
}
