package dev.portico.api.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.api.InvalidRequestException;
import dev.portico.api.validation.DifferentialController.Inner;
import dev.portico.api.validation.DifferentialController.Sample;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.hibernate.validator.HibernateValidator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Differential tests of the generated checks against Hibernate Validator (test scope only, with
 * Expressly for its messages' expressions): over a corpus of values per kind (blank Unicode
 * whitespace, surrogate pairs, BigDecimal scales, extremes, nulls, email edge cases), both give the
 * same verdicts, the same field paths and the same English messages.
 */
class DifferentialValidationTest {
  private static final ValidatorFactory FACTORY =
      Validation.byProvider(HibernateValidator.class)
          .configure()
          .defaultLocale(Locale.ENGLISH)
          .buildValidatorFactory();
  private static final Validator VALIDATOR = FACTORY.getValidator();

  static final List<String> STRINGS =
      Arrays.asList(
          null,
          "",
          " ",
          "\t",
          "\n",
          "\u2003",
          "\u3000",
          "\u00a0",
          "\u200b",
          "\u2028",
          " a ",
          "a",
          "ab",
          "abc",
          "abcd",
          "abcde",
          "ABC",
          "aBc",
          "abc1",
          "abc12",
          "a\nc",
          "a\u00e9c",
          "\ud83d\ude00",
          "a\ud83d\ude00",
          "\ud83d\ude00\ud83d\ude00",
          "\ud83d\ude00\ud83d\ude00\ud83d",
          "x".repeat(10_000));

  static final List<String> EMAILS =
      Arrays.asList(
          "",
          "a@b",
          "a@b.c",
          "user@example.com",
          "first.last@example.com",
          "first..last@example.com",
          ".first@example.com",
          "first.@example.com",
          "user+tag@example.com",
          "user@sub.example.com",
          "user@-example.com",
          "user@example-.com",
          "user@exa-mple.com",
          "user@exa--mple.com",
          "user@example.com.",
          "user@.example.com",
          "user@example..com",
          "@example.com",
          "user@",
          "user",
          "user@@example.com",
          "a@b@example.com",
          "\"quoted\"@example.com",
          "\"quo ted\"@example.com",
          "\"quo\\\"ted\"@example.com",
          "\"\"@example.com",
          "\"a\".b@example.com",
          "us er@example.com",
          "user@exam ple.com",
          "us(er@example.com",
          "üser@example.com",
          "user@exämple.com",
          "user@例え.jp",
          "USER@EXAMPLE.COM",
          "user@[192.168.0.1]",
          "user@[999.1.1.1]",
          "user@[1.2.3]",
          "user@[IPv6:::1]",
          "user@[IPv6:2001:db8::1]",
          "user@[IPv6:1:2:3:4:5:6:7:8]",
          "user@[IPv6:1:2:3:4:5:6:7:8:9]",
          "user@[IPv6:::ffff:192.0.2.1]",
          "user@[IPv6:gggg::1]",
          "user@[ipv6:::1]",
          "a".repeat(64) + "@example.com",
          "a".repeat(65) + "@example.com",
          "user@" + "a".repeat(63) + ".com",
          "user@" + "a".repeat(64) + ".com",
          "user@" + ("a".repeat(60) + ".").repeat(5) + "com",
          "user@exa_mple.com",
          "user@exa!mple.com",
          "us%er@example.com",
          "user@123.com",
          "user@example.c0m",
          "user@example.com@",
          "user.@",
          "\\user@example.com");

  static final List<Long> LONGS =
      Arrays.asList(
          Long.MIN_VALUE,
          -1000L,
          -129L,
          -128L,
          -6L,
          -5L,
          -4L,
          -1L,
          0L,
          1L,
          2L,
          3L,
          4L,
          5L,
          6L,
          9L,
          10L,
          11L,
          127L,
          999L,
          1000L,
          1001L,
          32767L,
          Long.MAX_VALUE);

  static final List<String> DECIMALS =
      Arrays.asList(
          "-1E+3",
          "-1",
          "-0.50",
          "-0.5",
          "-0.4999999999999999999999",
          "-0.000",
          "0",
          "0.00",
          "1E-30",
          "0.99",
          "1",
          "1.0",
          "1.00",
          "1.4999999999999999999999",
          "1.5",
          "1.50",
          "1.5000000000000000000001",
          "2",
          "9.99",
          "10",
          "1E+1",
          "100",
          "100.000001",
          "1E+400");

  static final List<String> INTEGERS =
      Arrays.asList(
          "-1000", "-1", "0", "1", "9", "10", "11", "100", "101", "1000000000000000000000");

