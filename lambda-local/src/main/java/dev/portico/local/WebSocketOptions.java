package dev.portico.local;

import java.time.Duration;

/**
 * How the local gateway's WebSocket APIs time connections out, as API Gateway does: a connection
 * with no message in either direction for {@link #idleTimeout()} is closed, and every connection is
 * closed when it reaches {@link #connectionLimit()}. Tests shorten both.
 *
 * <pre>{@code
 * WebSocketOptions fast = WebSocketOptions.defaults().withIdleTimeout(Duration.ofSeconds(1));
 * LocalGateway.start(config, GatewayOptions.defaults().withPort(0), fast);
 * }</pre>
 *
 * @param idleTimeout API Gateway's idle connection timeout, 10 minutes
 * @param connectionLimit API Gateway's maximum connection duration, 2 hours
 */
public record WebSocketOptions(Duration idleTimeout, Duration connectionLimit) {

  /** API Gateway's idle connection timeout for WebSocket APIs. */
  public static final Duration IDLE_TIMEOUT = Duration.ofMinutes(10);

  /** API Gateway's maximum duration of a WebSocket connection. */
  public static final Duration CONNECTION_LIMIT = Duration.ofHours(2);

  /** Validates. */
  public WebSocketOptions {
    if (idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException("the idle timeout must be positive");
    }
    if (connectionLimit.isNegative() || connectionLimit.isZero()) {
      throw new IllegalArgumentException("the connection limit must be positive");
    }
  }

  /** 10 minutes idle, 2 hours at most, as API Gateway. */
  public static WebSocketOptions defaults() {
    return new WebSocketOptions(IDLE_TIMEOUT, CONNECTION_LIMIT);
  }

  /** A copy with another idle timeout. */
  public WebSocketOptions withIdleTimeout(Duration timeout) {
    return new WebSocketOptions(timeout, connectionLimit);
  }

  /** A copy with another connection limit. */
  public WebSocketOptions withConnectionLimit(Duration limit) {
    return new WebSocketOptions(idleTimeout, limit);
  }
}
