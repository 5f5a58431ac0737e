package dev.portico.api.http;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds an API Gateway stage variable.
 *
 * <pre>{@code
 * @GET public String env(@StageVariable("environment") String environment) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.PARAMETER})
public @interface StageVariable {
  /** The stage variable's name. */
  String value();
}
