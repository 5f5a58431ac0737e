package dev.portico.api.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The binding mistakes the processor reports at compile time: each message word for word, on the
 * element it concerns (the text at the reported position) and its line.
 */
class ProcessorErrorsTest {

  /**
   * A controller whose body starts on line 10.
   *
   * <pre>
   * 1 package com.example;
   * 3-6 imports
   * 8 @Path("/pets")
   * 9 public final class PetController {
   * </pre>
   */
  private static String controller(String body) {
    return """
        package com.example;

        import com.amazonaws.services.lambda.runtime.Context;
        import dev.portico.api.*;
        import dev.portico.api.http.*;
        import java.util.*;

        @Path("/pets")
        public final class PetController {
        %s}
        """
        .formatted(body);
  }

  /** Errors as {@code line element: message}. */
  private static List<String> errors(String... sources) {
    Compilation compilation = Compilation.compile(sources);
    assertThat(compilation.success()).as("compilation succeeded").isFalse();
    assertThat(compilation.generated()).isEmpty();
    List<String> messages = compilation.messages();
    List<String> sites = compilation.errorSites();
    assertThat(sites).hasSameSizeAs(messages);
    List<String> errors = new ArrayList<>();
    for (int i = 0; i < messages.size(); i++) {
      String message = messages.get(i);
      int line = Integer.parseInt(message.substring(0, message.indexOf(':')));
      String text = message.substring(message.indexOf(": ") + 2);
      errors.add(line + " " + sites.get(i) + ": " + text);
    }
    return errors;
  }

  @Test
  void pathParamWithoutItsVariable() {
    assertThat(
            errors(
                controller(
                    """
                      @GET public String get(@PathParam("id") long id) { return ""; }
                    """)))
        .containsExactly(
            "10 \"id\": PetController.get(long id): @PathParam 'id' has no {id} in path '/pets'");
  }

  @Test
  void unboundPathVariablesAreAllowed() {
    Compilation compilation =
        Compilation.compile(
            controller(
                """
                  @ANY @Path("/{proxy+}") public String any(Request request) { return ""; }
                """));
    assertThat(compilation.messages()).isEmpty();
    assertThat(compilation.success()).isTrue();
  }

  @Test
  void twoRoutesForTheSameMethodAndPath() {
    assertThat(
            errors(
                controller(
                    """
                      @GET @Path("/{id}") public String get(@PathParam("id") long id) { return ""; }
                      @GET @Path("{name}/") public String find(@PathParam("name") String name) { return ""; }
                      @POST @GET @Path("/") public String list() { return ""; }
                      @GET public String again() { return ""; }
                    """)))
        .containsExactly(
            "11 @GET: PetController.find(String name): GET /pets/{name} is already routed to"
                + " PetController.get(long id)",
            "13 @GET: PetController.again(): GET /pets is already routed to PetController.list()");
  }

  @Test
  void sameTemplateForDifferentMethodsOrAnyIsNotADuplicate() {
    Compilation compilation =
        Compilation.compile(
            controller(
                """
                  @GET @Path("/{id}") public String get(@PathParam("id") long id) { return ""; }
                  @PUT @Path("/{id}") public String put(@PathParam("id") long id) { return ""; }
                  @ANY @Path("/{id}") public String any(@PathParam("id") long id) { return ""; }
                  @GET @Path("/{id+}") public String greedy(@PathParam("id") String id) { return ""; }
                  @GET @Path("/mine") public String mine() { return ""; }
                """));
    assertThat(compilation.messages()).isEmpty();
  }

  @Test
  void parameterWithoutBinding() {
    assertThat(
            errors(
                """
                package com.example;

                public final class Foo {}
                """,
                controller(
                    """
                      @GET public String list(Foo foo) { return ""; }
                    """)))
        .containsExactly(
            "10 foo: PetController.list(Foo foo): parameter 'foo' of type com.example.Foo has no"
                + " binding annotation (@PathParam, @QueryParam, @HeaderParam, @CookieParam,"
                + " @StageVariable, @Body, @Claim, @AuthorizerParam, @Principal) and is not an"
                + " injectable type (Request, Context, Authorization, aws-lambda-java-events"
                + " types)");
  }

