package dev.portico.api;

import java.util.Set;

/**
 * Middleware around every request: look at the request, call {@link Chain#proceed} (or not), look
 * at the response. The chain is immutable; Portico's own CORS and error mapping are interceptors on
 * the same chain.
 *
 * <pre>{@code
 * Interceptor timing = chain -> {
 *   long start = System.nanoTime();
 *   Response<?> response = chain.proceed(chain.request());
 *   return response.withHeader("Server-Timing", "app;dur=" + (System.nanoTime() - start) / 1e6);
 * };
 * }</pre>
 */
@FunctionalInterface
public interface Interceptor {
  /** Handles the request, usually by calling {@code chain.proceed(chain.request())}. */
  Response<?> intercept(Chain chain) throws Exception;

  /** The rest of the chain, as seen by one interceptor. */
  interface Chain {
    /** The request as it reached this interceptor. */
    Request request();

    /** The matched route, or {@code null} when no route matched (404, 405, OPTIONS). */
    @Nullable
    Route route();

    /**
     * The methods routes accept on the request's path (empty when no path matched); {@code OPTIONS}
     * and {@code HEAD} are included when served automatically.
     */
    Set<String> allowedMethods();

    /** Passes the request on to the next interceptor or the handler. */
    Response<?> proceed(Request request) throws Exception;
  }
}
