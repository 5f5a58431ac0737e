package dev.portico.local.internal.gateway;

import dev.portico.api.Authorization;
import dev.portico.local.GatewayOptions;
import dev.portico.local.config.LocalApi;
import dev.portico.local.config.LocalRoute;
import dev.portico.local.internal.LogText;
import java.util.Map;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The integration step of the local gateway: writes the flavour's event, invokes the route's
 * function (in its pool, within the flavour's timeout) and answers with the function's response or
 * the flavour's error (function error, timeout, over Lambda's 6 MB response limit, malformed
 * response), logging why.
 *
 * <pre>{@code
 * GatewayHandler.Outcome outcome = integration.serve(response, callback, origin, accept, event,
 *     authorization, api, flavour, route);
 * }</pre>
 */
final class Integration {
  private static final Logger LOG = LoggerFactory.getLogger("dev.portico.local.LocalGateway");
  private static final int MAX_RESPONSE_BYTES = GatewayHandler.MAX_RESPONSE_BYTES;

  private final Map<String, ? extends FunctionInvoker> pools;
  private final GatewayOptions options;

  Integration(Map<String, ? extends FunctionInvoker> pools, GatewayOptions options) {
    this.pools = pools;
    this.options = options;
  }

  /** Invokes the route's function with the flavour's event and writes its answer. */
  GatewayHandler.Outcome serve(
      Response response,
      Callback callback,
      String origin,
      String accept,
      GatewayRequest event,
      Authorization authorization,
      LocalApi api,
      ApiFlavour flavour,
      LocalRoute route)
      throws InterruptedException {
    byte[] eventBytes = flavour.event(event, authorization, api, route);
    FunctionInvoker pool = pools.get(route.function());
    FunctionPool.Outcome result =
        pool.invoke(
            eventBytes,
            event.requestId(),
            flavour.integrationTimeout(options.integrationTimeout()));
    String function = route.function();
    ErrorAnswer error = flavour.integrationError();
    if (result instanceof FunctionPool.Threw threw) {
      LOG.warn(
          "Function {} threw; API Gateway answers {}: {}",
          function,
          error.status(),
          LogText.quote(threw.error()),
          LogText.safe(threw.error()));
      GatewayResponses.send(response, callback, error, api, flavour, origin);
      return new GatewayHandler.Outcome(error.status(), function);
    }
    if (result instanceof FunctionPool.TimedOut timedOut) {
      if (timedOut.functionTimeout()) {
        LOG.warn(
            "Function {} timed out after {} ms (its Timeout); API Gateway answers {}",
            function,
            timedOut.after().toMillis(),
            error.status());
        GatewayResponses.send(response, callback, error, api, flavour, origin);
        return new GatewayHandler.Outcome(error.status(), function);
      }
      ErrorAnswer timeout = flavour.integrationTimeout();
      LOG.warn(
          "Function {} did not answer within the {} ms integration timeout; API Gateway answers"
              + " {}",
          function,
          timedOut.after().toMillis(),
          timeout.status());
      GatewayResponses.send(response, callback, timeout, api, flavour, origin);
      return new GatewayHandler.Outcome(timeout.status(), function);
    }
    byte[] output = ((FunctionPool.Returned) result).output();
    if (output.length > MAX_RESPONSE_BYTES) {
      LOG.warn(
          "Function {} returned {} bytes, over Lambda's {} byte response limit; API Gateway"
              + " answers {}",
          function,
          output.length,
          MAX_RESPONSE_BYTES,
          error.status());
      GatewayResponses.send(response, callback, error, api, flavour, origin);
      return new GatewayHandler.Outcome(error.status(), function);
    }
    IntegrationResponse proxy;
    try {
      proxy = flavour.response(output, route);
    } catch (IllegalArgumentException e) {
      LOG.warn(
          "Function {}: {}; API Gateway answers {}",
          function,
          LogText.quote(e.getMessage()),
          error.status());
      GatewayResponses.send(response, callback, error, api, flavour, origin);
      return new GatewayHandler.Outcome(error.status(), function);
    }
    GatewayResponses.writeProxy(
        response, callback, proxy, api, flavour, event.requestId(), origin, accept);
    return new GatewayHandler.Outcome(proxy.status(), function);
  }
}
