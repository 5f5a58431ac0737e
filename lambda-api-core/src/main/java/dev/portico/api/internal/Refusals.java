package dev.portico.api.internal;

import dev.portico.api.ForbiddenException;
import dev.portico.api.NotFoundException;
import dev.portico.api.UnsupportedMediaTypeException;

/**
 * The refusals that the classes on every request's path throw, built here and typed as {@code
 * RuntimeException}. A class that names an exception type in a {@code throw} or {@code catch} loads
 * that type when the class is verified, on every cold start, however rare the refusal; built here,
 * the types load with the first refusal instead (docs/performance.md, "Classes on the cold path").
 */
final class Refusals {
  private Refusals() {}

  /** A 403 with this detail. */
  static RuntimeException forbidden(String detail) {
    return new ForbiddenException(detail);
  }

  /** A 404 with this detail. */
  static RuntimeException notFound(String detail) {
    return new NotFoundException(detail);
  }

  /** A 415 with this detail. */
  static RuntimeException unsupportedMediaType(String detail) {
    return new UnsupportedMediaTypeException(detail);
  }
}
