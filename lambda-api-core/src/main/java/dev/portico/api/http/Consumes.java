package dev.portico.api.http;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The media types a route accepts as its request body; any other {@code Content-Type} gets 415.
 * JSON bodies accept {@code application/json} and {@code *+json} by default.
 *
 * <pre>{@code
 * @POST @Consumes("text/csv") public void upload(@Body String csv) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Consumes {
  /** Media types such as {@code application/json} or {@code text/*}. */
  String[] value();
}
