package dev.portico.websocket;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds the event's {@code requestContext.connectionId} to a {@code String} parameter.
 *
 * <pre>{@code
 * @OnMessage("ping") public String ping(@ConnectionId String id) { return "pong " + id; }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface ConnectionId {}
