package dev.portico.local.internal.template;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portico.local.config.LocalAuthorizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads what a WebSocket API's routes point at: an {@code AWS::ApiGatewayV2::Integration} (the
 * function of a Lambda proxy integration) and an {@code AWS::ApiGatewayV2::Authorizer} (a REQUEST
 * authorizer for {@code $connect}, its identity sources and result TTL). {@link
 * WebSocketTemplateReader} decides which resources belong to a served API and hands them over.
 *
 * <pre>{@code
 * String function = integrations.integration(properties);        // null: not AWS_PROXY (warned)
 * LocalAuthorizer authorizer = integrations.authorizer(id, properties);
 * }</pre>
 */
final class WebSocketIntegrationReader {
  static final Set<String> INTEGRATION_KEYS =
      Set.of(
          "ApiId",
          "IntegrationType",
          "IntegrationUri",
          "IntegrationMethod",
          "CredentialsArn",
          "Description",
          "TimeoutInMillis",
          "PayloadFormatVersion",
          "ContentHandlingStrategy",
          "PassthroughBehavior");
  static final Set<String> AUTHORIZER_KEYS =
      Set.of(
          "ApiId",
          "AuthorizerType",
          "AuthorizerUri",
          "IdentitySource",
          "Name",
          "AuthorizerResultTtlInSeconds");

  private final Map<String, String> types;

  WebSocketIntegrationReader(Map<String, String> types) {
    this.types = types;
  }

  /**
   * The function a Lambda proxy integration invokes, or {@code null} for another integration type
   * (a warning says its routes are not served).
   */
  String integration(TemplateCursor properties) {
    properties.checkKeys(INTEGRATION_KEYS, Set.of());
    String type = properties.text("IntegrationType");
    if (!"AWS_PROXY".equals(type)) {
      properties.warn(
          "IntegrationType " + type,
          "only Lambda proxy integrations (AWS_PROXY) are emulated; routes using it are"
              + " not served");
      return null;
    }
    return function(properties, "IntegrationUri");
  }

  /** A REQUEST authorizer with its identity sources and TTL. */
  LocalAuthorizer authorizer(String id, TemplateCursor properties) {
    properties.checkKeys(AUTHORIZER_KEYS, Set.of());
    String type = properties.text("AuthorizerType");
    if (!"REQUEST".equals(type)) {
      throw properties
          .child("AuthorizerType")
          .error("WebSocket APIs take REQUEST authorizers, got " + type);
    }
    String function = function(properties, "AuthorizerUri");
    TemplateCursor identity = properties.child("IdentitySource");
    List<String> sources = new ArrayList<>();
    for (JsonNode source : identity.node()) {
      String value = identity.intrinsics().text(source, identity.path());
      if (!(value.startsWith("route.request.header.")
          || value.startsWith("route.request.querystring.")
          || value.startsWith("stageVariables.")
          || value.startsWith("context."))) {
        throw identity.error(
            value
                + " is not a WebSocket identity source (route.request.header.NAME,"
                + " route.request.querystring.NAME, stageVariables.NAME, context.NAME)");
      }
      sources.add(value);
    }
    return LocalAuthorizer.request(id, function, sources).withTtl(ttl(properties));
  }

  /** The function an integration or authorizer URI invokes. */
  private String function(TemplateCursor properties, String key) {
    String uri = properties.text(key);
    if (uri == null) {
      throw properties.child(key).error("missing");
    }
    return FunctionArns.functionName(
        uri, types, properties.at(key), "does not invoke a function of this template");
  }

  /** {@code AuthorizerResultTtlInSeconds}: 0 (the default, no caching) to 3600 seconds. */
  private static Duration ttl(TemplateCursor properties) {
    String text = properties.text("AuthorizerResultTtlInSeconds");
    if (text == null) {
      return Duration.ZERO;
    }
    long seconds;
    try {
      seconds = Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      seconds = -1;
    }
    if (seconds < 0 || seconds > 3600) {
      throw properties
          .child("AuthorizerResultTtlInSeconds")
          .error("needs a whole number of seconds from 0 to 3600, got '" + text + "'");
    }
    return Duration.ofSeconds(seconds);
  }
}
