/**
 * The annotation processor that compiles Portico controllers into route tables at build time.
 *
 * <pre>{@code
 * @Path("/pets") public final class PetController {
 *   @GET @Path("/{id}") public Pet get(@PathParam("id") long id) { ... }
 * }
 * // generates PetController_Routes, registered by Api.builder().controller(new PetController())
 * }</pre>
 */
package dev.portico.processor;
