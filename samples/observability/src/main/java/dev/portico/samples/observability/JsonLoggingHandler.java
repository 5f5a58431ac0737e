package dev.portico.samples.observability;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * The greetings with structured JSON logs through Powertools for AWS Lambda (Java) 2.x, without
 * AspectJ: {@code PowertoolsLogging.initializeLogging} puts the Lambda context (request id,
 * function name, version, ARN, memory, cold start) into the MDC, Portico adds {@code requestId},
 * {@link RouteInMdc} adds {@code route}, and log4j2.xml's {@code JsonTemplateLayout} with
 * Powertools' {@code LambdaJsonLayout.json} writes them into every line.
 *
 * <pre>{@code
 * Handler: dev.portico.samples.observability.JsonLoggingHandler::handleRequest
 * }</pre>
 */
public final class JsonLoggingHandler implements RequestStreamHandler {
  private final GreetingApi api = new GreetingApi(new RouteInMdc());

  /** Builds the API once, at init. */
  public JsonLoggingHandler() {}

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    PowertoolsLogging.initializeLogging(context);
    try {
      api.handleRequest(input, output, context);
    } finally {
      PowertoolsLogging.clearState(true);
    }
  }
}
