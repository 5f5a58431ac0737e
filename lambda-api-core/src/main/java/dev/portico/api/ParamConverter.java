package dev.portico.api;

/**
 * Converts the text of a path, query, header, cookie, stage-variable or authorizer value into a
 * parameter's type.
 *
 * <p>Portico converts primitives and their boxes, {@code String}, enums (by name, case-sensitive
 * first, then case-insensitive), {@code UUID}, {@code BigDecimal}, {@code BigInteger}, the {@code
 * java.time} types, and any type with a static {@code valueOf(String)}, {@code of(String)}, {@code
 * parse(CharSequence)} or a public {@code (String)} constructor. Register a {@link Factory} for
 * anything else; factories are asked in order, yours first, and answer {@code null} for types that
 * are not theirs.
 *
 * <pre>{@code
 * Api.builder().converter(type -> type == Money.class ? Money::parse : null)
 * }</pre>
 *
 * @param <T> the converted type
 */
@FunctionalInterface
public interface ParamConverter<T> {
  /**
   * Converts one value. Any exception means "not a valid value" and answers 400 naming the
   * parameter.
   */
  T convert(String value) throws Exception;

  /**
   * Portico's own converters (the shared table of {@code dev.portico.path.text}), which {@code Api}
   * asks after the factories registered with it; for other front ends such as WebSocket routes.
   */
  static Factory builtIns() {
    // Through a method typed as Factory: a `new` here would make this interface's verification,
    // on every cold start, load Factory to check the assignment.
    return dev.portico.api.internal.binding.BuiltInConverters.factory();
  }

  /** Creates converters for the types it knows. */
  @FunctionalInterface
  interface Factory {
    /** A converter for the type, or {@code null} when this factory does not handle it. */
    @Nullable
    ParamConverter<?> create(Class<?> type);
  }
}
