package dev.portico.api.http;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a {@code {name}} of the route's path template, converted to the parameter's type.
 *
 * <pre>{@code
 * @GET @Path("/{id}") public Pet get(@PathParam("id") long id) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.PARAMETER})
public @interface PathParam {
  /** The name in braces in the path template. */
  String value();
}
