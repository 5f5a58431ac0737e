package dev.portico.authorizer.oauth2.internal;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The parts of an authorizer event that sender-constrained tokens need and that {@code
 * AuthorizationRequest} does not carry: the domain the client called, the stage, the client
 * certificate of a mutual TLS connection, and the Lambda time left. Read with strict types: a field
 * of the wrong type is absent (and the checks that need it fail closed).
 *
 * <pre>{@code
 * EventDetails details = EventDetails.read(eventJson, context.getRemainingTimeInMillis());
 * details.clientCertPem();   // REST: requestContext.identity.clientCert.clientCertPem
 * }</pre>
 *
 * @param domainName {@code requestContext.domainName} or {@code null}
 * @param stage {@code requestContext.stage} or {@code null}
 * @param httpApiV2 whether the event is HTTP API payload 2.0 (its {@code rawPath} carries a named
 *     stage already)
 * @param clientCertPem the client certificate (PEM) API Gateway verified, or {@code null}
 * @param remainingMillis the Lambda time left when the event arrived, or {@code -1} if unknown
 */
public record EventDetails(
    String domainName,
    String stage,
    boolean httpApiV2,
    String clientCertPem,
    long remainingMillis) {

  private static final ThreadLocal<EventDetails> CURRENT = new ThreadLocal<>();

  /** Reads the details from an event. */
  public static EventDetails read(JsonNode event, long remainingMillis) {
    JsonNode ctx = event.path("requestContext");
    boolean v2 = "2.0".equals(text(event.path("version")));
    JsonNode cert =
        v2
            ? ctx.path("authentication").path("clientCert").path("clientCertPem")
            : ctx.path("identity").path("clientCert").path("clientCertPem");
    return new EventDetails(
        text(ctx.path("domainName")), text(ctx.path("stage")), v2, text(cert), remainingMillis);
  }

  /** The details of the event being handled on this thread, or {@code null}. */
  public static EventDetails current() {
    return CURRENT.get();
  }

  /** Makes {@code details} current while {@code action} runs on this thread. */
  public static <E extends Exception> void with(EventDetails details, Action<E> action) throws E {
    EventDetails previous = CURRENT.get();
    CURRENT.set(details);
    try {
      action.run();
    } finally {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    }
  }

  /** Something that runs with details made current. */
  @FunctionalInterface
  public interface Action<E extends Exception> {
    /** Runs. */
    void run() throws E;
  }

  private static String text(JsonNode node) {
    return node.isTextual() && !node.asText().isEmpty() ? node.asText() : null;
  }
}
