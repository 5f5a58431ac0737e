package dev.portico.authorizer;

import dev.portico.authorizer.policy.MethodArn;
import dev.portico.path.PathEncoding;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Everything an authorizer event carries, the same way for every event shape: the token, headers
 * (names case-insensitive), query parameters, cookies, path parameters, stage variables, the source
 * IP and the parsed method or route ARN.
 *
 * <p>A {@code TOKEN} event only has {@link #authorizationToken()} and {@link #methodArn()}; the
 * other getters then return empty values.
 *
 * <pre>{@code
 * AuthorizationRequest request = AuthorizationRequest.builder(EventType.REQUEST,
 *         MethodArn.parse("arn:aws:execute-api:eu-west-1:123456789012:abc123/prod/GET/pets"))
 *     .header("Authorization", "Bearer eyJ...")
 *     .sourceIp("203.0.113.7")
 *     .build();
 * request.header("authorization");   // Optional[Bearer eyJ...]
 * request.bearerToken();             // Optional[eyJ...]
 * }</pre>
 */
public final class AuthorizationRequest {

  private final EventType eventType;
  private final MethodArn methodArn;
  private final String authorizationToken;
  private final Map<String, List<String>> headers;
  private final Map<String, List<String>> query;
  private final Map<String, String> cookies;
  private final Map<String, String> pathParameters;
  private final Map<String, String> stageVariables;
  private final String sourceIp;
  private final String httpMethod;
  private final String path;
  private final String routeKey;
  private final String requestId;
  private final PathEncoding pathEncoding;

  private AuthorizationRequest(Builder b) {
    this.eventType = b.eventType;
    this.methodArn = b.methodArn;
    this.authorizationToken = b.authorizationToken;
    this.headers = freeze(b.headers);
    this.query = freeze(b.query);
    this.cookies = Collections.unmodifiableMap(new LinkedHashMap<>(b.cookies));
    this.pathParameters = Collections.unmodifiableMap(new LinkedHashMap<>(b.pathParameters));
    this.stageVariables = Collections.unmodifiableMap(new LinkedHashMap<>(b.stageVariables));
    this.sourceIp = b.sourceIp;
    this.httpMethod = b.httpMethod != null ? b.httpMethod : methodArn.method();
    this.path = b.path != null ? b.path : methodArn.path();
    this.routeKey = b.routeKey;
    this.requestId = b.requestId;
    this.pathEncoding =
        b.pathEncoding != null
            ? b.pathEncoding
            : eventType == EventType.HTTP_API_V2
                ? PathEncoding.DECODED
                : PathEncoding.PERCENT_ENCODED;
  }

  /** Starts a request; handlers build these from events, tests build them directly. */
  public static Builder builder(EventType eventType, MethodArn methodArn) {
    return new Builder(eventType, methodArn);
  }

  /** The shape of the event this request came from. */
  public EventType eventType() {
    return eventType;
  }

  /** The method ARN ({@code methodArn}) or route ARN ({@code routeArn}) being authorized. */
  public MethodArn methodArn() {
    return methodArn;
  }

  /** The {@code authorizationToken} of a {@code TOKEN} event, as sent (with its scheme). */
  public Optional<String> authorizationToken() {
    return Optional.ofNullable(authorizationToken);
  }

  /**
   * The bearer token: from the {@code authorizationToken} of a {@code TOKEN} event, otherwise from
   * the {@code Authorization} header. The {@code Bearer} scheme is matched case-insensitively and
   * removed; a value with another scheme gives an empty result.
   */
  public Optional<String> bearerToken() {
    String value =
        authorizationToken != null ? authorizationToken : header("Authorization").orElse(null);
    return Optional.ofNullable(stripBearer(value));
  }

  /** The first value of a header; the name is case-insensitive. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** Every value of a header; the name is case-insensitive. */
  public List<String> headerValues(String name) {
    return headers.getOrDefault(name, List.of());
  }

  /** All headers, with case-insensitive names. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** The first value of a query parameter (names are case-sensitive, as in URLs). */
  public Optional<String> queryParameter(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** Every value of a query parameter. */
  public List<String> queryParameterValues(String name) {
    return query.getOrDefault(name, List.of());
  }

  /** All query parameters. */
  public Map<String, List<String>> queryParameters() {
    return query;
  }

  /** A cookie value, from the {@code cookies} of a 2.0 event or the {@code Cookie} header. */
  public Optional<String> cookie(String name) {
    return Optional.ofNullable(cookies.get(name));
  }

  /** The path parameters API Gateway matched (empty for HTTP API payload 2.0 before routing). */
  public Map<String, String> pathParameters() {
    return pathParameters;
  }

  /** The stage variables. */
  public Map<String, String> stageVariables() {
    return stageVariables;
  }

  /**
   * The client's IP address as API Gateway saw it ({@code sourceIp}); never taken from the
   * forgeable {@code X-Forwarded-For} header. Empty for {@code TOKEN} events.
   */
  public Optional<String> sourceIp() {
    return Optional.ofNullable(sourceIp);
  }

  /** The HTTP method (for WebSocket, the route key such as {@code $connect}). */
  public String httpMethod() {
    return httpMethod;
  }

  /** The request path, or {@code null} for a WebSocket route. */
  public String path() {
    return path;
  }

  /** The HTTP API or WebSocket route key, if the event has one. */
  public Optional<String> routeKey() {
    return Optional.ofNullable(routeKey);
  }

  /** The API Gateway request id, if the event has one. */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  /**
   * How {@link #path()} and the path of {@link #methodArn()} are spelled: percent-encoded as the
   * client sent them (REST APIs), or already decoded by API Gateway (HTTP APIs, payload 1.0 and
   * 2.0). See {@code docs/routing.md} for the canonical path both must be in.
   */
  public PathEncoding pathEncoding() {
    return pathEncoding;
  }

  @Override
  public String toString() {
    // Never print tokens, header or cookie values: they may carry credentials.
    return "AuthorizationRequest{" + eventType + " " + methodArn + "}";
  }

  static String stripBearer(String value) {
    if (value == null) {
      return null;
    }
    String v = value.strip();
    if (v.length() > 7 && v.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
      String token = v.substring(7).strip();
      return token.isEmpty() ? null : token;
    }
    return null;
  }

  private static Map<String, List<String>> freeze(Map<String, List<String>> map) {
    Map<String, List<String>> copy =
        map instanceof TreeMap<String, List<String>> t && t.comparator() != null
            ? new TreeMap<>(String.CASE_INSENSITIVE_ORDER)
            : new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> e : map.entrySet()) {
      copy.put(e.getKey(), List.copyOf(e.getValue()));
    }
    return Collections.unmodifiableMap(copy);
  }

  /** Builds an {@link AuthorizationRequest}. */
  public static final class Builder {
    private final EventType eventType;
    private final MethodArn methodArn;
    private String authorizationToken;
    private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final Map<String, List<String>> query = new LinkedHashMap<>();
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final Map<String, String> pathParameters = new LinkedHashMap<>();
    private final Map<String, String> stageVariables = new LinkedHashMap<>();
    private String sourceIp;
    private String httpMethod;
    private String path;
    private String routeKey;
    private String requestId;
    private PathEncoding pathEncoding;

    private Builder(EventType eventType, MethodArn methodArn) {
      this.eventType = Objects.requireNonNull(eventType, "eventType");
      this.methodArn = Objects.requireNonNull(methodArn, "methodArn");
    }

    /** Sets the {@code authorizationToken} of a {@code TOKEN} event. */
    public Builder authorizationToken(String token) {
      this.authorizationToken = token;
      return this;
    }

    /** Adds a header value; a {@code Cookie} header also fills {@link #cookie}. */
    public Builder header(String name, String value) {
      List<String> values = headers.computeIfAbsent(name, k -> new ArrayList<>());
      if (!values.contains(value)) {
        values.add(value);
        if (name.equalsIgnoreCase("Cookie")) {
          for (String pair : value.split(";")) {
            cookie(pair);
          }
        }
      }
      return this;
    }

    /** Adds a query parameter value. */
    public Builder queryParameter(String name, String value) {
      query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      return this;
    }

    /** Adds a cookie given as {@code name=value}; the first cookie with a name wins. */
    public Builder cookie(String pair) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        cookies.putIfAbsent(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
      }
      return this;
    }

    /** Adds a path parameter. */
    public Builder pathParameter(String name, String value) {
      pathParameters.put(name, value);
      return this;
    }

    /** Adds a stage variable. */
    public Builder stageVariable(String name, String value) {
      stageVariables.put(name, value);
      return this;
    }

    /** Sets the source IP API Gateway reports. */
    public Builder sourceIp(String sourceIp) {
      this.sourceIp = sourceIp;
      return this;
    }

    /** Sets the HTTP method (defaults to the ARN's). */
    public Builder httpMethod(String httpMethod) {
      this.httpMethod = httpMethod;
      return this;
    }

    /** Sets the request path (defaults to the ARN's). */
    public Builder path(String path) {
      this.path = path;
      return this;
    }

    /** Sets the route key. */
    public Builder routeKey(String routeKey) {
      this.routeKey = routeKey;
      return this;
    }

    /** Sets the request id. */
    public Builder requestId(String requestId) {
      this.requestId = requestId;
      return this;
    }

    /**
     * Sets how the paths are spelled; by default {@link PathEncoding#DECODED} for {@link
     * EventType#HTTP_API_V2} and {@link PathEncoding#PERCENT_ENCODED} otherwise.
     */
    public Builder pathEncoding(PathEncoding encoding) {
      this.pathEncoding = Objects.requireNonNull(encoding, "encoding");
      return this;
    }

    /** Builds the request. */
    public AuthorizationRequest build() {
      return new AuthorizationRequest(this);
    }
  }
}
