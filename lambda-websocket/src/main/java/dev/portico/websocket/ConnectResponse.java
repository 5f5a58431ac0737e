package dev.portico.websocket;

import dev.portico.api.Nullable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an {@link OnConnect} method decides: accept (optionally choosing a subprotocol and attaching
 * metadata the registry keeps with the connection) or reject with a status. Immutable.
 *
 * <pre>{@code
 * return ConnectResponse.accept().subprotocol("chat.v1").metadata("room", room);
 * return ConnectResponse.reject(403);
 * }</pre>
 */
public final class ConnectResponse {
  private static final ConnectResponse ACCEPT = new ConnectResponse(200, null, Map.of());

  private final int status;
  private final @Nullable String subprotocol;
  private final Map<String, String> metadata;

  private ConnectResponse(int status, @Nullable String subprotocol, Map<String, String> metadata) {
    this.status = status;
    this.subprotocol = subprotocol;
    this.metadata = metadata;
  }

  /** Accepts the connection. */
  public static ConnectResponse accept() {
    return ACCEPT;
  }

  /**
   * Refuses the connection: API Gateway answers the handshake with this status.
   *
   * @throws IllegalArgumentException unless the status is 400-599
   */
  public static ConnectResponse reject(int status) {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException(
          "A rejected connection needs a 4xx or 5xx status; got " + status);
    }
    return new ConnectResponse(status, null, Map.of());
  }

  /**
   * A copy that answers the handshake with this subprotocol ({@code Sec-WebSocket-Protocol}); it
   * must be one of those the client offered, or the connection is refused with 500 and the mistake
   * logged (a browser would fail the handshake anyway).
   */
  public ConnectResponse subprotocol(String protocol) {
    requireAccepted("subprotocol");
    return new ConnectResponse(status, protocol, metadata);
  }

  /** A copy with one more metadata entry, stored in the connection registry. */
  public ConnectResponse metadata(String key, String value) {
    requireAccepted("metadata");
    Map<String, String> copy = new LinkedHashMap<>(metadata);
    copy.put(key, value);
    return new ConnectResponse(status, subprotocol, Map.copyOf(copy));
  }

  private void requireAccepted(String what) {
    if (status != 200) {
      throw new IllegalStateException("A rejected connection has no " + what);
    }
  }

  /** 200 when accepted, else the rejection status. */
  public int status() {
    return status;
  }

  /** Whether the connection is accepted. */
  public boolean accepted() {
    return status == 200;
  }

  /** The chosen subprotocol, or {@code null}. */
  public @Nullable String subprotocol() {
    return subprotocol;
  }

  /** The metadata to register with the connection. */
  public Map<String, String> metadata() {
    return metadata;
  }

  @Override
  public String toString() {
    return accepted()
        ? "accept" + (subprotocol == null ? "" : " " + subprotocol) + " " + metadata
        : "reject " + status;
  }
}
