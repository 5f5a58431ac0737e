package dev.portico.samples.observability;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;

/**
 * The greetings with CloudWatch metrics in the Embedded Metric Format through Powertools for AWS
 * Lambda (Java) 2.x, without AspectJ: {@link RouteMetrics} records, this handler emits the cold
 * start on its first invocation only and flushes one EMF JSON line per invocation to stdout, which
 * CloudWatch turns into metrics. Namespace and service come from {@code
 * POWERTOOLS_METRICS_NAMESPACE} and {@code POWERTOOLS_SERVICE_NAME}.
 *
 * <pre>{@code
 * Handler: dev.portico.samples.observability.MetricsHandler::handleRequest
 * }</pre>
 */
public final class MetricsHandler implements RequestStreamHandler {
  private static final Metrics METRICS = MetricsFactory.getMetricsInstance();

  private final GreetingApi api = new GreetingApi(new RouteMetrics(METRICS));

  /**
   * Whether the next invocation is this instance's first. Lambda creates the handler once per
   * execution environment, so its first invocation is the cold start. Powertools' own cold-start
   * flag is cleared only by its AspectJ aspect, which this sample does not use: without this flag
   * every invocation would emit {@code ColdStart}.
   */
  private final AtomicBoolean firstInvocation = new AtomicBoolean(true);

  /** Builds the API once, at init. */
  public MetricsHandler() {}

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    if (firstInvocation.getAndSet(false)) {
      METRICS.captureColdStartMetric(context);
    }
    try {
      api.handleRequest(input, output, context);
    } finally {
      METRICS.flush();
    }
  }
}
