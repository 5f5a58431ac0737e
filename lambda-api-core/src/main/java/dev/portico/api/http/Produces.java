package dev.portico.api.http;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The {@code Content-Type} of the route's response body when the handler does not set one.
 *
 * <pre>{@code
 * @GET @Produces("text/csv") public String export() { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Produces {
  /** The media type. */
  String value();
}
