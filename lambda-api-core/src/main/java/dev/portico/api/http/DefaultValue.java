package dev.portico.api.http;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The value a query, header, cookie, stage variable or authorizer parameter takes when the request
 * has none; converted like a real value.
 *
 * <pre>{@code
 * @GET public List<Pet> list(@QueryParam("limit") @DefaultValue("20") int limit) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.PARAMETER})
public @interface DefaultValue {
  /** The default, as text. */
  String value();
}
