package dev.portico.api.testing;

import com.amazonaws.services.lambda.runtime.Context;
import dev.portico.api.internal.SyntheticContext;
import java.time.Duration;
import java.util.UUID;

/**
 * A Lambda {@link Context} for tests and local runs, with a real deadline: {@link
 * #getRemainingTimeInMillis()} counts down from the timeout given.
 *
 * <pre>{@code
 * Context context = FakeContext.withTimeout(Duration.ofSeconds(3));
 * }</pre>
 */
public final class FakeContext extends SyntheticContext {
  private FakeContext(String requestId, String functionName, long deadlineMillis, int memoryMb) {
    super(requestId, functionName, deadlineMillis, memoryMb);
  }

  /** A context for function {@code portico-test} with a 30-second deadline. */
  public static FakeContext create() {
    return withTimeout(Duration.ofSeconds(30));
  }

  /** A context whose deadline is this far away. */
  public static FakeContext withTimeout(Duration timeout) {
    return new FakeContext(
        UUID.randomUUID().toString(),
        "portico-test",
        System.currentTimeMillis() + timeout.toMillis(),
        512);
  }

  /** A context for a named function, a request id and an absolute deadline. */
  public static FakeContext of(String functionName, String requestId, long deadlineEpochMillis) {
    return new FakeContext(requestId, functionName, deadlineEpochMillis, 512);
  }
}
