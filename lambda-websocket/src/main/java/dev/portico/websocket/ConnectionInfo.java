package dev.portico.websocket;

import dev.portico.api.Nullable;
import java.time.Instant;

/**
 * What the {@code @connections} API reports about a live connection ({@code GetConnection}).
 *
 * <pre>{@code
 * connections.info(id).map(ConnectionInfo::lastActiveAt)
 * }</pre>
 *
 * @param connectionId the connection
 * @param connectedAt when it connected
 * @param lastActiveAt when it last sent or received a message
 * @param sourceIp the client's address, or {@code null}
 * @param userAgent the client's {@code User-Agent}, or {@code null}
 */
public record ConnectionInfo(
    String connectionId,
    @Nullable Instant connectedAt,
    @Nullable Instant lastActiveAt,
    @Nullable String sourceIp,
    @Nullable String userAgent) {}
