package dev.portico.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.api.internal.codec.UnsupportedEventException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 9, finding 7: a field of the wrong JSON type (an object where a string belongs) is an
 * unsupported event, refused with a message naming the field, never read as a different request.
 */
class EventTypeConfusionTest {
  private final AtomicInteger deletes = new AtomicInteger();
  private final AtomicInteger creates = new AtomicInteger();
  private Api api;

  @BeforeEach
  void api() {
    api =
        Api.builder()
            .post("/pets", r -> "created " + creates.incrementAndGet())
            .delete("/pets/{id}", r -> "deleted " + deletes.incrementAndGet())
            .get("/pets", r -> "headers " + r.headers())
            .build();
  }

  private static byte[] json(String singleQuoted) {
    return singleQuoted.replace('\'', '"').getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void bodyObjectSmugglingADeleteDoesNotRoute() {
    byte[] event =
        json(
            "{'httpMethod':'POST','body':{'httpMethod':'DELETE','path':'/pets/1'},'path':'/pets',"
                + "'requestContext':{}}");
    assertThatThrownBy(() -> Fixtures.invokeRaw(api, event))
        .isInstanceOf(UnsupportedEventException.class)
        .hasMessage(
            "Unsupported event: field \"body\" must be a string or null, got a JSON object");
    assertThat(deletes).hasValue(0);
    assertThat(creates).hasValue(0);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // each smuggles a DELETE of pet 1 inside a field that must not be an object or array
        "path|{'httpMethod':'POST','path':{'httpMethod':'DELETE','path':'/pets/1'},'requestContext':{}}"
            + "|field \"path\" must be a string or null, got a JSON object",
        "version|{'version':{'httpMethod':'DELETE','path':'/pets/1'},'httpMethod':'POST','path':'/pets',"
            + "'requestContext':{}}|field \"version\" must be a string or null, got a JSON object",
        "isBase64Encoded|{'httpMethod':'POST','isBase64Encoded':{'httpMethod':'DELETE','path':'/pets/1'},"
            + "'path':'/pets','requestContext':{}}"
            + "|field \"isBase64Encoded\" must be a boolean or null, got a JSON object",
        "isBase64EncodedString|{'httpMethod':'POST','isBase64Encoded':'true','path':'/pets',"
            + "'requestContext':{}}|field \"isBase64Encoded\" must be a boolean or null, got a JSON string",
        "httpMethod|{'httpMethod':['DELETE'],'path':'/pets/1','requestContext':{}}"
            + "|field \"httpMethod\" must be a string or null, got a JSON array",
        "httpMethodNumber|{'httpMethod':1,'path':'/pets/1','requestContext':{}}"
            + "|field \"httpMethod\" must be a string or null, got a JSON number",
        "rawPath|{'version':'2.0','rawPath':{'x':'/pets/1'},'requestContext':{'http':{'method':'DELETE',"
            + "'path':'/pets'}}}|field \"rawPath\" must be a string or null, got a JSON object",
        "rawQueryString|{'version':'2.0','rawPath':'/pets','rawQueryString':{'a':'b'},"
            + "'requestContext':{'http':{'method':'GET','path':'/pets'}}}"
            + "|field \"rawQueryString\" must be a string or null, got a JSON object",
        "httpContextMethod|{'version':'2.0','rawPath':'/pets','requestContext':{'http':{'method':"
            + "{'method':'DELETE','path':'/pets/1'},'path':'/pets'}}}"
            + "|field \"requestContext.http.method\" must be a string or null, got a JSON object",
        "httpContext|{'version':'2.0','rawPath':'/pets/1','requestContext':{'http':'DELETE'}}"
            + "|field \"requestContext.http\" must be an object or null, got a JSON string",
        "requestContext|{'httpMethod':'DELETE','path':'/pets/1','requestContext':'x'}"
            + "|field \"requestContext\" must be an object or null, got a JSON string",
        "stage|{'httpMethod':'GET','path':'/pets','requestContext':{'stage':{'x':1}}}"
            + "|field \"requestContext.stage\" must be a string or null, got a JSON object",
        "identity|{'httpMethod':'GET','path':'/pets','requestContext':{'identity':{'sourceIp':[1]}}}"
            + "|field \"requestContext.identity.sourceIp\" must be a string or null, got a JSON array",
        "elb|{'httpMethod':'GET','path':'/pets','requestContext':{'elb':true}}"
            + "|field \"requestContext.elb\" must be an object or null, got a JSON boolean",
        "headers|{'httpMethod':'GET','path':'/pets','headers':['a'],'requestContext':{}}"
            + "|field \"headers\" must be an object or null, got a JSON array",
        "headerValue|{'httpMethod':'GET','path':'/pets','headers':{'X-A':{'httpMethod':'DELETE'}},"
            + "'requestContext':{}}|field \"headers.X-A\" must be a string or null, got a JSON object",
        "queryStringParameters|{'httpMethod':'GET','path':'/pets','queryStringParameters':'a=1',"
            + "'requestContext':{}}"
            + "|field \"queryStringParameters\" must be an object or null, got a JSON string",
        "multiValueQuery|{'httpMethod':'GET','path':'/pets',"
            + "'multiValueQueryStringParameters':{'a':'1'},'requestContext':{}}"
            + "|field \"multiValueQueryStringParameters.a\" must be an array of strings or null, got a JSON string",
        "stageVariables|{'httpMethod':'GET','path':'/pets','stageVariables':{'a':2},"
            + "'requestContext':{}}|field \"stageVariables.a\" must be a string or null, got a JSON number",
        "cookies|{'version':'2.0','rawPath':'/pets','cookies':'a=1','requestContext':{'http':"
            + "{'method':'GET','path':'/pets'}}}|field \"cookies\" must be an array of strings or null, got a JSON string",
        "cookieElement|{'version':'2.0','rawPath':'/pets','cookies':[{'a':1}],'requestContext':{'http':"
            + "{'method':'GET','path':'/pets'}}}|field \"cookies[0]\" must be a string or null, got a JSON object",
      })
  void aFieldOfTheWrongTypeIsAnUnsupportedEventNotAnotherRequest(
      String field, String event, String message) {
    assertThatThrownBy(() -> Fixtures.invokeRaw(api, json(event)))
        .isInstanceOf(UnsupportedEventException.class)
        .hasMessage("Unsupported event: " + message);
    assertThat(deletes).hasValue(0);
  }

