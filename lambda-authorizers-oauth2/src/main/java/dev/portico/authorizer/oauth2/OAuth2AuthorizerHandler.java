package dev.portico.authorizer.oauth2;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.authorizer.Authorizer;
import dev.portico.authorizer.AuthorizerHandler;
import dev.portico.authorizer.HttpApiResponseFormat;
import dev.portico.authorizer.oauth2.internal.EventDetails;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * An {@link AuthorizerHandler} that also hands the authorizer what sender-constrained tokens need
 * from the event: {@code requestContext.domainName} and {@code stage} (the URL a DPoP proof must
 * name), the mutual TLS client certificate ({@code requestContext.identity.clientCert} for REST,
 * {@code requestContext.authentication.clientCert} for HTTP APIs), and the Lambda time left (the
 * introspection call never runs past it). Use it, or {@link OAuth2ConfiguredAuthorizerHandler},
 * whenever DPoP or certificate-bound tokens may arrive; without it such tokens are refused.
 *
 * <pre>{@code
 * public final class PetsAuthorizer extends OAuth2AuthorizerHandler {
 *   public PetsAuthorizer() {
 *     super(IntrospectionAuthorizer.builder()
 *         .endpoint(URI.create("https://as.example.com/introspect"))
 *         .audience("https://api.example.com")
 *         .credentials(ClientCredentials.secretBasic("pets-api", System.getenv("SECRET")))
 *         .build());
 *   }
 * }
 * }</pre>
 */
public class OAuth2AuthorizerHandler extends AuthorizerHandler {

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  /** A handler answering HTTP API payload 2.0 events with an IAM policy. */
  public OAuth2AuthorizerHandler(Authorizer authorizer) {
    super(authorizer);
  }

  /** A handler answering HTTP API payload 2.0 events in the given format. */
  public OAuth2AuthorizerHandler(Authorizer authorizer, HttpApiResponseFormat format) {
    super(authorizer, format);
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    handleWithDetails(input, output, context, super::handleRequest);
  }

  /** The shared implementation for this class and the configured variant. */
  static void handleWithDetails(
      InputStream input, OutputStream output, Context context, Delegate delegate)
      throws IOException {
    byte[] event = input.readAllBytes();
    EventDetails details;
    try {
      details = EventDetails.read(MAPPER.readTree(event), remaining(context));
    } catch (IOException | RuntimeException e) {
      // The delegate reports an unreadable event the usual way ("Authorizer failed").
      details = null;
    }
    EventDetails.with(
        details, () -> delegate.handle(new ByteArrayInputStream(event), output, context));
  }

  private static long remaining(Context context) {
    if (context == null) {
      return -1;
    }
    try {
      return context.getRemainingTimeInMillis();
    } catch (RuntimeException e) {
      return -1;
    }
  }

  /** {@code AuthorizerHandler.handleRequest}. */
  @FunctionalInterface
  interface Delegate {
    void handle(InputStream input, OutputStream output, Context context) throws IOException;
  }
}
