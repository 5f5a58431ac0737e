package dev.portico.api.internal.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON trees Portico makes without parsing. Their own class: a method that returns a {@code
 * MissingNode} as a {@code JsonNode} makes the verifier load both with the class declaring it, and
 * the classes on every request's path must not load jackson-databind.
 */
public final class Trees {
  private Trees() {}

  /** The missing node. */
  public static JsonNode missing() {
    return MissingNode.getInstance();
  }

  /** A new empty object. */
  static JsonNode emptyObject() {
    return new ObjectNode(null);
  }
}
