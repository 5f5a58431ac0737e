package dev.portico.websocket.runtime;

import dev.portico.api.BadRequestException;
import dev.portico.api.Nullable;

/**
 * Helpers the generated code calls to bind parameters.
 *
 * <pre>{@code
 * String token = Bind.required(request.queryParam("token"), "query parameter 'token'");
 * }</pre>
 */
public final class Bind {
  private Bind() {}

  /**
   * The value, or a 400 (a refused connection on {@code $connect}) naming what is missing.
   *
   * @throws BadRequestException when the value is {@code null}
   */
  public static <T> T required(@Nullable T value, String what) {
    if (value == null) {
      throw new BadRequestException("Missing required " + what);
    }
    return value;
  }

  /**
   * The request time in epoch milliseconds.
   *
   * @throws IllegalStateException when the event carried none (API Gateway always sends it)
   */
  public static long epochMillis(dev.portico.websocket.WebSocketRequest request) {
    java.time.Instant time = request.requestTime();
    if (time == null) {
      throw new IllegalStateException("The event has no requestContext.requestTimeEpoch");
    }
    return time.toEpochMilli();
  }
}
