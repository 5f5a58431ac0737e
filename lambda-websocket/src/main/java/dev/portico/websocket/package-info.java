/**
 * API Gateway WebSocket APIs for Portico: annotated routes ({@link
 * dev.portico.websocket.OnConnect}, {@link dev.portico.websocket.OnDisconnect}, {@link
 * dev.portico.websocket.OnMessage}) generated at build time, {@link
 * dev.portico.websocket.Connections} for the {@code @connections} API and the {@link
 * dev.portico.websocket.ConnectionRegistry} SPI. Start with {@link
 * dev.portico.websocket.WebSocketApi}.
 */
package dev.portico.websocket;
