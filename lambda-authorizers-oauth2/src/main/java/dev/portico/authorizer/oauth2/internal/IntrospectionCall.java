package dev.portico.authorizer.oauth2.internal;

import java.time.Duration;

/**
 * One token's trip to the authorization server: the answer cached for it, or a call through the
 * {@link Introspector} within the {@link TimeBudget} (the configured budget, cut to the Lambda time
 * left of the current event), whose answer is then cached.
 *
 * <pre>{@code
 * IntrospectionCall call = new IntrospectionCall(introspector, cache, Duration.ofSeconds(3));
 * IntrospectedToken t = call.introspect(token);   // AuthorizationServerException when it fails
 * }</pre>
 */
public final class IntrospectionCall {

  private final Introspector introspector;
  private final TokenCache cache;
  private final Duration budget;

  /** A call through {@code introspector}, answers kept in {@code cache}. */
  public IntrospectionCall(Introspector introspector, TokenCache cache, Duration budget) {
    this.introspector = introspector;
    this.cache = cache;
    this.budget = budget;
  }

  /** The server's answer for {@code token}, from the cache when it is there. */
  public IntrospectedToken introspect(String token) {
    IntrospectedToken cached = cache.get(token);
    if (cached != null) {
      return cached;
    }
    EventDetails details = EventDetails.current();
    long deadline =
        TimeBudget.deadline(
            System.nanoTime(), budget, details == null ? -1 : details.remainingMillis());
    IntrospectedToken answer = introspector.introspect(token, deadline);
    cache.put(token, answer);
    return answer;
  }
}
