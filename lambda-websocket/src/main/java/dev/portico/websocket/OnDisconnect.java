package dev.portico.websocket;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Handles the {@code $disconnect} route. Delivery is best effort (API Gateway may not send it, or
 * send it twice): the method must be idempotent. It returns {@code void} and may bind a {@link
 * CloseStatus} with the close code and reason. The connection is removed from the registry after it
 * runs, whether it succeeds or not.
 *
 * <pre>{@code
 * @OnDisconnect
 * public void gone(@ConnectionId String id, CloseStatus status) { log.info("{} closed: {}", id, status); }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface OnDisconnect {}
