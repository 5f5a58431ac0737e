/**
 * Annotations only: they bind the parts of an HTTP request (path, query, headers, cookies, body,
 * authorizer data) to controller method parameters, and route methods by HTTP verb and {@link
 * dev.portico.api.http.Path}. The annotation processor in {@code lambda-api-processor} turns them
 * into plain {@link dev.portico.api.Handler}s at build time; nothing here is read by reflection.
 *
 * <pre>{@code
 * @Path("/pets")
 * public final class PetController {
 *   @GET @Path("/{id}") public Pet get(@PathParam("id") long id) { ... }
 * }
 * }</pre>
 */
package dev.portico.api.http;
