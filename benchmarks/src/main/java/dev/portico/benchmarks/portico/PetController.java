package dev.portico.benchmarks.portico;

import dev.portico.api.NotFoundException;
import dev.portico.api.Response;
import dev.portico.api.http.Body;
import dev.portico.api.http.DELETE;
import dev.portico.api.http.DefaultValue;
import dev.portico.api.http.GET;
import dev.portico.api.http.POST;
import dev.portico.api.http.PUT;
import dev.portico.api.http.Path;
import dev.portico.api.http.PathParam;
import dev.portico.api.http.QueryParam;
import dev.portico.benchmarks.petstore.NewPet;
import dev.portico.benchmarks.petstore.Pet;
import dev.portico.benchmarks.petstore.PetStore;
import java.util.List;

/** The petstore routes as a Portico controller; the annotation processor writes its routes. */
@Path("/pets")
public final class PetController {
  private final PetStore store;

  /** Serves this store. */
  public PetController(PetStore store) {
    this.store = store;
  }

  /** {@code GET /pets?limit=20}. */
  @GET
  public List<Pet> list(@QueryParam("limit") @DefaultValue("20") int limit) {
    return store.list(limit);
  }

  /** {@code GET /pets/{id}}. */
  @GET
  @Path("/{id}")
  public Pet get(@PathParam("id") long id) {
    return store.find(id).orElseThrow(() -> new NotFoundException("no pet " + id));
  }

  /** {@code POST /pets}: 201 with a {@code Location}. */
  @POST
  public Response<Pet> create(@Body NewPet pet) {
    Pet created = store.add(pet);
    return Response.created("/pets/" + created.id(), created);
  }

  /** {@code PUT /pets/{id}}. */
  @PUT
  @Path("/{id}")
  public Pet update(@PathParam("id") long id, @Body NewPet pet) {
    return store.replace(id, pet).orElseThrow(() -> new NotFoundException("no pet " + id));
  }

  /** {@code DELETE /pets/{id}}: 204. */
  @DELETE
  @Path("/{id}")
  public void delete(@PathParam("id") long id) {
    if (!store.remove(id)) {
      throw new NotFoundException("no pet " + id);
    }
  }
}
