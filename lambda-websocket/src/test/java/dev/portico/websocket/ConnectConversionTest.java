package dev.portico.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * {@code $connect} headers and query parameters converted through the same table as HTTP parameters
 * (generated code of {@link ConvertingController}); a value that does not convert refuses the
 * connection with 400 (API Gateway then fails the handshake with that status) and logs one line
 * with the connection id, without a stack trace.
 */
class ConnectConversionTest {
  private static final String SESSION = "123e4567-e89b-12d3-a456-426614174000";

  private final Logger logger = (Logger) LoggerFactory.getLogger("dev.portico.websocket");
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final ConvertingController controller = new ConvertingController();
  private final InMemoryConnectionRegistry registry = new InMemoryConnectionRegistry(Events.CLOCK);
  private final WebSocketApi api =
      WebSocketApi.builder().registry(registry).controller(controller).build();

  @BeforeEach
  void capture() {
    logs.start();
    logger.addAppender(logs);
    logger.setLevel(Level.INFO);
    logger.setAdditive(false);
  }

  @AfterEach
  void release() {
    logger.detachAppender(logs);
    logger.setLevel(null);
    logger.setAdditive(true);
  }

  /** A $connect with these query parameters (single and multi-value, as API Gateway sends). */
  private static ObjectNode connect(String id, Map<String, List<String>> query) {
    ObjectNode event = Events.connect(id);
    ObjectNode single = event.putObject("queryStringParameters");
    ObjectNode multi = event.putObject("multiValueQueryStringParameters");
    query.forEach(
        (name, values) -> {
          single.put(name, values.get(values.size() - 1));
          values.forEach(multi.withArray(name)::add);
        });
    return event;
  }

  private static void header(ObjectNode event, String name, String... values) {
    ((ObjectNode) event.get("headers")).put(name, String.join(",", values));
    var multi = ((ObjectNode) event.get("multiValueHeaders")).putArray(name);
    for (String value : values) {
      multi.add(value);
    }
  }

  @Test
  void headersAndQueryParametersConvertToTheirDeclaredTypes() {
    ObjectNode event =
        connect(
            "conn-1",
            Map.of(
                "limit", List.of("25"),
                "session", List.of(SESSION),
                "verbose", List.of("FALSE"),
                "since", List.of("1700000000000"),
                "room", List.of("lobby", "kitchen")));
    header(event, "X-Mode", "safe");
    header(event, "X-Size", "42");
    header(event, "X-Tags", "FAST, SAFE", "fast");

    assertThat(Events.invoke(api, event).toString()).isEqualTo("{\"statusCode\":200}");
    assertThat(controller.seen)
        .containsExactly(
            Map.of(
                "limit",
                25,
                "session",
                UUID.fromString(SESSION),
                "verbose",
                false,
                "since",
                "1700000000000",
                "rooms",
                List.of("lobby", "kitchen"),
                "mode",
                Optional.of(ConvertingController.Mode.SAFE),
                "size",
                42L,
                "tags",
                List.of(
                    ConvertingController.Mode.FAST,
                    ConvertingController.Mode.SAFE,
                    ConvertingController.Mode.FAST)));
    assertThat(registry.get("conn-1")).isPresent();
  }

  @Test
  void absentValuesTakeTheirDefaultsOrAreEmpty() {
    ObjectNode event =
        connect("conn-2", Map.of("limit", List.of("1"), "session", List.of(SESSION)));

    assertThat(Events.invoke(api, event).toString()).isEqualTo("{\"statusCode\":200}");
    assertThat(controller.seen)
        .containsExactly(
            Map.of(
                "limit",
                1,
                "session",
                UUID.fromString(SESSION),
                "verbose",
                true,
                "since",
                "null",
                "rooms",
                List.of(),
                "mode",
                Optional.empty(),
                "size",
                7L,
                "tags",
                List.of()));
  }

  @Test
  void aValueThatDoesNotConvertRefusesTheConnectionWith400AndOneLogLine() {
    ObjectNode event =
        connect("conn-3", Map.of("limit", List.of("many"), "session", List.of(SESSION)));

    assertThat(Events.invoke(api, event).toString()).isEqualTo("{\"statusCode\":400}");
    assertThat(controller.seen).isEmpty();
    assertThat(registry.get("conn-3")).isEmpty();
    assertThat(logs.list).hasSize(1);
    ILoggingEvent line = logs.list.get(0);
    assertThat(line.getLevel()).isEqualTo(Level.INFO);
    assertThat(line.getFormattedMessage())
        .isEqualTo(
            "Connection \"conn-3\" refused with 400: \"400 Bad Request: Query parameter 'limit' must be an int;"
                + " got 'many'\"");
    assertThat(line.getThrowableProxy()).as("no stack trace").isNull();
  }

  @Test
  void badUuidEnumAndMissingRequiredValuesAreEach400() {
    ObjectNode badUuid = connect("conn-4", Map.of("limit", List.of("1"), "session", List.of("x")));
    ObjectNode badEnum =
        connect("conn-5", Map.of("limit", List.of("1"), "session", List.of(SESSION)));
    header(badEnum, "X-Mode", "turbo");
    ObjectNode missing = connect("conn-6", Map.of("session", List.of(SESSION)));

    assertThat(Events.invoke(api, badUuid).toString()).isEqualTo("{\"statusCode\":400}");
    assertThat(Events.invoke(api, badEnum).toString()).isEqualTo("{\"statusCode\":400}");
    assertThat(Events.invoke(api, missing).toString()).isEqualTo("{\"statusCode\":400}");
    assertThat(controller.seen).isEmpty();
    assertThat(logs.list.stream().map(ILoggingEvent::getFormattedMessage))
        .containsExactly(
            "Connection \"conn-4\" refused with 400: \"400 Bad Request: Query parameter 'session' must be an UUID;"
                + " got 'x'\"",
            "Connection \"conn-5\" refused with 400: \"400 Bad Request: Header 'X-Mode' must be one of [FAST, SAFE];"
                + " got 'turbo'\"",
            "Connection \"conn-6\" refused with 400: \"400 Bad Request: Missing required query parameter 'limit'\"");
  }

  @Test
  void aValueWithControlCharactersIsEscapedInTheLogLine() {
    ObjectNode event =
        connect("conn-7", Map.of("limit", List.of("1\r\nFAKE"), "session", List.of(SESSION)));

    assertThat(Events.invoke(api, event).toString()).isEqualTo("{\"statusCode\":400}");
    assertThat(logs.list.get(0).getFormattedMessage())
        .isEqualTo(
            "Connection \"conn-7\" refused with 400: \"400 Bad Request: Query parameter 'limit' must be an int;"
                + " got '1\\r\\nFAKE'\"");
  }
}
