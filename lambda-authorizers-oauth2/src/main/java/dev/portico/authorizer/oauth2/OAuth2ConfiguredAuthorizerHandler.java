package dev.portico.authorizer.oauth2;

import com.amazonaws.services.lambda.runtime.Context;
import dev.portico.authorizer.config.AuthorizerConfig;
import dev.portico.authorizer.config.ConfiguredAuthorizerHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * {@link ConfiguredAuthorizerHandler} for files with {@code type: oauth2-introspection}: the same
 * configuration loading, plus what DPoP and certificate-bound tokens need from the event (see
 * {@link OAuth2AuthorizerHandler}). Point the function's handler here.
 *
 * <pre>{@code
 * Handler: dev.portico.authorizer.oauth2.OAuth2ConfiguredAuthorizerHandler::handleRequest
 * }</pre>
 */
public class OAuth2ConfiguredAuthorizerHandler extends ConfiguredAuthorizerHandler {

  /**
   * Loads the configuration from the environment or the classpath.
   *
   * @throws dev.portico.authorizer.config.ConfigException when it is missing or invalid
   */
  public OAuth2ConfiguredAuthorizerHandler() {
    super();
  }

  /** A handler for an already loaded configuration. */
  public OAuth2ConfiguredAuthorizerHandler(AuthorizerConfig config) {
    super(config);
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    OAuth2AuthorizerHandler.handleWithDetails(input, output, context, super::handleRequest);
  }
}
