package dev.portico.api.processor;

import dev.portico.api.http.DefaultValue;
import dev.portico.api.http.GET;
import dev.portico.api.http.Path;
import dev.portico.api.http.QueryParam;
import java.util.List;

/** Serves {@link CrudController}'s routes for pets, overriding one of them. */
@Path("/pets")
public final class PetCrudController extends CrudController<BindingController.Pet> {
  @Override
  protected String kind() {
    return "pet";
  }

  /** An annotated override replaces the inherited route, parameter annotations included. */
  @Override
  @GET
  public List<BindingController.Pet> list(@QueryParam("limit") @DefaultValue("5") int limit) {
    return List.of(new BindingController.Pet("listed", limit));
  }

  @GET
  @Path("/count")
  public int count() {
    return super.list(Integer.MAX_VALUE).size();
  }
}
