package dev.portico.samples.httpapi;

import dev.portico.api.Api;
import dev.portico.api.ApiHandler;

/**
 * The Lambda handler named in {@code template.yaml}: {@code
 * dev.portico.samples.httpapi.BookHandler::handleRequest}. It serves the HTTP API's payload 2.0
 * events and the function URL's events alike (Portico reads both).
 *
 * <pre>{@code
 * RequestStreamHandler handler = new BookHandler();
 * }</pre>
 */
public final class BookHandler extends ApiHandler {
  /** Builds the API once, at init, over a shelf seeded with two books. */
  public BookHandler() {
    this(Shelf.seeded());
  }

  /** Serves the given shelf (tests keep a hand on it). */
  public BookHandler(Shelf shelf) {
    super(Api.builder().controller(new BookController(shelf)).build());
  }
}
