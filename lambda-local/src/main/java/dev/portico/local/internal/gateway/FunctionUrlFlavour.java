package dev.portico.local.internal.gateway;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portico.api.Authorization;
import dev.portico.local.config.LocalApi;
import dev.portico.local.config.LocalFunctionUrl;
import dev.portico.local.config.LocalRoute;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Lambda function URL: payload 2.0 events in the function URL shape (route key and stage {@code
 * $default}, the path as sent, no path parameters or stage variables, {@code
 * <url-id>.lambda-url.us-east-1.on.aws} as domain, account {@code anonymous} unless IAM-signed),
 * 502 for function failures, 200 preflights when the URL has CORS settings. {@code AWS_IAM} URLs
 * refuse requests without a well-formed SigV4 {@code Authorization} header with 403 {@code
 * {"Message":"Forbidden"}} as Lambda does; the signature is not verified (there are no credentials
 * locally) and the caller's access key becomes {@code requestContext.authorizer.iam}.
 */
public final class FunctionUrlFlavour implements ApiFlavour {
  /**
   * {@code AWS4-HMAC-SHA256 Credential=AKID/20240101/us-east-1/lambda/aws4_request,
   * SignedHeaders=host;x-amz-date, Signature=<64 hex>}.
   */
  private static final Pattern SIGV4 =
      Pattern.compile(
          "AWS4-HMAC-SHA256 Credential=([A-Z0-9]{16,128})/(\\d{8})/([a-z0-9-]+)/lambda/aws4_request,"
              + " ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})");

  private static final ErrorAnswer ERROR =
      new ErrorAnswer(502, "{\"Message\":\"Internal Server Error\"}", null);
  private static final ErrorAnswer FORBIDDEN =
      new ErrorAnswer(403, "{\"Message\":\"Forbidden\"}", "AccessDeniedException");
  private static final ErrorAnswer NOT_FOUND =
      new ErrorAnswer(404, "{\"Message\":\"Not Found\"}", null);

  /** Lambda's longest function timeout: a function URL waits as long as the function runs. */
  private static final Duration MAX_FUNCTION_TIMEOUT = Duration.ofMinutes(15);

  private final LocalFunctionUrl url;
  private final LocalApi api;

  /** The flavour of one function URL. */
  public FunctionUrlFlavour(LocalFunctionUrl url) {
    this.url = url;
    LocalApi shape =
        LocalApi.http(url.function() + "Url")
            .withRoute(LocalRoute.of("ANY", LocalRoute.DEFAULT_ROUTE, url.function()));
    this.api = url.cors() == null ? shape : shape.withCors(url.cors());
  }

  /** The URL. */
  public LocalFunctionUrl url() {
    return url;
  }

  /** The URL as an API of one {@code $default} route (its CORS settings included). */
  public LocalApi api() {
    return api;
  }

  /** The route every request of the URL takes. */
  public LocalRoute route() {
    return api.routes().get(0);
  }

  /**
   * For {@code AWS_IAM}: 403 unless the request carries a well-formed SigV4 {@code Authorization}
   * header for the {@code lambda} service; {@code null} lets the request through.
   */
  public ErrorAnswer refuse(GatewayRequest request) {
    if (url.authType() == LocalFunctionUrl.AuthType.NONE) {
      return null;
    }
    String authorization = request.header("Authorization");
    if (authorization == null || !SIGV4.matcher(authorization).matches()) {
      return FORBIDDEN;
    }
    String signed = sigV4(authorization).group(4);
    if (!(";" + signed + ";").contains(";host;")) {
      return FORBIDDEN;
    }
    return null;
  }

  /** The answer when the path names no function URL (locally: no such function). */
  static ErrorAnswer unknownUrl() {
    return NOT_FOUND;
  }

  @Override
  public String label() {
    return "function URL";
  }

  @Override
  public ErrorAnswer integrationError() {
    return ERROR;
  }

  @Override
  public ErrorAnswer integrationTimeout() {
    return ERROR;
  }

  @Override
  public Duration integrationTimeout(Duration configured) {
    return MAX_FUNCTION_TIMEOUT;
  }

  @Override
  public ErrorAnswer noRoute() {
    return NOT_FOUND;
  }

  @Override
  public int preflightStatus() {
    return 200;
  }

  @Override
  public boolean corsOnAnswers() {
    return true;
  }

  @Override
  public boolean denialErrorType() {
    return true;
  }

  @Override
  public boolean payload1(LocalRoute route) {
    return false;
  }

  @Override
  public String routeKey(LocalRoute route) {
    return LocalRoute.DEFAULT_ROUTE;
  }

  @Override
  public byte[] event(
      GatewayRequest request, Authorization authorization, LocalApi api, LocalRoute route) {
    ObjectNode iam = null;
    String accountId = "anonymous";
    if (url.authType() == LocalFunctionUrl.AuthType.AWS_IAM) {
      Matcher sig = sigV4(request.header("Authorization"));
      String accessKey = sig.group(1);
      accountId = ProxyEventWriter.ACCOUNT_ID;
      iam = JsonNodeFactory.instance.objectNode();
      iam.put("accessKey", accessKey);
      iam.put("accountId", accountId);
      iam.put("callerId", accessKey);
      iam.putNull("cognitoIdentity");
      iam.putNull("principalOrgId");
      iam.put("userArn", "arn:aws:iam::" + accountId + ":user/" + accessKey);
      iam.put("userId", accessKey);
    }
    ProxyEventWriter.UrlIdentity identity =
        new ProxyEventWriter.UrlIdentity(url.urlId(), url.domainName(), accountId, iam);
    return ProxyEventWriter.bytes(ProxyEventWriter.payload2(request, authorization, identity));
  }

  @Override
  public String requestIdHeader() {
    return "x-amzn-RequestId";
  }

  private static Matcher sigV4(String header) {
    Matcher matcher = SIGV4.matcher(header);
    if (!matcher.matches()) {
      throw new IllegalStateException("checked by refuse()");
    }
    return matcher;
  }
}