  @Test
  void numericMultiValueHeadersAreAnUnsupportedEventNot500() {
    byte[] event =
        json("{'httpMethod':'GET','path':'/pets','multiValueHeaders':5,'requestContext':{}}");
    assertThatThrownBy(() -> Fixtures.invokeRaw(api, event))
        .isInstanceOf(UnsupportedEventException.class)
        .hasMessage(
            "Unsupported event: field \"multiValueHeaders\" must be an object or null, got a JSON"
                + " number");
    byte[] nested =
        json(
            "{'httpMethod':'GET','path':'/pets','multiValueHeaders':{'X-A':[1,2]},"
                + "'requestContext':{}}");
    assertThatThrownBy(() -> Fixtures.invokeRaw(api, nested))
        .isInstanceOf(UnsupportedEventException.class)
        .hasMessage(
            "Unsupported event: field \"multiValueHeaders.X-A[0]\" must be a string or null, got a"
                + " JSON number");
  }

  @Test
  void aDuplicatedFieldIsRefusedRatherThanReadOneWayOrTheOther() {
    byte[] event =
        json(
            "{'httpMethod':'POST','path':'/pets','httpMethod':'DELETE','path':'/pets/1',"
                + "'requestContext':{}}");
    assertThatThrownBy(() -> Fixtures.invokeRaw(api, event))
        .isInstanceOf(UnsupportedEventException.class)
        .hasMessageStartingWith(
            "Unsupported event: the payload is not valid JSON (Duplicate field 'httpMethod'");
    byte[] nested =
        json(
            "{'version':'2.0','rawPath':'/pets','requestContext':{'http':{'method':'POST',"
                + "'method':'DELETE','path':'/pets'}}}");
    assertThatThrownBy(() -> Fixtures.invokeRaw(api, nested))
        .isInstanceOf(UnsupportedEventException.class)
        .hasMessageStartingWith(
            "Unsupported event: the payload is not valid JSON (Duplicate field 'method'");
    assertThat(deletes).hasValue(0);
    assertThat(creates).hasValue(0);
  }

  @Test
  void nullFieldsAreAbsentAndTheRequestStillRoutes() {
    byte[] event =
        json(
            "{'httpMethod':'GET','path':'/pets','headers':null,'multiValueHeaders':{'X-A':null,"
                + "'X-B':['b',null]},'body':null,'isBase64Encoded':null,'requestContext':{'stage':null}}");
    assertThat(Fixtures.invoke(api, event).bodyAsString()).isEqualTo("headers {X-B=[b]}");
  }

  /** Found by EventFuzzTest: zero bytes first made Jackson read UTF-32 and throw an IOException. */
  @Test
  void aPayloadJacksonWouldReadAsUtf32OrUtf16IsUnsupportedNotAnIoException() {
    byte[] utf32 = new byte[90];
    byte[] json = json("{'httpMethod':'GET','path':'/pets','requestContext':{}}");
    byte[] padded = new byte[utf32.length + json.length];
    System.arraycopy(json, 0, padded, utf32.length, json.length);
    assertThatThrownBy(() -> Fixtures.invokeRaw(api, padded))
        .isInstanceOf(UnsupportedEventException.class)
        .hasMessage(
            "Unsupported event: the payload is not UTF-8 JSON (it starts with a UTF-16 or UTF-32"
                + " byte order mark or a zero byte)");
    byte[] utf16 =
        "{\"httpMethod\":\"GET\",\"path\":\"/pets\",\"requestContext\":{}}"
            .getBytes(StandardCharsets.UTF_16);
    assertThatThrownBy(() -> Fixtures.invokeRaw(api, utf16))
        .isInstanceOf(UnsupportedEventException.class);
    // A UTF-8 byte order mark is still UTF-8.
    byte[] bom = new byte[json.length + 3];
    bom[0] = (byte) 0xEF;
    bom[1] = (byte) 0xBB;
    bom[2] = (byte) 0xBF;
    System.arraycopy(json, 0, bom, 3, json.length);
    assertThat(Fixtures.invoke(api, bom).status()).isEqualTo(200);
  }
}
