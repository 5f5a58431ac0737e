package dev.portico.local.internal.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.api.Authorization;
import dev.portico.api.EventSource;
import dev.portico.api.internal.codec.SyntheticEvents;
import dev.portico.api.internal.codec.SyntheticRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * lambda-local's events ({@link ProxyEventWriter}, from a routed {@link GatewayRequest}) and core's
 * synthetic events (priming and the test kit, from a {@link SyntheticRequest}) are the same bytes
 * for the same request: both are written by core's event-part writers.
 */
class EventWritersAgreeTest {
  private static final String REQUEST_ID = "c6af9ac6-7b61-11e6-9a41-93e8deadbeef";
  private static final long TIME = 1_700_000_123_456L;
  private static final List<Map.Entry<String, String>> HEADERS =
      List.of(
          Map.entry("Content-Type", "application/json"),
          Map.entry("User-Agent", "agent/1"),
          Map.entry("X-Multi", "one"),
          Map.entry("x-multi", "two"),
          Map.entry("Cookie", "a=1; b=2"));
  private static final byte[] JSON_BODY = "{\"name\":\"Rex\"}".getBytes(StandardCharsets.UTF_8);
  private static final byte[] PNG_BODY = {(byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff};
  private static final Authorization AUTH =
      new Authorization("user-1", Map.of(), List.of(), Map.of("role", "admin", "level", 3));

  private static GatewayRequest gateway(
      String eventPath,
      String stage,
      List<Map.Entry<String, String>> headers,
      byte[] body,
      String routePath,
      String routeKey,
      Map<String, String> pathParameters) {
    return new GatewayRequest(
        "POST",
        "/pets/a%20b",
        eventPath,
        "x=1&y=a%20b&x=2&plus=a+b",
        headers,
        body,
        "198.51.100.7",
        "api.example.com",
        stage,
        stage.equals("$default") ? Map.of() : Map.of("v", "1"),
        routePath,
        routeKey,
        pathParameters,
        REQUEST_ID,
        TIME);
  }

  private static SyntheticRequest synthetic(
      String stage,
      List<Map.Entry<String, String>> headers,
      byte[] body,
      String resource,
      Map<String, String> pathParameters,
      Authorization auth) {
    return new SyntheticRequest(
        "POST",
        "/pets/a%20b?x=1&y=a%20b&x=2&plus=a+b",
        headers,
        body,
        "198.51.100.7",
        stage,
        stage.equals("$default") ? Map.of() : Map.of("v", "1"),
        resource,
        pathParameters,
        auth,
        REQUEST_ID,
        TIME,
        "api.example.com");
  }

  private static String text(byte[] event) {
    return new String(event, StandardCharsets.UTF_8);
  }

  @Test
  void restApiPayload1IsTheSameForTextAndBinaryBodies() {
    List<String> binaryTypes = List.of("image/*");
    for (byte[] body : List.of(JSON_BODY, PNG_BODY, new byte[0])) {
      List<Map.Entry<String, String>> headers =
          body == PNG_BODY
              ? List.of(Map.entry("Content-Type", "image/png"), Map.entry("X-Multi", "1"))
              : HEADERS;
      GatewayRequest local =
          gateway("/pets/a%20b", "prod", headers, body, "/pets/{id}", "POST /pets/{id}", ids());
      byte[] mine =
          ProxyEventWriter.bytes(ProxyEventWriter.payload1(local, AUTH, false, binaryTypes));
      byte[] core =
          SyntheticEvents.toEvent(
              synthetic("prod", headers, body, "/pets/{id}", ids(), AUTH),
              EventSource.API_GATEWAY_V1,
              binaryTypes);
      assertThat(text(mine)).isEqualTo(text(core));
    }
  }

  @Test
  void restApiPayload1WithoutHeadersRouteOrAuthorizerIsTheSame() {
    GatewayRequest local =
        gateway("/pets/a%20b", "prod", List.of(), new byte[0], null, "$default", Map.of());
    byte[] mine =
        ProxyEventWriter.bytes(
            ProxyEventWriter.payload1(local, Authorization.NONE, false, List.of()));
    byte[] core =
        SyntheticEvents.toEvent(
            synthetic("prod", List.of(), new byte[0], null, Map.of(), Authorization.NONE),
            EventSource.API_GATEWAY_V1,
            List.of());
    assertThat(text(mine)).isEqualTo(text(core));
  }

  @Test
  void httpApiPayload2IsTheSameForTextAndBinaryBodies() {
    for (String stage : List.of("$default", "h")) {
      for (byte[] body : List.of(JSON_BODY, PNG_BODY, new byte[0])) {
        List<Map.Entry<String, String>> headers =
            body == PNG_BODY ? List.of(Map.entry("Content-Type", "image/png")) : HEADERS;
        GatewayRequest local =
            gateway("/pets/a b", stage, headers, body, "/pets/{id}", "POST /pets/{id}", ids());
        byte[] mine = ProxyEventWriter.bytes(ProxyEventWriter.payload2(local, AUTH, null));
        byte[] core =
            SyntheticEvents.toEvent(
                synthetic(stage, headers, body, "/pets/{id}", ids(), AUTH),
                EventSource.API_GATEWAY_V2);
        assertThat(text(mine)).isEqualTo(text(core));
      }
    }
  }

  @Test
  void functionUrlEventIsTheSame() {
    String urlId = "abcdefghijklmnopqrstuvwxyz0123456";
    String domain = urlId + ".lambda-url.us-east-1.on.aws";
    GatewayRequest local =
        new GatewayRequest(
            "POST",
            "/pets/a%20b",
            "/pets/a%20b",
            "x=1&x=2",
            HEADERS,
            JSON_BODY,
            "198.51.100.7",
            domain,
            "$default",
            Map.of(),
            null,
            "$default",
            Map.of(),
            REQUEST_ID,
            TIME);
    byte[] mine =
        ProxyEventWriter.bytes(
            ProxyEventWriter.payload2(
                local,
                Authorization.NONE,
                new ProxyEventWriter.UrlIdentity(urlId, domain, "anonymous", null)));
    SyntheticRequest request =
        new SyntheticRequest(
            "POST",
            "/pets/a%20b?x=1&x=2",
            HEADERS,
            JSON_BODY,
            "198.51.100.7",
            "$default",
            Map.of(),
            null,
            Map.of(),
            Authorization.NONE,
            REQUEST_ID,
            TIME,
            domain);
    assertThat(text(mine))
        .isEqualTo(text(SyntheticEvents.toEvent(request, EventSource.FUNCTION_URL)));
  }

  private static Map<String, String> ids() {
    return Map.of("id", "a b");
  }
}
