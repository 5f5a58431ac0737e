package dev.portico.samples.observability;

import dev.portico.api.Api;
import dev.portico.api.ApiHandler;
import dev.portico.api.Interceptor;

/**
 * The Portico handler of the greetings, with the given interceptors; on its own it is the plain
 * function (SLF4J lines as the backend formats them), and the Powertools handlers wrap it.
 *
 * <pre>{@code
 * RequestStreamHandler plain = new GreetingApi();
 * }</pre>
 */
public final class GreetingApi extends ApiHandler {
  /** The greetings without extra interceptors: the baseline of the cold-start measurement. */
  public GreetingApi() {
    this(new Interceptor[0]);
  }

  /** The greetings with these global interceptors (first one outermost). */
  public GreetingApi(Interceptor... interceptors) {
    super(build(interceptors));
  }

  private static Api build(Interceptor... interceptors) {
    Api.Builder builder = Api.builder().controller(new GreetingController());
    for (Interceptor interceptor : interceptors) {
      builder.interceptor(interceptor);
    }
    return builder.build();
  }
}
