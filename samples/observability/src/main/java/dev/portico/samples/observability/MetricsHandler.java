package dev.portico.samples.observability;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;

/**
 * The greetings with CloudWatch metrics in the Embedded Metric Format through Powertools for AWS
 * Lambda (Java) 2.x, without AspectJ: {@link RouteMetrics} records, this handler emits the cold
 * start once and flushes one EMF JSON line per invocation to stdout, which CloudWatch turns into
 * metrics. Namespace and service come from {@code POWERTOOLS_METRICS_NAMESPACE} and {@code
 * POWERTOOLS_SERVICE_NAME}.
 *
 * <pre>{@code
 * Handler: dev.portico.samples.observability.MetricsHandler::handleRequest
 * }</pre>
 */
public final class MetricsHandler implements RequestStreamHandler {
  private static final Metrics METRICS = MetricsFactory.getMetricsInstance();

  private final GreetingApi api = new GreetingApi(new RouteMetrics(METRICS));

  /** Builds the API once, at init. */
  public MetricsHandler() {}

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    METRICS.captureColdStartMetric(context);
    try {
      api.handleRequest(input, output, context);
    } finally {
      METRICS.flush();
    }
  }
}
