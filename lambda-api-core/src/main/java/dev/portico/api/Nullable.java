package dev.portico.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a value that may be {@code null}. Everything in Portico's API that is not marked is
 * non-null.
 *
 * <p>On a controller parameter it also means "optional": a missing query parameter binds to {@code
 * null} instead of answering 400.
 *
 * <pre>{@code
 * @GET public List<Pet> list(@QueryParam("tag") @Nullable String tag) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({
  ElementType.TYPE_USE,
  ElementType.METHOD,
  ElementType.PARAMETER,
  ElementType.FIELD,
  ElementType.RECORD_COMPONENT
})
public @interface Nullable {}
