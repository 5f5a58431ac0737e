package dev.portico.api.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * CoreTree answers as a jackson-databind tree read by a default mapper does, for every kind of
 * value an authorizer can pass: the code that moved off the tree keeps its results.
 */
class CoreTreeTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static Object read(String json) throws IOException {
    try (JsonParser p = new JsonFactory().createParser(json)) {
      p.nextToken();
      return CoreTree.read(p);
    }
  }

  /** Every kind of value an authorizer can pass, as JSON; {@code CoreJsonTest} writes each back. */
  static List<String> authorizerValues() {
    return List.of(
        "\"text\"",
        "\"\"",
        "\"caf\\u00e9 \\\"q\\\" \\n\"",
        "0",
        "-12",
        "2147483648",
        "9223372036854775807",
        "9223372036854775808",
        "-9223372036854775808",
        "-9223372036854775809",
        "999999999999999999",
        "1000000000000000000",
        "-0",
        "0.1e-400",
        "4.9e-324",
        "-123456789012345678901234",
        "1.10",
        "1e2",
        "-0.0",
        "1.5E300",
        "true",
        "false",
        "null",
        "[]",
        "[\"a\", 1, 2.5, true, null, {\"x\": 1}, [\"n\"]]",
        "{}",
        "{\"a\": {\"b\": [1, 2.0, \"c\"]}, \"d\": null, \"e\": 1e-7, \"f\": \"\\u2028\"}",
        "{\"a\": 1, \"a\": 2, \"b\": 3}");
  }

  @ParameterizedTest
  @MethodSource("authorizerValues")
  void answersAsADefaultMappersTreeDoes(String json) throws IOException {
    JsonNode node = MAPPER.readTree(json);
    Object value = read(json);

    assertThat(CoreTree.asText(value)).isEqualTo(node.asText());
    assertThat(CoreTree.isObject(value)).isEqualTo(node.isObject());
    List<String> elements = new ArrayList<>();
    for (Object element : CoreTree.elements(value)) {
      elements.add(CoreTree.asText(element));
    }
    List<String> treeElements = new ArrayList<>();
    for (JsonNode element : node) {
      treeElements.add(element.asText());
    }
    assertThat(elements).isEqualTo(treeElements);
    for (String name : List.of("a", "b", "d", "missing")) {
      Object field = CoreTree.path(value, name);
      JsonNode treeField = node.path(name);
      assertThat(field == CoreTree.MISSING).as(name).isEqualTo(treeField.isMissingNode());
      assertThat(field == CoreTree.NULL).as(name).isEqualTo(treeField.isNull());
      assertThat(CoreTree.asText(field)).as(name).isEqualTo(treeField.asText());
    }
  }
}
