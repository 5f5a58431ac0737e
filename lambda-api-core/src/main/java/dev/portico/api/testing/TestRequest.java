package dev.portico.api.testing;

import dev.portico.api.Authorization;
import dev.portico.api.Nullable;
import dev.portico.api.internal.codec.SyntheticRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One HTTP request described once, from which {@link ProxyEvents} builds the event of any source.
 * Immutable; every method returns a copy.
 *
 * <pre>{@code
 * TestRequest request = TestRequest.of("POST", "/pets?notify=true")
 *     .header("Content-Type", "application/json")
 *     .body("{\"name\":\"Rex\"}");
 * byte[] event = ProxyEvents.toEvent(request, EventSource.API_GATEWAY_V2);
 * }</pre>
 *
 * @param method the HTTP method
 * @param target the raw path and optional {@code ?query}, percent-encoded as on the wire
 * @param headers headers in order, names as sent
 * @param body the body bytes
 * @param sourceIp the client address
 * @param stage the API Gateway stage
 * @param stageVariables stage variables
 * @param resource the REST API resource or HTTP API route path, e.g. {@code /pets/{id}}
 * @param pathParameters path parameters API Gateway would extract for {@code resource}
 * @param authorization authorizer output to put in {@code requestContext.authorizer}
 * @param requestId the API Gateway request id
 * @param requestTimeEpochMillis the request time
 * @param domainName the host name the client called
 */
public record TestRequest(
    String method,
    String target,
    List<Map.Entry<String, String>> headers,
    byte[] body,
    String sourceIp,
    String stage,
    Map<String, String> stageVariables,
    @Nullable String resource,
    Map<String, String> pathParameters,
    Authorization authorization,
    String requestId,
    long requestTimeEpochMillis,
    @Nullable String domainName) {

  /** Validates and copies. */
  public TestRequest {
    method = method.toUpperCase(Locale.ROOT);
    if (!target.startsWith("/")) {
      throw new IllegalArgumentException("target must start with '/': " + target);
    }
    headers = List.copyOf(headers);
    stageVariables = Map.copyOf(stageVariables);
    pathParameters = Map.copyOf(pathParameters);
  }

  /** A request with no headers or body. */
  public static TestRequest of(String method, String target) {
    return from(SyntheticRequest.of(method, target));
  }

  /** The test-kit front of an internal request (validated and copied as every request is). */
  static TestRequest from(SyntheticRequest r) {
    return new TestRequest(
        r.method(),
        r.target(),
        r.headers(),
        r.body(),
        r.sourceIp(),
        r.stage(),
        r.stageVariables(),
        r.resource(),
        r.pathParameters(),
        r.authorization(),
        r.requestId(),
        r.requestTimeEpochMillis(),
        r.domainName());
  }

  /** The same request for the internal event encoder. */
  SyntheticRequest synthetic() {
    return new SyntheticRequest(
        method,
        target,
        headers,
        body,
        sourceIp,
        stage,
        stageVariables,
        resource,
        pathParameters,
        authorization,
        requestId,
        requestTimeEpochMillis,
        domainName);
  }

  /** A GET request. */
  public static TestRequest get(String target) {
    return of("GET", target);
  }

  /** A POST request with a JSON body. */
  public static TestRequest postJson(String target, String json) {
    return of("POST", target).header("Content-Type", "application/json").body(json);
  }

  /** The path part of the target. */
  public String path() {
    return synthetic().path();
  }

  /** The raw query string (without {@code ?}), or empty. */
  public String rawQuery() {
    return synthetic().rawQuery();
  }

  /** The first value of a header, case-insensitively. */
  public @Nullable String header(String name) {
    return synthetic().header(name);
  }

  /** A copy with one more header value. */
  public TestRequest header(String name, String value) {
    return copy(c -> c.headers.add(Map.entry(name, value)));
  }

  /** A copy with a cookie added to the {@code Cookie} header. */
  public TestRequest cookie(String name, String value) {
    return header("Cookie", name + "=" + value);
  }

  /** A copy with this body. */
  public TestRequest body(byte[] bytes) {
    return copy(c -> c.body = bytes.clone());
  }

  /** A copy with this UTF-8 body. */
  public TestRequest body(String text) {
    return body(text.getBytes(StandardCharsets.UTF_8));
  }

  /** A copy with another client address. */
  public TestRequest sourceIp(String ip) {
    return copy(c -> c.sourceIp = ip);
  }

  /** A copy with another stage. */
  public TestRequest stage(String name) {
    return copy(c -> c.stage = name);
  }

  /** A copy with one more stage variable. */
  public TestRequest stageVariable(String name, String value) {
    return copy(c -> c.stageVariables.put(name, value));
  }

  /** A copy with the API Gateway resource (route path) template. */
  public TestRequest resource(String template) {
    return copy(c -> c.resource = template);
  }

  /** A copy with one more path parameter as API Gateway would send it. */
  public TestRequest pathParameter(String name, String value) {
    return copy(c -> c.pathParameters.put(name, value));
  }

  /** A copy carrying authorizer output. */
  public TestRequest authorization(Authorization auth) {
    return copy(c -> c.authorization = auth);
  }

  /** A copy with another request id. */
  public TestRequest requestId(String id) {
    return copy(c -> c.requestId = id);
  }

  /** A copy with another request time. */
  public TestRequest requestTimeEpochMillis(long epochMillis) {
    return copy(c -> c.requestTimeEpochMillis = epochMillis);
  }

  /** A copy with the host name the client called. */
  public TestRequest domainName(String host) {
    return copy(c -> c.domainName = host);
  }

  private TestRequest copy(Consumer<Copy> change) {
    Copy c = new Copy(this);
    change.accept(c);
    return new TestRequest(
        method,
        target,
        c.headers,
        c.body,
        c.sourceIp,
        c.stage,
        c.stageVariables,
        c.resource,
        c.pathParameters,
        c.authorization,
        c.requestId,
        c.requestTimeEpochMillis,
        c.domainName);
  }

  /** The mutable fields of one copy, changed by one wither. */
  private static final class Copy {
    final List<Map.Entry<String, String>> headers;
    byte[] body;
    String sourceIp;
    String stage;
    final Map<String, String> stageVariables;
    @Nullable String resource;
    final Map<String, String> pathParameters;
    Authorization authorization;
    String requestId;
    long requestTimeEpochMillis;
    @Nullable String domainName;

    Copy(TestRequest r) {
      headers = new ArrayList<>(r.headers);
      body = r.body;
      sourceIp = r.sourceIp;
      stage = r.stage;
      stageVariables = new LinkedHashMap<>(r.stageVariables);
      resource = r.resource;
      pathParameters = new LinkedHashMap<>(r.pathParameters);
      authorization = r.authorization;
      requestId = r.requestId;
      requestTimeEpochMillis = r.requestTimeEpochMillis;
      domainName = r.domainName;
    }
  }
}
