package dev.portico.samples.observability;

import dev.portico.api.Interceptor;
import dev.portico.api.Response;
import dev.portico.api.Route;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * Records each request's latency with the matched route as dimensions ({@code Method} {@code GET},
 * {@code Route} the template {@code /greetings/{name}}, never the raw path, so the number of metric
 * series stays bounded; EMF dimension values may not contain spaces) and Portico's request id as
 * metadata (searchable in the log line, not a dimension).
 *
 * <pre>{@code
 * Api.builder().interceptor(new RouteMetrics(MetricsFactory.getMetricsInstance())).build();
 * }</pre>
 */
public final class RouteMetrics implements Interceptor {
  private final Metrics metrics;

  /** Records into these metrics; the handler flushes them after each invocation. */
  public RouteMetrics(Metrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public Response<?> intercept(Chain chain) throws Exception {
    long start = System.nanoTime();
    Route route = chain.route();
    try {
      return chain.proceed(chain.request());
    } finally {
      metrics.addDimension(
          DimensionSet.of(
              "Method",
              route == null ? "unmatched" : route.method(),
              "Route",
              route == null ? "unmatched" : route.path()));
      metrics.addMetric("Latency", (System.nanoTime() - start) / 1e6, MetricUnit.MILLISECONDS);
      metrics.addMetadata("requestId", chain.request().requestId());
    }
  }
}
