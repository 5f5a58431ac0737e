package dev.portico.api.http;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A claim (or Lambda authorizer context entry) the caller must have, with one of the listed values,
 * for the route to run; otherwise the function answers 403 itself. On a controller class it applies
 * to every route of the class, in addition to the method's own.
 *
 * <pre>{@code
 * @DELETE @Path("/{id}") @RequiresClaim(name = "cognito:groups", anyOf = {"admins"})
 * public void delete(@PathParam("id") long id) { ... }
 * }</pre>
 *
 * <p>The value is looked up like {@link Claim}: the JWT claims ({@code authorizer.jwt.claims}, REST
 * API Cognito {@code authorizer.claims}), then the Lambda authorizer context ({@code
 * authorizer.<name>}, {@code authorizer.lambda.<name>}). A JSON array matches when one element is
 * listed; a string is read as a list separated by spaces or commas, in optional brackets (the way
 * API Gateway flattens array claims such as groups, {@code "[admins users]"}), and matches when one
 * element is listed. Comparison is exact and case-sensitive.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RequiresClaim {
  /** The claim or context key, e.g. {@code cognito:groups}. */
  String name();

  /** The accepted values, at least one; the caller needs one of them. */
  String[] anyOf();
}
