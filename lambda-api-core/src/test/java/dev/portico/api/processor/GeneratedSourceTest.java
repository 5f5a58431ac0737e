package dev.portico.api.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import org.junit.jupiter.api.Test;

/**
 * The generated source of a representative controller, compared with a golden file. Run with {@code
 * -Dportico.updateGolden=true} to rewrite the golden file after an intended change, then review the
 * diff.
 */
class GeneratedSourceTest {
  private static final String GOLDEN = "/processor/golden/";

  @Test
  void petControllerRoutesMatchTheGoldenFile() throws IOException {
    Compilation compilation = Compilation.compile(resource("PetController.java"));

    assertThat(compilation.messages()).isEmpty();
    assertThat(compilation.success()).isTrue();
    assertThat(compilation.generated()).containsOnlyKeys("com.example.pets.PetController_Routes");
    String generated = compilation.generated().get("com.example.pets.PetController_Routes");
    if (Boolean.getBoolean("portico.updateGolden")) {
      Files.writeString(
          Path.of("src/test/resources" + GOLDEN + "PetController_Routes.java"), generated);
    }
    assertThat(generated).isEqualTo(resource("PetController_Routes.java"));
  }

  @Test
  void nestedControllersGetTheirOuterNamesAndShadowedNamesStayQualified() {
    Compilation compilation =
        Compilation.compile(
            """
            package com.example;

            /** Types named like the ones generated code uses. */
            public final class Route {
              public static Route valueOf(java.lang.String text) { return new Route(); }
            }
            """,
            """
            package com.example;

            public final class String {
              public static String valueOf(java.lang.String text) { return new String(); }
            }
            """,
            """
            package com.example;

            import dev.portico.api.http.*;

            public final class Outer {
              public static final class Inner {
                @GET @Path("/routes/{route}")
                public java.lang.String get(
                    @PathParam("route") Route route,
                    @QueryParam("s") String s,
                    @QueryParam("list") java.util.List<java.lang.String> list) {
                  return "";
                }
              }
            }
            """);

    assertThat(compilation.messages()).isEmpty();
    assertThat(compilation.generated()).containsOnlyKeys("com.example.Outer_Inner_Routes");
    String source = compilation.generated().get("com.example.Outer_Inner_Routes");
    assertThat(source)
        .contains("public final class Outer_Inner_Routes implements RouteProvider {")
        .contains("public Outer_Inner_Routes(Outer.Inner controller) {")
        .contains("routes.route(\"GET\", \"/routes/{route}\",")
        .contains("Param<Route> getRoute = ")
        .contains("Param<String> getS = ")
        .contains("Param<java.lang.String> getList = ");
  }

  @Test
  void anyAnnotationNamedNullableMakesAParameterOptional() {
    Compilation compilation =
        Compilation.compile(
            """
            package com.example.annotations;

            import java.lang.annotation.*;

            @Target(ElementType.TYPE_USE)
            public @interface Nullable {}
            """,
            """
            package com.example;

            import com.example.annotations.Nullable;
            import dev.portico.api.http.*;

            @Consumes("application/xml")
            @Produces("application/xml")
            public final class Other {
              @GET public String get(@QueryParam("a") @Nullable String a, @QueryParam("b") String b) {
                return "";
              }

              @POST @Consumes("text/plain") public String post(@Body byte[] body) { return ""; }

              @PUT public String put(@Body java.util.Map<String, Object> body) { return ""; }
            }
            """);

    assertThat(compilation.messages()).isEmpty();
    assertThat(compilation.generated().get("com.example.Other_Routes"))
        .contains("routes.optionalParam(getName, ParamSource.QUERY, \"a\", String.class);")
        .contains("routes.param(getName, ParamSource.QUERY, \"b\", String.class);")
        .contains(
            ".consumes(\"text/plain\")\n        .produces(\"application/xml\")\n        .add();")
        .contains(
            ".consumes(\"application/xml\")\n        .produces(\"application/xml\")\n        .add();")
        .doesNotContain("application/json");
  }

  @Test
  void genericBodiesOfEveryShapeCompileWithoutWarnings() {
    Compilation compilation =
        Compilation.compile(
            """
            package com.example;

            import dev.portico.api.http.*;
            import java.util.*;

            public final class Bodies {
              @POST @Path("/a") public String a(@Body List<String>[] lists) { return ""; }
              @POST @Path("/b") public String b(@Body Map<String, ? extends Number> map) { return ""; }
              @POST @Path("/c") public String c(@Body Optional<byte[]> bytes) { return ""; }
              @POST @Path("/d") public String d(@Body int number) { return ""; }
              @POST @Path("/e") public String e(@Body String[] texts) { return ""; }
            }
            """);

    assertThat(compilation.messages()).isEmpty();
    assertThat(compilation.generated().get("com.example.Bodies_Routes"))
        .contains("new TypeReference<List<String>[]>() {}.getType();")
        .contains("new TypeReference<Map<String, ? extends Number>>() {}.getType();")
        .contains("Optional.<byte[]>empty()")
        .contains("request.<Integer>bodyAs(int.class)")
        .contains("request.bodyAs(String[].class)");
  }

