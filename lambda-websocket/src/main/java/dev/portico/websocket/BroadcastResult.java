package dev.portico.websocket;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a broadcast did for each connection: every connection asked for has an outcome, and each
 * {@link Delivery#FAILED} one an exception.
 *
 * <pre>{@code
 * BroadcastResult result = connections.broadcastToGroup("room:lobby", message);
 * result.failures().forEach((id, e) -> log.warn("not sent to {}", id, e));
 * }</pre>
 *
 * @param outcomes the outcome per connection id, in the order they were sent
 * @param failures the exception per failed connection id
 */
public record BroadcastResult(Map<String, Delivery> outcomes, Map<String, SendException> failures) {
  /** Copies. */
  public BroadcastResult {
    outcomes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(outcomes));
    failures = Map.copyOf(failures);
  }

  /** The ids with this outcome, in order. */
  public List<String> with(Delivery delivery) {
    List<String> ids = new ArrayList<>();
    outcomes.forEach(
        (id, outcome) -> {
          if (outcome == delivery) {
            ids.add(id);
          }
        });
    return ids;
  }
}
