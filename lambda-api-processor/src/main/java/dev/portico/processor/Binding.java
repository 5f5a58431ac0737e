package dev.portico.processor;

import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/**
 * How one controller parameter gets its value.
 *
 * @param element the parameter
 * @param kind what kind of binding it is
 * @param shape how the value is wrapped
 * @param valueType the converted type ({@code X} of {@code List<X>} and {@code Optional<X>}), the
 *     body type, or the injected type
 * @param source for {@link Kind#PARAM}, the {@code ParamSource} constant
 * @param name for {@link Kind#PARAM}, the name within the source
 * @param defaultValue the {@code @DefaultValue}, or {@code null}
 * @param optional for {@link Kind#PARAM}, whether a missing value binds to {@code null}
 */
record Binding(
    VariableElement element,
    Kind kind,
    Shape shape,
    TypeMirror valueType,
    String source,
    String name,
    String defaultValue,
    boolean optional) {

  /** What a parameter binds to. */
  enum Kind {
    /** A value read through a {@code Param}: path, query, header, cookie, ... */
    PARAM,
    /** The body as text. */
    BODY_STRING,
    /** The body as bytes. */
    BODY_BYTES,
    /** The body read as JSON. */
    BODY_JSON,
    /** The {@code Request} itself. */
    REQUEST,
    /** The Lambda {@code Context}. */
    CONTEXT,
    /** The {@code Authorization}. */
    AUTHORIZATION,
    /** The event as an aws-lambda-java-events type. */
    RAW_EVENT
  }

  /** How the bound value is wrapped. */
  enum Shape {
    /** The value itself. */
    SINGLE,
    /** Every value, as a {@code List}. */
    LIST,
    /** The value in an {@code Optional}. */
    OPTIONAL,
    /** The value or {@code null} (bodies marked {@code @Nullable}). */
    NULLABLE
  }
}
