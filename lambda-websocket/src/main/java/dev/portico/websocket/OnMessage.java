package dev.portico.websocket;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Handles messages of one route key, as selected by the API's route selection expression (usually
 * {@code $request.body.action}), or of {@code $default} when no value is given. The return value is
 * the route response (sent to the client when the route is two-way): an object is written as JSON,
 * a {@code String} as text, {@code void} or {@code null} sends nothing.
 *
 * <pre>{@code
 * @OnMessage("sendmessage")
 * public Ack send(@Body ChatMessage message, Connection from, Connections connections) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface OnMessage {
  /** The route key; {@code $default} serves every message no other route takes. */
  String value() default "$default";
}
