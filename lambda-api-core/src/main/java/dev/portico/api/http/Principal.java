package dev.portico.api.http;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds the authorizer's {@code principalId} (or the {@code sub} claim of a JWT authorizer).
 *
 * <pre>{@code
 * @DELETE @Path("/{id}") public void delete(@PathParam("id") long id, @Principal String user) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.PARAMETER})
public @interface Principal {}