  static final List<Double> DOUBLES =
      Arrays.asList(
          Double.NaN,
          Double.NEGATIVE_INFINITY,
          Double.POSITIVE_INFINITY,
          -Double.MAX_VALUE,
          -1e300,
          -16777217.0,
          -1.0,
          -Double.MIN_VALUE,
          -0.0,
          0.0,
          Double.MIN_VALUE,
          0.09999999999999999,
          0.1,
          0.10000000000000002,
          0.10000000149011612,
          0.9999999999999999,
          1.0,
          1.0000000000000002,
          9.999999999999998,
          10.0,
          10.000000000000002,
          16777216.0,
          16777217.0,
          16777218.0,
          1e38,
          3.4028235677973366e38,
          9.223372036854776e18,
          1e300,
          Double.MAX_VALUE);

  static final List<Float> FLOATS =
      Arrays.asList(
          Float.NaN,
          Float.NEGATIVE_INFINITY,
          Float.POSITIVE_INFINITY,
          -Float.MAX_VALUE,
          -1.0f,
          -Float.MIN_VALUE,
          -0.0f,
          0.0f,
          Float.MIN_VALUE,
          0.099999994f,
          0.1f,
          0.10000001f,
          1.0f,
          16777216.0f,
          16777218.0f,
          9.999999e37f,
          1e38f,
          1.0000001e38f,
          Float.MAX_VALUE);

  /** Values around the present (never the present itself: HV and Portico read the clock apart). */
  private static List<Object> temporals(Class<?> type) {
    Instant now = Instant.now();
    if (type == Instant.class) {
      return Arrays.asList(
          null,
          Instant.MIN,
          now.minusSeconds(86_400),
          now.minusSeconds(5),
          now.plusSeconds(5),
          now.plusSeconds(86_400),
          Instant.MAX);
    }
    if (type == LocalDate.class) {
      LocalDate today = LocalDate.now();
      return Arrays.asList(
          null, LocalDate.MIN, today.minusDays(1), today, today.plusDays(1), LocalDate.MAX);
    }
    if (type == LocalDateTime.class) {
      LocalDateTime local = LocalDateTime.now();
      return Arrays.asList(
          null, LocalDateTime.MIN, local.minusMinutes(5), local.plusMinutes(5), LocalDateTime.MAX);
    }
    if (type == LocalTime.class) {
      LocalTime time = LocalTime.now();
      // An hour away, unless that crosses midnight.
      List<Object> values = new ArrayList<>(Arrays.asList(null, LocalTime.MIN, LocalTime.MAX));
      if (time.getHour() > 0 && time.getHour() < 23) {
        values.add(time.minusHours(1));
        values.add(time.plusHours(1));
      }
      return values;
    }
    OffsetDateTime offset = OffsetDateTime.now();
    return Arrays.asList(
        null,
        OffsetDateTime.MIN,
        offset.minusSeconds(5),
        offset.plusSeconds(5).withOffsetSameInstant(ZoneOffset.ofHours(-18)),
        offset.minusSeconds(5).withOffsetSameInstant(ZoneOffset.ofHours(18)),
        offset.plusDays(1),
        OffsetDateTime.MAX);
  }

  @AfterAll
  static void close() {
    FACTORY.close();
  }

  /** The paths and messages of the generated checks, sorted. */
  private static List<String> portico(Runnable check) {
    try {
      check.run();
      return List.of();
    } catch (InvalidRequestException e) {
      return e.problems().stream().map(p -> p.field() + ": " + p.detail()).sorted().toList();
    }
  }

  private static String path(Path path) {
    // Container elements: "tags[1].<list element>" is the element itself, "tags[1]".
    return path.toString().replace(".<list element>", "");
  }

  private static List<String> hibernate(Object sample) {
    return VALIDATOR.validate(sample).stream()
        .map(v -> path(v.getPropertyPath()) + ": " + v.getMessage())
        .sorted()
        .toList();
  }

  /** A valid value of every component. */
  private static Map<String, Object> baseline() {
    Map<String, Object> values = new LinkedHashMap<>();
    for (RecordComponent component : Sample.class.getRecordComponents()) {
      values.put(component.getName(), null);
    }
    values.put("notNull", "x");
    values.put("notNullBoxed", 1);
    values.put("notBlank", "x");
    values.put("notEmptyText", "x");
    values.put("notEmptyList", List.of("x"));
    values.put("notEmptyMap", Map.of("k", "v"));
    values.put("notEmptyArray", new String[] {"x"});
    values.put("minInt", 1);
    values.put("minByte", (byte) 0);
    values.put("maxLong", 10L);
    values.put("extremes", 0L);
    values.put("decimalMinInt", 3);
    values.put("positive", 1);
    values.put("notNullMessage", "x");
    values.put("minMessage", 3);
    values.put("minDouble", 1.0);
    values.put("minFloat", 16777216.0f);
    values.put("decimalMinDouble", 0.1);
    values.put("decimalMinFloat", 1.0f);
    values.put("positiveDouble", 1.0);
    values.put("negativeFloat", -1.0f);
    return values;
  }

