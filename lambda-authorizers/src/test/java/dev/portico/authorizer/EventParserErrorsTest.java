package dev.portico.authorizer;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.authorizer.internal.EventParser;
import org.junit.jupiter.api.Test;

class EventParserErrorsTest {

  private final ObjectMapper mapper = new ObjectMapper();

  @Test
  void aProxyEventIsNamedInTheError() throws Exception {
    assertThatThrownBy(
            () -> EventParser.parse(mapper.readTree("{\"httpMethod\":\"GET\",\"path\":\"/\"}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "not an API Gateway authorizer event: type=(none), version=(none), fields=[httpMethod, path]");
  }

  @Test
  void aTokenEventWithoutMethodArnIsNamedInTheError() throws Exception {
    assertThatThrownBy(() -> EventParser.parse(mapper.readTree("{\"type\":\"TOKEN\"}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("authorizer event has no \"methodArn\": fields=[type]");
  }

  @Test
  void aJsonArrayIsNoEvent() throws Exception {
    assertThatThrownBy(() -> EventParser.parse(mapper.readTree("[]")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not an API Gateway authorizer event: expected a JSON object, got ARRAY");
  }
}
