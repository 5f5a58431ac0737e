package dev.portico.local.internal.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.local.internal.auth.AuthorizerAnswers;
import org.junit.jupiter.api.Test;

class ErrorAnswerTest {

  @Test
  void withoutErrorTypeKeepsStatusAndBody() {
    ErrorAnswer denied =
        new ErrorAnswer(403, "{\"message\":\"Forbidden\"}", "AccessDeniedException");
    assertThat(denied.withoutErrorType())
        .isEqualTo(new ErrorAnswer(403, "{\"message\":\"Forbidden\"}", null));
    ErrorAnswer plain = new ErrorAnswer(404, "{\"message\":\"Not Found\"}", null);
    assertThat(plain.withoutErrorType()).isSameAs(plain);
  }

  @Test
  void everyFlavourWritesItsAnswersInTheOneShape() {
    assertThat(ApiFlavour.TOO_LARGE)
        .isEqualTo(new ErrorAnswer(413, "{\"message\":\"Request Too Long\"}", null));
    assertThat(FunctionUrlFlavour.unknownUrl())
        .isEqualTo(new ErrorAnswer(404, "{\"Message\":\"Not Found\"}", null));
    assertThat(AuthorizerAnswers.HTTP.forbidden("why").answer())
        .isEqualTo(new ErrorAnswer(403, "{\"message\":\"Forbidden\"}", "AccessDeniedException"));
  }
}
