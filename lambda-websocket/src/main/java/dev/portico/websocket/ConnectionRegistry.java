package dev.portico.websocket;

import dev.portico.api.Nullable;
import java.util.List;
import java.util.Optional;

/**
 * Where connections and their groups (rooms) are kept between invocations. {@link WebSocketApi}
 * puts a connection when {@code $connect} is accepted and removes it on {@code $disconnect}; {@link
 * Connections} removes one when API Gateway answers 410 Gone. Implementations: {@link
 * InMemoryConnectionRegistry} (local runs, tests) and {@code DynamoDbConnectionRegistry}
 * (lambda-websocket-dynamodb). Every method is safe to call concurrently and idempotent.
 *
 * <pre>{@code
 * registry.join(connectionId, "room:lobby");
 * for (String cursor = null; ; ) {
 *   ConnectionRegistry.Page page = registry.members("room:lobby", cursor, 100);
 *   ...
 *   if ((cursor = page.next()) == null) break;
 * }
 * }</pre>
 */
public interface ConnectionRegistry {
  /** Stores (or replaces) a connection. */
  void put(ConnectionRecord connection);

  /** The connection, unless it is unknown, removed or expired. */
  Optional<ConnectionRecord> get(String connectionId);

  /** Forgets a connection and its group memberships; nothing happens if it is unknown. */
  void remove(String connectionId);

  /**
   * Adds a known connection to a group; the membership expires with the connection.
   *
   * @throws IllegalStateException when the connection is not registered
   */
  void join(String connectionId, String group);

  /** Removes a connection from a group; nothing happens if it is not a member. */
  void leave(String connectionId, String group);

  /** The groups a connection belongs to. */
  List<String> groups(String connectionId);

  /**
   * One page of a group's members, in a stable order (by connection id).
   *
   * @param cursor {@code null} for the first page, else the previous page's {@link Page#next()}
   * @param limit the most ids to return, at least 1
   */
  Page members(String group, @Nullable String cursor, int limit);

  /**
   * A page of connection ids.
   *
   * @param connectionIds the members, at most the limit asked for
   * @param next the cursor for the next page, or {@code null} after the last one
   */
  record Page(List<String> connectionIds, @Nullable String next) {
    /** Copies. */
    public Page {
      connectionIds = List.copyOf(connectionIds);
    }
  }
}
