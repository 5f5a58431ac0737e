package dev.portico.authorizer.internal.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link SimpleYaml} reads exactly what jackson-dataformat-yaml reads, or leaves the text to it:
 * for every text it accepts, its tree equals the library's, kinds and number types included.
 */
class SimpleYamlTest {

  /** A tree written out with every node's kind and every number's type. */
  static String describe(Node node) {
    StringBuilder out = new StringBuilder();
    describe(node, out);
    return out.toString();
  }

  private static void describe(Node node, StringBuilder out) {
    if (node.isObject()) {
      out.append('{');
      for (Map.Entry<String, Node> e : node.properties()) {
        out.append(e.getKey()).append('=');
        describe(e.getValue(), out);
        out.append(';');
      }
      out.append('}');
    } else if (node.isArray()) {
      out.append('[');
      for (Node item : node) {
        describe(item, out);
        out.append(';');
      }
      out.append(']');
    } else if (node.isNumber()) {
      out.append(node.numberValue().getClass().getSimpleName())
          .append(':')
          .append(node.numberValue());
    } else {
      out.append(node.toString());
    }
  }

  /** The library's tree, or null when the library refuses the text. */
  static String library(String text) {
    try {
      return describe(Trees.yamlLibrary(text));
    } catch (IOException e) {
      return null;
    }
  }

  /** Asserts that {@link SimpleYaml} reads {@code text} and gives the library's tree. */
  private static String readsLikeTheLibrary(String text) {
    Node simple = SimpleYaml.read(text);
    assertThat(simple).as("SimpleYaml reads:\n" + text).isNotNull();
    String described = describe(simple);
    assertThat(described).as("the tree of:\n" + text).isEqualTo(library(text));
    return described;
  }

  @Test
  void readsTheBenchmarksConfiguration() {
    String tree =
        readsLikeTheLibrary(
            """
            # the config-file JWT authorizer
            jwt:
              issuer: ${env:ISSUER_URL}
              audience: pets-api   # the API's audience
              principalClaim: sub
              context:
                scope: scope
                email: email
            """);

    assertThat(tree)
        .isEqualTo(
            "{jwt={issuer=\"${env:ISSUER_URL}\";audience=\"pets-api\";principalClaim=\"sub\";"
                + "context={scope=\"scope\";email=\"email\";};};}");
  }

  @Test
  void readsSequencesOfScalarsAndOfMappingsAtEitherIndentation() {
    String tree =
        readsLikeTheLibrary(
            """
            routes:
            - path: /pets/*
              methods:
                - GET
                - POST
            - path: /admin/*
              scopes:
              - admin
            empty:
            list:
              -
              - ~
              - - nested
            """);

    assertThat(tree)
        .isEqualTo(
            "{routes=[{path=\"/pets/*\";methods=[\"GET\";\"POST\";];};"
                + "{path=\"/admin/*\";scopes=[\"admin\";];};];empty=NULL:null;"
                + "list=[NULL:null;NULL:null;[\"nested\";];];}");
  }

  @Test
  void readsScalarsAsTheLibraryTypesThem() {
    String tree =
        readsLikeTheLibrary(
            """
            a: 0
            b: -42
            c: 2147483648
            d: 123456789012345678
            e: true
            f: FALSE
            g: Null
            h: ~
            i: 'it''s # not a comment'
            j: "double: quoted"
            k: a#b
            l: x [y] {z}, w
            m: true-ish
            n: ünïcødé
            o:
            """);

    assertThat(tree)
        .isEqualTo(
            "{a=Integer:0;b=Integer:-42;c=Long:2147483648;d=Long:123456789012345678;"
                + "e=BOOLEAN:true;f=BOOLEAN:false;g=NULL:null;h=NULL:null;"
                + "i=\"it's # not a comment\";j=\"double: quoted\";k=\"a#b\";l=\"x [y] {z}, w\";"
                + "m=\"true-ish\";n=\"ünïcødé\";o=NULL:null;}");
  }

  @Test
  void readsQuotedKeysAndFlowCollectionsOnOneLineAsTheSamplesWriteRoutes() {
    String tree =
        readsLikeTheLibrary(
            """
            jwt:
              routes:
                "POST /pets": { scopes: [pets:write] }
                'GET /pets/{id}': { anyValidToken: true }
                "DELETE /pets/{id}": { scopes: [ pets:write, 'admin', "x y" ], n: 3 }
                other: []
                none: {}
            """);

    assertThat(tree)
        .isEqualTo(
            "{jwt={routes={POST /pets={scopes=[\"pets:write\";];};"
                + "GET /pets/{id}={anyValidToken=BOOLEAN:true;};"
                + "DELETE /pets/{id}={scopes=[\"pets:write\";\"admin\";\"x y\";];n=Integer:3;};"
                + "other=[];none={};};};}");
  }

