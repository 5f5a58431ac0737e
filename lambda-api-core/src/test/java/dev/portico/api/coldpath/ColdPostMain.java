package dev.portico.api.coldpath;

import dev.portico.api.Api;
import dev.portico.api.ApiHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Run by {@link ColdPostTest} in a fresh JVM: builds a handler for {@link NotesController} and
 * answers an authorized POST, then one without the scope, printing a marker line before each so the
 * test can tell which request loaded which classes.
 */
public final class ColdPostMain {
  private ColdPostMain() {}

  /** An HTTP API (payload 2.0) POST /notes with a JWT authorizer's claims and scopes. */
  static String event(String scopes) {
    return """
        {"version":"2.0","routeKey":"POST /notes","rawPath":"/notes","rawQueryString":"",
         "headers":{"content-type":"text/plain","host":"example.com"},
         "requestContext":{"accountId":"123456789012","apiId":"api","domainName":"example.com",
          "http":{"method":"POST","path":"/notes","protocol":"HTTP/1.1","sourceIp":"192.0.2.1",
           "userAgent":"test"},
          "requestId":"req-1","routeKey":"POST /notes","stage":"$default","time":"",
          "timeEpoch":0,
          "authorizer":{"jwt":{"claims":{"sub":"user-7","n":12,"big":123456789012345678901234,
           "ratio":1.10,"admin":true,"groups":"[a b]"},"scopes":%s}}},
         "body":"hello","isBase64Encoded":false}
        """
        .formatted(scopes);
  }

  private static final class Handler extends ApiHandler {
    Handler() {
      super(Api.builder().controller(new NotesController()).build());
    }
  }

  /** Answers the two requests. */
  public static void main(String[] args) throws Exception {
    Handler handler = new Handler();
    String[][] requests = {
      {"authorized", event("[\"notes:read\",\"notes:write\"]")},
      {"forbidden", event("[\"notes:read\"]")}
    };
    for (String[] request : requests) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      // The marker goes through System.out like the JVM's class-load log, so order is kept.
      System.out.println("@@request " + request[0]);
      handler.handleRequest(
          new ByteArrayInputStream(request[1].getBytes(StandardCharsets.UTF_8)), out, null);
      System.out.println("@@response " + request[0] + " " + out.toString(StandardCharsets.UTF_8));
    }
    System.out.println("@@done");
  }
}
