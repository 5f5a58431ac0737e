package dev.portico.samples.authorizeronly;

import dev.portico.api.Api;
import dev.portico.api.ApiHandler;
import dev.portico.api.Request;
import dev.portico.api.Response;
import java.util.List;

/**
 * The small API the YAML authorizer guards (a stand-in for yours): {@code GET /notes} and {@code
 * POST /notes}, answering who the authorizer let in.
 */
public final class NotesHandler extends ApiHandler {
  /**
   * The answer of {@code GET /notes}.
   *
   * @param notes the notes (none: this API is a stand-in)
   * @param principal whom the authorizer let in
   */
  public record Notes(List<String> notes, String principal) {}

  /**
   * The answer of {@code POST /notes}.
   *
   * @param createdBy whom the authorizer let in
   */
  public record Created(String createdBy) {}

  /** The two routes. */
  public NotesHandler() {
    super(
        Api.builder()
            .get("/notes", request -> new Notes(List.of(), principal(request)))
            .post(
                "/notes", request -> Response.status(201).withBody(new Created(principal(request))))
            .build());
  }

  private static String principal(Request request) {
    String principal = request.authorization().principalId();
    return principal == null ? "" : principal;
  }
}
