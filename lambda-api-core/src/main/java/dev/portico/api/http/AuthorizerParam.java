package dev.portico.api.http;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds an entry of the Lambda authorizer's context ({@code authorizer.<key>} in payload 1.0,
 * {@code authorizer.lambda.<key>} in 2.0).
 *
 * <pre>{@code
 * @GET public Tenant tenant(@AuthorizerParam("tenantId") String tenantId) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.PARAMETER})
public @interface AuthorizerParam {
  /** The context key. */
  String value();
}
