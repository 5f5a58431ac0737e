package dev.portico.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LinesTest {

  @Test
  void aStatementThatFitsStaysOnOneLine() {
    assertThat(Lines.wrap("    x = call(", List.of("a,", "b);")))
        .isEqualTo("    x = call(a, b);\n");
  }

  @Test
  void otherwiseTheArgumentsGoTogetherOnAContinuationLine() {
    String a = "a".repeat(45) + ",";
    String b = "b".repeat(40) + ");";

    assertThat(Lines.wrap("    Param<Long> value = routes.param(", List.of(a, b)))
        .isEqualTo("    Param<Long> value = routes.param(\n        " + a + " " + b + "\n");
  }

  @Test
  void otherwiseOneArgumentGroupALine() {
    String a = "a".repeat(60) + ",";
    String b = "b".repeat(60) + ");";

    assertThat(Lines.wrap("    x = call(", List.of(a, b)))
        .isEqualTo("    x = call(\n        " + a + "\n        " + b + "\n");
  }

  @Test
  void assignmentsBreakAfterTheEqualsSign() {
    String value = "\"" + "v".repeat(90) + "\";";

    assertThat(Lines.assignment("    String name", value))
        .isEqualTo("    String name =\n        " + value + "\n");
    assertThat(Lines.fits("x".repeat(Lines.WIDTH))).isTrue();
    assertThat(Lines.fits("x".repeat(Lines.WIDTH + 1))).isFalse();
  }
}
