package dev.portico.api.internal;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import dev.portico.api.Authorization;
import dev.portico.api.BadRequestException;
import dev.portico.api.EventSource;
import dev.portico.api.Nullable;
import dev.portico.api.Request;
import dev.portico.api.internal.codec.ParsedEvent;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The {@link Request} over a parsed proxy event. */
final class EventRequest implements Request {
  private final ParsedEvent event;
  private final String path;
  private final Map<String, String> pathParams;
  private final Context context;
  private final BodyReaders readers;
  private final Map<String, Object> attributes;
  private @Nullable Authorization authorization;

  EventRequest(
      ParsedEvent event,
      String path,
      Map<String, String> pathParams,
      Context context,
      BodyReaders readers,
      Map<String, Object> attributes) {
    this.event = event;
    this.path = path;
    this.pathParams = pathParams;
    this.context = context;
    this.readers = readers;
    this.attributes = attributes;
  }

  ParsedEvent event() {
    return event;
  }

  EventRequest withPathParams(Map<String, String> params) {
    EventRequest copy = new EventRequest(event, path, params, context, readers, attributes);
    copy.authorization = authorization;
    return copy;
  }

  @Override
  public EventSource source() {
    return event.source();
  }

  @Override
  public String method() {
    return event.method();
  }

  @Override
  public String path() {
    return path;
  }

  @Override
  public String rawPath() {
    return event.rawPath();
  }

  @Override
  public @Nullable String pathParam(String name) {
    return pathParams.get(name);
  }

  @Override
  public Map<String, String> pathParams() {
    return pathParams;
  }

  @Override
  public @Nullable String queryParam(String name) {
    List<String> values = event.query().get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  @Override
  public List<String> queryParams(String name) {
    List<String> values = event.query().get(name);
    return values == null ? List.of() : values;
  }

  @Override
  public Map<String, List<String>> queryParameters() {
    return event.query();
  }

  @Override
  public @Nullable String header(String name) {
    List<String> values = event.header(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  @Override
  public List<String> headers(String name) {
    List<String> values = event.header(name);
    return values == null ? List.of() : values;
  }

  @Override
  public Map<String, List<String>> headers() {
    return event.headers();
  }

  @Override
  public @Nullable String cookie(String name) {
    return event.cookies().get(name);
  }

  @Override
  public Map<String, String> cookies() {
    return event.cookies();
  }

  @Override
  public @Nullable String stageVariable(String name) {
    return event.stageVariables().get(name);
  }

  @Override
  public @Nullable String contentType() {
    return header("Content-Type");
  }

  @Override
  public byte[] body() {
    return event.body();
  }

  @Override
  public String bodyAsString() {
    return new String(event.body(), StandardCharsets.UTF_8);
  }

  @Override
  public <T> T bodyAs(Type type) {
    byte[] body = event.body();
    if (body.length == 0) {
      throw new BadRequestException("Missing request body");
    }
    return readers.read(type, body);
  }

  @Override
  public @Nullable String sourceIp() {
    String ip = event.requestContext().sourceIp();
    if (ip != null) {
      return ip;
    }
    if (event.source() == EventSource.ALB || event.source() == EventSource.ALB_MULTI_VALUE) {
      // The load balancer appends the client address as the last X-Forwarded-For entry.
      String forwarded = header("X-Forwarded-For");
      if (forwarded != null) {
        int comma = forwarded.lastIndexOf(',');
        return forwarded.substring(comma + 1).trim();
      }
    }
    return null;
  }

  @Override
  public String requestId() {
    String id = event.requestContext().requestId();
    if (id != null && !id.isEmpty()) {
      return id;
    }
    // ALB events carry no request id: the Lambda request id matches the runtime's own log lines.
    return context.getAwsRequestId();
  }

  @Override
  public Authorization authorization() {
    Authorization a = authorization;
    if (a == null) {
      a = Authorizations.from(event.requestContext().authorizerValue());
      authorization = a;
    }
    return a;
  }

  @Override
  public JsonNode requestContext() {
    return event.requestContext().tree();
  }

  @Override
  public Context lambdaContext() {
    return context;
  }

  @Override
  public <T> T rawEvent(Class<T> type) {
    EventSource expected = RAW_EVENT_SOURCES.get(type.getName());
    if (expected != null && !sameFamily(expected, event.source())) {
      throw new IllegalStateException(
          "A " + type.getSimpleName() + " parameter cannot bind a " + event.source() + " event");
    }
    try {
      return readers.event(type).readValue(event.event());
    } catch (IOException e) {
      throw new IllegalStateException(
          "Cannot read the " + event.source() + " event as " + type.getName(), e);
    }
  }

  /** The event source each aws-lambda-java-events proxy type is for. */
  private static final Map<String, EventSource> RAW_EVENT_SOURCES =
      Map.of(
          "com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent",
          EventSource.API_GATEWAY_V1,
          "com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent",
          EventSource.API_GATEWAY_V2,
          "com.amazonaws.services.lambda.runtime.events.ApplicationLoadBalancerRequestEvent",
          EventSource.ALB);

  private static boolean sameFamily(EventSource expected, EventSource actual) {
    return switch (expected) {
      case API_GATEWAY_V2, FUNCTION_URL ->
          actual == EventSource.API_GATEWAY_V2 || actual == EventSource.FUNCTION_URL;
      case ALB, ALB_MULTI_VALUE ->
          actual == EventSource.ALB || actual == EventSource.ALB_MULTI_VALUE;
      case API_GATEWAY_V1 -> actual == EventSource.API_GATEWAY_V1;
    };
  }

  @Override
  public @Nullable Object attribute(String name) {
    return attributes.get(name);
  }

  @Override
  public Request withAttribute(String name, Object value) {
    Map<String, Object> copy = new HashMap<>(attributes);
    copy.put(name, value);
    EventRequest request = new EventRequest(event, path, pathParams, context, readers, copy);
    request.authorization = authorization;
    return request;
  }

  @Override
  public String toString() {
    return method() + " " + path;
  }
}
