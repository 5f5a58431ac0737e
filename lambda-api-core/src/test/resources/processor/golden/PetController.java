package com.example.pets;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.portico.api.Authorization;
import dev.portico.api.Nullable;
import dev.portico.api.Request;
import dev.portico.api.Response;
import dev.portico.api.http.ANY;
import dev.portico.api.http.AuthorizerParam;
import dev.portico.api.http.Body;
import dev.portico.api.http.Claim;
import dev.portico.api.http.Consumes;
import dev.portico.api.http.CookieParam;
import dev.portico.api.http.DELETE;
import dev.portico.api.http.DefaultValue;
import dev.portico.api.http.GET;
import dev.portico.api.http.HEAD;
import dev.portico.api.http.HeaderParam;
import dev.portico.api.http.PATCH;
import dev.portico.api.http.POST;
import dev.portico.api.http.PUT;
import dev.portico.api.http.Path;
import dev.portico.api.http.PathParam;
import dev.portico.api.http.Principal;
import dev.portico.api.http.Produces;
import dev.portico.api.http.QueryParam;
import dev.portico.api.http.RequiresClaim;
import dev.portico.api.http.RequiresScopes;
import dev.portico.api.http.StageVariable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The petstore, exercising every kind of binding. */
@Path("/pets")
@Produces("application/json")
public final class PetController {
  public record Pet(long id, String name, Kind kind) {}

  public record NewPet(String name, Kind kind) {}

  public enum Kind {
    CAT,
    DOG
  }

  @GET
  @Path("/{id}")
  public Pet get(@PathParam("id") long id) {
    return new Pet(id, "Rex", Kind.DOG);
  }

  @POST
  @RequiresScopes("pets:write")
  public Response<Pet> create(@Body NewPet pet) {
    return Response.created("/pets/1", new Pet(1, pet.name(), pet.kind()));
  }

  @GET
  public List<Pet> list(
      @QueryParam("limit") @DefaultValue("20") int limit, @QueryParam("tag") List<String> tags) {
    return List.of();
  }

  @DELETE
  @Path("/{id}")
  @RequiresScopes({"pets:write", "pets:delete"})
  @RequiresClaim(name = "cognito:groups", anyOf = {"admins", "owners"})
  public void delete(@PathParam("id") long id, @Principal String user) {}

  @PUT
  @Path("/{id}/")
  public Pet replace(@PathParam("id") long id, @Body List<NewPet> pets, Request request) {
    return new Pet(id, pets.get(0).name(), pets.get(0).kind());
  }

  @PATCH
  @HEAD
  @Path("/{id}/visits/{day}")
  public String visit(
      @PathParam("id") long id,
      @PathParam("day") LocalDate day,
      @HeaderParam("X-Trace") Optional<UUID> trace,
      @CookieParam("session") @Nullable String session,
      @StageVariable("env") @DefaultValue("dev") String env,
      @Claim("sub") String subject,
      @AuthorizerParam("tenant") Integer tenant,
      Context context,
      Authorization authorization,
      APIGatewayV2HTTPEvent event) {
    return "";
  }

  @POST
  @Path("/import")
  @Consumes("text/csv")
  @Produces("text/plain")
  public static String importCsv(@Body String csv) {
    return csv;
  }

  @PUT
  @Path("/{id}/photo")
  @Consumes({"image/png", "image/jpeg"})
  public void photo(@PathParam("id") long id, @Body byte[] photo) {}

  @POST
  @Path("/search")
  public List<Pet> search(@Body Optional<Map<String, List<String>>> filter) {
    return List.of();
  }

  @ANY
  @Path("/legacy/{proxy+}")
  public Response<Void> legacy(@PathParam("proxy") String rest) {
    return Response.status(410);
  }
}
