package dev.portico.testing.dynalite;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DynaliteExtension.class)
class DynaliteExtensionTest {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final Dynalite dynalite;

  DynaliteExtensionTest(Dynalite dynalite) {
    this.dynalite = dynalite;
  }

  @Test
  void servesTheDynamoDbApiOnLoopback(Dynalite parameter) throws Exception {
    assertThat(parameter).isSameAs(dynalite);
    assertThat(dynalite.endpoint().getHost()).isEqualTo("127.0.0.1");
    assertThat(dynalite.isRunning()).isTrue();

    String created =
        call(
            "CreateTable",
            "{\"TableName\":\"connections\",\"BillingMode\":\"PAY_PER_REQUEST\","
                + "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}],"
                + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}]}");
    assertThat(created).contains("\"TableName\":\"connections\"");
    assertThat(call("ListTables", "{}")).contains("\"TableNames\":[\"connections\"");
  }

  @Test
  void refusesUnsignedRequestsLikeDynamoDb() throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(dynalite.endpoint())
                .header("X-Amz-Target", "DynamoDB_20120810.ListTables")
                .header("Content-Type", "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("MissingAuthenticationToken");
  }

  @Test
  void installsOnceIntoTheConfiguredHome() {
    assertThat(DynaliteInstaller.installed())
        .isEqualTo(DynaliteInstaller.home().resolve("launch.js"));
    assertThat(DynaliteInstaller.home().resolve("node_modules/dynalite/package.json")).exists();
  }

  private String call(String operation, String body) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(dynalite.endpoint() + "/"))
                .header("X-Amz-Target", "DynamoDB_20120810." + operation)
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Date", "20261207T000000Z")
                .header(
                    "Authorization",
                    "AWS4-HMAC-SHA256 Credential=test/20261207/us-east-1/dynamodb/aws4_request,"
                        + " SignedHeaders=host;x-amz-date, Signature=0")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }
}