  private static Sample sample(Map<String, Object> values) {
    try {
      RecordComponent[] components = Sample.class.getRecordComponents();
      Class<?>[] types =
          Arrays.stream(components).map(RecordComponent::getType).toArray(Class[]::new);
      Constructor<Sample> constructor = Sample.class.getDeclaredConstructor(types);
      return constructor.newInstance(values.values().toArray());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The corpus for a component of this type. */
  private static List<Object> corpus(RecordComponent component) {
    Class<?> type = component.getType();
    List<Object> values = new ArrayList<>();
    if (type == String.class) {
      values.addAll(STRINGS);
      if (component.getName().startsWith("email")) {
        values.addAll(EMAILS);
      }
    } else if (type == StringBuilder.class) {
      STRINGS.stream().map(s -> s == null ? null : new StringBuilder(s)).forEach(values::add);
    } else if (type == BigDecimal.class) {
      values.add(null);
      DECIMALS.stream().map(BigDecimal::new).forEach(values::add);
    } else if (type == BigInteger.class) {
      values.add(null);
      INTEGERS.stream().map(BigInteger::new).forEach(values::add);
    } else if (type == long.class || type == Long.class) {
      values.addAll(LONGS);
    } else if (type == int.class || type == Integer.class) {
      LONGS.stream().filter(l -> l == (int) (long) l).map(l -> (int) (long) l).forEach(values::add);
    } else if (type == short.class || type == Short.class) {
      LONGS.stream()
          .filter(l -> l == (short) (long) l)
          .map(l -> (short) (long) l)
          .forEach(values::add);
    } else if (type == byte.class || type == Byte.class) {
      LONGS.stream()
          .filter(l -> l == (byte) (long) l)
          .map(l -> (byte) (long) l)
          .forEach(values::add);
    } else if (type == double.class || type == Double.class) {
      values.add(null);
      values.addAll(DOUBLES);
    } else if (type == float.class || type == Float.class) {
      values.add(null);
      values.addAll(FLOATS);
    } else if (type.getName().startsWith("java.time.")) {
      values.addAll(temporals(type));
    } else if (type == List.class && elementType(component) == LocalDate.class) {
      values.addAll(
          Arrays.asList(
              null,
              List.of(),
              List.of(LocalDate.now().minusDays(1)),
              Arrays.asList(LocalDate.now(), null, LocalDate.MAX)));
    } else if (type == List.class && elementType(component) == Double.class) {
      values.addAll(
          Arrays.asList(null, List.of(1.0), Arrays.asList(-0.0, null, Double.NaN, 0.0, 2.0)));
    } else if (type == List.class && elementType(component) == String.class) {
      values.addAll(
          Arrays.asList(
              null,
              List.of(),
              List.of("a"),
              List.of("a", "b"),
              List.of("a", "b", "c"),
              List.of("", " "),
              List.of("abcd", "\u2003"),
              Arrays.asList((String) null)));
    } else if (type == List.class) {
      values.addAll(
          Arrays.asList(
              null,
              List.of(),
              List.of(new Inner("a", 0, null)),
              List.of(new Inner("a", 0, null), new Inner(" ", -1, null)),
              Arrays.asList(null, new Inner("", 1, new Inner("b", -2, null)))));
    } else if (type == Map.class) {
      values.addAll(Arrays.asList(null, Map.of(), Map.of("a", "1"), Map.of("a", "1", "b", "2")));
    } else if (type == String[].class) {
      values.addAll(Arrays.asList(null, new String[0], new String[] {""}, new String[] {"a", "b"}));
    } else if (type == int[].class) {
      values.addAll(Arrays.asList(null, new int[0], new int[] {1}, new int[] {1, 2, 3}));
    } else if (type == Inner.class) {
      values.addAll(
          Arrays.asList(
              null,
              new Inner("x", 0, null),
              new Inner(" ", -1, null),
              new Inner("a", 1, new Inner("\t", -2, new Inner(null, 0, null)))));
    } else {
      throw new IllegalStateException("no corpus for " + component);
    }
    if (type.isPrimitive()) {
      values.remove(null);
    }
    return values;
  }

  private static Type elementType(RecordComponent component) {
    return ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0];
  }

  @Test
  void theBaselineIsValidForBoth() {
    Sample sample = sample(baseline());

    assertThat(hibernate(sample)).isEmpty();
    assertThat(portico(() -> DifferentialController_Routes.Validation.sample(sample))).isEmpty();
  }

  @Test
  void everyConstraintGivesHibernateValidatorsVerdictsPathsAndMessages() {
    List<String> mismatches = new ArrayList<>();
    int cases = 0;
    int violations = 0;
    Set<String> messages = new java.util.TreeSet<>();
    for (RecordComponent component : Sample.class.getRecordComponents()) {
      for (Object value : corpus(component)) {
        Map<String, Object> values = baseline();
        values.put(component.getName(), value);
        Sample sample = sample(values);
        List<String> expected = hibernate(sample);
        List<String> actual =
            portico(() -> DifferentialController_Routes.Validation.sample(sample));
        cases++;
        violations += expected.size();
        expected.forEach(e -> messages.add(e.substring(e.indexOf(": ") + 2)));
        if (!expected.equals(actual)) {
          mismatches.add(
              component.getName() + " = " + show(value) + ": " + expected + " != " + actual);
        }
      }
    }

    assertThat(mismatches).as("mismatches in %d cases", cases).isEmpty();
    assertThat(cases).isGreaterThan(900);
    assertThat(violations).isGreaterThan(400);
    assertThat(messages)
        .contains(
            "must not be null",
            "must not be blank",
            "must not be empty",
            "size must be between 2 and 4",
            "size must be between 1 and 2147483647",
            "must be greater than or equal to 1",
            "must be less than or equal to 10",
            "must be greater than or equal to 1.5",
            "must be greater than 1.5",
            "must be less than or equal to -0.5",
            "must be less than 10",
            "must be greater than 0",
            "must be greater than or equal to 0",
            "must be less than 0",
            "must be less than or equal to 0",
            "must match \"[a-z]+\\d?\"",
            "must be a well-formed email address",
            "2 to 3 characters",
            "must be a past date",
            "must be a date in the past or in the present",
            "must be a future date",
            "must be a date in the present or in the future",
            "must be greater than or equal to 16777217",
            "must be less than or equal to -1",
            "must be greater than 0.1",
            "must be less than or equal to 1e38",
            "must not be null, say {why}",
            "at least 3");
  }

  @Test
  void parameterConstraintsGiveHibernateValidatorsVerdictsAndMessages() throws Exception {
    Method method =
        DifferentialController.class.getMethod("query", int.class, String.class, List.class);
    DifferentialController controller = new DifferentialController();
    List<String> names = List.of("n", "q", "tag");
    List<String> mismatches = new ArrayList<>();
    int cases = 0;
    for (long n : LONGS) {
      if (n != (int) n) {
        continue;
      }
      for (String q : STRINGS) {
        for (List<String> tags :
            Arrays.asList(List.<String>of(), List.of("a"), List.of("a", "B"), List.of("1"))) {
          Object[] arguments = {(int) n, q, tags};
          List<String> expected =
              VALIDATOR.forExecutables().validateParameters(controller, method, arguments).stream()
                  .map(v -> parameterPath(v, names) + ": " + v.getMessage())
                  .sorted()
                  .toList();
          List<String> actual =
              portico(() -> DifferentialController_Routes.Validation.query((int) n, q, tags));
          cases++;
          if (!expected.equals(actual)) {
            mismatches.add(n + ", " + show(q) + ", " + tags + ": " + expected + " != " + actual);
          }
        }
      }
    }

    assertThat(mismatches).as("mismatches in %d cases", cases).isEmpty();
  }

  /** {@code query.arg2[1].<list element>} as Portico names it: {@code tag[1]}. */
  private static String parameterPath(ConstraintViolation<?> violation, List<String> names) {
    StringBuilder out = new StringBuilder();
    for (Path.Node node : violation.getPropertyPath()) {
      if (node.getKind() == jakarta.validation.ElementKind.PARAMETER) {
        out.append(names.get(node.as(Path.ParameterNode.class).getParameterIndex()));
      } else if (node.getKind() == jakarta.validation.ElementKind.CONTAINER_ELEMENT
          && node.getIndex() != null) {
        out.append('[').append(node.getIndex()).append(']');
      }
    }
    return out.toString();
  }

  private static String show(Object value) {
    if (value instanceof String s && s.length() > 40) {
      return "\"" + s.substring(0, 20) + "...\" (" + s.length() + " chars)";
    }
    if (value instanceof Object[] array) {
      return Arrays.toString(array);
    }
    if (value instanceof int[] array) {
      return Arrays.toString(array);
    }
    Supplier<String> text =
        () -> value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
    return text.get();
  }
}
