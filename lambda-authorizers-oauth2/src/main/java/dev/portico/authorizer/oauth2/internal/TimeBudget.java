package dev.portico.authorizer.oauth2.internal;

import java.time.Duration;

/**
 * The deadline of one decision's calls to the authorization server: the configured budget, cut to
 * the Lambda time left minus a margin for the answer and the log line when the time left is known.
 *
 * <pre>{@code
 * long deadline = TimeBudget.deadline(System.nanoTime(), Duration.ofSeconds(3), 1_000);
 * // now + 750 ms: the Lambda time left wins
 * }</pre>
 */
public final class TimeBudget {

  /** Time kept back from the Lambda time left, for the answer and the log line. */
  public static final long LAMBDA_MARGIN_MILLIS = 250;

  private TimeBudget() {}

  /**
   * The deadline in {@link System#nanoTime()} terms.
   *
   * @param nowNanos the current {@link System#nanoTime()}
   * @param budget the configured total time of the calls
   * @param lambdaRemainingMillis the Lambda time left, or zero or less when unknown
   */
  public static long deadline(long nowNanos, Duration budget, long lambdaRemainingMillis) {
    long deadline = nowNanos + budget.toNanos();
    if (lambdaRemainingMillis > 0) {
      long lambdaDeadline =
          nowNanos + Duration.ofMillis(lambdaRemainingMillis - LAMBDA_MARGIN_MILLIS).toNanos();
      deadline = Math.min(deadline, lambdaDeadline);
    }
    return deadline;
  }
}
