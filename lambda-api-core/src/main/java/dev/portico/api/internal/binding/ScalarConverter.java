package dev.portico.api.internal.binding;

import dev.portico.api.Nullable;
import dev.portico.api.ParamConverter;
import dev.portico.path.text.Scalar;

/**
 * A JDK scalar type ({@code int}, {@code long}, {@code String}, {@code UUID}, {@code LocalDate},
 * ...): the shared table in {@code dev.portico.path.text} converts. Asked for directly by the API
 * builder, so that the usual parameters need neither {@link BuiltInConverters} nor the factory
 * interface on a cold start.
 */
public final class ScalarConverter implements ParamConverter<Object> {
  private final Scalar scalar;

  private ScalarConverter(Scalar scalar) {
    this.scalar = scalar;
  }

  /** The converter for a JDK scalar type, or {@code null} when the table has none for it. */
  public static @Nullable ScalarConverter forType(Class<?> type) {
    Scalar scalar = Scalar.forClass(type).orElse(null);
    return scalar == null ? null : new ScalarConverter(scalar);
  }

  /** How error messages name the type, e.g. {@code int}: as {@link BuiltInConverters#describe}. */
  public String describe(Class<?> type) {
    return scalar.runtimeWording(type.getName());
  }

  @Override
  public Object convert(String value) {
    return scalar.convert(value);
  }
}
