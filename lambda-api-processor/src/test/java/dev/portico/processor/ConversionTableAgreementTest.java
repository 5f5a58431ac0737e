package dev.portico.processor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.path.text.Scalar;
import dev.portico.path.text.TextFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;
import org.junit.jupiter.api.Test;

/**
 * The compile-time half of the agreement between the processor and the runtime on text conversions:
 * every entry of portico-path's table is accepted at compile time, {@code @DefaultValue}s are
 * judged by the table's conversion and named in its wording, every factory of {@link TextFactory}
 * makes a type convertible, and a type without one gets today's message, built from the table's
 * hint. (The run-time half is lambda-api-core's ConversionTableAgreementTest.)
 */
class ConversionTableAgreementTest {

  /** A sample value and a value that does not convert, per entry. */
  private static final Map<Scalar, List<String>> SAMPLES = new LinkedHashMap<>();

  static {
    SAMPLES.put(Scalar.STRING, List.of("anything"));
    SAMPLES.put(Scalar.INT, List.of("12", " 12"));
    SAMPLES.put(Scalar.LONG, List.of("-3", "3L"));
    SAMPLES.put(Scalar.SHORT, List.of("7", "70000"));
    SAMPLES.put(Scalar.BYTE, List.of("7", "700"));
    SAMPLES.put(Scalar.DOUBLE, List.of("1.5", "NaN"));
    SAMPLES.put(Scalar.FLOAT, List.of("1.5", "Infinity"));
    SAMPLES.put(Scalar.BOOLEAN, List.of("TRUE", "yes"));
    SAMPLES.put(Scalar.CHAR, List.of("x", "xy"));
    SAMPLES.put(Scalar.UUID, List.of("123e4567-e89b-12d3-a456-426614174000", "123"));
    SAMPLES.put(Scalar.BIG_DECIMAL, List.of("1.25", "1,25"));
    SAMPLES.put(Scalar.BIG_INTEGER, List.of("12345678901234567890", "1.5"));
  }

  @Test
  void everySampleCoversTheWholeTable() {
    assertThat(SAMPLES.keySet()).containsExactlyInAnyOrder(Scalar.values());
  }

  @Test
  void everyEntryIsAcceptedAndDefaultsAreJudgedAndWordedByTheTable() {
    List<String> checked = new ArrayList<>();
    Javac.Result result =
        Javac.inRound(
            round -> {
              Types types = round.env().getTypeUtils();
              TextConversions conversions = new TextConversions(types, List.of());
              for (Scalar scalar : Scalar.values()) {
                List<String> names = new ArrayList<>();
                if (scalar.primitive() != null) {
                  names.add(scalar.primitive());
                }
                names.add(scalar.classNames().get(0));
                for (String name : names) {
                  TypeMirror type = type(round, name);
                  assertThat(conversions.convertible(type)).as(name).isTrue();
                  List<String> samples = SAMPLES.get(scalar);
                  assertThat(conversions.defaultProblem(type, samples.get(0))).as(name).isNull();
                  if (samples.size() > 1) {
                    assertThat(scalar.accepts(samples.get(1))).as(name).isFalse();
                    assertThat(conversions.defaultProblem(type, samples.get(1)))
                        .as(name + " " + samples.get(1))
                        .isEqualTo(scalar.defaultValueWording(name));
                  }
                  checked.add(name);
                }
              }
            },
            "package com.example; public class Empty {}");

    assertThat(result.messages()).isEmpty();
    assertThat(checked)
        .contains("int", "java.lang.Integer", "java.lang.String", "java.util.UUID")
        .hasSize(8 * 2 + 4);
  }

  @Test
  void theStringEntrysAliasesStayCompileErrorsOnPurpose() {
    List<Boolean> verdicts = new ArrayList<>();
    Javac.inRound(
        round -> {
          TextConversions conversions = new TextConversions(round.env().getTypeUtils(), List.of());
          for (String alias : Scalar.STRING.classNames().subList(1, 3)) {
            verdicts.add(conversions.convertible(type(round, alias)));
          }
        },
        "package com.example; public class Empty {}");

    assertThat(Scalar.STRING.classNames())
        .containsExactly("java.lang.String", "java.lang.CharSequence", "java.lang.Object");
    assertThat(verdicts).containsExactly(false, false);
  }

  @Test
  void everyFactoryOfTheTableMakesATypeConvertible() {
    StringBuilder source = new StringBuilder("package com.example;\npublic final class F {\n");
    for (TextFactory factory : TextFactory.values()) {
      String name = "By" + factory.name();
      source.append("  public static final class ").append(name).append(" {\n");
      if (factory.isStaticMethod()) {
        source
            .append("    public static ")
            .append(name)
            .append(' ')
            .append(factory.methodName())
            .append('(')
            .append(factory.parameterType())
            .append(" text) { return null; }\n");
      } else {
        source.append("    public ").append(name).append("(String text) {}\n");
      }
      source.append("  }\n");
    }
    source.append("  public static final class None {}\n}\n");
    Map<String, Boolean> verdicts = new LinkedHashMap<>();
    Javac.inRound(
        round -> {
          TextConversions conversions = new TextConversions(round.env().getTypeUtils(), List.of());
          for (TextFactory factory : TextFactory.values()) {
            verdicts.put(
                factory.name(),
                conversions.convertible(type(round, "com.example.F.By" + factory.name())));
          }
          verdicts.put("none", conversions.convertible(type(round, "com.example.F.None")));
        },
        source.toString());

    assertThat(verdicts)
        .containsEntry("VALUE_OF", true)
        .containsEntry("OF", true)
        .containsEntry("PARSE_CHAR_SEQUENCE", true)
        .containsEntry("PARSE", true)
        .containsEntry("FROM_STRING", true)
        .containsEntry("CONSTRUCTOR", true)
        .containsEntry("none", false);
    // What converts is what the message offers: every factory of the table is named in it.
    for (TextFactory factory : TextFactory.values()) {
      assertThat(TextConversions.HOW_TO_CONVERT)
          .contains(factory.isStaticMethod() ? factory.signature() : "constructor taking a String");
    }
  }

  @Test
  void anUnconvertibleTypeGetsAMessageNamingEveryFactoryOfTheTable() {
    Javac.Result result =
        Javac.run(
            List.of(new RoutesProcessor()),
            "package dev.portico.api.http; public @interface GET {}",
            "package dev.portico.api.http; public @interface QueryParam { String value(); }",
            """
            package com.example;

            import dev.portico.api.http.*;

            public final class Pets {
              public static final class Money {}

              @GET public String list(@QueryParam("m") Money m) { return ""; }
            }
            """);

    assertThat(result.messages())
        .containsExactly(
            "ERROR Pets.list(Money m): @QueryParam 'm' has type com.example.Pets.Money, which"
                + " Portico cannot convert from text; give it a static valueOf(String), of(String),"
                + " parse(CharSequence), parse(String) or fromString(String), or a public"
                + " constructor taking a String");
    assertThat(TextConversions.HOW_TO_CONVERT).isEqualTo("give it " + TextFactory.hint());
  }

  private static TypeMirror type(Javac.Round round, String name) {
    Types types = round.env().getTypeUtils();
    for (TypeKind kind : TypeKind.values()) {
      if (kind.isPrimitive() && kind.name().toLowerCase(java.util.Locale.ROOT).equals(name)) {
        return types.getPrimitiveType(kind);
      }
    }
    return round.type(name).asType();
  }
}