  @Test
  void readsWindowsLineEndsCommentsAndBlankLines() {
    readsLikeTheLibrary("# c\r\n\r\njwt:\r\n  # c\r\n  issuer: x # c\r\n\r\n");
  }

  @Test
  void readsADoubledSingleQuoteAsAQuoteInKeysValuesAndFlowCollections() {
    assertThat(readsLikeTheLibrary("'it''s': ['b''c', 'd']\n"))
        .isEqualTo("{it's=[\"b'c\";\"d\";];}");
    assertThat(readsLikeTheLibrary("a:\n- 'k''s': {'e''f': 'g''h'}\n"))
        .isEqualTo("{a=[{k's={e'f=\"g'h\";};};];}");
  }

  @Test
  void keepsWhitespaceOtherThanSpacesInAFlowScalarAsTheLibraryDoes() {
    assertThat(readsLikeTheLibrary("a: [x\u3000, \u2003y]\nb: {k: z\u1680}\n"))
        .isEqualTo("{a=[\"x\u3000\";\"\u2003y\";];b={k=\"z\u1680\";};}");
  }

  @Test
  void leavesDeepNestingLongKeysAndHugeTextsToTheLibraryWithoutRunningOutOfStack() {
    assertThat(SimpleYaml.read("a: " + "[".repeat(65) + "]".repeat(65) + "\n")).isNull();
    assertThat(SimpleYaml.read("a: " + "[".repeat(200_000) + "]".repeat(200_000) + "\n")).isNull();
    StringBuilder deep = new StringBuilder();
    for (int i = 0; i < 70; i++) {
      deep.append(" ".repeat(i)).append("k:\n");
    }
    assertThat(SimpleYaml.read(deep.toString())).isNull();
    assertThat(SimpleYaml.read("a:\n  " + "k".repeat(1001) + ": 1\n")).isNull();
    assertThat(SimpleYaml.read("a: {" + "k".repeat(1025) + ": 1}\n")).isNull();
    assertThat(SimpleYaml.read("a: " + "x".repeat(1_000_001) + "\n")).isNull();
    readsLikeTheLibrary("a: " + "[".repeat(60) + "]".repeat(60) + "\n");
  }

  /** Texts it leaves to the library: each is valid YAML outside the subset, or not YAML at all. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "# only a comment\n",
        "a: 1\na: 2\n",
        "a:\tb\n",
        "a: [b, c\n",
        "a: [b,\n  c]\n",
        "a: {b: c,}\n",
        "a: {b:c}\n",
        "a: {b: }\n",
        "a: [b: c]\n",
        "a: [b #c]\n",
        "a: [b] c\n",
        "a: [\"b\\tc\"]\n",
        "\"a\\tb\": c\n",
        "a: &x b\nc: *x\n",
        "a: !!str 1\n",
        "a: |\n  text\n",
        "a: >\n  text\n",
        "a: b\n  continued\n",
        "a: \"esc\\n\"\n",
        "a: 'quoted' # comment\n",
        "---\na: b\n",
        "%YAML 1.2\n---\na: b\n",
        "a: yes\n",
        "a: Off\n",
        "a: y\n",
        "a: 1.5\n",
        "a: 007\n",
        "a: 0x1F\n",
        "a: +5\n",
        "a: -0\n",
        "a: 1_000\n",
        "a: 1234567890123456789\n",
        "a: .inf\n",
        "a: -b\n",
        "a: b: c\n",
        "a: b:\n",
        "a b: c\n",
        "1: b\n",
        "a:b\n",
        "- a\n",
        "plain\n",
        "  a: b\n",
        "a:\n  b: c\n d: e\n",
        "\uFEFFa: b\n",
        "a: b\u2028c\n",
        "a: \uD83D\uDE00\n",
        "a: b\u0085c\n",
        "a: 'unclosed\n",
      })
  void leavesToTheLibrary(String text) {
    assertThat(SimpleYaml.read(text)).as(text).isNull();
  }

  @Test
  void everyYamlFileInTheRepositoryIsReadAsTheLibraryReadsItOrLeftToIt() throws IOException {
    Path root = Path.of("..").toAbsolutePath().normalize();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files =
          walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
              .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/.git/"))
              .filter(p -> !p.toString().contains("/node_modules/"))
              .toList();
    }
    List<String> configsLeft = new java.util.ArrayList<>();
    for (Path file : files) {
      String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
      Node simple = SimpleYaml.read(text);
      if (simple != null) {
        assertThat(describe(simple)).as(file.toString()).isEqualTo(library(text));
      } else if (file.getFileName().toString().endsWith("authorizer.yaml")
          && !file.toString().contains("FuzzTestInputs")) {
        configsLeft.add(root.relativize(file).toString());
      }
    }
    // The authorizer configurations of the samples, the archetype and the docs' tests are written
    // as users write theirs: every one must take the fast path.
    assertThat(configsLeft).isEmpty();
  }

  /**
   * Random documents built from pieces in and just outside the subset: whatever SimpleYaml accepts,
   * the library reads to the same tree.
   */
  @Test
  void randomDocumentsAcceptedAreReadAsTheLibraryReadsThem() {
    Random random = new Random(20261207L);
    int accepted = 0;
    for (int n = 0; n < 20_000; n++) {
      String text = randomDocument(random);
      Node simple = SimpleYaml.read(text);
      if (simple != null) {
        accepted++;
        String expected = library(text);
        if (!describe(simple).equals(expected)) {
          fail(
              "differs from the library on:\n"
                  + text
                  + "\nsimple: "
                  + describe(simple)
                  + "\nlibrary: "
                  + expected);
        }
      }
    }
    assertThat(accepted).as("documents accepted of 20,000").isGreaterThan(2_000);
  }

