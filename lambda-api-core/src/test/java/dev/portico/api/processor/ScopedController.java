package dev.portico.api.processor;

import dev.portico.api.http.DELETE;
import dev.portico.api.http.GET;
import dev.portico.api.http.POST;
import dev.portico.api.http.Path;
import dev.portico.api.http.PathParam;
import dev.portico.api.http.RequiresClaim;
import dev.portico.api.http.RequiresScopes;

/** Routes with requirements on the class and on methods, compiled by the processor. */
@Path("/admin/pets")
@RequiresScopes("pets:admin")
public final class ScopedController {
  @GET
  public String list() {
    return "list";
  }

  @POST
  @RequiresScopes("pets:write")
  public String create() {
    return "created";
  }

  @DELETE
  @Path("/{id}")
  @RequiresClaim(
      name = "groups",
      anyOf = {"admins"})
  public String delete(@PathParam("id") long id) {
    return "deleted " + id;
  }
}
