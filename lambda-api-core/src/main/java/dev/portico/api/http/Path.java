package dev.portico.api.http;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A path template: on a controller class, the prefix of all its routes; on a method, the rest.
 * Segments are literals, {@code {name}} parameters or a final greedy {@code {name+}}.
 *
 * <pre>{@code
 * @Path("/pets") public final class PetController { @GET @Path("/{id}") public Pet get(@PathParam("id") long id) { ... } }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Path {
  /** The template, e.g. {@code /pets/{id}}. */
  String value();
}
