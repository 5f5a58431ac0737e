package dev.portico.websocket;

import dev.portico.api.Nullable;

/**
 * Why a connection closed, from a {@code $disconnect} event's {@code disconnectStatusCode} and
 * {@code disconnectReason} (RFC 6455 close codes: 1000 normal, 1001 going away, 1005 no status
 * sent, 1006 abnormal...). Bind it as a parameter of an {@link OnDisconnect} method.
 *
 * <pre>{@code
 * if (status.code() == 1001) { ... }
 * }</pre>
 *
 * @param code the close status code, or {@code -1} when the event carried none
 * @param reason the reason text, or {@code ""}
 */
public record CloseStatus(int code, String reason) {
  /** Validates. */
  public CloseStatus {
    reason = reason == null ? "" : reason;
  }

  /** Whether the event carried a status code. */
  public boolean known() {
    return code >= 0;
  }

  static CloseStatus of(@Nullable Integer code, @Nullable String reason) {
    return new CloseStatus(code == null ? -1 : code, reason == null ? "" : reason);
  }
}
