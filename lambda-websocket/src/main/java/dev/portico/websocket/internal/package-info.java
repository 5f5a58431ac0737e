/** Implementation details of lambda-websocket; not an API. */
package dev.portico.websocket.internal;