  private static final String[] KEYS = {
    "a", "b", "jwt", "issuer", "x.y", "k-1", "_k", "y", "null", "true", "on", "a1"
  };

  private static final String[] SCALARS = {
    "",
    " ",
    "x",
    "pets-api",
    "${env:X}",
    "http://h:1/p?q=1#f",
    "0",
    "1",
    "-1",
    "42",
    "-42",
    "2147483647",
    "2147483648",
    "-2147483648",
    "-2147483649",
    "999999999999999999",
    "007",
    "1.5",
    "1e3",
    "0x10",
    "+1",
    "-0",
    "1_0",
    "true",
    "True",
    "TRUE",
    "tRUE",
    "false",
    "False",
    "FALSE",
    "null",
    "Null",
    "NULL",
    "nULL",
    "~",
    "yes",
    "No",
    "on",
    "OFF",
    "y",
    "n",
    "=",
    "<<",
    "a # c",
    "a#b",
    "a: b",
    "a:",
    "a:b",
    "'q'",
    "'it''s'",
    "'a # b'",
    "\"d\"",
    "\"a\\\"b\"",
    "'unclosed",
    "[a]",
    "{a: b}",
    "&x a",
    "*x",
    "!t a",
    "|",
    ">",
    "%",
    "@",
    "`",
    "- a",
    "-a",
    "?",
    "? a",
    ":",
    ",a",
    "a,b",
    "é",
    "\t",
    "a\tb",
    "a  b",
    "a ",
    " #c",
    "#c",
    "., ",
    ".inf",
    ".NaN",
    "2001-12-14",
    "12:30",
    "1:2",
    "0o7",
    "0b1",
    "Infinity",
    "NaN",
    "-.5",
    "5.",
    "a'b",
    "a\"b",
    "\\",
    "a\\b",
  };

  private static String randomDocument(Random random) {
    StringBuilder out = new StringBuilder();
    int entries = 1 + random.nextInt(4);
    for (int i = 0; i < entries; i++) {
      block(random, out, 0, random.nextInt(3));
    }
    if (random.nextInt(20) == 0) {
      out.insert(random.nextInt(out.length() + 1), SCALARS[random.nextInt(SCALARS.length)]);
    }
    return out.toString();
  }

  private static void block(Random random, StringBuilder out, int indent, int depth) {
    String pad = " ".repeat(indent);
    int kind = random.nextInt(10);
    String key = KEYS[random.nextInt(KEYS.length)];
    if (random.nextInt(15) == 0) {
      out.append(pad).append(random.nextBoolean() ? "# comment" : "").append('\n');
    }
    if (kind < 5 || depth == 0) {
      out.append(pad).append(key).append(':');
      String value = SCALARS[random.nextInt(SCALARS.length)];
      if (!value.isEmpty()) {
        out.append(' ').append(value);
      }
      out.append(random.nextInt(10) == 0 ? " # c" : "").append('\n');
    } else if (kind < 8) {
      out.append(pad).append(key).append(":\n");
      int inner = indent + 1 + random.nextInt(3);
      int n = 1 + random.nextInt(3);
      for (int i = 0; i < n; i++) {
        block(random, out, inner, depth - 1);
      }
    } else {
      out.append(pad).append(key).append(":\n");
      int dash = indent + (random.nextBoolean() ? 0 : 2);
      int n = 1 + random.nextInt(3);
      for (int i = 0; i < n; i++) {
        String dashPad = " ".repeat(dash);
        if (random.nextBoolean()) {
          out.append(dashPad)
              .append("- ")
              .append(SCALARS[random.nextInt(SCALARS.length)])
              .append('\n');
        } else {
          out.append(dashPad).append("- ");
          StringBuilder inner = new StringBuilder();
          block(random, inner, dash + 2, depth - 1);
          out.append(inner.substring(dash + 2));
          if (random.nextBoolean()) {
            block(random, out, dash + 2, depth - 1);
          }
        }
      }
    }
  }
}
