package dev.portico.local.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portico.local.GatewayOptions;
import dev.portico.local.LocalGateway;
import dev.portico.local.WebSocketOptions;
import dev.portico.local.config.GatewayConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GetConnectionResponse;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GoneException;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.PayloadTooLargeException;

/**
 * The {@code @connections} API of a local WebSocket API through the real AWS SDK v2 {@code
 * ApiGatewayManagementApiClient} (endpointOverride, SigV4 signed with dummy credentials): post,
 * get, delete, 410 for a gone connection, 413 over 128 KB; and a plain unsigned request refused.
 */
class ConnectionsApiTest {
  private static LocalGateway gateway;
  private static ApiGatewayManagementApiClient client;

  @BeforeAll
  static void start() {
    gateway =
        LocalGateway.start(
            GatewayConfig.fromTemplate(Path.of("src/test/resources/templates/websocket.yaml")),
            GatewayOptions.defaults().withPort(0),
            WebSocketOptions.defaults());
    client =
        ApiGatewayManagementApiClient.builder()
            .endpointOverride(URI.create("http://127.0.0.1:" + gateway.port() + "/prod"))
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLOCAL", "local")))
            .httpClient(UrlConnectionHttpClient.create())
            .build();
  }

  @AfterAll
  static void stop() {
    client.close();
    gateway.close();
  }

  @BeforeEach
  void clear() {
    WebSocketTestFunction.EVENTS.clear();
  }

  static URI ws() {
    return URI.create("ws://127.0.0.1:" + gateway.port() + "/prod?token=allow-sdk");
  }

  @Test
  void postReachesTheClientAsTextAndBinaryAsBinary() throws Exception {
    JdkSocket socket = JdkSocket.connect(ws());
    String id = WebSocketTestFunction.nextConnectionId();
    client.postToConnection(b -> b.connectionId(id).data(SdkBytes.fromUtf8String("héllo")));
    assertThat(socket.nextText()).isEqualTo("héllo");
    byte[] notUtf8 = {(byte) 0xff, (byte) 0xfe, 0};
    client.postToConnection(b -> b.connectionId(id).data(SdkBytes.fromByteArray(notUtf8)));
    assertThat((byte[]) socket.next()).isEqualTo(notUtf8);
    socket.socket.abort();
  }

  @Test
  void getReportsConnectedAtSourceIpUserAgentAndLastActivity() throws Exception {
    Instant before = Instant.now().minusSeconds(1);
    JdkSocket socket = JdkSocket.connect(ws());
    String id = WebSocketTestFunction.nextConnectionId();
    GetConnectionResponse info = client.getConnection(b -> b.connectionId(id));
    assertThat(info.connectedAt()).isAfter(before).isBeforeOrEqualTo(Instant.now());
    assertThat(info.identity().sourceIp()).isEqualTo("127.0.0.1");
    assertThat(info.identity().userAgent()).contains("Java-http-client");
    assertThat(info.lastActiveAt()).isAfterOrEqualTo(info.connectedAt().minusMillis(1));
    socket.socket.abort();
  }

  @Test
  void deleteClosesTheConnectionThenEveryCallIsGone() throws Exception {
    JdkSocket socket = JdkSocket.connect(ws());
    String id = WebSocketTestFunction.nextConnectionId();
    client.deleteConnection(b -> b.connectionId(id));
    assertThat(socket.closeCode(5)).isEqualTo(1000);
    JsonNode disconnect = WebSocketTestFunction.next("$disconnect", id);
    assertThat(disconnect.get("requestContext").get("disconnectStatusCode").asInt())
        .isEqualTo(1000);
    assertThatThrownBy(
            () ->
                client.postToConnection(b -> b.connectionId(id).data(SdkBytes.fromUtf8String("x"))))
        .isInstanceOf(GoneException.class)
        .satisfies(e -> assertThat(((GoneException) e).statusCode()).isEqualTo(410));
    assertThatThrownBy(() -> client.getConnection(b -> b.connectionId(id)))
        .isInstanceOf(GoneException.class);
    assertThatThrownBy(() -> client.deleteConnection(b -> b.connectionId(id)))
        .isInstanceOf(GoneException.class);
  }

  @Test
  void aClientThatVanishedIsGoneAfterItsSocketDropped() throws Exception {
    JdkSocket socket = JdkSocket.connect(ws());
    String id = WebSocketTestFunction.nextConnectionId();
    socket.socket.abort();
    WebSocketTestFunction.next("$disconnect", id);
    assertThatThrownBy(
            () ->
                client.postToConnection(b -> b.connectionId(id).data(SdkBytes.fromUtf8String("x"))))
        .isInstanceOf(GoneException.class);
  }

  @Test
  void unknownConnectionIdIsGoneNot404() {
    assertThatThrownBy(
            () ->
                client.postToConnection(
                    b -> b.connectionId("NoSuchConnId0A=").data(SdkBytes.fromUtf8String("x"))))
        .isInstanceOf(GoneException.class);
  }

  @Test
  void messageOver128KbIsPayloadTooLargeAndNotSent() throws Exception {
    JdkSocket socket = JdkSocket.connect(ws());
    String id = WebSocketTestFunction.nextConnectionId();
    byte[] big = new byte[128 * 1024 + 1];
    java.util.Arrays.fill(big, (byte) 'a');
    assertThatThrownBy(
            () ->
                client.postToConnection(b -> b.connectionId(id).data(SdkBytes.fromByteArray(big))))
        .isInstanceOf(PayloadTooLargeException.class)
        .satisfies(e -> assertThat(((PayloadTooLargeException) e).statusCode()).isEqualTo(413));
    byte[] exactly = new byte[128 * 1024];
    java.util.Arrays.fill(exactly, (byte) 'b');
    client.postToConnection(b -> b.connectionId(id).data(SdkBytes.fromByteArray(exactly)));
    assertThat(socket.nextText()).hasSize(128 * 1024).startsWith("bbb");
    assertThat(socket.received.poll(200, TimeUnit.MILLISECONDS)).isNull();
    socket.socket.abort();
  }

  @Test
  void unsignedRequestIsMissingAuthenticationToken() throws Exception {
    JdkSocket socket = JdkSocket.connect(ws());
    String id = WebSocketTestFunction.nextConnectionId();
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://127.0.0.1:"
                                + gateway.port()
                                + "/prod/@connections/"
                                + java.net.URLEncoder.encode(
                                    id, java.nio.charset.StandardCharsets.UTF_8)))
                    .POST(HttpRequest.BodyPublishers.ofString("sneaky"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
    assertThat(response.headers().firstValue("x-amzn-ErrorType"))
        .contains("MissingAuthenticationTokenException");
    assertThat(socket.received.poll(300, TimeUnit.MILLISECONDS)).isNull();
    socket.socket.abort();
  }

  @Test
  void connectionIdWithAnEncodedSlashIsABadRequestNotAnotherPath() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://127.0.0.1:" + gateway.port() + "/prod/@connections/a%2Fb"))
                    .header("Authorization", "AWS4-HMAC-SHA256 Credential=x")
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).isEqualTo("{\"message\":\"Invalid connectionId\"}");
  }
}
