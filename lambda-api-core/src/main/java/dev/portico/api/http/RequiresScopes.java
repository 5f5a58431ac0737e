package dev.portico.api.http;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The OAuth scopes a caller's token must carry, all of them, for the route to run; otherwise the
 * function answers 403 itself, whatever the gateway's authorizer let through. On a controller class
 * it applies to every route of the class, in addition to the method's own.
 *
 * <pre>{@code
 * @POST @RequiresScopes("pets:write") public Response<Pet> create(@Body NewPet pet) { ... }
 * }</pre>
 *
 * <p>Scopes are read from what API Gateway passes about the authorizer's decision: HTTP API {@code
 * authorizer.jwt.scopes}, the {@code scope} or {@code scp} claim ({@code authorizer.jwt.claims},
 * REST API Cognito {@code authorizer.claims}), and the Lambda authorizer context key {@code scope}
 * ({@code authorizer.scope} for REST, {@code authorizer.lambda.scope} for HTTP APIs; another key
 * with {@code Api.builder().scopeContextKey(...)}). A space-separated string or a JSON array of
 * strings; a value of any other type grants no scope. See {@code docs/routing.md}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RequiresScopes {
  /** The scopes, at least one; each non-empty and without spaces. */
  String[] value();
}
