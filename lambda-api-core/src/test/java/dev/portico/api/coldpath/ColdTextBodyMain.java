package dev.portico.api.coldpath;

import dev.portico.api.Api;
import dev.portico.api.ApiHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Run by {@link ColdTextBodyTest} in a fresh JVM: builds a handler for {@link EventsController} and
 * answers a valid POST, then one with a malformed date and a duplicate map key, printing a marker
 * line before each.
 */
public final class ColdTextBodyMain {
  private ColdTextBodyMain() {}

  /** An HTTP API (payload 2.0) POST /events with a JSON body. */
  static String event(String body) {
    return """
        {"version":"2.0","routeKey":"POST /events","rawPath":"/events","rawQueryString":"",
         "headers":{"content-type":"application/json","host":"example.com"},
         "requestContext":{"accountId":"123456789012","apiId":"api","domainName":"example.com",
          "http":{"method":"POST","path":"/events","protocol":"HTTP/1.1","sourceIp":"192.0.2.1",
           "userAgent":"test"},
          "requestId":"req-1","routeKey":"POST /events","stage":"$default","time":"",
          "timeEpoch":0},
         "body":%s,"isBase64Encoded":false}
        """
        .formatted(quote(body));
  }

  private static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  static final String VALID =
      "{\"id\":\"123e4567-e89b-12d3-a456-426614174000\",\"at\":\"2026-01-31T10:15:30Z\","
          + "\"day\":\"2024-02-29\",\"local\":\"2026-01-31T10:15\",\"time\":\"10:15:30.5\","
          + "\"offset\":\"2026-01-31T10:15:30+02:00\",\"took\":\"PT1H30M\","
          + "\"counts\":{\"a\":1,\"b\":2},\"days\":{\"x\":\"2026-12-31\"}}";

  static final String INVALID =
      "{\"id\":\"123e4567-e89b-12d3-a456-426614174000\",\"at\":\"2026-01-31T10:15:30Z\","
          + "\"day\":\"2026-02-30\",\"local\":\"2026-01-31T10:15\",\"time\":\"10:15\","
          + "\"offset\":\"2026-01-31T10:15:30Z\",\"took\":\"PT0S\",\"counts\":{\"a\":1,\"a\":2}}";

  private static final class Handler extends ApiHandler {
    Handler() {
      super(Api.builder().controller(new EventsController()).build());
    }
  }

  /** Answers the two requests. */
  public static void main(String[] args) throws Exception {
    Handler handler = new Handler();
    String[][] requests = {{"valid", event(VALID)}, {"invalid", event(INVALID)}};
    for (String[] request : requests) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      System.out.println("@@request " + request[0]);
      handler.handleRequest(
          new ByteArrayInputStream(request[1].getBytes(StandardCharsets.UTF_8)), out, null);
      System.out.println("@@response " + request[0] + " " + out.toString(StandardCharsets.UTF_8));
    }
    System.out.println("@@done");
  }
}