  @Test
  void classesImplementingRouteInterfacesOrExtendingGenericRouteClassesGetRoutes() {
    Compilation compilation =
        Compilation.compile(
            """
            package com.example.api;

            import dev.portico.api.http.*;

            @Path("/pets")
            public interface PetApi<K> {
              @GET @Path("/{id}") String get(@PathParam("id") K id);
              @GET @Path("/version") default String version() { return "1"; }
            }
            """,
            """
            package com.example;

            public final class PetService implements com.example.api.PetApi<Long> {
              @Override public String get(Long id) { return "pet " + id; }

              /** Not a controller: private. */
              private static final class Hidden implements com.example.api.PetApi<Long> {
                @Override public String get(Long id) { return ""; }
              }

              /** Not a controller: abstract. */
              abstract static class Partial implements com.example.api.PetApi<Long> {}
            }
            """);

    assertThat(compilation.messages()).isEmpty();
    assertThat(compilation.generated()).containsOnlyKeys("com.example.PetService_Routes");
    assertThat(compilation.generated().get("com.example.PetService_Routes"))
        .contains(
            "routes.param(\"PetService.get(Long id)\", ParamSource.PATH, \"id\", Long.class);")
        .contains("routes.route(\"GET\", \"/pets/{id}\", \"PetService.get(Long id)\",")
        .contains("routes.route(\"GET\", \"/pets/version\", \"PetService.version()\",");
  }

  @Test
  void deprecatedControllersCompileWithoutWarnings() {
    Compilation compilation =
        Compilation.compile(
            """
            package com.example;

            import dev.portico.api.http.*;

            /** @deprecated use something else */
            @Deprecated(forRemoval = true)
            public final class Old {
              /** @deprecated too */
              @Deprecated @GET public String get() { return ""; }
            }
            """);

    assertThat(compilation.messages()).isEmpty();
    assertThat(compilation.generated().get("com.example.Old_Routes"))
        .contains("@SuppressWarnings({\"deprecation\", \"removal\"})");
  }

  @Test
  void jsonWritersCallingDeprecatedAccessorsCompileWithoutWarnings() {
    Compilation compilation =
        Compilation.compile(
            """
            package com.example;

            import dev.portico.api.http.*;

            public final class Pets {
              public record Pet(String name, String legacy) {
                /** @deprecated use name */
                @Deprecated
                @Override
                public String legacy() { return legacy; }
              }

              @GET public Pet get() { return new Pet("Rex", "x"); }
            }
            """);

    assertThat(compilation.messages()).isEmpty();
    assertThat(compilation.generated().get("com.example.Pets_Routes"))
        .contains("static final class Json_Pets_Pet implements JsonWriter<Pets.Pet>")
        .contains("@SuppressWarnings({\"deprecation\", \"removal\"})");
  }

  @Test
  void jsonWriterNamesNeverShadowTheApplicationsTypes() {
    Compilation compilation =
        Compilation.compile(
            """
            package com.example;

            public record Json_Pet(String note) {}
            """,
            """
            package com.example;

            public record Pet(String name) {}
            """,
            """
            package com.example;

            import dev.portico.api.http.*;

            public final class Pets {
              @GET public Pet get() { return new Pet("Rex"); }

              @POST public Json_Pet note(@Body Json_Pet note) { return note; }
            }
            """);

    assertThat(compilation.messages()).isEmpty();
    assertThat(compilation.generated().get("com.example.Pets_Routes"))
        .contains("routes.jsonWriter(Pet.class, Json_Pet.INSTANCE);")
        .contains("request.bodyAs(com.example.Json_Pet.class)")
        .contains("routes.jsonWriter(com.example.Json_Pet.class, Json_Json_Pet.INSTANCE);");
  }

  @Test
  void everyRouteOfAControllerIsServedByOneHandlerClassThatNeverShadowsTheApplicationsTypes() {
    // One class for all routes (a class each would cost every cold start about 0.3 ms a route);
    // an application type named like it is written qualified.
    Compilation compilation =
        Compilation.compile(
            """
            package com.example;

            public record Handlers(String name) {}
            """,
            """
            package com.example;

            import dev.portico.api.http.*;

            public final class Pets {
              @GET public Handlers get() { return new Handlers("Rex"); }

              @POST public Handlers add(@Body Handlers pet) { return pet; }

              @DELETE public void remove() {}
            }
            """);

    assertThat(compilation.messages()).isEmpty();
    String source = compilation.generated().get("com.example.Pets_Routes");
    assertThat(source)
        .doesNotContain("new Handler()")
        .contains("    final class Handlers implements Handler {")
        .contains("request.bodyAs(com.example.Handlers.class)")
        .contains("routes.route(\"GET\", \"/\", \"Pets.get()\", new Handlers(0))")
        .contains("routes.route(\"DELETE\", \"/\", \"Pets.remove()\", new Handlers(2))")
        .contains("throw new IllegalArgumentException(\"no such route\");");
    assertThat(source.split("implements Handler ", -1)).hasSize(2);
  }

