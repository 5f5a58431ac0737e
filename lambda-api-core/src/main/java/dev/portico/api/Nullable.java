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
 *
 * <p>On a component of a JSON body record it makes the field optional: without it, strict binding
 * answers 400 when the field is missing or {@code null} (docs/routing.md, "Strict binding"); on the
 * type argument of a collection component ({@code List<@Nullable String>}) it allows {@code null}
 * elements. Retained at run time, so that the mapper path sees it too.
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
