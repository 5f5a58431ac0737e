package dev.portico.api.http;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a query string parameter; a {@code List} parameter receives every value.
 *
 * <pre>{@code
 * @GET public List<Pet> list(@QueryParam("tag") List<String> tags) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.PARAMETER})
public @interface QueryParam {
  /** The query parameter's name. */
  String value();
}
