package dev.portico.local.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.local.GatewayOptions;
import dev.portico.local.LocalGateway;
import dev.portico.local.config.GatewayConfig;
import dev.portico.local.config.LocalApi;
import dev.portico.local.config.LocalFunction;
import dev.portico.local.config.LocalRoute;
import dev.portico.local.gateway.ScriptedHandler;
import dev.portico.local.internal.BufferedBodyHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Slowloris against the real local gateway on 127.0.0.1 (issue 9, finding 9): hundreds of
 * connections that send headers announcing a body and then nothing (or never finish their headers)
 * must not keep other clients from being served, and each waits at most the request body timeout.
 */
class SlowClientsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /**
   * Long enough that a normal request answered within {@link #NORMAL_REQUEST_LIMIT} did not wait
   * for it.
   */
  private static final Duration BODY_TIMEOUT = Duration.ofSeconds(8);

  private static final Duration NORMAL_REQUEST_LIMIT = Duration.ofSeconds(4);

  /** More than the gateway's 200 server threads. */
  private static final int SLOW_BODIES = 250;

  private static final int SLOW_HEADERS = 50;

  private static LocalGateway gateway;

  @BeforeAll
  static void start() {
    GatewayConfig config =
        GatewayConfig.builder()
            .function(LocalFunction.of("Scripted", ScriptedHandler.class.getName()))
            .api(
                LocalApi.rest("Api")
                    .withStage("prod")
                    .withRoute(LocalRoute.of("GET", "/pets/{id}", "Scripted"))
                    .withRoute(LocalRoute.of("POST", "/echo", "Scripted")))
            .build();
    gateway =
        LocalGateway.start(
            config,
            GatewayOptions.defaults()
                .withPort(0)
                .withLogRequests(false)
                .withRequestBodyTimeout(BODY_TIMEOUT));
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  private static Socket open() throws IOException {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), gateway.port());
    socket.setSoTimeout((int) BODY_TIMEOUT.multipliedBy(3).toMillis());
    return socket;
  }

  private static void send(Socket socket, String text) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(RawHttp.crlf(text).getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  @Test
  void slowlorisBodiesDoNotStarveOtherClientsAndAreAnswered408() throws Exception {
    List<Socket> slowBodies = new ArrayList<>();
    List<Socket> slowHeaders = new ArrayList<>();
    try {
      for (int i = 0; i < SLOW_BODIES; i++) {
        Socket socket = open();
        slowBodies.add(socket);
        send(
            socket,
            "POST /echo HTTP/1.1\nHost: 127.0.0.1\nContent-Type: application/json\n"
                + "Content-Length: 100\n\n{");
      }
      for (int i = 0; i < SLOW_HEADERS; i++) {
        Socket socket = open();
        slowHeaders.add(socket);
        send(socket, "GET /pets/1 HTTP/1.1\nHost: 127.0.0.1\nX-Slow: ");
      }

      long start = System.nanoTime();
      HttpResponse<String> get =
          HTTP.send(
              HttpRequest.newBuilder(gateway.uri("/pets/7")).timeout(NORMAL_REQUEST_LIMIT).build(),
              HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> post =
          HTTP.send(
              HttpRequest.newBuilder(gateway.uri("/echo"))
                  .timeout(NORMAL_REQUEST_LIMIT)
                  .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Rex\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertThat(get.statusCode()).isEqualTo(200);
      assertThat(JSON.readTree(get.body()).path("event").path("path").asText())
          .isEqualTo("/pets/7");
      assertThat(post.statusCode()).isEqualTo(200);
      assertThat(JSON.readTree(post.body()).path("event").path("body").asText())
          .isEqualTo("{\"name\":\"Rex\"}");
      assertThat(took)
          .as("answered while every slow body was still waiting")
          .isLessThan(BODY_TIMEOUT);

      for (Socket socket : slowBodies) {
        RawHttp.Response answer = RawHttp.read(socket.getInputStream());
        assertThat(answer.status()).isEqualTo(408);
        assertThat(answer.body()).isEqualTo(BufferedBodyHandler.TIMEOUT_BODY);
        assertThat(answer.headers()).containsEntry("connection", "close");
        assertThat(socket.getInputStream().read()).as("the connection is closed").isEqualTo(-1);
      }
    } finally {
      for (Socket socket : slowBodies) {
        socket.close();
      }
      for (Socket socket : slowHeaders) {
        socket.close();
      }
    }
  }

  @Test
  void aBodyThatTricklesInWithinTheDeadlineIsServedWhole() throws Exception {
    try (Socket socket = open()) {
      String body = "{\"name\":\"" + "x".repeat(2000) + "\"}";
      send(
          socket,
          "POST /echo HTTP/1.1\nHost: 127.0.0.1\nContent-Type: application/json\nContent-Length: "
              + body.length()
              + "\nConnection: close\n\n");
      for (int i = 0; i < body.length(); i += 500) {
        socket
            .getOutputStream()
            .write(
                body.substring(i, Math.min(body.length(), i + 500))
                    .getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
        Thread.sleep(100);
      }
      RawHttp.Response answer = RawHttp.read(socket.getInputStream());
      assertThat(answer.status()).isEqualTo(200);
      assertThat(JSON.readTree(answer.body()).path("event").path("body").asText()).isEqualTo(body);
    }
  }

  @Test
  void aChunkedBodyThatStopsMidwayIsAnswered408() throws Exception {
    GatewayConfig config =
        GatewayConfig.builder()
            .function(LocalFunction.of("Scripted", ScriptedHandler.class.getName()))
            .api(LocalApi.http("Http").withRoute(LocalRoute.of("POST", "/echo", "Scripted")))
            .build();
    try (LocalGateway quick =
            LocalGateway.start(
                config,
                GatewayOptions.defaults()
                    .withPort(0)
                    .withRequestBodyTimeout(Duration.ofMillis(500)));
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), quick.port())) {
      socket.setSoTimeout(10_000);
      socket
          .getOutputStream()
          .write(
              RawHttp.crlf(
                      "POST /echo HTTP/1.1\nHost: 127.0.0.1\nTransfer-Encoding: chunked\n\n5\nhello\n")
                  .getBytes(StandardCharsets.UTF_8));
      RawHttp.Response answer = RawHttp.read(socket.getInputStream());
      assertThat(answer.status()).isEqualTo(408);
      assertThat(answer.body()).isEqualTo("{\"message\":\"Request Timeout\"}");
    }
  }
}
