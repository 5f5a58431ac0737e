/**
 * Issue 15: the cold-start cost of sending through the WebSocket {@code @connections} management
 * API. Three handlers post one message to one connection of a local stand-in for the endpoint
 * ({@link dev.portico.benchmarks.websocket.LocalConnectionsEndpoint}): lambda-websocket's {@code
 * Connections} on the AWS SDK v2 with url-connection-client (as it ships), the same SDK client on
 * its default apache5-client, and a plain JDK {@code HttpURLConnection} POST (the floor).
 */
package dev.portico.benchmarks.websocket;
