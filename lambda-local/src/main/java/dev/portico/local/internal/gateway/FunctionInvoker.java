package dev.portico.local.internal.gateway;

import java.time.Duration;

/**
 * Invokes one function with an event: in-process ({@link FunctionPool}) or through the real runtime
 * interface client in another JVM ({@link RuntimeClientFunction}).
 *
 * <pre>{@code
 * FunctionPool.Outcome outcome = invoker.invoke(eventBytes, requestId, Duration.ofSeconds(29));
 * }</pre>
 */
public interface FunctionInvoker extends AutoCloseable {
  /**
   * Invokes the function and waits for its output.
   *
   * @param integrationTimeout API Gateway's limit; the function's own timeout may be shorter
   */
  FunctionPool.Outcome invoke(byte[] event, String requestId, Duration integrationTimeout)
      throws InterruptedException;

  /** Releases what the invoker holds (threads, processes). */
  @Override
  default void close() {}
}
