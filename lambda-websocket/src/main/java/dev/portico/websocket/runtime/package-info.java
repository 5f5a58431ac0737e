/**
 * What generated {@code <Controller>_WebSocketRoutes} classes call: stable, versioned with the
 * module. Application code rarely needs it, except to register hand-written routes.
 */
package dev.portico.websocket.runtime;
