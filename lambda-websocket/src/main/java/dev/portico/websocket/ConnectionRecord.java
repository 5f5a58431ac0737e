package dev.portico.websocket;

import dev.portico.api.Nullable;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A connection as the registry keeps it: put when {@code $connect} is accepted, deleted on {@code
 * $disconnect}, expired by {@code expiresAt} at the latest (API Gateway closes every connection
 * after two hours).
 *
 * <pre>{@code
 * registry.get(id).map(ConnectionRecord::principal)
 * }</pre>
 *
 * @param connectionId API Gateway's connection id
 * @param principal the authorizer's {@code principalId}, or {@code null}
 * @param metadata what the {@code $connect} handler attached ({@link ConnectResponse#metadata})
 * @param connectedAt when API Gateway accepted the connection
 * @param expiresAt when the registry may forget it (at most {@link #MAX_LIFETIME} after connecting)
 */
public record ConnectionRecord(
    String connectionId,
    @Nullable String principal,
    Map<String, String> metadata,
    Instant connectedAt,
    Instant expiresAt) {

  /** API Gateway's maximum connection duration: two hours. */
  public static final Duration MAX_LIFETIME = Duration.ofHours(2);

  /** Validates and copies. */
  public ConnectionRecord {
    if (connectionId == null || connectionId.isEmpty()) {
      throw new IllegalArgumentException("A connection record needs a connection id");
    }
    metadata = Map.copyOf(metadata);
    if (expiresAt.isAfter(connectedAt.plus(MAX_LIFETIME))) {
      throw new IllegalArgumentException(
          "Connection "
              + connectionId
              + " expires at "
              + expiresAt
              + ", more than two hours after it connected ("
              + connectedAt
              + ")");
    }
  }

  /** A record that expires two hours after connecting. */
  public static ConnectionRecord of(
      String connectionId,
      @Nullable String principal,
      Map<String, String> metadata,
      Instant connectedAt) {
    return new ConnectionRecord(
        connectionId, principal, metadata, connectedAt, connectedAt.plus(MAX_LIFETIME));
  }
}
