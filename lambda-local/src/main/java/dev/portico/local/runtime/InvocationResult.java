package dev.portico.local.runtime;

import java.nio.charset.StandardCharsets;

/**
 * How an invocation through the {@link RuntimeApiEmulator} ended.
 *
 * <pre>{@code
 * InvocationResult result = emulator.invoke(InvocationRequest.of("{}"));
 * if (result.outcome() == InvocationResult.Outcome.SUCCESS) {
 *   log.info(result.payloadAsString());
 * }
 * }</pre>
 *
 * @param requestId the request id the runtime saw
 * @param outcome success, function error, init error or timeout
 * @param payload the response, or the error document ({@code errorMessage}, {@code errorType},
 *     {@code stackTrace}) the runtime posted
 * @param errorType the {@code Lambda-Runtime-Function-Error-Type} header, or {@code null} on
 *     success
 */
public record InvocationResult(
    String requestId, Outcome outcome, byte[] payload, String errorType) {

  /** How an invocation ended. */
  public enum Outcome {
    /** The runtime posted to {@code /invocation/{id}/response}. */
    SUCCESS,
    /** The runtime posted to {@code /invocation/{id}/error}, or the response was too large. */
    ERROR,
    /** The runtime posted to {@code /init/error}: the function never became ready. */
    INIT_ERROR,
    /** Nothing came back before the deadline. */
    TIMEOUT
  }

  /** The payload as UTF-8 text. */
  public String payloadAsString() {
    return new String(payload, StandardCharsets.UTF_8);
  }
}
