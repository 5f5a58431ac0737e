package dev.portico.authorizer.oauth2;

import static dev.portico.authorizer.oauth2.testing.Answers.AUDIENCE;
import static dev.portico.authorizer.oauth2.testing.Answers.active;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portico.authorizer.oauth2.testing.Proofs;
import dev.portico.authorizer.oauth2.testing.TestAuthorizationServer;
import dev.portico.authorizer.oauth2.testing.TestAuthorizationServer.Mode;
import dev.portico.authorizer.replay.InMemoryReplayStore;
import dev.portico.local.GatewayOptions;
import dev.portico.local.LocalGateway;
import dev.portico.local.config.GatewayConfig;
import dev.portico.local.config.LocalApi;
import dev.portico.local.config.LocalAuthorizer;
import dev.portico.local.config.LocalFunction;
import dev.portico.local.config.LocalRoute;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A route protected by introspection through lambda-local's API Gateway: 200, 401, 403 and 500 as
 * API Gateway answers them, and a replayed DPoP request refused.
 */
class LocalGatewayTest {

  static final String READER = "reader-token";
  static final String NO_SCOPE = "no-scope-token";
  static final String BOUND = "bound-token";

  static TestAuthorizationServer server;
  static LocalGateway gateway;
  static Proofs client;
  static String base;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    server = new TestAuthorizationServer();
    client = new Proofs();
    ObjectNode noScope = active(Instant.now());
    noScope.put("scope", "profile");
    ObjectNode bound = active(Instant.now());
    bound.putObject("cnf").put("jkt", client.jkt());
    server.answer(READER, active(Instant.now()).toString());
    server.answer(NO_SCOPE, noScope.toString());
    server.answer(BOUND, bound.toString());

    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    base = "http://127.0.0.1:" + port + "/prod";
    IntrospectionAuthorizer authorizer =
        IntrospectionAuthorizer.builder()
            .endpoint(server.endpoint())
            .audience(AUDIENCE)
            .credentials(ClientCredentials.secretBasic(server.clientId(), server.clientSecret()))
            .requiredScopes("pets:read")
            .dpop(DpopMode.OPTIONAL)
            .publicBaseUrl(URI.create(base))
            .replayStore(new InMemoryReplayStore(100))
            .cacheTtl(Duration.ZERO)
            .build();
    RequestStreamHandler pets =
        (in, out, ctx) ->
            out.write(
                "{\"statusCode\":200,\"headers\":{\"Content-Type\":\"text/plain\"},\"body\":\"pets\"}"
                    .getBytes(StandardCharsets.UTF_8));
    GatewayConfig config =
        GatewayConfig.builder()
            .function(LocalFunction.of("Pets", pets))
            .function(LocalFunction.of("Authorizer", new OAuth2AuthorizerHandler(authorizer)))
            .api(
                LocalApi.rest("Api")
                    .withStage("prod")
                    .withAuthorizer(
                        LocalAuthorizer.request(
                                "OAuth",
                                "Authorizer",
                                // Not the DPoP header: a request without an identity source is
                                // answered 401 by API Gateway, and dpop: optional accepts Bearer.
                                List.of("method.request.header.Authorization"))
                            .withTtl(Duration.ZERO))
                    .withDefaultAuthorizer("OAuth")
                    .withRoute(LocalRoute.of("GET", "/pets", "Pets")))
            .build();
    gateway = LocalGateway.start(config, GatewayOptions.defaults().withPort(port));
  }

  @AfterAll
  static void stop() {
    if (gateway != null) {
      gateway.close();
    }
    server.close();
  }

  @BeforeEach
  void normal() {
    server.mode(Mode.NORMAL);
  }

  static HttpResponse<String> get(String authorization, String proof) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + "/pets")).header("Authorization", authorization);
    if (proof != null) {
      b.header("DPoP", proof);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void activeTokenReachesTheRoute() throws Exception {
    HttpResponse<String> r = get("Bearer " + READER, null);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("pets");
  }

  @Test
  void unknownTokenIs401() throws Exception {
    assertThat(get("Bearer revoked-token", null).statusCode()).isEqualTo(401);
  }

  @Test
  void tokenWithoutTheScopeIs403() throws Exception {
    assertThat(get("Bearer " + NO_SCOPE, null).statusCode()).isEqualTo(403);
  }

  @Test
  void authorizationServerDownIs500() throws Exception {
    server.mode(Mode.SERVER_ERROR);
    assertThat(get("Bearer " + READER, null).statusCode()).isEqualTo(500);
  }

  @Test
  void replayedDpopRequestIsRefused() throws Exception {
    String proof = client.valid("GET", base + "/pets", BOUND);
    assertThat(get("DPoP " + BOUND, proof).statusCode()).isEqualTo(200);
    assertThat(get("DPoP " + BOUND, proof).statusCode()).isEqualTo(401);
    assertThat(get("DPoP " + BOUND, client.valid("GET", base + "/pets", BOUND)).statusCode())
        .isEqualTo(200);
  }

  @Test
  void boundTokenAsBearerIs401() throws Exception {
    assertThat(get("Bearer " + BOUND, client.valid("GET", base + "/pets", BOUND)).statusCode())
        .isEqualTo(401);
  }
}
