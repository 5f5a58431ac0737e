package dev.portico.samples.chat;

import dev.portico.api.Response;
import dev.portico.api.http.GET;
import dev.portico.api.http.Path;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Serves the chat's browser page ({@code src/main/resources/web/index.html}) at {@code GET /}: an
 * HTTP API route of the same function, so {@code mvn exec:exec} serves page and WebSocket API on
 * one port.
 */
@Path("/")
public final class PageController {
  private final String page = read("/web/index.html");

  /** The page. */
  @GET
  public Response<String> page() {
    return Response.ok(page)
        .withHeader("Content-Type", "text/html; charset=utf-8")
        .withHeader(
            "Content-Security-Policy",
            "default-src 'self'; connect-src 'self' ws: wss:;"
                + " script-src 'self' 'unsafe-inline'; style-src 'unsafe-inline'")
        .withHeader("Cache-Control", "no-store");
  }

  private static String read(String resource) {
    try (InputStream in = PageController.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
