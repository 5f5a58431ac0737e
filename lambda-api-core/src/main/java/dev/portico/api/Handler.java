package dev.portico.api;

/**
 * The one thing a route does: turn a {@link Request} into a result.
 *
 * <p>Annotated controller methods compile down to handlers (the annotation processor generates
 * them), and a lambda registers the same way:
 *
 * <pre>{@code
 * Api api = Api.builder()
 *     .get("/hello/{name}", request -> "Hello, " + request.pathParam("name"))
 *     .build();
 * }</pre>
 *
 * <p>The returned value becomes the response: a {@link Response} as it is, {@code null} as 204 No
 * Content, a {@code String} as {@code text/plain}, a {@code byte[]} as a base64 binary body, and
 * any other object as {@code application/json}. Throwing an {@link HttpException} answers with its
 * status and an RFC 9457 problem body.
 */
@FunctionalInterface
public interface Handler {
  /**
   * Handles one request.
   *
   * @return the response body or a {@link Response}; {@code null} for 204
   * @throws Exception mapped to a response by the API's exception mappers
   */
  @Nullable
  Object handle(Request request) throws Exception;
}
