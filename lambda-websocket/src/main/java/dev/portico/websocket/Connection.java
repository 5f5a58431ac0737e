package dev.portico.websocket;

import dev.portico.api.Nullable;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The connection an event came from: its id and what API Gateway told about it, with shortcuts to
 * send to it, close it and put it in groups. Bind it as a handler parameter.
 *
 * <pre>{@code
 * @OnMessage("join")
 * public void join(@Body Join join, Connection connection) {
 *   connection.join("room:" + join.room());
 *   connection.send(new Joined(join.room()));
 * }
 * }</pre>
 *
 * <p>During {@code $connect} the connection is registered (so {@link #join} works) but API Gateway
 * does not deliver messages to it until the handler has returned and the handshake completed.
 */
public final class Connection {
  private final String id;
  private final @Nullable Instant connectedAt;
  private final @Nullable String sourceIp;
  private final @Nullable String userAgent;
  private final @Nullable String principal;
  private final Supplier<Connections> connections;

  Connection(
      String id,
      @Nullable Instant connectedAt,
      @Nullable String sourceIp,
      @Nullable String userAgent,
      @Nullable String principal,
      Supplier<Connections> connections) {
    this.id = id;
    this.connectedAt = connectedAt;
    this.sourceIp = sourceIp;
    this.userAgent = userAgent;
    this.principal = principal;
    this.connections = connections;
  }

  /** API Gateway's connection id. */
  public String id() {
    return id;
  }

  /** When the connection was accepted ({@code requestContext.connectedAt}), or {@code null}. */
  public @Nullable Instant connectedAt() {
    return connectedAt;
  }

  /** The client's address ({@code requestContext.identity.sourceIp}), or {@code null}. */
  public @Nullable String sourceIp() {
    return sourceIp;
  }

  /** The client's {@code User-Agent}, or {@code null}. */
  public @Nullable String userAgent() {
    return userAgent;
  }

  /** The authorizer's {@code principalId}, or {@code null}. */
  public @Nullable String principal() {
    return principal;
  }

  /**
   * The {@code @connections} client of this connection's API and stage (its SDK client is built on
   * first use).
   */
  public Connections connections() {
    return connections.get();
  }

  /** Sends a message to this connection; see {@link Connections#send}. */
  public Delivery send(Object message) {
    return connections().send(id, message);
  }

  /** Closes this connection; see {@link Connections#close}. */
  public Delivery close() {
    return connections().close(id);
  }

  /** Adds this connection to a group in the registry. */
  public void join(String group) {
    connections().registry().join(id, group);
  }

  /** Removes this connection from a group in the registry. */
  public void leave(String group) {
    connections().registry().leave(id, group);
  }

  @Override
  public String toString() {
    return "Connection " + id;
  }
}
