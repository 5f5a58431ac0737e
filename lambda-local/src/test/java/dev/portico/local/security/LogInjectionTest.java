package dev.portico.local.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.api.LogSafe;
import dev.portico.local.GatewayOptions;
import dev.portico.local.LocalGateway;
import dev.portico.local.config.GatewayConfig;
import dev.portico.local.config.LocalApi;
import dev.portico.local.config.LocalAuthorizer;
import dev.portico.local.config.LocalFunction;
import dev.portico.local.config.LocalRoute;
import dev.portico.local.gateway.ScriptedHandler;
import dev.portico.local.internal.LogText;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Log injection (issue 9, finding 4): request-controlled text (path, method, an exception message
 * that carries a decoded query value) in the gateway's log lines is quoted and escaped, so an
 * injected CR/LF never starts a forged line.
 */
class LogInjectionTest {
  private static final String FORGED = "INFO dev.portico.local.LocalGateway - GET /admin 200";

  /**
   * Runs the request with System.err (slf4j-simple's target) captured until the request's own log
   * line (written after the answer) is there; returns the lines.
   */
  private static List<String> logged(LocalGateway gateway, String request) throws Exception {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      RawHttp.exchange(gateway.port(), request);
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (!captured.toString(StandardCharsets.UTF_8).contains(" ms ")
          && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
    } finally {
      System.setErr(original);
    }
    String text = captured.toString(StandardCharsets.UTF_8);
    original.print(text);
    return text.lines().toList();
  }

  private static LocalGateway start() {
    GatewayConfig config =
        GatewayConfig.builder()
            .function(LocalFunction.of("Throwing", ThrowingHandler.class.getName()))
            .function(LocalFunction.of("Scripted", ScriptedHandler.class.getName()))
            .api(
                LocalApi.rest("Rest")
                    .withStage("prod")
                    .withAuthorizer(
                        LocalAuthorizer.request(
                            "Req", "Throwing", List.of("method.request.querystring.msg")))
                    .withRoute(LocalRoute.of("GET", "/guarded", "Scripted").withAuthorizer("Req"))
                    .withRoute(LocalRoute.of("GET", "/throws", "Throwing")))
            .build();
    return LocalGateway.start(config, GatewayOptions.defaults().withPort(0));
  }

  @Test
  void injectedCrLfInAFunctionErrorStaysOneLine() throws Exception {
    try (LocalGateway gateway = start()) {
      List<String> lines =
          logged(
              gateway,
              "GET /throws?msg=x%0D%0A"
                  + FORGED.replace(" ", "%20")
                  + " HTTP/1.1\nHost: h\n"
                  + "Connection: close\n\n");
      assertThat(lines).noneMatch(line -> line.startsWith(FORGED));
      assertThat(lines)
          .anyMatch(
              line ->
                  line.contains(
                      "Function Throwing threw; API Gateway answers 502: \"java.lang"
                          + ".IllegalStateException: cannot handle x\\r\\n"
                          + FORGED
                          + "\""));
    }
  }

  @Test
  void injectedCrLfInAnAuthorizerErrorStaysOneLine() throws Exception {
    try (LocalGateway gateway = start()) {
      List<String> lines =
          logged(
              gateway,
              "GET /guarded?msg=x%0A"
                  + FORGED.replace(" ", "%20")
                  + " HTTP/1.1\nHost: h\n"
                  + "Connection: close\n\n");
      assertThat(lines).noneMatch(line -> line.startsWith(FORGED));
      assertThat(lines)
          .anyMatch(
              line ->
                  line.contains(
                      "Authorizer Req (function Throwing) failed: \"java.lang"
                          + ".IllegalStateException: cannot handle x\\n"
                          + FORGED
                          + "\""));
      assertThat(lines)
          .anyMatch(
              line ->
                  line.contains(
                      "\"GET\" \"/guarded\": authorizer Req answered 500: \"the authorizer"
                          + " function threw java.lang.IllegalStateException: cannot handle"
                          + " x\\n"
                          + FORGED
                          + "\""));
    }
  }

  @Test
  void requestLineIsQuoted() throws Exception {
    try (LocalGateway gateway = start()) {
      List<String> lines =
          logged(gateway, "GET /nothing%0Ax HTTP/1.1\nHost: h\nConnection: close\n\n");
      assertThat(lines)
          .anyMatch(line -> line.matches(".* - \"GET\" \"/nothing%0Ax\" 403 [0-9.]+ ms -$"));
    }
  }

  @Test
  void quoteEscapesEveryLineBreakingCharacter() {
    assertThat(LogText.quote("a\r\nb\t\"c\\\u0000\u007f\u0085\u2028\u2029"))
        .isEqualTo("\"a\\r\\nb\\t\\\"c\\\\\\u0000\\u007f\\u0085\\u2028\\u2029\"");
    assertThat(LogText.quote(null)).isEqualTo("null");
    assertThat(LogText.quote("x".repeat(600)))
        .isEqualTo("\"" + "x".repeat(LogSafe.MAX_LENGTH) + "\"...(600 chars)");
  }
}
