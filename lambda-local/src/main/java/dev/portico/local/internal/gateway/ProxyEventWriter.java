package dev.portico.local.internal.gateway;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portico.api.Authorization;
import dev.portico.api.internal.codec.ApiGatewayEvents;
import java.util.List;

/**
 * Writes the events Lambda receives, each in one pass from a {@link GatewayRequest}: payload 1.0
 * (REST API, or an HTTP API route with {@code PayloadFormatVersion: 1.0}), payload 2.0 (HTTP API)
 * and the function URL shape, and the REQUEST authorizer events derived from them. The flavours
 * ({@link ApiFlavour}) decide which one and with which options; nothing is re-parsed to patch it.
 * The proxy events themselves are written by core's {@link ApiGatewayEvents}, as priming's and the
 * test kit's are; this class maps a routed request onto it and adds the authorizer events.
 *
 * <pre>{@code
 * ObjectNode event = ProxyEventWriter.payload1(request, authorization, false, api.binaryMediaTypes());
 * }</pre>
 */
public final class ProxyEventWriter {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** The account id in local events. */
  public static final String ACCOUNT_ID = ApiGatewayEvents.ACCOUNT_ID;

  /** The API id in local events and method ARNs. */
  public static final String API_ID = ApiGatewayEvents.API_ID;

  /** The domain name when the client sent no {@code Host}. */
  public static final String DEFAULT_DOMAIN = ApiGatewayEvents.DEFAULT_DOMAIN;

  private ProxyEventWriter() {}

  /**
   * How a function URL fills the parts of its event an API would (see {@link FunctionUrlFlavour}).
   */
  public record UrlIdentity(String urlId, String domainName, String accountId, ObjectNode iam) {}

  /**
   * A payload 1.0 event.
   *
   * @param versionField whether to write {@code "version": "1.0"} (HTTP APIs do, REST APIs do not)
   * @param binaryMediaTypes a REST API's binary media types (a body is base64-encoded exactly when
   *     its {@code Content-Type} matches one), or {@code null} for the HTTP API rule (base64 unless
   *     the body is UTF-8 text of a textual type)
   */
  public static ObjectNode payload1(
      GatewayRequest r, Authorization auth, boolean versionField, List<String> binaryMediaTypes) {
    return ApiGatewayEvents.payload1(
        eventRequest(r),
        r.routePath(),
        auth,
        versionField,
        binaryMediaTypes == null
            ? null
            : contentType -> BinaryMediaTypes.matchesAny(binaryMediaTypes, contentType));
  }

  /**
   * A payload 2.0 event: an HTTP API's (stage prefix in the path when the stage is not {@code
   * $default}) or, with {@code url}, a function URL's (no path parameters or stage variables, the
   * URL's domain and account).
   */
  public static ObjectNode payload2(GatewayRequest r, Authorization auth, UrlIdentity url) {
    if (url == null) {
      return ApiGatewayEvents.payload2(
          eventRequest(r),
          r.routeKey(),
          auth,
          ApiGatewayEvents.Identity.api(r.domainName()),
          true,
          null);
    }
    return ApiGatewayEvents.payload2(
        eventRequest(r),
        r.routeKey(),
        auth,
        new ApiGatewayEvents.Identity(url.accountId(), url.urlId(), url.domainName()),
        false,
        url.iam());
  }

  private static ApiGatewayEvents.Request eventRequest(GatewayRequest r) {
    return new ApiGatewayEvents.Request(
        r.method(),
        r.eventPath(),
        r.rawQuery(),
        GatewayRequest::decodeQuery,
        r.headers(),
        r.body(),
        r.sourceIp(),
        r.domainName(),
        r.stage(),
        r.stageVariables(),
        r.pathParameters(),
        r.requestId(),
        r.timeEpochMillis());
  }

  /** A TOKEN authorizer event. */
  public static byte[] tokenAuthorizer(String token, String methodArn) {
    ObjectNode event = NODES.objectNode();
    event.put("type", "TOKEN");
    event.put("methodArn", methodArn);
    event.put("authorizationToken", token);
    return bytes(event);
  }

  /**
   * A REQUEST authorizer event (payload 1.0): the proxy event without a body, plus type and ARN.
   */
  public static byte[] requestAuthorizer(GatewayRequest r, String methodArn) {
    ObjectNode event = NODES.objectNode();
    event.put("type", "REQUEST");
    event.put("methodArn", methodArn);
    event.setAll(payload1(r, Authorization.NONE, false, null));
    event.remove("body");
    event.remove("isBase64Encoded");
    return bytes(event);
  }

  /** An HTTP API Lambda authorizer event (payload 2.0) with the identity source values. */
  public static byte[] httpApiAuthorizer(GatewayRequest r, String routeArn, List<String> identity) {
    ObjectNode event = NODES.objectNode();
    event.put("version", "2.0");
    event.put("type", "REQUEST");
    event.put("routeArn", routeArn);
    ArrayNode sources = event.putArray("identitySource");
    identity.forEach(sources::add);
    ObjectNode proxy = payload2(r, Authorization.NONE, null);
    proxy.remove("version");
    proxy.remove("body");
    proxy.remove("isBase64Encoded");
    event.setAll(proxy);
    return bytes(event);
  }

  /** The event's bytes. */
  public static byte[] bytes(ObjectNode event) {
    return ApiGatewayEvents.bytes(event);
  }
}
