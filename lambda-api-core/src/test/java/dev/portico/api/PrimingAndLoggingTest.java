package dev.portico.api;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.portico.api.testing.InProcessClient;
import dev.portico.api.testing.TestRequest;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

class PrimingAndLoggingTest {

  static final AtomicInteger USER_CODE_CALLS = new AtomicInteger();

  /** A handler whose routes count calls into user code. */
  public static final class CountingHandler extends ApiHandler {
    public CountingHandler() {
      super(
          Api.builder()
              .get("/pets/{id}", r -> USER_CODE_CALLS.incrementAndGet())
              .post("/pets", r -> USER_CODE_CALLS.incrementAndGet())
              .any("/files/{path+}", r -> USER_CODE_CALLS.incrementAndGet())
              .build());
    }
  }

  @Test
  void primingExercisesEverySourceWithoutRunningUserCode() {
    CountingHandler handler = new CountingHandler();
    USER_CODE_CALLS.set(0);
    handler.prime();
    assertThat(USER_CODE_CALLS).hasValue(0);
    // And the handler still serves normally afterwards.
    assertThat(
            InProcessClient.of(handler, EventSource.API_GATEWAY_V1)
                .send(TestRequest.get("/pets/1"))
                .status())
        .isEqualTo(200);
    assertThat(USER_CODE_CALLS).hasValue(1);
  }

  @Test
  void theRequestIdIsInTheLoggingContextDuringTheRequestOnly() {
    Api api = Api.builder().get("/id", r -> String.valueOf(MDC.get("requestId"))).build();
    String seen =
        Fixtures.send(api, TestRequest.get("/id").requestId("req-42"), EventSource.API_GATEWAY_V1)
            .bodyAsString();
    assertThat(seen).isEqualTo("req-42");
    assertThat(MDC.get("requestId")).isNull();
  }

  @Test
  void errorLogLinesCarryTheRequestId() {
    Logger logger = (Logger) LoggerFactory.getLogger("dev.portico.api");
    ListAppender<ILoggingEvent> appender =
        new ListAppender<>() {
          @Override
          protected void append(ILoggingEvent event) {
            event.prepareForDeferredProcessing(); // captures the MDC as it is now
            super.append(event);
          }
        };
    appender.start();
    logger.addAppender(appender);
    logger.setLevel(Level.INFO);
    logger.setAdditive(false);
    try {
      Api api =
          Api.builder()
              .get(
                  "/boom",
                  r -> {
                    throw new IllegalStateException("boom");
                  })
              .build();
      Fixtures.send(api, TestRequest.get("/boom").requestId("req-77"), EventSource.API_GATEWAY_V2);
    } finally {
      logger.detachAppender(appender);
      logger.setLevel(null);
      logger.setAdditive(true);
    }
    assertThat(appender.list).hasSize(1);
    assertThat(appender.list.get(0).getFormattedMessage())
        .isEqualTo("Unhandled exception in \"GET\" \"/boom\"");
    assertThat(appender.list.get(0).getMDCPropertyMap()).containsEntry("requestId", "req-77");
    assertThat(appender.list.get(0).getThrowableProxy().getMessage()).isEqualTo("boom");
  }

  @Test
  void anInjectedLineInTheMethodOrPathStaysOneEscapedLogLine() {
    Logger logger = (Logger) LoggerFactory.getLogger("dev.portico.api");
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    logger.setLevel(Level.DEBUG);
    logger.setAdditive(false);
    try {
      Api api =
          Api.builder()
              .any(
                  "/{any+}",
                  r -> {
                    throw new IllegalStateException("boom");
                  })
              .build();
      // A method is request-controlled too (an ALB passes any token the client sends).
      Fixtures.send(
          api,
          TestRequest.of("PATCH\nINFO decision=allow principal=admin", "/x").requestId("req-9"),
          EventSource.ALB);
      // A path with an encoded line feed is refused before routing; its 400 is logged at debug.
      Fixtures.send(
          api,
          TestRequest.get("/x%0AINFO%20decision=allow%20principal=admin").requestId("req-9"),
          EventSource.ALB);
    } finally {
      logger.detachAppender(appender);
      logger.setLevel(null);
      logger.setAdditive(true);
    }
    assertThat(appender.list).isNotEmpty();
    for (ILoggingEvent event : appender.list) {
      assertThat(event.getFormattedMessage()).doesNotContain("\n").doesNotContain("\r");
    }
    assertThat(appender.list.get(0).getFormattedMessage())
        .isEqualTo("Unhandled exception in \"PATCH\\nINFO DECISION=ALLOW PRINCIPAL=ADMIN\" \"/x\"");
    assertThat(appender.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith(
                        "\"GET\" \"/x%0AINFO%20decision=allow%20principal=admin\" answered 400: "));
  }

  @Test
  void logSafeQuotesAndEscapesEveryControlCharacter() {
    assertThat(LogSafe.quote("mallory\nINFO decision=allow\r\t\"\\\u0000\u007f\u0085\u2028"))
        .isEqualTo("\"mallory\\nINFO decision=allow\\r\\t\\\"\\\\\\u0000\\u007f\\u0085\\u2028\"");
    assertThat(LogSafe.quote(null)).isEqualTo("null");
    assertThat(LogSafe.quote("x".repeat(300)))
        .isEqualTo("\"" + "x".repeat(256) + "\"...(300 chars)");
  }
}
