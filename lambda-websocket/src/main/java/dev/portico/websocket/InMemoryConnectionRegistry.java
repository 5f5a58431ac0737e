package dev.portico.websocket;

import dev.portico.api.Nullable;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * A {@link ConnectionRegistry} in this process's memory: for local runs and tests. In Lambda each
 * execution environment would have its own, so deployments use the DynamoDB registry. Expired
 * connections are invisible and dropped when met.
 *
 * <pre>{@code
 * WebSocketApi.builder().registry(new InMemoryConnectionRegistry())
 * }</pre>
 */
public final class InMemoryConnectionRegistry implements ConnectionRegistry {
  private final Clock clock;
  private final Map<String, ConnectionRecord> connections = new ConcurrentHashMap<>();
  private final Map<String, NavigableSet<String>> groups = new ConcurrentHashMap<>();
  private final Map<String, NavigableSet<String>> memberships = new ConcurrentHashMap<>();

  /** A registry on the system clock. */
  public InMemoryConnectionRegistry() {
    this(Clock.systemUTC());
  }

  /** A registry whose expiry follows this clock (tests). */
  public InMemoryConnectionRegistry(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void put(ConnectionRecord connection) {
    connections.put(connection.connectionId(), connection);
  }

  @Override
  public Optional<ConnectionRecord> get(String connectionId) {
    ConnectionRecord record = connections.get(connectionId);
    if (record == null) {
      return Optional.empty();
    }
    if (!record.expiresAt().isAfter(clock.instant())) {
      remove(connectionId);
      return Optional.empty();
    }
    return Optional.of(record);
  }

  @Override
  public synchronized void remove(String connectionId) {
    connections.remove(connectionId);
    NavigableSet<String> joined = memberships.remove(connectionId);
    if (joined != null) {
      for (String group : joined) {
        NavigableSet<String> members = groups.get(group);
        if (members != null) {
          members.remove(connectionId);
          if (members.isEmpty()) {
            groups.remove(group);
          }
        }
      }
    }
  }

  @Override
  public synchronized void join(String connectionId, String group) {
    if (get(connectionId).isEmpty()) {
      throw new IllegalStateException(
          "Connection " + connectionId + " is not registered; it cannot join " + group);
    }
    groups.computeIfAbsent(group, g -> new ConcurrentSkipListSet<>()).add(connectionId);
    memberships.computeIfAbsent(connectionId, c -> new ConcurrentSkipListSet<>()).add(group);
  }

  @Override
  public synchronized void leave(String connectionId, String group) {
    NavigableSet<String> members = groups.get(group);
    if (members != null) {
      members.remove(connectionId);
      if (members.isEmpty()) {
        groups.remove(group);
      }
    }
    NavigableSet<String> joined = memberships.get(connectionId);
    if (joined != null) {
      joined.remove(group);
    }
  }

  @Override
  public List<String> groups(String connectionId) {
    if (get(connectionId).isEmpty()) {
      return List.of();
    }
    NavigableSet<String> joined = memberships.get(connectionId);
    return joined == null ? List.of() : List.copyOf(joined);
  }

  @Override
  public Page members(String group, @Nullable String cursor, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1; got " + limit);
    }
    NavigableSet<String> members = groups.get(group);
    if (members == null) {
      return new Page(List.of(), null);
    }
    List<String> page = new ArrayList<>(Math.min(limit, 64));
    String last = null;
    boolean more = false;
    for (String id : cursor == null ? members : members.tailSet(cursor, false)) {
      if (get(id).isEmpty()) {
        continue;
      }
      if (page.size() == limit) {
        more = true;
        break;
      }
      page.add(id);
      last = id;
    }
    return new Page(page, more ? last : null);
  }
}
