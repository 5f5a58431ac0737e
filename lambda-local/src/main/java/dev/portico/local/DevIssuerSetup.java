package dev.portico.local;

import dev.portico.local.config.GatewayConfig;
import dev.portico.local.config.LocalApi;
import dev.portico.local.config.LocalAuthorizer;
import dev.portico.local.config.LocalFunction;
import dev.portico.local.config.LocalWebSocketApi;
import dev.portico.local.config.Warning;
import dev.portico.local.internal.LogText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the development OIDC issuer into a gateway: which authorizer functions need it (their
 * {@code OIDC_ISSUER} is unresolved and not set in the environment), its audience, their
 * environment with the issuer's variables, the start-up banner, and the token endpoint.
 *
 * <pre>{@code
 * List<String> functions = DevIssuerSetup.devIssuerFunctions(config, options, System.getenv());
 * }</pre>
 */
final class DevIssuerSetup {
  private static final Logger LOG = LoggerFactory.getLogger(LocalGateway.class);

  private DevIssuerSetup() {}

  /** The authorizer functions that get the development issuer, in template order. */
  static List<String> devIssuerFunctions(
      GatewayConfig config, GatewayOptions options, Map<String, String> processEnvironment) {
    if (!options.authorizersEnabled()) {
      return List.of();
    }
    Set<String> authorizerFunctions = new LinkedHashSet<>();
    for (LocalApi api : config.apis()) {
      for (LocalAuthorizer authorizer : api.authorizers()) {
        authorizerFunctions.add(authorizer.function());
      }
    }
    for (LocalWebSocketApi api : config.webSocketApis()) {
      if (api.connectAuthorizer() != null) {
        authorizerFunctions.add(api.connectAuthorizer().function());
      }
    }
    List<String> needing = new ArrayList<>();
    for (String name : authorizerFunctions) {
      LocalFunction function = config.functions().get(name);
      if (function != null
          && function.missingEnvironment().contains(LocalGateway.ISSUER_VARIABLE)) {
        needing.add(name);
      }
    }
    if (needing.isEmpty()) {
      return List.of();
    }
    String issuer = processEnvironment.get(LocalGateway.ISSUER_VARIABLE);
    if (issuer != null && !issuer.isBlank()) {
      LOG.info(
          "{} is set in the environment: authorizer function(s) {} validate tokens of {};"
              + " no development issuer",
          LocalGateway.ISSUER_VARIABLE,
          needing,
          issuer);
      return List.of();
    }
    return needing;
  }

  static String devAudience(
      GatewayConfig config, List<String> functions, Map<String, String> processEnvironment) {
    String audience = processEnvironment.get(LocalGateway.AUDIENCE_VARIABLE);
    if (audience != null && !audience.isBlank()) {
      return audience;
    }
    for (String name : functions) {
      String declared =
          config.functions().get(name).environment().get(LocalGateway.AUDIENCE_VARIABLE);
      if (declared != null && !declared.isBlank()) {
        return declared;
      }
    }
    return LocalGateway.DEFAULT_DEV_AUDIENCE;
  }

  /** The configuration with the issuer's variables in the functions' environments. */
  static GatewayConfig withDevIssuer(
      GatewayConfig config, List<String> functions, DevIssuer issuer) {
    Map<String, LocalFunction> updated = new LinkedHashMap<>(config.functions());
    List<Warning> warnings = new ArrayList<>(config.notEmulated());
    for (String name : functions) {
      LocalFunction function = updated.get(name);
      Map<String, String> environment = new LinkedHashMap<>(function.environment());
      environment.put(LocalGateway.ISSUER_VARIABLE, issuer.issuer());
      environment.put(LocalGateway.AUDIENCE_VARIABLE, issuer.audience());
      List<String> missing = new ArrayList<>(function.missingEnvironment());
      missing.removeAll(List.of(LocalGateway.ISSUER_VARIABLE, LocalGateway.AUDIENCE_VARIABLE));
      updated.put(name, function.withEnvironment(environment).withMissingEnvironment(missing));
      // The variables the development issuer supplies are no longer "left out".
      String variables = "Resources." + name + ".Properties.Environment.Variables";
      warnings.removeIf(
          w ->
              w.path().equals(variables)
                  && (w.key().equals(LocalGateway.ISSUER_VARIABLE)
                      || w.key().equals(LocalGateway.AUDIENCE_VARIABLE)));
    }
    return config.withFunctions(updated, warnings);
  }

  static void logDevIssuer(
      String base, DevIssuer devIssuer, List<String> devIssuerFunctions, GatewayConfig config) {
    String line = "*".repeat(100);
    LOG.warn(line);
    LOG.warn(
        "* DEVELOPMENT OIDC ISSUER ACTIVE: lambda-local signs tokens for anyone on this machine.");
    LOG.warn(
        "* Local runs only (lambda-local is never deployed). Set {} and {} to use a real provider.",
        LocalGateway.ISSUER_VARIABLE,
        LocalGateway.AUDIENCE_VARIABLE);
    LOG.warn(line);
    LOG.warn(
        "Development issuer {} (audience {}, RSA key generated at start-up, never saved) for"
            + " authorizer function(s) {}",
        devIssuer.issuer(),
        devIssuer.audience(),
        devIssuerFunctions);
    List<String> scopes = new ArrayList<>();
    for (String name : devIssuerFunctions) {
      for (String scope : DevIssuerScopes.of(config.functions().get(name))) {
        if (!scopes.contains(scope)) {
          scopes.add(scope);
        }
      }
    }
    String query = "sub=alice" + (scopes.isEmpty() ? "" : "&scope=" + String.join("+", scopes));
    LOG.warn("Get a token: curl -s -X POST '{}{}?{}'", base, DevIssuer.GATEWAY_TOKEN_PATH, query);
    LOG.warn(
        "Use it:      TOKEN=$(curl -s -X POST '{}{}?{}'); curl -H \"Authorization: Bearer $TOKEN\""
            + " ...",
        base,
        DevIssuer.GATEWAY_TOKEN_PATH,
        query);
  }

  /**
   * Serves the development issuer's token endpoint at {@value DevIssuer#GATEWAY_TOKEN_PATH} (to
   * loopback callers only), everything else goes to the gateway.
   */
  static final class DevTokenEndpoint extends Handler.Wrapper {
    private final DevIssuer issuer;

    DevTokenEndpoint(Handler gateway, DevIssuer issuer) {
      super(gateway);
      this.issuer = issuer;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
      if (request.getHttpURI().getPath().equals(DevIssuer.GATEWAY_TOKEN_PATH)) {
        issuer.serveTokenRequest(request, response, callback);
        LOG.info(
            "{} {} {} (development issuer)",
            LogText.quote(request.getMethod()),
            DevIssuer.GATEWAY_TOKEN_PATH,
            response.getStatus());
        return true;
      }
      return super.handle(request, response, callback);
    }
  }
}
