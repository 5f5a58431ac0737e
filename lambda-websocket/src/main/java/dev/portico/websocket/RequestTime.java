package dev.portico.websocket;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds the time API Gateway received the event ({@code requestContext.requestTimeEpoch}) to an
 * {@code Instant} or a {@code long} (epoch milliseconds) parameter.
 *
 * <pre>{@code
 * @OnMessage public void any(@RequestTime Instant at) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface RequestTime {}
