package dev.portico.api.processor;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.portico.api.Authorization;
import dev.portico.api.Nullable;
import dev.portico.api.Request;
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
import dev.portico.api.http.POST;
import dev.portico.api.http.PUT;
import dev.portico.api.http.Path;
import dev.portico.api.http.PathParam;
import dev.portico.api.http.Principal;
import dev.portico.api.http.Produces;
import dev.portico.api.http.QueryParam;
import dev.portico.api.http.StageVariable;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A controller using every kind of binding; the real build's annotation processor generates its
 * {@code BindingController_Routes}. Each method answers what it received, as {@code value (Type)}.
 */
@Path("/bind")
public final class BindingController {
  /** Removed ids, recorded by the void route. */
  final List<Long> removed = new ArrayList<>();

  /** An enum parameter type. */
  public enum Color {
    RED,
    GREEN
  }

  /** A JSON body type. */
  public record Pet(String name, int age) {}

  /** A type converted through its static {@code parse(String)}. */
  public record Code(String text) {
    /** Parses "XX-1" style codes. */
    public static Code parse(String text) {
      if (!text.matches("[A-Z]{2}-\\d+")) {
        throw new IllegalArgumentException("not a code: " + text);
      }
      return new Code(text);
    }
  }

  @GET
  @Path("/path/{id}/{day}/{color}")
  public Map<String, String> path(
      @PathParam("id") long id, @PathParam("day") LocalDate day, @PathParam("color") Color color) {
    return describe("id", id, "day", day, "color", color);
  }

  @GET
  @Path("/query")
  public Map<String, String> query(
      @QueryParam("q") String q,
      @QueryParam("limit") @DefaultValue("20") int limit,
      @QueryParam("tag") List<String> tags,
      @QueryParam("id") Optional<UUID> id,
      @QueryParam("maybe") @Nullable Integer maybe,
      @QueryParam("price") @DefaultValue("9.99") BigDecimal price) {
    return describe("q", q, "limit", limit, "tags", tags, "id", id, "maybe", maybe, "price", price);
  }

  @GET
  @Path("/headers")
  public Map<String, String> headers(
      @HeaderParam("X-Count") int count,
      @HeaderParam("x-multi") List<String> multi,
      @CookieParam("session") String session,
      @StageVariable("env") @DefaultValue("dev") String env) {
    return describe("count", count, "multi", multi, "session", session, "env", env);
  }

  @GET
  @Path("/auth")
  public Map<String, String> auth(
      @Principal String principal,
      @Claim("email") String email,
      @AuthorizerParam("tenant") long tenant,
      Authorization authorization,
      Request request,
      Context context) {
    return describe(
        "principal",
        principal,
        "email",
        email,
        "tenant",
        tenant,
        "authorization",
        authorization.principalId(),
        "request",
        request.path(),
        "context",
        context != null);
  }

  @GET
  @Path("/raw")
  public Map<String, String> raw(APIGatewayProxyRequestEvent event) {
    return describe("event", event.getHttpMethod() + " " + event.getPath());
  }

  @POST
  @Path("/json")
  public Map<String, String> json(@Body Pet pet) {
    return describe("pet", pet);
  }

  @POST
  @Path("/list")
  public Map<String, String> list(@Body List<Pet> pets) {
    return describe("pets", pets, "first", pets.get(0));
  }

  @POST
  @Path("/map")
  public Map<String, String> map(@Body Map<String, Integer> counts) {
    return describe("counts", counts, "cats", counts.get("cats"));
  }

  @POST
  @Path("/text")
  @Consumes("text/*")
  @Produces("text/plain")
  public String text(@Body String text) {
    return "text:" + text;
  }

  @PUT
  @Path("/bytes")
  public Map<String, String> bytes(@Body byte[] bytes) {
    return describe("length", bytes.length, "text", new String(bytes, StandardCharsets.UTF_8));
  }

  @POST
  @Path("/optional")
  public Map<String, String> optional(@Body Optional<Pet> pet) {
    return describe("pet", pet);
  }

  @POST
  @Path("/nullable")
  public Map<String, String> nullable(@Body @Nullable Pet pet) {
    return describe("pet", pet);
  }

  @DELETE
  @Path("/{id}")
  public void remove(@PathParam("id") long id) {
    removed.add(id);
  }

  @GET
  @HEAD
  @Path("/static")
  public static String ping() {
    return "pong";
  }

  @GET
  @Path("/custom/{code}")
  public Map<String, String> custom(@PathParam("code") Code code) {
    return describe("code", code);
  }

  @ANY
  @Path("/any/{rest+}")
  public Map<String, String> any(@PathParam("rest") String rest, Request request) {
    return describe("method", request.method(), "rest", rest);
  }

  /** Overloads need explicit type arguments in generated code. */
  @POST
  @Path("/overloaded/{id}")
  public Map<String, String> overloaded(@PathParam("id") long id, @Body Pet pet) {
    return describe("id", id, "pet", pet);
  }

  /** The other overload; not a route. */
  public Map<String, String> overloaded(String id, Pet pet) {
    return describe("id", id, "pet", pet);
  }

  /** {@code Long}, or {@code List<String>} for a list of strings. */
  private static String typeOf(Object value) {
    if (value instanceof List<?> list) {
      return list.isEmpty() ? "List" : "List<" + list.get(0).getClass().getSimpleName() + ">";
    }
    return value.getClass().getSimpleName();
  }

  private static Map<String, String> describe(Object... namesAndValues) {
    Map<String, String> description = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      Object value = namesAndValues[i + 1];
      description.put(
          (String) namesAndValues[i], value == null ? "null" : value + " (" + typeOf(value) + ")");
    }
    return description;
  }
}