  @Test
  void typeThatDoesNotConvertFromText() {
    assertThat(
            errors(
                """
                package com.example;

                public final class Money {
                  public static Money from(String text) { return new Money(); }
                }
                """,
                controller(
                    """
                      @GET public String list(@QueryParam("m") Money m) { return ""; }
                      @GET @Path("/x") public String x(@HeaderParam("h") List<Money> h) { return ""; }
                      @GET @Path("/y") public String y(@CookieParam("c") Optional<Object> c) { return ""; }
                      @GET @Path("/z") public String z(@Claim("c") CharSequence c) { return ""; }
                    """)))
        .containsExactly(
            "10 @QueryParam: PetController.list(Money m): @QueryParam 'm' has type"
                + " com.example.Money, which"
                + " Portico cannot convert from text; give it a static valueOf(String), of(String),"
                + " parse(CharSequence), parse(String) or fromString(String), or a public"
                + " constructor taking a String",
            "11 @HeaderParam: PetController.x(List<Money> h): @HeaderParam 'h' has type"
                + " java.util.List<com.example.Money>, which Portico cannot convert from text; give"
                + " it a static valueOf(String), of(String), parse(CharSequence), parse(String)"
                + " or fromString(String), or a public"
                + " constructor taking a String",
            "12 @CookieParam: PetController.y(Optional<Object> c): @CookieParam 'c' has type"
                + " java.util.Optional<java.lang.Object>, which Portico cannot convert from text;"
                + " give it a static valueOf(String), of(String), parse(CharSequence),"
                + " parse(String) or fromString(String), or a"
                + " public constructor taking a String",
            "13 @Claim: PetController.z(CharSequence c): @Claim 'c' has type"
                + " java.lang.CharSequence,"
                + " which Portico cannot convert from text; give it a static valueOf(String),"
                + " of(String), parse(CharSequence), parse(String) or fromString(String), or a"
                + " public constructor taking a String");
  }

  @Test
  void twoBodies() {
    assertThat(
            errors(
                controller(
                    """
                      @POST public String create(@Body String a, @Body byte[] b) { return ""; }
                    """)))
        .containsExactly(
            "10 @Body: PetController.create(String a, byte[] b): parameter 'b' is a second @Body; a"
                + " route has one body, already bound to 'a'");
  }

  @Test
  void privateRouteMethod() {
    assertThat(
            errors(
                controller(
                    """
                      @GET private String get() { return ""; }
                    """)))
        .containsExactly(
            "10 get: PetController.get(): is private; a route method must be at least"
                + " package-private");
  }

  @Test
  void controllersTheGeneratedClassCannotServe() {
    assertThat(
            errors(
                """
                package com.example;

                import dev.portico.api.http.*;

                public final class Outer {
                  private static final class Hidden {
                    @GET public String get() { return ""; }
                  }
                  private static final class Wrapper {
                    static final class Inner {
                      @GET public String get() { return ""; }
                    }
                  }
                  interface Api {
                    @GET String get();
                  }
                  static final class Generic<T> {
                    @GET public String get() { return ""; }
                  }
                }
                """))
        .containsExactlyInAnyOrder(
            "6 Hidden: Outer.Hidden: is private; the generated Outer_Hidden_Routes must be able to"
                + " reach it from its package",
            "10 Inner: Outer.Wrapper.Inner: is nested in private Outer.Wrapper; the generated"
                + " Outer_Wrapper_Inner_Routes must be able to reach it from its package",
            "17 Generic: Outer.Generic: has type parameters; a controller cannot be generic (make"
                + " it abstract: its concrete subclasses serve its routes)");
  }

