package dev.portico.api.http;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Routes requests of every HTTP method to the annotated method (like API Gateway's {@code ANY}); a
 * route for a specific method on the same path takes precedence.
 *
 * <pre>{@code
 * @ANY @Path("/{proxy+}") public Response<String> fallback(Request request) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD})
public @interface ANY {}
