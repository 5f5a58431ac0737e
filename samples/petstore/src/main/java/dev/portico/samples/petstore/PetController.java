package dev.portico.samples.petstore;

import dev.portico.api.BadRequestException;
import dev.portico.api.LogSafe;
import dev.portico.api.NotFoundException;
import dev.portico.api.Nullable;
import dev.portico.api.Response;
import dev.portico.api.http.AuthorizerParam;
import dev.portico.api.http.Body;
import dev.portico.api.http.DELETE;
import dev.portico.api.http.DefaultValue;
import dev.portico.api.http.GET;
import dev.portico.api.http.POST;
import dev.portico.api.http.PUT;
import dev.portico.api.http.Path;
import dev.portico.api.http.PathParam;
import dev.portico.api.http.Principal;
import dev.portico.api.http.QueryParam;
import dev.portico.api.http.RequiresScopes;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The petstore's routes. The annotation processor generates {@code PetController_Routes} at build
 * time, so routing needs no reflection.
 *
 * <pre>{@code
 * Api api = Api.builder().controller(new PetController(PetStore.seeded())).build();
 * }</pre>
 */
@Path("/pets")
public final class PetController {
  /** The response header of {@code POST /pets} that names the authorizer's principal. */
  public static final String CREATED_BY = "X-Created-By";

  /** The scope every write (POST, PUT, DELETE) requires of the caller's token. */
  public static final String WRITE_SCOPE = "pets:write";

  private static final Logger LOG = LoggerFactory.getLogger(PetController.class);

  private final PetStore store;

  /** A controller over this store. */
  public PetController(PetStore store) {
    this.store = store;
  }

  /** {@code GET /pets?limit=20&tag=dog&tag=cat}: pets in id order. */
  @GET
  public List<Pet> list(
      @QueryParam("limit") @DefaultValue("20") int limit, @QueryParam("tag") List<String> tags) {
    if (limit < 1 || limit > 100) {
      throw new BadRequestException("limit must be between 1 and 100, got " + limit);
    }
    return store.list(limit, tags);
  }

  /** {@code GET /pets/{id}}: one pet, or 404. */
  @GET
  @Path("/{id}")
  public Pet get(@PathParam("id") long id) {
    // A test rather than orElseThrow(() -> ...): the first call of a lambda spins a class, about a
    // millisecond of a cold start (docs/performance.md, "Cold-start tips for your own code").
    Optional<Pet> pet = store.find(id);
    if (pet.isEmpty()) {
      throw new NotFoundException("no pet " + id);
    }
    return pet.get();
  }

  /**
   * {@code POST /pets}: 201 with a {@code Location} header, and {@code X-Created-By} naming the
   * principal the authorizer found in the token ({@code sub}). The pet itself stays {@code {"id",
   * "name", "tag"}}. Requires the scope {@code pets:write}, checked here whatever the gateway's
   * authorizer allowed.
   */
  @POST
  @RequiresScopes(WRITE_SCOPE)
  public Response<Pet> create(
      @Valid @Body NewPet pet,
      @Principal @Nullable String principal,
      @AuthorizerParam("scope") @Nullable String scope) {
    Pet created = store.add(pet);
    LOG.info(
        "pet {} created by {} (scope {})",
        created.id(),
        LogSafe.quote(principal),
        LogSafe.quote(scope));
    Response<Pet> response = Response.created("/pets/" + created.id(), created);
    return principal == null ? response : response.withHeader(CREATED_BY, principal);
  }

  /** {@code PUT /pets/{id}}: replaces name and tag, or 404; requires {@code pets:write}. */
  @PUT
  @RequiresScopes(WRITE_SCOPE)
  @Path("/{id}")
  public Pet update(
      @PathParam("id") long id, @Valid @Body NewPet pet, @Principal @Nullable String principal) {
    Optional<Pet> updated = store.replace(id, pet);
    if (updated.isEmpty()) {
      throw new NotFoundException("no pet " + id);
    }
    LOG.info("pet {} updated by {}", id, LogSafe.quote(principal));
    return updated.get();
  }

  /** {@code DELETE /pets/{id}}: 204, or 404; requires {@code pets:write}. */
  @DELETE
  @RequiresScopes(WRITE_SCOPE)
  @Path("/{id}")
  public void delete(@PathParam("id") long id, @Principal @Nullable String principal) {
    if (!store.remove(id)) {
      throw new NotFoundException("no pet " + id);
    }
    LOG.info("pet {} deleted by {}", id, LogSafe.quote(principal));
  }
}
