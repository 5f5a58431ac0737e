package dev.portico.authorizer;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.portico.authorizer.internal.AuthorizerResponseWriter;
import dev.portico.authorizer.internal.EventParser;
import dev.portico.authorizer.internal.LogText;
import dev.portico.authorizer.internal.PathCheck;
import dev.portico.authorizer.internal.log.AuthorizerLog;
import dev.portico.authorizer.internal.tree.Node;
import dev.portico.authorizer.internal.tree.Trees;
import dev.portico.authorizer.policy.PolicyDocument;
import dev.portico.path.NonCanonicalPathException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;

/**
 * The Lambda entry point for an authorizer: reads any authorizer event ({@code TOKEN}, {@code
 * REQUEST} payload 1.0, HTTP API payload 2.0, WebSocket {@code $connect}), asks the {@link
 * Authorizer}, and writes the response that event type needs, as JSON it writes itself (the
 * runtime's own serializer would mangle the policy's keys).
 *
 * <p>The contract with API Gateway is handled here:
 *
 * <ul>
 *   <li>allow: a policy with {@code Allow} (the whole stage, or the decision's grants);
 *   <li>deny: a policy with {@code Deny} (the client sees 403), or {@code isAuthorized: false};
 *   <li>unauthorized: the error {@code Unauthorized} (the client sees 401);
 *   <li>any failure: {@link AuthorizerFailedException} (the client sees 500), its cause logged and
 *       never passed on.
 * </ul>
 *
 * <p>One line is logged per decision: outcome, principal, reason code, event type, method, path,
 * route key, request id and latency; every request-controlled value is quoted and escaped. Tokens
 * are never logged. Lines go through SLF4J when the deployable has an SLF4J provider and to
 * Lambda's own logger otherwise (docs/authorizers.md, "The decision log").
 *
 * <p>A request whose path (in the method ARN or the event) is not canonical ({@code
 * dev.portico.path.CanonicalPath}, strict) is never allowed: an allow becomes a policy that denies
 * exactly the current method ARN (reason {@code non_canonical_path}).
 *
 * <pre>{@code
 * public final class PetsAuthorizer extends AuthorizerHandler {
 *   public PetsAuthorizer() {
 *     super(request -> request.header("x-demo-user")
 *         .map(user -> Decision.allow(user).withContext("plan", "free"))
 *         .orElseGet(Decision::unauthorized));
 *   }
 * }
 * }</pre>
 */
public class AuthorizerHandler implements RequestStreamHandler {

  private static final AuthorizerLog LOG = AuthorizerLog.of(AuthorizerHandler.class);

  private final Authorizer authorizer;
  private final HttpApiResponseFormat httpApiFormat;

  /** A handler that answers HTTP API payload 2.0 events with an IAM policy. */
  public AuthorizerHandler(Authorizer authorizer) {
    this(authorizer, HttpApiResponseFormat.IAM_POLICY);
  }

  /** A handler that answers HTTP API payload 2.0 events in the given format. */
  public AuthorizerHandler(Authorizer authorizer, HttpApiResponseFormat httpApiFormat) {
    this.authorizer = Objects.requireNonNull(authorizer, "authorizer");
    this.httpApiFormat = Objects.requireNonNull(httpApiFormat, "httpApiFormat");
  }

  /**
   * Handles one event.
   *
   * @throws AuthorizerUnauthorizedException when the decision is unauthorized (401)
   * @throws AuthorizerFailedException on any failure (500)
   */
  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    long start = System.nanoTime();
    AuthorizationRequest request;
    try {
      Node event = Trees.json(input, false);
      request = EventParser.parse(event);
    } catch (IllegalArgumentException e) {
      // EventParser's messages name fields and ARNs, never header or token values.
      LOG.error(
          "authorizer decision=error reason=bad_event latencyMs="
              + millis(start)
              + " detail="
              + LogText.quote(e.getMessage()),
          null);
      throw AuthorizerFailedException.create();
    } catch (IOException | RuntimeException e) {
      // A JSON parser message can quote part of the input, which may be a token: log the type only.
      LOG.error(
          "authorizer decision=error reason=bad_event latencyMs="
              + millis(start)
              + " detail="
              + e.getClass().getName(),
          null);
      throw AuthorizerFailedException.create();
    }

