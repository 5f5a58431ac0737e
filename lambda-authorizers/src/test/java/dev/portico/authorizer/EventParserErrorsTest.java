package dev.portico.authorizer;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.authorizer.internal.EventParser;
import dev.portico.authorizer.internal.tree.Node;
import dev.portico.authorizer.internal.tree.Trees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EventParserErrorsTest {

  private static Node json(String text) throws IOException {
    return Trees.json(text.getBytes(StandardCharsets.UTF_8), true);
  }

  @Test
  void aProxyEventIsNamedInTheError() throws Exception {
    assertThatThrownBy(() -> EventParser.parse(json("{\"httpMethod\":\"GET\",\"path\":\"/\"}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "not an API Gateway authorizer event: type=(none), version=(none), fields=[httpMethod, path]");
  }

  @Test
  void aTokenEventWithoutMethodArnIsNamedInTheError() throws Exception {
    assertThatThrownBy(() -> EventParser.parse(json("{\"type\":\"TOKEN\"}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("authorizer event has no \"methodArn\": fields=[type]");
  }

  @Test
  void aJsonArrayIsNoEvent() throws Exception {
    assertThatThrownBy(() -> EventParser.parse(json("[]")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not an API Gateway authorizer event: expected a JSON object, got ARRAY");
  }
}
