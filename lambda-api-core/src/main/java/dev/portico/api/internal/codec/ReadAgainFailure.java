package dev.portico.api.internal.codec;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The failure of a second read of an event that already parsed once (headers, the request context):
 * it cannot happen. Built here, so that neither this class nor {@link UncheckedIOException} loads
 * on a cold start unless it does (a type thrown by a class loads when that class is verified).
 */
final class ReadAgainFailure {

  private ReadAgainFailure() {}

  static RuntimeException of(IOException cause) {
    return new UncheckedIOException(cause);
  }
}
