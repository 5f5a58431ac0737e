package dev.portico.websocket;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Handles the {@code $connect} route: the WebSocket handshake. Returning normally (or {@link
 * ConnectResponse#accept()}) accepts the connection; returning {@link ConnectResponse#reject(int)}
 * or throwing an {@code HttpException} refuses it with that status. The method returns {@code void}
 * or {@link ConnectResponse}; it may bind headers and query parameters, which API Gateway sends on
 * {@code $connect} only.
 *
 * <pre>{@code
 * @OnConnect
 * public ConnectResponse connect(@QueryParam("room") @Nullable String room, Connection connection) {
 *   return room == null ? ConnectResponse.reject(400) : ConnectResponse.accept().metadata("room", room);
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface OnConnect {}
