package dev.portico.api.http;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a claim the authorizer validated: {@code authorizer.jwt.claims} (HTTP API) or {@code
 * authorizer.claims} (REST API Cognito), falling back to the Lambda authorizer's context.
 *
 * <pre>{@code
 * @GET @Path("/me") public Profile me(@Claim("sub") String subject) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.PARAMETER})
public @interface Claim {
  /** The claim's name. */
  String value();
}
