package dev.portico.local.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A Lambda function URL ({@code FunctionUrlConfig} of an {@code AWS::Serverless::Function}): the
 * local gateway serves it under {@code /_function-url/{FunctionLogicalId}/...} with payload 2.0
 * events in the function URL shape.
 *
 * <pre>{@code
 * GatewayConfig.builder()
 *     .function(LocalFunction.of("Api", handler))
 *     .functionUrl(LocalFunctionUrl.of("Api").withCors(CorsConfig.allowOrigins("*")))
 *     .build();
 * }</pre>
 *
 * @param function the function's logical id
 * @param authType {@code NONE} or {@code AWS_IAM}
 * @param cors the URL's CORS settings, or {@code null} (preflights then reach the function)
 */
public record LocalFunctionUrl(String function, AuthType authType, CorsConfig cors) {

  /** The path prefix function URLs are served under: {@code /_function-url/{function}}. */
  public static final String PATH_PREFIX = "/_function-url/";

  /** How the URL authenticates callers. */
  public enum AuthType {
    /** Anyone may call it. */
    NONE,
    /**
     * Callers sign with SigV4; locally a request needs a well-formed SigV4 {@code Authorization}
     * header (the signature itself is not verified: there are no credentials to verify it with).
     */
    AWS_IAM
  }

  /** Validates. */
  public LocalFunctionUrl {
    Objects.requireNonNull(function, "function");
    Objects.requireNonNull(authType, "authType");
  }

  /** A URL with {@code AuthType: NONE} and no CORS. */
  public static LocalFunctionUrl of(String function) {
    return new LocalFunctionUrl(function, AuthType.NONE, null);
  }

  /** A copy with this auth type. */
  public LocalFunctionUrl withAuthType(AuthType type) {
    return new LocalFunctionUrl(function, type, cors);
  }

  /** A copy with these CORS settings. */
  public LocalFunctionUrl withCors(CorsConfig newCors) {
    return new LocalFunctionUrl(function, authType, newCors);
  }

  /**
   * The URL id: 32 lowercase hex characters derived from the function's logical id, stable across
   * runs (AWS's are random; the length and alphabet are the same).
   */
  public String urlId() {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(function.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash).substring(0, 32);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The domain the event names: {@code <url-id>.lambda-url.us-east-1.on.aws}. */
  public String domainName() {
    return urlId() + ".lambda-url.us-east-1.on.aws";
  }

  /** The local path prefix, e.g. {@code /_function-url/ApiFunction}. */
  public String pathPrefix() {
    return PATH_PREFIX + function;
  }
}