    Decision decision;
    try {
      decision = authorizer.authorize(request);
      if (decision == null) {
        throw new IllegalStateException("authorizer returned null");
      }
    } catch (Exception e) {
      // Tested, not caught by type: a caught type loads when this class is verified, on every cold
      // start (docs/architecture.md, "JSON without databind on the cold path").
      if (e instanceof AuthorizerUnauthorizedException) { // the deprecated subclass too
        decision = Decision.unauthorized();
      } else {
        LOG.error(
            "authorizer decision=error reason=authorizer_failed event="
                + request.eventType()
                + " latencyMs="
                + millis(start),
            e);
        throw AuthorizerFailedException.create();
      }
    }

    NonCanonicalPathException badPath = PathCheck.violation(request).orElse(null);
    if (badPath != null && decision.outcome() == Decision.Outcome.ALLOW) {
      decision = PathCheck.denyCurrent(decision, request.methodArn());
    }

    if (decision.outcome() == Decision.Outcome.UNAUTHORIZED) {
      log(decision, "unauthorized", request, start, badPath);
      throw AuthorizerUnauthorizedException.ofHandler();
    }

    ByteArrayOutputStream buffer = new ByteArrayOutputStream(512);
    boolean allowsCurrent;
    try {
      PolicyDocument policy = AuthorizerResponseWriter.policyFor(decision, request.methodArn());
      allowsCurrent = policy.allows(request.methodArn());
      if (request.eventType() == EventType.HTTP_API_V2
          && httpApiFormat == HttpApiResponseFormat.SIMPLE) {
        AuthorizerResponseWriter.writeSimple(decision, allowsCurrent, buffer);
      } else {
        AuthorizerResponseWriter.writePolicy(decision, policy, buffer);
      }
    } catch (IOException | RuntimeException e) {
      LOG.error(
          "authorizer decision=error reason=response_failed event="
              + request.eventType()
              + " latencyMs="
              + millis(start),
          e);
      throw AuthorizerFailedException.create();
    }
    log(decision, allowsCurrent ? "allow" : "deny", request, start, badPath);
    output.write(buffer.toByteArray());
    output.flush();
  }

  /**
   * The decision line. Every value that comes from the request (principal, method, path, route key,
   * request id, reason, the path violation) goes through {@link LogText#quote}, so a value can
   * never start a second line or forge a field.
   */
  private static void log(
      Decision decision,
      String outcome,
      AuthorizationRequest r,
      long start,
      NonCanonicalPathException badPath) {
    if (LOG.isInfoEnabled()) {
      StringBuilder line =
          new StringBuilder(256)
              .append("authorizer decision=")
              .append(outcome)
              .append(" principal=")
              .append(LogText.quote(decision.principalId()))
              .append(" reason=")
              .append(LogText.quote(decision.reason()))
              .append(" event=")
              .append(r.eventType())
              .append(" method=")
              .append(LogText.quote(r.methodArn().method()))
              .append(" path=")
              .append(LogText.quote(r.path()))
              .append(" routeKey=")
              .append(LogText.quote(r.routeKey().orElse(null)))
              .append(" requestId=")
              .append(LogText.quote(r.requestId().orElse(null)))
              .append(" latencyMs=")
              .append(millis(start));
      if (badPath != null) {
        line.append(" pathViolation=")
            .append(badPath.violation())
            .append(" detail=")
            .append(LogText.quote(badPath.getMessage()));
      }
      LOG.info(line.toString());
    }
  }

  private static long millis(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }
}
