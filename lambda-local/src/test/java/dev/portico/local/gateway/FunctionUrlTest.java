package dev.portico.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.local.GatewayOptions;
import dev.portico.local.LocalGateway;
import dev.portico.local.config.CorsConfig;
import dev.portico.local.config.GatewayConfig;
import dev.portico.local.config.LocalFunction;
import dev.portico.local.config.LocalFunctionUrl;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Lambda function URLs through the local gateway with real HTTP requests: the payload 2.0 event in
 * the function URL shape (compared with events AWS sent, src/test/resources/aws-events), AWS_IAM
 * refusing unsigned requests like Lambda and accepting SigV4-signed ones (signed by the AWS SDK's
 * own signer), CORS, errors.
 */
class FunctionUrlTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static LocalGateway gateway;

  @BeforeAll
  static void start() {
    GatewayConfig config =
        GatewayConfig.builder()
            .function(LocalFunction.of("Open", ScriptedHandler.class.getName()))
            .function(LocalFunction.of("Signed", ScriptedHandler.class.getName()))
            .functionUrl(
                LocalFunctionUrl.of("Open")
                    .withCors(
                        new CorsConfig(
                            List.of("https://app.example"),
                            List.of("GET", "POST"),
                            List.of("content-type"),
                            List.of("x-total"),
                            300,
                            false)))
            .functionUrl(
                LocalFunctionUrl.of("Signed").withAuthType(LocalFunctionUrl.AuthType.AWS_IAM))
            .build();
    gateway = LocalGateway.start(config, GatewayOptions.defaults().withPort(0));
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode event(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body()).get("event");
  }

  private static JsonNode fixture(String name) throws Exception {
    try (InputStream in = FunctionUrlTest.class.getResourceAsStream("/aws-events/" + name)) {
      return JSON.readTree(in);
    }
  }

  private static List<String> fields(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void sendsThePayload2EventInTheFunctionUrlShape() throws Exception {
    LocalFunctionUrl url = LocalFunctionUrl.of("Open");
    JsonNode event =
        event(
            send(
                HttpRequest.newBuilder(gateway.functionUrl("Open", "/pets/7?x=1&x=2"))
                    .header("Cookie", "a=1; b=2")));
    assertThat(event.get("version").asText()).isEqualTo("2.0");
    assertThat(event.get("routeKey").asText()).isEqualTo("$default");
    assertThat(event.get("rawPath").asText()).isEqualTo("/pets/7");
    assertThat(event.get("rawQueryString").asText()).isEqualTo("x=1&x=2");
    assertThat(event.get("queryStringParameters").get("x").asText()).isEqualTo("1,2");
    assertThat(event.get("cookies").toString()).isEqualTo("[\"a=1\",\"b=2\"]");
    assertThat(event.has("pathParameters")).isFalse();
    assertThat(event.has("stageVariables")).isFalse();
    JsonNode context = event.get("requestContext");
    assertThat(url.urlId()).matches("[0-9a-f]{32}");
    assertThat(context.get("domainName").asText())
        .isEqualTo(url.urlId() + ".lambda-url.us-east-1.on.aws");
    assertThat(context.get("domainPrefix").asText()).isEqualTo(url.urlId());
    assertThat(context.get("apiId").asText()).isEqualTo(url.urlId());
    assertThat(context.get("accountId").asText()).isEqualTo("anonymous");
    assertThat(context.get("stage").asText()).isEqualTo("$default");
    assertThat(context.get("routeKey").asText()).isEqualTo("$default");
    assertThat(context.get("http").get("path").asText()).isEqualTo("/pets/7");
    assertThat(context.has("authorizer")).isFalse();

    JsonNode real = fixture("function-url/lambdaFunctionUrlEvent.json");
    assertThat(fields(event)).containsAll(fields(real));
    assertThat(fields(context)).containsAll(fields(real.get("requestContext")));
    assertThat(fields(context.get("http")))
        .containsExactlyInAnyOrderElementsOf(fields(real.get("requestContext").get("http")));
  }

  @Test
  void keepsThePathAsSentAndServesTheRoot() throws Exception {
    JsonNode encoded = event(send(HttpRequest.newBuilder(gateway.functionUrl("Open", "/a%20b"))));
    assertThat(encoded.get("rawPath").asText()).isEqualTo("/a%20b");
    JsonNode root =
        event(
            send(
                HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + gateway.port() + "/_function-url/Open"))));
    assertThat(root.get("rawPath").asText()).isEqualTo("/");
  }

  @Test
  void awsIamRefusesAnUnsignedRequestWith403LikeLambda() throws Exception {
    HttpResponse<String> response =
        send(HttpRequest.newBuilder(gateway.functionUrl("Signed", "/pets")));
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).isEqualTo("{\"Message\":\"Forbidden\"}");
    assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("AccessDeniedException");
  }

  @Test
  void truncatedSignatureIsForbiddenNot500() throws Exception {
    String header =
        "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20240101/us-east-1/lambda/aws4_request,"
            + " SignedHeaders=host;x-amz-date, Signature=5d672d79c15b";
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(gateway.functionUrl("Signed", "/pets"))
                .header("Authorization", header));
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).isEqualTo("{\"Message\":\"Forbidden\"}");
  }

  @Test
  void signatureForAnotherServiceIsForbidden() throws Exception {
    HttpResponse<String> response = signedGet("/pets", "execute-api");
    assertThat(response.statusCode()).isEqualTo(403);
  }

  @Test
  void awsIamAcceptsASigV4SignedRequestAndPassesTheCallerAsIamAuthorizer() throws Exception {
    JsonNode event = event(signedGet("/pets?limit=2", "lambda"));
    JsonNode context = event.get("requestContext");
    assertThat(context.get("accountId").asText()).isEqualTo("123456789012");
    JsonNode iam = context.get("authorizer").get("iam");
    assertThat(iam.get("accessKey").asText()).isEqualTo("AKIALOCALEXAMPLE0001");
    JsonNode real = fixture("function-url/iam-auth.json");
    assertThat(fields(iam))
        .containsExactlyInAnyOrderElementsOf(
            fields(real.get("requestContext").get("authorizer").get("iam")));
    assertThat(fields(context)).containsAll(fields(real.get("requestContext")));
  }

  private static HttpResponse<String> signedGet(String pathAndQuery, String service)
      throws Exception {
    URI uri = gateway.functionUrl("Signed", pathAndQuery);
    SdkHttpRequest unsigned = SdkHttpRequest.builder().uri(uri).method(SdkHttpMethod.GET).build();
    SignedRequest signed =
        AwsV4HttpSigner.create()
            .sign(
                r ->
                    r.identity(
                            AwsCredentialsIdentity.create(
                                "AKIALOCALEXAMPLE0001", "local-secret-key"))
                        .request(unsigned)
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                        .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1"));
    HttpRequest.Builder request = HttpRequest.newBuilder(uri);
    for (Map.Entry<String, List<String>> header : signed.request().headers().entrySet()) {
      if (!header.getKey().equalsIgnoreCase("Host")) {
        header.getValue().forEach(v -> request.header(header.getKey(), v));
      }
    }
    return send(request);
  }

  @Test
  void corsPreflightIsAnsweredByTheUrlAndResponsesCarryCorsHeaders() throws Exception {
    HttpResponse<String> preflight =
        send(
            HttpRequest.newBuilder(gateway.functionUrl("Open", "/pets"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://app.example")
                .header("Access-Control-Request-Method", "POST"));
    assertThat(preflight.statusCode()).isEqualTo(200);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
        .hasValue("https://app.example");
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).hasValue("GET,POST");
    assertThat(preflight.headers().firstValue("Access-Control-Max-Age")).hasValue("300");

    HttpResponse<String> actual =
        send(
            HttpRequest.newBuilder(gateway.functionUrl("Open", "/pets"))
                .header("Origin", "https://app.example"));
    assertThat(actual.statusCode()).isEqualTo(200);
    assertThat(actual.headers().firstValue("Access-Control-Allow-Origin"))
        .hasValue("https://app.example");
    assertThat(actual.headers().firstValue("Access-Control-Expose-Headers")).hasValue("x-total");

    HttpResponse<String> otherOrigin =
        send(
            HttpRequest.newBuilder(gateway.functionUrl("Open", "/pets"))
                .header("Origin", "https://evil.example"));
    assertThat(otherOrigin.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  @Test
  void functionErrorsAre502AndBareJsonIsA200() throws Exception {
    HttpResponse<String> boom = send(HttpRequest.newBuilder(gateway.functionUrl("Open", "/boom")));
    assertThat(boom.statusCode()).isEqualTo(502);
    assertThat(boom.body()).isEqualTo("{\"Message\":\"Internal Server Error\"}");
    HttpResponse<String> malformed =
        send(HttpRequest.newBuilder(gateway.functionUrl("Open", "/malformed")));
    assertThat(malformed.statusCode()).isEqualTo(502);
    HttpResponse<String> bare =
        send(HttpRequest.newBuilder(gateway.functionUrl("Open", "/nostatus")));
    assertThat(bare.statusCode()).isEqualTo(200);
    assertThat(bare.body()).isEqualTo("{\"hello\":\"world\"}");
    assertThat(bare.headers().firstValue("content-type")).hasValue("application/json");
    assertThat(bare.headers().firstValue("x-amzn-RequestId")).isPresent();
  }

  @Test
  void aFunctionWithoutUrlIs404() throws Exception {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + gateway.port() + "/_function-url/Nope/x")));
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).isEqualTo("{\"Message\":\"Not Found\"}");
  }
}
