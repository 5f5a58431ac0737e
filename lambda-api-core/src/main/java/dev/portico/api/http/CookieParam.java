package dev.portico.api.http;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds the value of a cookie sent with the request.
 *
 * <pre>{@code
 * @GET public Cart cart(@CookieParam("session") String session) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.PARAMETER})
public @interface CookieParam {
  /** The cookie's name. */
  String value();
}
