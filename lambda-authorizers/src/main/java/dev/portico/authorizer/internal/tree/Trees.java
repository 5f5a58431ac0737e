package dev.portico.authorizer.internal.tree;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads JSON and YAML into {@link Node} trees with jackson-core's streaming parsers ({@code
 * JsonParser}, and for YAML {@link SimpleYaml} or else jackson-dataformat-yaml's {@code
 * YAMLParser}): no jackson-databind class is loaded. Duplicate keys are always refused (the
 * parser's strict duplicate detection, whose message starts with {@code Duplicate field}); numbers
 * keep their size (Integer, Long, BigInteger) and fractions are BigDecimal.
 *
 * <pre>{@code
 * Node header = Trees.json(bytes, true);           // trailing content refused
 * Node config = Trees.yaml(text);                  // the first document
 * }</pre>
 */
public final class Trees {

  private static final JsonFactory JSON =
      JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  /**
   * Holds the YAML factory and its parser apart, so that JSON-only callers and plain YAML read by
   * {@link SimpleYaml} never load SnakeYAML or jackson-dataformat-yaml (even verifying a method
   * that assigns a {@code YAMLParser} to a {@code JsonParser} loads it).
   */
  private static final class Yaml {
    static final YAMLFactory FACTORY = yamlFactory();

    static Node read(String text) throws IOException {
      try (JsonParser p = FACTORY.createParser(text)) {
        return Trees.read(p, false);
      }
    }

    private static YAMLFactory yamlFactory() {
      YAMLFactory factory = new YAMLFactory();
      factory.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
      return factory;
    }
  }

  private Trees() {}

  /**
   * Parses one JSON value.
   *
   * @param rejectTrailing whether content after the value is an error
   * @return the value, or the missing node for empty input
   * @throws IOException when the input is not JSON (a duplicate key's message starts with {@code
   *     Duplicate field})
   */
  public static Node json(byte[] bytes, boolean rejectTrailing) throws IOException {
    try (JsonParser p = JSON.createParser(bytes)) {
      return read(p, rejectTrailing);
    }
  }

  /** {@link #json(byte[], boolean)} from a stream. */
  public static Node json(InputStream in, boolean rejectTrailing) throws IOException {
    try (JsonParser p = JSON.createParser(in)) {
      return read(p, rejectTrailing);
    }
  }

  /**
   * Parses the first YAML document.
   *
   * @return the document, or the missing node for an empty document
   * @throws IOException (a {@code JsonProcessingException} with a location) when it is not YAML or
   *     has a duplicate key
   */
  public static Node yaml(String text) throws IOException {
    // Most configuration files are plain YAML that SimpleYaml reads without loading SnakeYAML
    // (about 45 ms of a cold start); it reads exactly what the YAML library would, or nothing.
    Node simple = SimpleYaml.read(text);
    return simple != null ? simple : yamlLibrary(text);
  }

  /** {@link #yaml} through jackson-dataformat-yaml alone (what {@link SimpleYaml} must match). */
  static Node yamlLibrary(String text) throws IOException {
    return Yaml.read(text);
  }

  private static Node read(JsonParser p, boolean rejectTrailing) throws IOException {
    JsonToken first = p.nextToken();
    if (first == null) {
      return Node.missing();
    }
    Node root = value(p, first);
    if (rejectTrailing && p.nextToken() != null) {
      throw new JsonParseException(p, "Trailing token after the value");
    }
    return root;
  }

  private static Node value(JsonParser p, JsonToken token) throws IOException {
    if (token == null) {
      throw new JsonParseException(p, "Unexpected end of input");
    }
    // Tests, not a switch: a switch on an enum compiles to a synthetic class, one more on every
    // cold start (docs/architecture.md, "JSON without databind on the cold path"). TreesTest reads
    // every kind of value.
    if (token == JsonToken.START_OBJECT) {
      Node object = Node.object();
      for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
        if (t != JsonToken.FIELD_NAME) {
          // null: the input ended inside the object.
          throw new JsonParseException(p, "Expected a field name");
        }
        String name = p.currentName();
        object.put(name, value(p, p.nextToken()));
      }
      return object;
    }
    if (token == JsonToken.START_ARRAY) {
      Node array = Node.array();
      for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
        if (t == null) {
          throw new JsonParseException(p, "Unexpected end of input in an array");
        }
        array.add(value(p, t));
      }
      return array;
    }
    if (token == JsonToken.VALUE_STRING) {
      return Node.text(p.getText());
    }
    if (token == JsonToken.VALUE_NUMBER_INT) {
      return Node.number(p.getNumberValue());
    }
    if (token == JsonToken.VALUE_NUMBER_FLOAT) {
      try {
        return Node.number(p.getDecimalValue());
      } catch (NumberFormatException e) {
        // YAML's .inf and .nan have no decimal form.
        return Node.number(p.getDoubleValue());
      }
    }
    if (token == JsonToken.VALUE_TRUE) {
      return Node.bool(true);
    }
    if (token == JsonToken.VALUE_FALSE) {
      return Node.bool(false);
    }
    if (token == JsonToken.VALUE_NULL) {
      return Node.nullNode();
    }
    throw new JsonParseException(p, "Unexpected token " + token);
  }
}
