package dev.portico.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;
import org.junit.jupiter.api.Test;

class DiagnosticsTest {
  private static final String[] SOURCES = {
    "package dev.portico.api.http; public @interface Path { String value(); }",
    """
    package com.example;

    @dev.portico.api.http.Path("/a")
    public class A {}
    """,
    """
    package com.example;

    public class B {}
    """
  };

  @Test
  void aProblemIsReportedOncePerElementAndIdentityNeverByMessageText() {
    List<Diagnostics.Report> reports = new ArrayList<>();
    List<Integer> counts = new ArrayList<>();
    Javac.Result result =
        Javac.inRound(
            round -> {
              Diagnostics diagnostics = new Diagnostics(round.env().getMessager());
              TypeElement a = round.type("com.example.A");
              TypeElement b = round.type("com.example.B");
              AnnotationMirror path = PorticoAnnotation.PATH.on(a);
              diagnostics.error(
                  a, path, null, Diagnostics.Problem.BAD_PATH, "A: path '/a' is bad", "bad");
              // Seen again from a subclass: another message text, same element and problem.
              diagnostics.error(
                  a, path, null, Diagnostics.Problem.BAD_PATH, "Sub: path '/b/a' is bad", "bad");
              diagnostics.error(
                  a, path, null, Diagnostics.Problem.BAD_PATH, "A: path '/a' is worse", "worse");
              diagnostics.error(b, Diagnostics.Problem.BAD_PATH, "B: path '/a' is bad", "bad");
              counts.add(diagnostics.errorCount());
              reports.addAll(diagnostics.reports());
            },
            SOURCES);

    assertThat(result.success()).isFalse();
    assertThat(result.messages())
        .containsExactly(
            "ERROR A: path '/a' is bad",
            "ERROR A: path '/a' is worse",
            "ERROR B: path '/a' is bad");
    assertThat(counts).containsExactly(4);
    assertThat(reports).hasSize(3);
    assertThat(reports.get(0).annotation()).isNotNull();
    assertThat(reports.get(0).annotation().getAnnotationType().toString())
        .isEqualTo("dev.portico.api.http.Path");
    assertThat(reports.get(2).annotation()).isNull();
    assertThat(reports.get(0).problem()).isEqualTo(Diagnostics.Problem.BAD_PATH);
  }

  @Test
  void webSocketProblemsHaveKindsAndIdentitiesLikeHttpOnesNotTheirMessageText() {
    Javac.Result result =
        Javac.inRound(
            round -> {
              Diagnostics diagnostics = new Diagnostics(round.env().getMessager());
              TypeElement b = round.type("com.example.B");
              // The same words for two different mistakes: both are reported.
              diagnostics.error(b, Diagnostics.Problem.WEBSOCKET_BAD_TYPE, "B: wrong type", "int");
              diagnostics.error(b, Diagnostics.Problem.WEBSOCKET_BAD_TYPE, "B: wrong type", "long");
              // The same mistake seen again (from a second subclass): reported once.
              diagnostics.error(
                  b, Diagnostics.Problem.WEBSOCKET_BAD_TYPE, "Sub: wrong type", "int");
            },
            SOURCES);

    assertThat(result.messages()).containsExactly("ERROR B: wrong type", "ERROR B: wrong type");
  }
}
