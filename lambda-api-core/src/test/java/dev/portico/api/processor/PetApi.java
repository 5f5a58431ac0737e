package dev.portico.api.processor;

import dev.portico.api.http.GET;
import dev.portico.api.http.Path;
import dev.portico.api.http.PathParam;

/**
 * Routes declared on an interface, JAX-RS style; every class implementing it gets its own routes
 * class, without annotations of its own.
 */
@Path("/api/pets")
public interface PetApi {
  @GET
  @Path("/{id}")
  String get(@PathParam("id") long id);

  @GET
  @Path("/version")
  default String version() {
    return "v1";
  }
}