  @Test
  void jsonWriterLocalsNeverClashWithParametersClassesOrEachOther() {
    Compilation compilation =
        Compilation.compile(
            """
            package com.example;

            import dev.portico.api.http.*;

            public final class Pets {
              public record Inner(String name) {}

              public record Names(
                  String value, String value_, String json, String element, String Json_Pets_Inner,
                  Inner inner, java.util.List<Inner> children) {}

              @GET public Names get() { return null; }
            }
            """);

    assertThat(compilation.messages()).isEmpty();
    assertThat(compilation.generated().get("com.example.Pets_Routes"))
        .contains("String value__ = value.value_();")
        .contains("String Json_Pets_Inner_ = value.Json_Pets_Inner();")
        .contains("Json_Pets_Inner.INSTANCE.write(inner, json);");
  }

  @Test
  void rawCollectionsAndJdkShapedRecordsGetNoJsonWriter() {
    Compilation compilation =
        Compilation.compile(
            """
            package com.example;

            import dev.portico.api.http.*;

            public final class Pets {
              public record Raw(String a, Inner in) {}

              @SuppressWarnings("rawtypes")
              public record Inner(java.util.Set items) {}

              public record Entry(String getKey, String getValue)
                  implements java.util.Map.Entry<String, String> {
                @Override public String getKey() { return getKey; }
                @Override public String getValue() { return getValue; }
                @Override public String setValue(String value) { throw new UnsupportedOperationException(); }
              }

              public record Plain(String name) implements java.io.Serializable, Comparable<Plain> {
                @Override public int compareTo(Plain other) { return name.compareTo(other.name); }
              }

              @GET @Path("/raw") public Raw raw() { return null; }

              @GET @Path("/entry") public Entry entry() { return null; }

              @GET @Path("/plain") public Plain plain() { return null; }
            }
            """);

    assertThat(compilation.messages()).isEmpty();
    assertThat(compilation.generated().get("com.example.Pets_Routes"))
        .contains("routes.jsonWriter(Pets.Plain.class, Json_Pets_Plain.INSTANCE);")
        .doesNotContain("Json_Pets_Raw", "Json_Pets_Inner", "Json_Pets_Entry");
  }

  @Test
  void recordsGeneratedCodeCannotNameGetNoJsonWriter() {
    Compilation compilation =
        Compilation.compile(
            """
            package com.example;

            import dev.portico.api.http.*;

            public final class Pets {
              private record Secret(String name) {}

              @GET public Object get() { return new Secret("Rex"); }

              @GET @Path("/list") public java.util.List<String> names() { return java.util.List.of(); }
            }
            """);

    assertThat(compilation.messages()).isEmpty();
    assertThat(compilation.generated().get("com.example.Pets_Routes")).doesNotContain("JsonWriter");
  }

  @Test
  void controllersWaitForTypesThatAnotherProcessorGenerates() {
    Compilation compilation =
        Compilation.compile(
            List.of(new LaterTypeProcessor()),
            """
            package com.example;

            public @interface GenerateLater {}
            """,
            """
            package com.example;

            import dev.portico.api.http.*;

            @GenerateLater
            public final class LaterController {
              @POST public String create(@Body Later later, @QueryParam("code") LaterCode code) {
                return later.name() + code;
              }
            }
            """);

    assertThat(compilation.messages()).isEmpty();
    assertThat(compilation.generated())
        .containsKeys(
            "com.example.Later", "com.example.LaterCode", "com.example.LaterController_Routes");
    assertThat(compilation.generated().get("com.example.LaterController_Routes"))
        .contains("request.bodyAs(Later.class)")
        .contains("routes.param(", "LaterCode.class");
  }

  @Test
  void typesThatNeverAppearAreLeftToJavacToReport() {
    Compilation compilation =
        Compilation.compile(
            """
            package com.example;

            import dev.portico.api.http.*;

            public final class TypoController {
              @GET public String get(@QueryParam("x") Missing x) { return ""; }
            }
            """);

    assertThat(compilation.success()).isFalse();
    assertThat(compilation.messages())
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .startsWith("6:43: cannot find symbol");
    assertThat(compilation.generated()).isEmpty();
  }

  /**
   * Generates {@code com.example.Later} and {@code LaterCode} in the first round, like Immutables.
   */
  @SupportedAnnotationTypes("*")
  static final class LaterTypeProcessor extends AbstractProcessor {
    private boolean done;

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (done || annotations.isEmpty()) {
        return false;
      }
      done = true;
      write("com.example.Later", "package com.example;\npublic record Later(String name) {}\n");
      write(
          "com.example.LaterCode",
          "package com.example;\npublic record LaterCode(String text) {\n"
              + "  public static LaterCode valueOf(String text) { return new LaterCode(text); }\n}\n");
      return true;
    }

    private void write(String name, String source) {
      try (Writer out = processingEnv.getFiler().createSourceFile(name).openWriter()) {
        out.write(source);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = GeneratedSourceTest.class.getResourceAsStream(GOLDEN + name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
