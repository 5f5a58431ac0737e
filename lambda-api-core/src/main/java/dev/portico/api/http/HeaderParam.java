package dev.portico.api.http;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a request header, matched case-insensitively; a {@code List} parameter receives every
 * value.
 *
 * <pre>{@code
 * @GET public Pet get(@HeaderParam("If-None-Match") @Nullable String etag) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.PARAMETER})
public @interface HeaderParam {
  /** The header's name. */
  String value();
}
