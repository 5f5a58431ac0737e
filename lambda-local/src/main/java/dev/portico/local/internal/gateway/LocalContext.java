package dev.portico.local.internal.gateway;

import com.amazonaws.services.lambda.runtime.Context;
import dev.portico.api.internal.SyntheticContext;

/**
 * The Lambda {@link Context} of one in-process invocation: core's {@link SyntheticContext} (the
 * request id, the function's name and ARN, the remaining time until the function's timeout, 512 MB,
 * and a logger writing through SLF4J as {@code dev.portico.lambda.<function>}) for a function of
 * the template.
 *
 * <pre>{@code
 * Context context = new LocalContext("PetFunction", requestId, deadlineMillis);
 * }</pre>
 */
final class LocalContext extends SyntheticContext {
  private static final int MEMORY_MB = 512;

  /**
   * A context for one invocation.
   *
   * @param functionName the function's logical id
   * @param requestId the invocation's request id
   * @param deadlineEpochMillis when the function times out
   */
  LocalContext(String functionName, String requestId, long deadlineEpochMillis) {
    super(requestId, functionName, deadlineEpochMillis, MEMORY_MB);
  }
}
