package dev.portico.api.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParsedProxyResponseTest {

  private static ParsedProxyResponse parse(String json) {
    return ParsedProxyResponse.parse(json.getBytes(StandardCharsets.UTF_8));
  }

  private static void assertMalformed(String json, String message) {
    assertThatThrownBy(() -> parse(json))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void mergesHeadersMultiValueHeadersWinningAndMovesSetCookieToCookies() {
    ParsedProxyResponse r =
        parse(
            "{\"statusCode\":201,\"headers\":{\"X-A\":\"1\",\"x-b\":\"single\","
                + "\"Set-Cookie\":\"s=1\"},\"multiValueHeaders\":{\"X-B\":[\"m1\",\"m2\"]},"
                + "\"cookies\":[\"c=2\"],\"body\":\"hi\"}");
    assertThat(r.status()).isEqualTo(201);
    assertThat(r.headers()).containsOnlyKeys("X-A", "x-b");
    assertThat(r.headers().get("x-a")).containsExactly("1");
    assertThat(r.headers().get("X-B")).containsExactly("m1", "m2");
    assertThat(r.cookies()).containsExactly("s=1", "c=2");
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("hi");
    assertThat(r.rawBody()).isEqualTo("hi");
    assertThat(r.base64()).isFalse();
    assertThat(r.raw().path("statusCode").asInt()).isEqualTo(201);
  }

  @Test
  void setCookieInMultiValueHeadersReplacesTheSingleOnes() {
    ParsedProxyResponse r =
        parse(
            "{\"statusCode\":200,\"headers\":{\"Set-Cookie\":\"s=1\"},"
                + "\"multiValueHeaders\":{\"set-cookie\":[\"a=1\",\"b=2\"]}}");
    assertThat(r.cookies()).isEqualTo(List.of("a=1", "b=2"));
    assertThat(r.headers()).isEmpty();
    assertThat(r.body()).isEmpty();
    assertThat(r.rawBody()).isEmpty();
  }

  @Test
  void base64BodyIsDecodedAndItsTextKept() {
    ParsedProxyResponse r =
        parse("{\"statusCode\":200,\"isBase64Encoded\":true,\"body\":\"AAEC\"}");
    assertThat(r.body()).containsExactly(0, 1, 2);
    assertThat(r.rawBody()).isEqualTo("AAEC");
    assertThat(r.base64()).isTrue();
  }

  @Test
  void malformedResponsesAreNamedWordForWord() {
    assertMalformed("[1]", "Malformed proxy response: expected a JSON object");
    assertMalformed("{}", "Malformed proxy response: statusCode is missing or not an integer");
    assertMalformed(
        "{\"statusCode\":true}",
        "Malformed proxy response: statusCode is missing or not an integer");
    assertMalformed(
        "{\"statusCode\":\"2x\"}",
        "Malformed proxy response: statusCode is missing or not an integer");
    assertMalformed(
        "{\"statusCode\":600}", "Malformed proxy response: statusCode 600 is not 100..599");
    assertMalformed(
        "{\"statusCode\":200,\"headers\":[]}",
        "Malformed proxy response: headers must be an object");
    assertMalformed(
        "{\"statusCode\":200,\"headers\":{\"X\":{}}}",
        "Malformed proxy response: header X must be a string");
    assertMalformed(
        "{\"statusCode\":200,\"multiValueHeaders\":1}",
        "Malformed proxy response: multiValueHeaders must be an object");
    assertMalformed(
        "{\"statusCode\":200,\"multiValueHeaders\":{\"X\":\"a\"}}",
        "Malformed proxy response: multiValueHeaders.X must be an array");
    assertMalformed(
        "{\"statusCode\":200,\"body\":{}}", "Malformed proxy response: body must be a string");
    assertMalformed(
        "{\"statusCode\":200,\"isBase64Encoded\":true,\"body\":\"%%\"}",
        "Malformed proxy response: isBase64Encoded is true but body is not base64");
  }

  @Test
  void notJsonIsNamedWithTheParsersReason() {
    assertThatThrownBy(() -> parse("{\"statusCode\":"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Malformed proxy response: not JSON (");
  }

  @Test
  void readTreeLeavesTheDecisionToTheCaller() {
    assertThat(ParsedProxyResponse.readTree("[1,2]".getBytes(StandardCharsets.UTF_8)).isArray())
        .isTrue();
    assertThatThrownBy(() -> ParsedProxyResponse.fromTree(null))
        .hasMessage("Malformed proxy response: expected a JSON object");
  }
}
