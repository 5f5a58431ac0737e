package dev.portico.api.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.api.Problem;
import dev.portico.api.internal.codec.CoreTree;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Differential: jackson-core's bytes for problems, maps and lists equal the default mapper's. */
class CoreJsonTest {
  private static final ObjectMapper MAPPER = DefaultMappers.create();
  private static final JsonFactory FACTORY = new JsonFactory();

  private static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  private static List<Object> scalars() {
    return Arrays.asList(
        "text",
        "quote \" backslash \\ newline \n tab \t control \u0001 unicode é \u2028 emoji \uD83D\uDC3E",
        "",
        true,
        false,
        0,
        -1,
        Integer.MAX_VALUE,
        Integer.MIN_VALUE,
        Long.MAX_VALUE,
        Long.MIN_VALUE,
        (short) -7,
        (byte) 12,
        0.1,
        -0.0,
        1e300,
        4.9e-324,
        Double.NaN,
        Double.POSITIVE_INFINITY,
        1.5f,
        Float.MIN_VALUE,
        new BigDecimal("12345678901234567890.000100"),
        new BigDecimal("1E+10"),
        new BigInteger("-123456789012345678901234567890"));
  }

  @Test
  void problemsAreWrittenAsTheMapperWritesThem() throws IOException {
    List<Problem> problems = new ArrayList<>();
    problems.add(Problem.of(404, "no pet 99"));
    problems.add(Problem.of(400, null));
    problems.add(Problem.of(500, "x").withInstance("c6af9ac6-7b61-11e6-9a41-93e8deadbeef"));
    problems.add(Problem.of(409, "taken \"Rex\" \u0000").withType("https://e.example/t", "Tïtle"));
    problems.add(new Problem(null, null, 418, null, null, Map.of()));
    Problem many = Problem.of(422, "fields");
    int i = 0;
    for (Object scalar : scalars()) {
      many = many.withExtension("e" + i++, scalar);
    }
    problems.add(many);
    problems.add(
        Problem.of(400, "errors")
            .withExtension(
                "errors",
                List.of(
                    ordered("field", "name", "message", "must not be blank"),
                    ordered("field", "age", "min", 1, "max", 99L)))
            .withExtension("nested", ordered("a", List.of(1, 2.5, "x"), "b", ordered()))
            .withExtension("set", new TreeMap<>(Map.of("z", 1, "a", 2)))
            .withInstance("id"));

    for (Problem problem : problems) {
      byte[] core = CoreJson.problem(FACTORY, problem);
      assertThat(core).as("%s is covered", problem).isNotNull();
      // Bytes against bytes: the encoder wrote writeValueAsBytes (a UTF-8 generator, which
      // escapes surrogate pairs; writeValueAsString's character generator does not).
      assertThat(new String(core, StandardCharsets.UTF_8))
          .isEqualTo(new String(MAPPER.writeValueAsBytes(problem), StandardCharsets.UTF_8));
    }
  }

  @Test
  void problemsWithNullsOrOtherExtensionValuesAreLeftToTheMapper() throws IOException {
    assertThat(
            CoreJson.problem(
                FACTORY, Problem.of(400, "x").withExtension("when", java.time.Instant.EPOCH)))
        .isNull();
    Map<String, Object> withNull = new LinkedHashMap<>();
    withNull.put("a", null);
    assertThat(CoreJson.problem(FACTORY, Problem.of(400, "x").withExtension("m", withNull)))
        .isNull();
    assertThat(
            CoreJson.problem(
                FACTORY, Problem.of(400, "x").withExtension("l", Arrays.asList(1, null))))
        .isNull();
    assertThat(CoreJson.problem(FACTORY, Problem.of(400, "x").withExtension("c", 'c'))).isNull();
    assertThat(CoreJson.problem(FACTORY, Problem.of(400, "x").withExtension("k", Map.of(1, "one"))))
        .isNull();
  }

  @Test
  void mapsAndListsOfScalarsAreWrittenAsTheMapperWritesThem() throws IOException {
    List<Object> bodies = new ArrayList<>();
    bodies.add(scalars());
    bodies.add(List.of());
    bodies.add(Map.of());
    bodies.add(new ArrayList<>(scalars()));
    bodies.add(new HashSet<>(List.of("b", "a", "c")));
    Map<String, Object> everything = new LinkedHashMap<>();
    int i = 0;
    for (Object scalar : scalars()) {
      everything.put("k" + i++, scalar);
    }
    everything.put("null", null);
    everything.put("list", Arrays.asList(1, null, "two", List.of(3, 4), Map.of("five", 5)));
    everything.put("map", ordered("x", ordered("y", ordered("z", List.of()))));
    everything.put("quote\"key\n", "v");
    bodies.add(everything);
    bodies.add(new TreeMap<>(Map.of("b", 1, "a", 2)));
    bodies.add(Arrays.asList(null, null));
    bodies.add(List.of(everything, everything));

    for (Object body : bodies) {
      assertThat(written(body))
          .as("%s", body)
          .isEqualTo(new String(MAPPER.writeValueAsBytes(body), StandardCharsets.UTF_8));
    }
  }

  @Test
  void otherValuesInMapsAndListsAreNotCovered() throws IOException {
    assertThat(written(List.of(java.time.Instant.EPOCH))).isNull();
    assertThat(written(Map.of(1, "one"))).isNull();
    assertThat(written(List.of(new int[] {1}))).isNull();
    assertThat(written(List.of(Thread.State.NEW))).isNull();
    assertThat(CoreJson.container(new java.util.concurrent.CopyOnWriteArrayList<>()))
        .as("java.util.concurrent collections are written as any JDK collection")
        .isTrue();
    assertThat(CoreJson.container(new MyList())).isFalse();
  }

  /** An application's own collection class: Jackson may write it its own way. */
  private static final class MyList extends ArrayList<String> {
    private static final long serialVersionUID = 1L;
  }

  private static String written(Object body) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    boolean covered;
    try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      covered = CoreJson.write(body, g, type -> null, true);
    }
    return covered ? out.toString(StandardCharsets.UTF_8) : null;
  }

  @ParameterizedTest
  @MethodSource("dev.portico.api.internal.codec.CoreTreeTest#authorizerValues")
  void anAuthorizersValueReadByCoreTreeIsWrittenAsTheMappersTreeWritesIt(String json)
      throws IOException {
    Object value;
    try (JsonParser p = new JsonFactory().createParser(json)) {
      p.nextToken();
      value = CoreTree.read(p);
    }

    assertThat(CoreJson.tree(value)).isEqualTo(new ObjectMapper().readTree(json).toString());
  }
}
