package dev.portico.benchmarks.containers.jersey;

import dev.portico.benchmarks.petstore.NewPet;
import dev.portico.benchmarks.petstore.Pet;
import dev.portico.benchmarks.petstore.PetStore;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The petstore routes as a JAX-RS resource, with the same statuses as the Portico sample. */
@Path("/pets")
@Produces(MediaType.APPLICATION_JSON)
public class PetResource {
  private final PetStore store;

  /** Serves this store. */
  public PetResource(PetStore store) {
    this.store = store;
  }

  /** {@code GET /pets}. */
  @GET
  public Response list(
      @QueryParam("limit") @DefaultValue("20") int limit, @QueryParam("tag") List<String> tags) {
    if (limit < 1 || limit > 100) {
      return problem(400, "Bad Request", "limit must be between 1 and 100, got " + limit);
    }
    return Response.ok(store.list(limit, tags)).build();
  }

  /** {@code GET /pets/{id}}. */
  @GET
  @Path("/{id}")
  public Response get(@PathParam("id") long id) {
    return found(store.find(id), id);
  }

  /** {@code POST /pets}. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(NewPet pet) {
    if (!pet.errors().isEmpty()) {
      return invalid(pet.errors());
    }
    Pet created = store.add(pet);
    return Response.status(201).header("Location", "/pets/" + created.id()).entity(created).build();
  }

  /** {@code PUT /pets/{id}}. */
  @PUT
  @Path("/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response update(@PathParam("id") long id, NewPet pet) {
    if (!pet.errors().isEmpty()) {
      return invalid(pet.errors());
    }
    return found(store.replace(id, pet), id);
  }

  /** {@code DELETE /pets/{id}}. */
  @DELETE
  @Path("/{id}")
  public Response delete(@PathParam("id") long id) {
    return store.remove(id)
        ? Response.noContent().build()
        : problem(404, "Not Found", "no pet " + id);
  }

  private static Response found(Optional<Pet> pet, long id) {
    return pet.isPresent()
        ? Response.ok(pet.get()).build()
        : problem(404, "Not Found", "no pet " + id);
  }

  private static Response problem(int status, String title, String detail) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail);
    return Response.status(status).type("application/problem+json").entity(body).build();
  }

  /** The sample's 400 for a body that breaks NewPet's constraints, listing every violation. */
  private static Response invalid(List<Map<String, Object>> errors) {
    int status = 400;
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", "Bad Request");
    body.put("status", status);
    body.put("detail", NewPet.detail(errors));
    body.put("errors", errors);
    return Response.status(status).type("application/problem+json").entity(body).build();
  }
}
