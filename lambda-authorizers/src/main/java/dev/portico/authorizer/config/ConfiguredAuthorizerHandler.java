package dev.portico.authorizer.config;

import dev.portico.authorizer.AuthorizerHandler;
import dev.portico.authorizer.internal.HandlerWarmUp;

/**
 * A ready Lambda handler whose authorizer comes from a configuration file (see {@link
 * AuthorizerConfig}). Point the function's handler at this class and ship a {@code
 * portico-authorizer.yaml}, set {@code PORTICO_AUTHORIZER_CONFIG} to a file, or put the YAML itself
 * in {@code PORTICO_AUTHORIZER_CONFIG_YAML}; a bad configuration stops the cold start with a
 * message naming the file and the key.
 *
 * <pre>{@code
 * # template.yaml (AWS SAM)
 * AuthorizerFunction:
 *   Type: AWS::Serverless::Function
 *   Properties:
 *     Handler: dev.portico.authorizer.config.ConfiguredAuthorizerHandler::handleRequest
 *     Environment:
 *       Variables:
 *         OIDC_ISSUER: https://login.example.com
 *         OIDC_AUDIENCE: pets-api
 * }</pre>
 */
public class ConfiguredAuthorizerHandler extends AuthorizerHandler {

  /**
   * Loads the configuration from the environment or the classpath.
   *
   * @throws ConfigException when the configuration is missing or invalid
   */
  public ConfiguredAuthorizerHandler() {
    this(AuthorizerConfig.load());
  }

  /**
   * A handler for an already loaded configuration. Before it returns, in the function's
   * initialisation, it fetches the JWT issuers' keys ({@link AuthorizerConfig#prefetchKeys()};
   * {@code jwt.prefetchKeys: false} leaves them to the first token) and runs its own steps once on
   * a made-up event, so that the first request finds their classes loaded.
   */
  public ConfiguredAuthorizerHandler(AuthorizerConfig config) {
    super(config.authorizer(), config.httpApiResponseFormat());
    config.prefetchKeys();
    HandlerWarmUp.run();
  }
}
