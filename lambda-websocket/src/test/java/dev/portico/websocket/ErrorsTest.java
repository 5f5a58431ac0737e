package dev.portico.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Unhandled failures: the client gets API Gateway's bare error and nothing of the failure; the log
 * has the connection id, the request id and the stack trace.
 */
class ErrorsTest {
  private final Logger logger = (Logger) LoggerFactory.getLogger("dev.portico.websocket");
  private final ListAppender<ILoggingEvent> logs =
      new ListAppender<>() {
        @Override
        protected void append(ILoggingEvent event) {
          // Captures the MDC now, while the request's ids are in it.
          event.prepareForDeferredProcessing();
          super.append(event);
        }
      };
  private final WebSocketApi api =
      WebSocketApi.builder().controller(new BindingController()).build();

  @BeforeEach
  void capture() {
    logs.start();
    logger.addAppender(logs);
    logger.setLevel(ch.qos.logback.classic.Level.INFO);
    logger.setAdditive(false);
  }

  @AfterEach
  void release() {
    logger.detachAppender(logs);
    logger.setLevel(null);
    logger.setAdditive(true);
  }

  @Test
  void anUnhandledExceptionInAMessageRouteIsTheBareErrorAndIsLoggedWithBothIds() {
    JsonNode response =
        Events.invoke(
            api,
            Events.message(
                "sendmessage",
                "conn-x",
                "{\"action\":\"sendmessage\",\"room\":\"r\",\"text\":\"crash\"}"));
    assertThat(response.path("statusCode").asInt()).isEqualTo(500);
    assertThat(response.path("body").asText())
        .isEqualTo(
            "{\"message\":\"Internal server error\",\"connectionId\":\"conn-x\","
                + "\"requestId\":\"req-conn-x\"}");
    assertThat(response.toString()).doesNotContain("secret internals").doesNotContain("Exception");
    ILoggingEvent line = errorLine();
    assertThat(line.getFormattedMessage())
        .isEqualTo(
            "Unhandled failure in route \"sendmessage\" of connection \"conn-x\" (request"
                + " \"req-conn-x\")");
    assertThat(line.getThrowableProxy().getMessage()).isEqualTo("secret internals");
    assertThat(line.getMDCPropertyMap())
        .containsEntry("connectionId", "conn-x")
        .containsEntry("requestId", "req-conn-x");
  }

  @Test
  void anUnhandledExceptionInConnectRefusesWith500AndLeaksNothing() {
    ObjectNode event = Events.connect("conn-y");
    event.putObject("queryStringParameters").put("room", "boom");
    JsonNode response = Events.invoke(api, event);
    assertThat(response.toString()).isEqualTo("{\"statusCode\":500}");
    assertThat(errorLine().getFormattedMessage())
        .isEqualTo(
            "Unhandled failure in $connect of connection \"conn-y\" (request \"req-conn-y\")");
    assertThat(errorLine().getThrowableProxy().getMessage())
        .isEqualTo("database password is hunter2");
  }

  @Test
  void aMessageForNoRouteAndNoDefaultIsApiGatewaysForbidden() {
    WebSocketApi noDefault = WebSocketApi.builder().route("only", request -> "x").build();
    JsonNode response = Events.invoke(noDefault, Events.message("other", "c9", "{}"));
    assertThat(response.path("statusCode").asInt()).isEqualTo(403);
    assertThat(response.path("body").asText())
        .isEqualTo("{\"message\":\"Forbidden\",\"connectionId\":\"c9\",\"requestId\":\"req-c9\"}");
  }

  @Test
  void controlCharactersFromTheEventAreEscapedInLogLines() {
    WebSocketApi noDefault = WebSocketApi.builder().route("only", request -> "x").build();
    Events.invoke(noDefault, Events.message("evil\nFAKE LOG LINE", "c\r1", "{}"));
    List<String> lines = logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    assertThat(lines)
        .containsExactly(
            "No WebSocket route for \"evil\\nFAKE LOG LINE\" and no $default route (connection"
                + " \"c\\r1\")");
  }

  @Test
  void anEventMissingItsConnectionIdIsTheBareErrorNotACrash() {
    ObjectNode event = Events.message("x", "c", "{}");
    ((ObjectNode) event.get("requestContext")).put("connectionId", 42);
    JsonNode response = Events.invoke(api, Events.bytes(event));
    assertThat(response.path("statusCode").asInt()).isEqualTo(500);
    assertThat(logs.list.get(0).getFormattedMessage())
        .isEqualTo(
            "Unreadable WebSocket event: WebSocket event has no requestContext.connectionId"
                + " string");
  }

  private ILoggingEvent errorLine() {
    return logs.list.stream()
        .filter(e -> e.getLevel() == ch.qos.logback.classic.Level.ERROR)
        .findFirst()
        .orElseThrow();
  }
}
