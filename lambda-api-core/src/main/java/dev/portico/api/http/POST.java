package dev.portico.api.http;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Routes HTTP POST requests to the annotated method; combine with {@link Path} for the path.
 *
 * <pre>{@code
 * @POST @Path("/{id}") public Pet handle(@PathParam("id") long id) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD})
public @interface POST {}
