package dev.portico.samples.httpapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.local.LocalGateway;
import dev.portico.local.config.LocalFunctionUrl;
import dev.portico.local.testing.TemplateGateway;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * The function URL of template.yaml's {@code BookFunction} ({@code FunctionUrlConfig: AuthType:
 * AWS_IAM}) served by the local gateway under {@code /_function-url/BookFunction/}, called over
 * HTTP with requests signed by the AWS SDK's SigV4 signer (lambda-local checks the header's form,
 * not the signature). The HTTP API's authorizer is not on this way in.
 */
class FunctionUrlGatewayTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static TemplateGateway fixture;
  private static LocalGateway gateway;

  @BeforeAll
  static void start() {
    fixture = TemplateGateway.startWithDevIssuer(Path.of("template.yaml"));
    gateway = fixture.gateway();
  }

  @AfterAll
  static void stop() {
    if (fixture != null) {
      fixture.close();
    }
  }

  private static HttpResponse<String> signed(String method, String pathAndQuery, String json)
      throws Exception {
    URI uri = gateway.functionUrl("BookFunction", pathAndQuery);
    SdkHttpRequest.Builder unsigned =
        SdkHttpRequest.builder().uri(uri).method(SdkHttpMethod.fromValue(method));
    if (json != null) {
      unsigned.putHeader("Content-Type", "application/json");
    }
    SignedRequest signed =
        AwsV4HttpSigner.create()
            .sign(
                r -> {
                  r.identity(
                          AwsCredentialsIdentity.create("AKIALOCALEXAMPLE0001", "local-secret-key"))
                      .request(unsigned.build())
                      .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "lambda")
                      .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1");
                  if (json != null) {
                    r.payload(ContentStreamProvider.fromUtf8String(json));
                  }
                });
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    for (Map.Entry<String, List<String>> header : signed.request().headers().entrySet()) {
      if (!header.getKey().equalsIgnoreCase("Host")) {
        header.getValue().forEach(v -> request.header(header.getKey(), v));
      }
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> unsigned(String pathAndQuery, String token) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(gateway.functionUrl("BookFunction", pathAndQuery));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theTemplatesFunctionUrlIsAwsIam() {
    assertThat(gateway.config().functionUrls())
        .containsExactly(
            LocalFunctionUrl.of("BookFunction").withAuthType(LocalFunctionUrl.AuthType.AWS_IAM));
  }

  @Test
  void aSignedCallerReadsBooks200() throws Exception {
    HttpResponse<String> list = signed("GET", "/books?limit=1", null);
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body())
        .isEqualTo("[{\"id\":1,\"title\":\"Dune\",\"author\":\"Frank Herbert\"}]");
    HttpResponse<String> one = signed("GET", "/books/2", null);
    assertThat(one.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(one.body()).get("title").asText()).isEqualTo("Solaris");
  }

  @Test
  void anUnsignedCallerIsRefused403EvenWithAValidBearerToken() throws Exception {
    String token = gateway.devIssuer().orElseThrow().mint("alice", List.of("books:write"));
    for (String credentials : new String[] {null, token}) {
      HttpResponse<String> response = unsigned("/books", credentials);
      assertThat(response.statusCode()).isEqualTo(403);
      assertThat(response.body()).isEqualTo("{\"Message\":\"Forbidden\"}");
    }
  }

  @Test
  void aSignedCallerCarriesNoScopeSoItCannotAddABook403() throws Exception {
    HttpResponse<String> response =
        signed("POST", "/books", "{\"title\":\"Ubik\",\"author\":\"Philip K. Dick\"}");
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
    assertThat(JSON.readTree(response.body()).get("status").asInt()).isEqualTo(403);
  }

  @Test
  void problemsComeFromTheFunction() throws Exception {
    HttpResponse<String> missing = signed("GET", "/books/999", null);
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.headers().firstValue("Content-Type")).contains("application/problem+json");
    JsonNode problem = JSON.readTree(missing.body());
    assertThat(problem.get("detail").asText()).isEqualTo("no book 999");

    // No API Gateway routes in front of a function URL: an unknown path reaches the function.
    HttpResponse<String> unknown = signed("GET", "/authors", null);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.headers().firstValue("Content-Type")).contains("application/problem+json");

    HttpResponse<String> badLimit = signed("GET", "/books?limit=0", null);
    assertThat(badLimit.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(badLimit.body()).get("detail").asText())
        .isEqualTo("limit must be between 1 and 100, got 0");
  }
}
