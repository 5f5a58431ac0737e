package dev.portico.authorizer.internal;

import dev.portico.authorizer.AuthorizationRequest;
import dev.portico.authorizer.Decision;
import dev.portico.authorizer.internal.tree.Trees;
import dev.portico.authorizer.policy.PolicyDocument;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Runs the handler's own steps once on a made-up {@code TOKEN} event, in the function's
 * initialisation, so that the first real event finds their classes loaded: the event read, the path
 * check, an allow policy built and written. Nothing is kept, logged or sent, and no authorizer is
 * asked. With provisioned concurrency or SnapStart the initialisation runs before any request; on
 * demand, Lambda runs it on a full vCPU, not throttled, and the invocation on the share of a vCPU
 * the memory buys.
 *
 * <pre>{@code
 * HandlerWarmUp.run();   // in a handler's constructor
 * }</pre>
 */
public final class HandlerWarmUp {

  /** A {@code TOKEN} event as API Gateway sends one; the token is never read. */
  private static final byte[] EVENT =
      ("{\"type\":\"TOKEN\",\"authorizationToken\":\"Bearer portico-warm-up\","
              + "\"methodArn\":\"arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/GET/"
              + "portico-warm-up\"}")
          .getBytes(StandardCharsets.US_ASCII);

  private HandlerWarmUp() {}

  /**
   * Reads the made-up event and writes an allow policy for it into a buffer that is dropped.
   *
   * @return the bytes written (for tests); a failure is returned as an empty array, never thrown: a
   *     warm-up must not stop a function's start
   */
  public static byte[] run() {
    try {
      AuthorizationRequest request = EventParser.parse(Trees.json(EVENT, false));
      PathCheck.violation(request);
      Decision decision = Decision.allow("portico-warm-up").withContext("warm", "up");
      PolicyDocument policy = AuthorizerResponseWriter.policyFor(decision, request.methodArn());
      policy.allows(request.methodArn());
      ByteArrayOutputStream buffer = new ByteArrayOutputStream(512);
      AuthorizerResponseWriter.writePolicy(decision, policy, buffer);
      LogText.quote(request.path());
      return buffer.toByteArray();
    } catch (IOException | RuntimeException e) {
      return new byte[0];
    }
  }
}
