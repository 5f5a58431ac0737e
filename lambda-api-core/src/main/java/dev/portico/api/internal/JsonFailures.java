package dev.portico.api.internal;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.io.IOException;

/**
 * JSON failures as the mapper reports them. Its own class, loaded on the first failure: a method
 * that returns a {@code JsonMappingException} as an {@code IOException} makes the verifier load
 * jackson-databind with the class that declares it.
 */
final class JsonFailures {
  private JsonFailures() {}

  /** The failure of a body's own code (an accessor that throws) while it is written. */
  static IOException cannotWrite(Object body, RuntimeException e) {
    return new JsonMappingException(
        null, "Cannot write " + body.getClass().getName() + " as JSON: " + e, e);
  }
}
