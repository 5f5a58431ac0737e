package dev.portico.api.coldpath;

import dev.portico.api.Authorization;
import dev.portico.api.Response;
import dev.portico.api.http.Body;
import dev.portico.api.http.POST;
import dev.portico.api.http.Path;
import dev.portico.api.http.Principal;
import dev.portico.api.http.RequiresScopes;
import java.util.TreeMap;

/**
 * A protected route with a text body, the principal and the authorization: {@link ColdPostTest}.
 */
@Path("/notes")
public final class NotesController {
  /** Echoes what it was given, so the test sees every value read from the authorizer. */
  @POST
  @RequiresScopes("notes:write")
  public Response<String> create(
      @Body String text, @Principal String principal, Authorization authorization) {
    return Response.created(
        "/notes/1",
        text
            + " by "
            + principal
            + " "
            + new TreeMap<>(authorization.claims())
            + " "
            + authorization.scopes()
            + " "
            + new TreeMap<>(authorization.context()));
  }
}
