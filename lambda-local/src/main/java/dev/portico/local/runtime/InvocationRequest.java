package dev.portico.local.runtime;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One invocation for the {@link RuntimeApiEmulator}: the event payload, the function timeout and
 * the optional mobile-SDK headers the Runtime API forwards.
 *
 * <pre>{@code
 * InvocationResult result = emulator.invoke(InvocationRequest.of("{\"n\":1}").withTimeout(Duration.ofSeconds(3)));
 * }</pre>
 *
 * @param payload the event bytes the runtime receives from {@code /invocation/next}
 * @param timeout the function timeout; the deadline header is now plus this
 * @param clientContext the {@code Lambda-Runtime-Client-Context} header value, or {@code null}
 * @param cognitoIdentity the {@code Lambda-Runtime-Cognito-Identity} header value, or {@code null}
 */
public record InvocationRequest(
    byte[] payload, Duration timeout, String clientContext, String cognitoIdentity) {

  /** Validates. */
  public InvocationRequest {
    if (payload == null) {
      throw new IllegalArgumentException("payload must not be null");
    }
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, got " + timeout);
    }
  }

  /** An invocation with a 3 second timeout (Lambda's default) and no client context. */
  public static InvocationRequest of(byte[] payload) {
    return new InvocationRequest(payload, Duration.ofSeconds(3), null, null);
  }

  /** An invocation of a UTF-8 JSON payload. */
  public static InvocationRequest of(String json) {
    return of(json.getBytes(StandardCharsets.UTF_8));
  }

  /** A copy with another timeout. */
  public InvocationRequest withTimeout(Duration newTimeout) {
    return new InvocationRequest(payload, newTimeout, clientContext, cognitoIdentity);
  }

  /** A copy carrying a client context (JSON) header. */
  public InvocationRequest withClientContext(String json) {
    return new InvocationRequest(payload, timeout, json, cognitoIdentity);
  }

  /** A copy carrying a Cognito identity (JSON) header. */
  public InvocationRequest withCognitoIdentity(String json) {
    return new InvocationRequest(payload, timeout, clientContext, json);
  }
}
