package dev.portico.authorizer.internal.tree;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The streaming tree reader against Jackson's mappers (test scope only), which the authorizer used
 * before: same values, same accessor answers, same refusals.
 */
class TreesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final YAMLMapper YAML = new YAMLMapper();

  /** Plain values of a Jackson tree: what {@link #plain(Node)} gives for ours. */
  private static Object plain(JsonNode n) {
    if (n.isObject()) {
      Map<String, Object> m = new LinkedHashMap<>();
      n.properties().forEach(e -> m.put(e.getKey(), plain(e.getValue())));
      return m;
    }
    if (n.isArray()) {
      List<Object> l = new ArrayList<>();
      n.forEach(e -> l.add(plain(e)));
      return l;
    }
    if (n.isNull()) {
      return "<null>";
    }
    return n.getNodeType() + ":" + n.asText() + ":" + n.isIntegralNumber();
  }

  private static Object plain(Node n) {
    if (n.isObject()) {
      Map<String, Object> m = new LinkedHashMap<>();
      n.properties().forEach(e -> m.put(e.getKey(), plain(e.getValue())));
      return m;
    }
    if (n.isArray()) {
      List<Object> l = new ArrayList<>();
      n.forEach(e -> l.add(plain(e)));
      return l;
    }
    if (n.isNull()) {
      return "<null>";
    }
    return n.kind() + ":" + n.asText() + ":" + n.isIntegralNumber();
  }

  static Stream<Path> configurationFiles() throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path root : List.of(Path.of("src/test/resources"), Path.of("../samples"))) {
      try (Stream<Path> walk = Files.walk(root)) {
        walk.filter(p -> p.getFileName().toString().endsWith("authorizer.yaml"))
            .filter(p -> !p.toString().contains("/target/"))
            .forEach(files::add);
      }
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(3);
    return files.stream();
  }

  @ParameterizedTest
  @MethodSource("configurationFiles")
  void everyShippedConfigurationReadsAsYamlMapperReadsIt(Path file) throws Exception {
    String text = Files.readString(file);
    assertThat(plain(Trees.yaml(text))).isEqualTo(plain(YAML.readTree(text)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a: 1\nb: -2\nc: 12345678901\nd: 123456789012345678901234567890\n",
        "a: 1.5\nb: true\nc: false\nd: ~\ne:\nf: ''\ng: 'yes'\n",
        "list: [a, 'b', 3, null]\nflow: {x: 1, y: [2]}\n",
        "block: |\n  line one\n  line two\nfolded: >\n  a\n  b\n",
        "anchor: &a {k: v}\n",
        "\"quoted key\": \"value with ${env:X}\"\nurl: https://a.example/x?y=1#z\n",
        "routes:\n  \"GET /pets\": { anyValidToken: true }\n  \"POST /pets\": { scopes: [w] }\n",
        "n: 0x1F\no: 0o17\n"
      })
  void yamlScalarsAndCollectionsReadAsYamlMapperReadsThem(String text) throws Exception {
    assertThat(plain(Trees.yaml(text))).isEqualTo(plain(YAML.readTree(text)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"a\":1,\"b\":[true,false,null],\"c\":{\"d\":\"e\"}}",
        "{\"n\":12345678901,\"big\":123456789012345678901234567890,\"neg\":-7}",
        "{\"s\":\"\\u00e9\\n\\\"\",\"empty\":{},\"list\":[]}",
        "[1,2,3]",
        "\"text\""
      })
  void jsonReadsAsObjectMapperReadsIt(String text) throws Exception {
    assertThat(plain(Trees.json(text.getBytes(UTF_8), true))).isEqualTo(plain(JSON.readTree(text)));
  }

  @Test
  void numbersKeepTheirSizeAndFractionsAreExact() throws Exception {
    Node n =
        Trees.json(
            "{\"i\":7,\"l\":12345678901,\"b\":123456789012345678901234567890,\"f\":0.25}"
                .getBytes(UTF_8),
            true);
    assertThat(n.get("i").numberValue()).isEqualTo(7);
    assertThat(n.get("l").numberValue()).isEqualTo(12345678901L);
    assertThat(n.get("b").numberValue())
        .isEqualTo(new BigInteger("123456789012345678901234567890"));
    assertThat(n.get("b").canConvertToLong()).isFalse();
    assertThat(n.get("f").numberValue()).isEqualTo(new BigDecimal("0.25"));
    assertThat(n.get("f").isIntegralNumber()).isFalse();
    assertThat(n.get("f").canConvertToLong()).isTrue();
    assertThat(Trees.json("{\"x\":1e30}".getBytes(UTF_8), true).get("x").canConvertToLong())
        .isFalse();
  }

  @Test
  void duplicateKeysAreRefusedInJsonAndYamlWithJacksonsMessage() {
    assertThatThrownBy(() -> Trees.json("{\"a\":1,\"a\":2}".getBytes(UTF_8), true))
        .isInstanceOf(JsonProcessingException.class)
        .satisfies(
            e ->
                assertThat(((JsonProcessingException) e).getOriginalMessage())
                    .startsWith("Duplicate field"));
    assertThatThrownBy(() -> Trees.yaml("jwt:\n  issuer: a\n  issuer: b\n"))
        .isInstanceOf(JsonProcessingException.class)
        .satisfies(
            e -> {
              JsonProcessingException j = (JsonProcessingException) e;
              assertThat(j.getOriginalMessage()).startsWith("Duplicate field");
              assertThat(j.getLocation().getLineNr()).isEqualTo(3);
            });
  }

  @Test
  void trailingContentIsRefusedOnlyWhenAsked() throws Exception {
    assertThatThrownBy(() -> Trees.json("{} {}".getBytes(UTF_8), true))
        .isInstanceOf(IOException.class);
    assertThat(Trees.json("{} {}".getBytes(UTF_8), false).isObject()).isTrue();
  }

  @Test
  void truncatedInputIsRefused() {
    for (String text : List.of("{\"a\":", "{\"a\":[1,", "[", "{\"a\"")) {
      assertThatThrownBy(() -> Trees.json(text.getBytes(UTF_8), false))
          .as(text)
          .isInstanceOf(IOException.class);
    }
  }

  @Test
  void emptyInputIsTheMissingNode() throws Exception {
    assertThat(Trees.json(new byte[0], true).isMissingNode()).isTrue();
    assertThat(Trees.yaml("").isMissingNode()).isTrue();
    assertThat(Trees.yaml("# only a comment\n").isMissingNode()).isTrue();
  }

  @Test
  void accessorsAnswerAsJsonNodesDid() throws Exception {
    String text = "{\"s\":\"x\",\"n\":null,\"o\":{},\"a\":[1],\"t\":true,\"i\":5}";
    Node ours = Trees.json(text.getBytes(UTF_8), true);
    JsonNode theirs = JSON.readTree(text);
    for (String key : List.of("s", "n", "o", "a", "t", "i", "absent")) {
      Node o = ours.path(key);
      JsonNode t = theirs.path(key);
      assertThat(o.isValueNode()).as(key).isEqualTo(t.isValueNode());
      assertThat(o.isMissingNode()).as(key).isEqualTo(t.isMissingNode());
      assertThat(o.asText()).as(key).isEqualTo(t.asText());
      assertThat(o.asText("d")).as(key).isEqualTo(t.asText("d"));
      assertThat(o.size()).as(key).isEqualTo(t.size());
      assertThat(o.isEmpty()).as(key).isEqualTo(t.isEmpty());
      assertThat(ours.has(key)).as(key).isEqualTo(theirs.has(key));
      assertThat(ours.hasNonNull(key)).as(key).isEqualTo(theirs.hasNonNull(key));
    }
  }

  @Test
  void aDeepCopyIsIndependent() throws Exception {
    Node root = Trees.yaml("a: {b: [x]}\n");
    Node copy = root.deepCopy();
    root.get("a").set("b", Node.text("changed"));
    assertThat(copy.path("a").path("b").path(0).asText()).isEqualTo("x");
  }

  /**
   * Every {@link Node.Kind} through the accessors that test the kind with {@code ==} (not a switch,
   * so a new kind must be added here on purpose): size, iteration, text and deep copy.
   */
  @Test
  void everyKindAnswersSizeIterationTextAndCopy() throws Exception {
    Node root =
        Trees.json(
            "{\"o\":{\"k\":\"v\"},\"a\":[1,2],\"s\":\"x\",\"n\":5,\"t\":true,\"z\":null}"
                .getBytes(UTF_8),
            true);
    Map<Node.Kind, Node> byKind = new EnumMap<>(Node.Kind.class);
    for (Node value : root) {
      byKind.put(value.kind(), value);
    }
    byKind.put(Node.Kind.MISSING, root.path("absent"));
    assertThat(byKind.keySet()).containsExactlyInAnyOrder(Node.Kind.values());

    for (Node.Kind kind : Node.Kind.values()) {
      Node node = byKind.get(kind);
      int size = kind == Node.Kind.OBJECT ? 1 : kind == Node.Kind.ARRAY ? 2 : 0;
      assertThat(node.size()).as(kind.name()).isEqualTo(size);
      List<String> items = new ArrayList<>();
      node.iterator().forEachRemaining(item -> items.add(item.asText()));
      assertThat(items)
          .as(kind.name())
          .isEqualTo(
              kind == Node.Kind.OBJECT
                  ? List.of("v")
                  : kind == Node.Kind.ARRAY ? List.of("1", "2") : List.of());
      Node copy = node.deepCopy();
      assertThat(plain(copy)).as(kind.name()).isEqualTo(plain(node));
      assertThat(copy == node)
          .as(kind.name() + " copied only when it is a container")
          .isEqualTo(kind != Node.Kind.OBJECT && kind != Node.Kind.ARRAY);
    }
    assertThat(byKind.get(Node.Kind.STRING).asText()).isEqualTo("x");
    assertThat(byKind.get(Node.Kind.NUMBER).asText()).isEqualTo("5");
    assertThat(byKind.get(Node.Kind.BOOLEAN).asText()).isEqualTo("true");
    assertThat(byKind.get(Node.Kind.NULL).asText()).isEqualTo("null");
    assertThat(byKind.get(Node.Kind.OBJECT).asText()).isEmpty();
    assertThat(byKind.get(Node.Kind.ARRAY).asText()).isEmpty();
    assertThat(byKind.get(Node.Kind.MISSING).asText()).isEmpty();
  }
}