  @Test
  void abstractControllersAreServedThroughTheirSubclasses() {
    Compilation compilation =
        Compilation.compile(
            """
            package com.example;

            import dev.portico.api.http.*;

            public abstract class Base {
              @GET @Path("/name") public abstract String name();
            }
            """);
    assertThat(compilation.messages()).isEmpty();
    assertThat(compilation.generated()).containsOnlyKeys("com.example.Base_Routes");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          /{proxy+}/more        | path '/pets/{proxy+}/more' has greedy {proxy+} before its last segment; it must be the last segment
          /{id                  | path '/pets/{id' has unbalanced braces
          /id}                  | path '/pets/id}' has unbalanced braces
          /{a{b}}               | path '/pets/{a{b}}' has unbalanced braces
          /{}                   | path '/pets/{}' has a variable with an empty name: {}
          /{+}                  | path '/pets/{+}' has a variable with an empty name: {+}
          /{id}/x/{id}          | path '/pets/{id}/x/{id}' has {id} more than once
          /a b                  | path '/pets/a b' has a space, which is not allowed in a path template
          /a\tb                 | path '/pets/a\tb' has character U+0009, which is not allowed in a path template
          /a?b=1                | path '/pets/a?b=1' has character '?', which cannot be part of a path; bind query values with @QueryParam
          /a#b                  | path '/pets/a#b' has character '#', which cannot be part of a path; bind query values with @QueryParam
          /caf%C3%A9            | path '/pets/caf%C3%A9' has '%', but templates match the decoded path: write the character itself, not its percent-encoding
          /x{id}                | path '/pets/x{id}' has segment 'x{id}' that mixes text and a variable; a {variable} must be a whole segment
          /a//b                 | path '/pets/a//b' has an empty segment ('//')
          /{a b}                | path '/pets/{a b}' has variable {a b} whose name has a space; use letters, digits, '_', '-' and '.'
          """)
  void invalidPathTemplates(String path, String problem) {
    assertThat(
            errors(
                controller(
                    """
                      @GET @Path("%s") public String get() { return ""; }
                    """
                        .formatted(path))))
        .containsExactly("10 \"" + path + "\": PetController.get(): " + problem);
  }

  @Test
  void literalSegmentsMayHoldAnyCharacterOfADecodedPath() {
    Compilation compilation =
        Compilation.compile(
            controller(
                """
                  @GET @Path("/caf\u00e9/a+b/~me/v1.2/x:y/it's") public String get() { return ""; }
                """));
    assertThat(compilation.messages()).isEmpty();
    assertThat(compilation.generated().get("com.example.PetController_Routes"))
        .contains("\"/pets/caf\\u00e9/a+b/~me/v1.2/x:y/it's\"");
  }

  @Test
  void invalidClassPathIsReportedOnceOnTheClass() {
    assertThat(
            errors(
                """
                package com.example;

                import dev.portico.api.http.*;

                @Path("/pets/{id")
                public final class PetController {
                  @GET public String list() { return ""; }
                  @GET @Path("/{x}") public String get() { return ""; }
                }
                """))
        .containsExactly("5 \"/pets/{id\": PetController: path '/pets/{id' has unbalanced braces");
  }

  @Test
  void defaultValuesThatDoNotConvert() {
    assertThat(
            errors(
                """
                package com.example;

                public enum Color { RED, GREEN }
                """,
                controller(
                    """
                      @GET public String list(
                          @QueryParam("limit") @DefaultValue("ten") int limit,
                          @QueryParam("big") @DefaultValue("9999999999") Integer big,
                          @HeaderParam("flag") @DefaultValue("yes") boolean flag,
                          @CookieParam("color") @DefaultValue("PURPLE") Color color,
                          @StageVariable("id") @DefaultValue("nope") UUID id,
                          @Claim("day") @DefaultValue("2024-13-01") java.time.LocalDate day,
                          @AuthorizerParam("c") @DefaultValue("ab") char c,
                          @QueryParam("ok") @DefaultValue("green") Color ok,
                          @QueryParam("tags") @DefaultValue("x") List<String> tags) {
                        return "";
                      }
                    """)))
        .containsExactly(
            "11 \"ten\": PetController.list(int limit, Integer big, boolean flag, Color color, UUID"
                + " id, LocalDate day, char c, Color ok, List<String> tags): @DefaultValue(\"ten\")"
                + " of @QueryParam 'limit' is not a valid int",
            "12 \"9999999999\": PetController.list(int limit, Integer big, boolean flag, Color"
                + " color, UUID"
                + " id, LocalDate day, char c, Color ok, List<String> tags):"
                + " @DefaultValue(\"9999999999\") of @QueryParam 'big' is not a valid Integer",
            "13 \"yes\": PetController.list(int limit, Integer big, boolean flag, Color color, UUID"
                + " id, LocalDate day, char c, Color ok, List<String> tags): @DefaultValue(\"yes\")"
                + " of @HeaderParam 'flag' is not a valid boolean (true or false)",
            "14 \"PURPLE\": PetController.list(int limit, Integer big, boolean flag, Color color,"
                + " UUID"
                + " id, LocalDate day, char c, Color ok, List<String> tags):"
                + " @DefaultValue(\"PURPLE\") of @CookieParam 'color' is not a valid Color (one of"
                + " RED, GREEN)",
            "15 \"nope\": PetController.list(int limit, Integer big, boolean flag, Color color,"
                + " UUID id,"
                + " LocalDate day, char c, Color ok, List<String> tags): @DefaultValue(\"nope\") of"
                + " @StageVariable 'id' is not a valid UUID",
            "16 \"2024-13-01\": PetController.list(int limit, Integer big, boolean flag, Color"
                + " color, UUID id,"
                + " LocalDate day, char c, Color ok, List<String> tags):"
                + " @DefaultValue(\"2024-13-01\")"
                + " of @Claim 'day' is not a valid LocalDate",
            "17 \"ab\": PetController.list(int limit, Integer big, boolean flag, Color color,"
                + " UUID id,"
                + " LocalDate day, char c, Color ok, List<String> tags): @DefaultValue(\"ab\") of"
                + " @AuthorizerParam 'c' is not a valid char (one character)");
  }

  @Test
  void defaultValuesWhereTheyDoNotApply() {
    assertThat(
            errors(
                controller(
                    """
                      @PUT @Path("/{id}") public String put(
                          @PathParam("id") @DefaultValue("1") long id,
                          @Body @DefaultValue("{}") String body,
                          @DefaultValue("x") Request request) {
                        return "";
                      }
                    """)))
        .containsExactly(
            "11 @DefaultValue: PetController.put(long id, String body, Request request):"
                + " @DefaultValue does"
                + " not apply to @PathParam 'id'; a path variable is always present",
            "12 @DefaultValue: PetController.put(long id, String body, Request request):"
                + " @DefaultValue does"
                + " not apply to @Body parameter 'body'; use Optional or @Nullable for a body that"
                + " may be absent",
            "13 @DefaultValue: PetController.put(long id, String body, Request request):"
                + " @DefaultValue"
                + " does not apply to parameter 'request', which is injected, not bound");
  }

  @Test
  void severalBindingAnnotationsOnOneParameter() {
    assertThat(
            errors(
                controller(
                    """
                      @GET public String get(@QueryParam("a") @HeaderParam("a") String a) { return ""; }
                    """)))
        .containsExactly(
            "10 @HeaderParam: PetController.get(String a): parameter 'a' has several binding"
                + " annotations"
                + " (@QueryParam, @HeaderParam); keep one");
  }

  @Test
  void pathWithoutAnHttpMethod() {
    assertThat(
            errors(
                controller(
                    """
                      @GET public String list() { return ""; }
                      @Path("/{id}") public String get(@PathParam("id") long id) { return ""; }
                    """)))
        .containsExactly(
            "11 @Path: PetController.get(long id): @Path needs an HTTP method annotation (@GET,"
                + " @POST, @PUT, @PATCH, @DELETE, @HEAD, @OPTIONS or @ANY)");
  }

  @Test
  void methodsThatCannotBeCalledFromAHandler() {
    assertThat(
            errors(
                controller(
                    """
                      @GET public <T> T get() { return null; }
                      @POST public String post() throws Throwable { return ""; }
                    """)))
        .containsExactly(
            "10 get: PetController.get(): has type parameters; a route method cannot be generic",
            "11 post: PetController.post(): throws java.lang.Throwable, which a route cannot"
                + " propagate; throw Exception or its subclasses");
  }

  @Test
  void nullableAndEmptyNames() {
    assertThat(
            errors(
                controller(
                    """
                      @GET public String get(
                          @QueryParam("n") @Nullable int n,
                          @QueryParam("") String empty,
                          @Body @Nullable long body) {
                        return "";
                      }
                    """)))
        .containsExactly(
            "11 @QueryParam: PetController.get(int n, String empty, long body): @QueryParam 'n'"
                + " is @Nullable"
                + " but has primitive type int, which cannot be null; use Integer",
            "12 \"\": PetController.get(int n, String empty, long body): @QueryParam of parameter"
                + " 'empty' has an empty name",
            "13 @Body: PetController.get(int n, String empty, long body): @Body parameter 'body' is"
                + " @Nullable but has primitive type long, which cannot be null; use Long");
  }

  @Test
  void everyMistakeIsReportedInOneRun() {
    assertThat(
            errors(
                """
                package com.example;

                public final class Foo {}
                """,
                controller(
                    """
                      @GET @Path("/{id}") public String get(@PathParam("id") long id) { return ""; }
                      @GET @Path("/{key}") public String find(@PathParam("key") String key) { return ""; }
                      @POST public String create(@Body String a, @Body String b) { return ""; }
                      @PUT @Path("/{name}") public String put(@PathParam("id") long id, Foo foo) { return ""; }
                      @GET @Path("/x/{proxy+}/y") public String bad() { return ""; }
                      @DELETE private String delete(@QueryParam("n") @DefaultValue("x") int n) { return ""; }
                    """)))
        .containsExactly(
            "11 @GET: PetController.find(String key): GET /pets/{key} is already routed to"
                + " PetController.get(long id)",
            "12 @Body: PetController.create(String a, String b): parameter 'b' is a second @Body; a"
                + " route has one body, already bound to 'a'",
            "13 \"id\": PetController.put(long id, Foo foo): @PathParam 'id' has no {id} in path"
                + " '/pets/{name}'",
            "13 foo: PetController.put(long id, Foo foo): parameter 'foo' of type com.example.Foo"
                + " has no binding annotation (@PathParam, @QueryParam, @HeaderParam, @CookieParam,"
                + " @StageVariable, @Body, @Claim, @AuthorizerParam, @Principal) and is not an"
                + " injectable type (Request, Context, Authorization, aws-lambda-java-events"
                + " types)",
            "14 \"/x/{proxy+}/y\": PetController.bad(): path '/pets/x/{proxy+}/y' has greedy"
                + " {proxy+} before its"
                + " last segment; it must be the last segment",
            "15 delete: PetController.delete(int n): is private; a route method must be at least"
                + " package-private",
            "15 \"x\": PetController.delete(int n): @DefaultValue(\"x\") of @QueryParam 'n' is"
                + " not a"
                + " valid int");
  }

  @Test
  void inheritedRoutesAreCheckedForTheSubclass() {
    assertThat(
            errors(
                """
                package com.example.base;

                import dev.portico.api.http.*;

                public abstract class Crud<T> {
                  @GET @Path("/{id}") public String get(@PathParam("id") long id) { return ""; }
                  @POST protected String create(@Body T item) { return ""; }
                  @GET @Path("/search") public String search(@QueryParam("q") T query) { return ""; }
                }
                """,
                """
                package com.example;

                import dev.portico.api.http.*;

                @Path("/pets")
                public final class PetCrud extends com.example.base.Crud<Object> {
                  @GET @Path("/{name}") public String find(@PathParam("name") String name) { return ""; }
                }
                """))
        .containsExactly(
            "7 create: PetCrud.create(Object item): is not public and Crud is in another package,"
                + " so"
                + " the generated PetCrud_Routes cannot call it; make it public",
            "8 @QueryParam: PetCrud.search(Object query): @QueryParam 'q' has type"
                + " java.lang.Object, which"
                + " Portico cannot convert from text; give it a static valueOf(String), of(String),"
                + " parse(CharSequence), parse(String) or fromString(String), or a public"
                + " constructor taking a String",
            "7 @GET: PetCrud.find(String name): GET /pets/{name} is already routed to"
                + " PetCrud.get(long id)");
  }

  @Test
  void mistakesOfABaseControllerAreReportedOnceNotForEachSubclass() {
    assertThat(
            errors(
                """
                package com.example;

                import dev.portico.api.http.*;

                public abstract class Base {
                  @GET @Path("/{id}") public String get(@PathParam("key") long id) { return ""; }
                }
                """,
                """
                package com.example;

                import dev.portico.api.http.*;

                @Path("/a")
                public final class A extends Base {}
                """,
                """
                package com.example;

                import dev.portico.api.http.*;

                @Path("/b")
                public final class B extends Base {
                  @GET public String list() { return ""; }
                }
                """))
        .containsExactly(
            "6 \"key\": Base.get(long id): @PathParam 'key' has no {key} in path '/{id}'");
  }

  @Test
  void pathWithoutRouteMethods() {
    assertThat(
            errors(
                """
                package com.example;

                import dev.portico.api.http.*;

                @Path("/empty")
                public final class Empty {
                  public String get() { return ""; }
                }
                """))
        .containsExactly(
            "5 @Path: Empty: has @Path but no route methods; annotate them with @GET, @POST, @PUT,"
                + " @PATCH, @DELETE, @HEAD, @OPTIONS or @ANY");
  }

  private static final String MONEY =
      """
      package com.example.money;

      public final class Money {}
      """;

  @Test
  void typesConvertedByARegisteredConverterAreNamedWithAProcessorOption() {
    String controller =
        """
        package com.example;

        import com.example.money.Money;
        import dev.portico.api.http.*;

        public final class Shop {
          @GET @Path("/price") public String price(@QueryParam("m") Money m) { return ""; }
        }
        """;
    for (String option :
        List.of("com.example.money.Money", "java.time.Year, com.example.money.*")) {
      Compilation compilation =
          Compilation.compileWithOptions(
              List.of("-Aportico.convertibleTypes=" + option), MONEY, controller);
      assertThat(compilation.messages()).as(option).isEmpty();
      assertThat(compilation.generated().get("com.example.Shop_Routes"))
          .contains("Param<Money> priceM = routes.param(");
    }
    assertThat(Compilation.compile(MONEY, controller).success()).isFalse();
  }

  @Test
  void factoryMethodsMustBeThoseTheRuntimeFinds() {
    assertThat(
            errors(
                """
                package com.example;

                public class Ids {
                  public static final class Good {
                    public static Good fromString(String text) { return new Good(); }
                  }
                  public static class Sub extends Ids {}
                  public static Ids valueOf(String text) { return new Sub(); }
                  static final class Hidden {
                    public static Hidden valueOf(String text) { return new Hidden(); }
                  }
                  public static final class Wide {
                    public static Object valueOf(String text) { return new Wide(); }
                  }
                }
                """,
                controller(
                    """
                      @GET public String get(
                          @QueryParam("good") Ids.Good good,
                          @QueryParam("sub") Ids.Sub sub,
                          @QueryParam("hidden") Ids.Hidden hidden,
                          @QueryParam("wide") Ids.Wide wide,
                          @QueryParam("limit") @DefaultValue(" 20 ") int limit,
                          @QueryParam("ratio") @DefaultValue("NaN") double ratio) {
                        return "";
                      }
                    """)))
        .containsExactly(
            "12 @QueryParam: PetController.get(Good good, Sub sub, Hidden hidden, Wide wide, int"
                + " limit,"
                + " double ratio): @QueryParam 'sub' has type com.example.Ids.Sub, which Portico"
                + " cannot convert from text; give it a static valueOf(String), of(String),"
                + " parse(CharSequence),"
                + " parse(String) or fromString(String), or a public constructor taking a String",
            "13 @QueryParam: PetController.get(Good good, Sub sub, Hidden hidden, Wide wide, int"
                + " limit,"
                + " double ratio): @QueryParam 'hidden' has type com.example.Ids.Hidden, which"
                + " Portico cannot convert from text; give it a static valueOf(String), of(String),"
                + " parse(CharSequence), parse(String) or fromString(String), or a public"
                + " constructor taking a String",
            "14 @QueryParam: PetController.get(Good good, Sub sub, Hidden hidden, Wide wide, int"
                + " limit,"
                + " double ratio): @QueryParam 'wide' has type com.example.Ids.Wide, which Portico"
                + " cannot convert from text; give it a static valueOf(String), of(String),"
                + " parse(CharSequence),"
                + " parse(String) or fromString(String), or a public constructor taking a String",
            // The runtime converts defaults as sent (portico-path's table, no trimming), so a
            // padded number is a compile error too rather than a failure at start-up.
            "15 \" 20 \": PetController.get(Good good, Sub sub, Hidden hidden, Wide wide, int"
                + " limit,"
                + " double ratio): @DefaultValue(\" 20 \") of @QueryParam 'limit' is not a valid"
                + " int",
            "16 \"NaN\": PetController.get(Good good, Sub sub, Hidden hidden, Wide wide, int limit,"
                + " double ratio): @DefaultValue(\"NaN\") of @QueryParam 'ratio' is not a valid"
                + " double");
  }

  @Test
  void mediaTypesMustBeTypeSlashSubtype() {
    assertThat(
            errors(
                """
                package com.example;

                import dev.portico.api.http.*;

                @Consumes("json")
                public final class Upload {
                  @POST @Path("/a") public String a(@Body String body) { return ""; }
                  @POST @Path("/b") @Consumes({"text/csv", "csv"}) @Produces("text")
                  public String b(@Body String body) { return ""; }
                  @POST @Path("/c") @Consumes("text/*") @Produces("text/plain; charset=utf-8")
                  public String c(@Body String body) { return ""; }
                }
                """))
        .containsExactly(
            "5 \"json\": Upload: @Consumes 'json' is not a media type such as text/csv or text/*",
            "8 {: Upload.b(String body): @Consumes 'csv' is not a media type such as text/csv or"
                + " text/*",
            "8 \"text\": Upload.b(String body): @Produces 'text' is not a media type such as"
                + " text/csv");
  }

  @Test
  void staticInterfaceMethodsCannotBeRoutes() {
    assertThat(
            errors(
                """
                package com.example;

                import dev.portico.api.http.*;

                public interface Api {
                  @GET @Path("/x") static String x() { return ""; }
                }
                """,
                """
                package com.example;

                public final class Impl implements Api {}
                """))
        .containsExactly(
            "6 x: Impl.x(): is a static interface method, which the controller does not inherit;"
                + " make it an abstract or default method");
  }

  @Test
  void aSubclassThatBreaksAnInheritedRouteIsReportedEvenWhenTheBaseIsFine() {
    Compilation compilation =
        Compilation.compile(
            """
            package com.example;

            import dev.portico.api.http.*;

            @Path("/{id}")
            public class Base {
              @GET public String get(@PathParam("id") long id) { return ""; }
            }
            """,
            """
            package com.example;

            import dev.portico.api.http.*;

            @Path("/items")
            public final class Sub extends Base {}
            """);

    assertThat(compilation.success()).isFalse();
    assertThat(compilation.messages())
        .containsExactly("7:37: Sub.get(long id): @PathParam 'id' has no {id} in path '/items'");
    assertThat(compilation.generated()).containsOnlyKeys("com.example.Base_Routes");
  }

  @Test
  void requirementsThatCanNeverBeMetOrSayNothingAreCompileErrors() {
    assertThat(
            errors(
                controller(
                    """
                      @POST @RequiresScopes({}) public String create() { return ""; }
                      @PUT @RequiresScopes({"pets:write", "pets write", ""}) public String put() { return ""; }
                      @DELETE @RequiresClaim(name = "", anyOf = {"admins"}) public String delete() { return ""; }
                      @PATCH @RequiresClaim(name = "groups", anyOf = {}) public String patch() { return ""; }
                      @GET @RequiresClaim(name = "groups", anyOf = {"admins", " "}) public String get() { return ""; }
                    """)))
        .containsExactly(
            "10 @RequiresScopes: PetController.create(): @RequiresScopes lists no scopes; name at"
                + " least one,"
                + " e.g. @RequiresScopes(\"pets:write\")",
            "11 {: PetController.put(): @RequiresScopes 'pets write' is not a scope: scopes are"
                + " non-empty and contain no spaces",
            "11 {: PetController.put(): @RequiresScopes '' is not a scope: scopes are non-empty"
                + " and contain no spaces",
            "12 \"\": PetController.delete(): @RequiresClaim has an empty name; name the claim,"
                + " e.g. \"groups\"",
            "13 {: PetController.patch(): @RequiresClaim(name = \"groups\") lists no values in"
                + " anyOf; name the accepted values",
            "14 {: PetController.get(): @RequiresClaim(name = \"groups\") has an empty value in"
                + " anyOf");
  }

  @Test
  void anEmptyClassLevelRequirementNamesTheClass() {
    assertThat(
            errors(
                """
                package com.example;

                import dev.portico.api.http.*;

                @Path("/pets")
                @RequiresScopes({})
                public final class PetController {
                  @GET public String list() { return ""; }
                }
                """))
        .containsExactly(
            "6 @RequiresScopes: PetController: @RequiresScopes lists no scopes; name at least one,"
                + " e.g. @RequiresScopes(\"pets:write\")");
  }

  @Test
  void anErrorCausedByAnAnnotationIsReportedAtTheAnnotationSoTheIdeUnderlinesIt() {
    String method =
        "  @GET public String get(@QueryParam(\"n\") @Nullable int n, @QueryParam(\"\") String e)"
            + " { return \"\"; }";
    Compilation compilation = Compilation.compile(controller(method + "\n"));

    assertThat(compilation.success()).isFalse();
    // Columns are 1-based: the annotation's '@', and the value's opening quote.
    int annotation = method.indexOf("@QueryParam(\"n\")") + 1;
    int value = method.indexOf("\"\")") + 1;
    assertThat(compilation.messages())
        .containsExactly(
            "10:"
                + annotation
                + ": PetController.get(int n, String e): @QueryParam 'n' is @Nullable but has"
                + " primitive type int, which cannot be null; use Integer",
            "10:"
                + value
                + ": PetController.get(int n, String e): @QueryParam of parameter 'e' has an empty"
                + " name");
    assertThat(annotation).isEqualTo(26);
    assertThat(value).isEqualTo(72);
  }
}
