package dev.portico.authorizer.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.portico.authorizer.AuthorizationRequest;
import dev.portico.authorizer.AuthorizerFailedException;
import dev.portico.authorizer.AuthorizerHandler;
import dev.portico.authorizer.AuthorizerUnauthorizedException;
import dev.portico.authorizer.Decision;
import dev.portico.authorizer.internal.EventParser;
import dev.portico.authorizer.internal.tree.Node;
import dev.portico.authorizer.internal.tree.Trees;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * Fuzzes the authorizer's event reader, seeded with the real authorizer events of {@code
 * src/test/resources/events} (copied into {@code EventParserFuzzTestInputs}).
 *
 * <p>Properties: {@link EventParser#parse} throws nothing but {@link IllegalArgumentException}
 * (documented: not an authorizer event); a parsed request's ARN is exactly the event's {@code
 * methodArn}/{@code routeArn} text; the handler, whatever the bytes, either writes an answer or
 * throws one of its two documented exceptions ({@link AuthorizerUnauthorizedException}, {@link
 * AuthorizerFailedException}).
 */
class EventParserFuzzTest {

  private static final AuthorizerHandler ALLOW_ALL =
      new AuthorizerHandler(request -> Decision.allow("fuzz"));

  @FuzzTest
  void parse(byte[] data) throws IOException {
    Node event;
    try {
      event = Trees.json(data, false);
    } catch (IOException e) {
      event = null;
    }
    if (event != null) {
      try {
        AuthorizationRequest request = EventParser.parse(event);
        String field =
            event.has("routeArn") && "2.0".equals(event.path("version").asText(null))
                ? "routeArn"
                : "methodArn";
        assertThat(request.methodArn().toString()).isEqualTo(event.path(field).asText());
      } catch (IllegalArgumentException expected) {
        // documented: the event is not an authorizer event
      }
    }

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ALLOW_ALL.handleRequest(new ByteArrayInputStream(data), out, null);
      assertThat(out.size()).isPositive();
    } catch (AuthorizerUnauthorizedException | AuthorizerFailedException expected) {
      // documented answers: 401 and 500 without detail
    }
  }
}
