package dev.portico.api.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The WebSocket binding mistakes the processor reports at compile time, word for word, with line
 * and column (the column is the annotation's when the mistake is in one). Lives in the processor
 * tests' package to use their in-memory compiler ({@link Compilation}).
 */
class WebSocketProcessorErrorsTest {

  /** A controller whose body starts on line 11. */
  private static String controller(String body) {
    return """
        package com.example;

        import com.amazonaws.services.lambda.runtime.Context;
        import dev.portico.api.Nullable;
        import dev.portico.api.http.*;
        import dev.portico.websocket.*;
        import java.time.Instant;
        import java.util.*;

        public class Chat {
        %s}
        """
        .formatted(body);
  }

  private static List<String> errors(String body) {
    Compilation compilation = Compilation.compile(controller(body));
    assertThat(compilation.success()).as("compilation succeeded").isFalse();
    assertThat(compilation.generated()).isEmpty();
    return compilation.messages();
  }

  @Test
  void parametersNeedABindingOrAnInjectableType() {
    assertThat(errors("  @OnMessage public void m(Thread t) {}\n"))
        .containsExactly(
            "11:35: Chat.m(Thread t): parameter 't' has no binding annotation and is not"
                + " injectable; annotate it (@Body, @ConnectionId, @HeaderParam, @QueryParam,"
                + " @AuthorizerParam, @Principal, @RequestTime) or declare it as Connection,"
                + " Connections, WebSocketRequest, CloseStatus or Context");
  }

  @Test
  void headersAndQueryParametersExistOnConnectOnly() {
    assertThat(
            errors(
                "  @OnMessage(\"send\") public void m(@HeaderParam(\"X-Token\") String t,"
                    + " @QueryParam(\"room\") String r) {}\n"))
        .containsExactly(
            "11:36: Chat.m(String t, String r): @HeaderParam 'X-Token' is available on @OnConnect"
                + " methods only (API Gateway sends headers and query parameters with $connect"
                + " alone)",
            "11:70: Chat.m(String t, String r): @QueryParam 'room' is available on @OnConnect"
                + " methods only (API Gateway sends headers and query parameters with $connect"
                + " alone)");
  }

  @Test
  void connectAndDisconnectCarryNoBody() {
    assertThat(
            errors(
                "  @OnConnect public void c(@Body String b) {}\n"
                    + "  @OnDisconnect public void d(@Body String b) {}\n"))
        .containsExactly(
            "11:28: Chat.c(String b): @Body on $connect, which carries no message body",
            "12:31: Chat.d(String b): @Body on $disconnect, which carries no message body");
  }

  @Test
  void returnTypesOfConnectAndDisconnect() {
    assertThat(
            errors(
                "  @OnConnect public String c() { return null; }\n"
                    + "  @OnDisconnect public int d() { return 0; }\n"))
        .containsExactly(
            "11:3: Chat.c(): returns String; an @OnConnect method returns void or ConnectResponse",
            "12:3: Chat.d(): returns int; an @OnDisconnect method returns void (nobody receives a"
                + " reply)");
  }

  @Test
  void routeKeysAreUniqueAndReservedKeysHaveTheirOwnAnnotations() {
    assertThat(
            errors(
                "  @OnMessage(\"send\") public void a() {}\n"
                    + "  @OnMessage(\"send\") public void b() {}\n"
                    + "  @OnMessage(\"$connect\") public void c() {}\n"
                    + "  @OnMessage(\"\") public void d() {}\n"
                    + "  @OnConnect @OnMessage public void e() {}\n"))
        .containsExactly(
            "12:3: Chat.b(): route send is already handled by Chat.a()",
            "13:3: Chat.c(): route key '$connect' is reserved; use @OnConnect, @OnDisconnect, or"
                + " @OnMessage for $default",
            "14:3: Chat.d(): @OnMessage has an empty route key",
            "15:14: Chat.e(): a method serves one route; it has @OnConnect and @OnMessage");
  }

  @Test
  void bindingTypes() {
    assertThat(
            errors(
                "  @OnConnect public void c(@ConnectionId long id, @RequestTime String at,"
                    + " @AuthorizerParam(\"n\") int n, @Principal List<String> p) {}\n"))
        .containsExactly(
            "11:28: Chat.c(long id, String at, int n, List<String> p): @ConnectionId parameter"
                + " 'id' has type long; it must be a String",
            "11:51: Chat.c(long id, String at, int n, List<String> p): @RequestTime parameter"
                + " 'at' has type String; it must be an Instant or a long",
            "11:75: Chat.c(long id, String at, int n, List<String> p): @AuthorizerParam 'n' has"
                + " type int; WebSocket routes bind it as a String or Optional<String>",
            "11:104: Chat.c(long id, String at, int n, List<String> p): @Principal has type"
                + " List<String>; WebSocket routes bind it as a String or Optional<String>");
  }

  @Test
  void connectHeadersAndQueryParametersAreCheckedAgainstTheConversionTable() {
    assertThat(
            errors(
                "  @OnConnect public void c(@QueryParam(\"a\") Runnable a,\n"
                    + "      @HeaderParam(\"b\") @Nullable int b,\n"
                    + "      @QueryParam(\"c\") @DefaultValue(\"x\") int c,\n"
                    + "      @HeaderParam(\"d\") Optional<Map<String, String>> d) {}\n"))
        .containsExactly(
            "11:28: Chat.c(Runnable a, int b, int c, Optional<Map<String, String>> d): @QueryParam"
                + " 'a' has type java.lang.Runnable, which Portico cannot convert from text; give"
                + " it a static valueOf(String), of(String), parse(CharSequence), parse(String) or"
                + " fromString(String), or a public constructor taking a String",
            "12:7: Chat.c(Runnable a, int b, int c, Optional<Map<String, String>> d): @HeaderParam"
                + " 'b' is @Nullable but has primitive type int, which cannot be null; use Integer",
            // On the value, as for HTTP routes (the same ConversionChecks report both).
            "13:38: Chat.c(Runnable a, int b, int c, Optional<Map<String, String>> d):"
                + " @DefaultValue(\"x\") of @QueryParam 'c' is not a valid int",
            "14:7: Chat.c(Runnable a, int b, int c, Optional<Map<String, String>> d): @HeaderParam"
                + " 'd' has type java.util.Optional<java.util.Map<java.lang.String,"
                + " java.lang.String>>, which Portico cannot convert from text; give it a static"
                + " valueOf(String), of(String), parse(CharSequence), parse(String) or"
                + " fromString(String), or a public constructor taking a String");
  }

  @Test
  void defaultValuesApplyToConnectHeadersAndQueryParametersOnly() {
    assertThat(
            errors(
                "  @OnMessage public void m(@DefaultValue(\"a\") @Body String b,"
                    + " @DefaultValue(\"x\") Connection c) {}\n"))
        .containsExactly(
            "11:28: Chat.m(String b, Connection c): @DefaultValue does not apply to parameter 'b';"
                + " only @HeaderParam and @QueryParam parameters of @OnConnect take one",
            "11:63: Chat.m(String b, Connection c): @DefaultValue does not apply to parameter 'c';"
                + " only @HeaderParam and @QueryParam parameters of @OnConnect take one");
  }

  /** The part of a message after the method it names. */
  private static String afterOwner(String message) {
    return message.substring(message.indexOf("): ") + 3);
  }

  @Test
  void conversionMistakesReadExactlyAsOnHttpRoutes() {
    String parameters =
        "@QueryParam(\"a\") Runnable a, @HeaderParam(\"b\") @Nullable int b,"
            + " @QueryParam(\"c\") @DefaultValue(\"x\") int c";
    List<String> webSocket = errors("  @OnConnect public void c(" + parameters + ") {}\n");
    Compilation http =
        Compilation.compile(
            controller("  @GET @Path(\"/c\") public void c(" + parameters + ") {}\n")
                .replace("public class Chat {", "@Path(\"/\") public class Chat {"));
    assertThat(http.success()).isFalse();
    assertThat(webSocket).hasSize(3);
    assertThat(webSocket.stream().map(WebSocketProcessorErrorsTest::afterOwner))
        .containsExactlyElementsOf(
            http.messages().stream().map(WebSocketProcessorErrorsTest::afterOwner).toList());
  }

  @Test
  void routesInheritedTwiceForOneRouteKeyNameTheClassAndBothMethods() {
    Compilation compilation =
        Compilation.compile(
            """
            package com.example;

            import dev.portico.websocket.*;

            public interface Sending {
              @OnMessage("send") default void viaInterface() {}
            }
            """,
            """
            package com.example;

            import dev.portico.websocket.*;

            public abstract class Base {
              @OnMessage("send") public void viaBase() {}
              @OnMessage("leave") public void leave() {}
            }
            """,
            """
            package com.example;

            import dev.portico.websocket.*;

            public class Chat extends Base implements Sending {
              @OnMessage("leave") public void quit() {}
            }
            """);
    assertThat(compilation.success()).isFalse();
    assertThat(compilation.messages())
        .containsExactly(
            "5:8: Chat: route send is handled by both Sending.viaInterface() and Base.viaBase();"
                + " override one of them or change its route key",
            "5:8: Chat: route leave is handled by both Base.leave() and Chat.quit(); override one"
                + " of them or change its route key");
  }

  @Test
  void anInheritedRouteTheGeneratedClassCannotCallIsAnError() {
    Compilation compilation =
        Compilation.compile(
            """
            package com.base;

            import dev.portico.websocket.*;

            public abstract class Base {
              @OnMessage("hidden") void hidden() {}
              @OnMessage("guarded") protected void guarded() {}
            }
            """,
            """
            package com.example;

            public class Chat extends com.base.Base {}
            """);
    assertThat(compilation.success()).isFalse();
    assertThat(compilation.messages())
        .containsExactly(
            "3:8: Chat: inherits route hidden from Base.hidden(), which is package-private or"
                + " protected in another package; the generated Chat_WebSocketRoutes cannot call"
                + " it: make it public",
            "3:8: Chat: inherits route guarded from Base.guarded(), which is package-private or"
                + " protected in another package; the generated Chat_WebSocketRoutes cannot call"
                + " it: make it public");
  }

  @Test
  void oneBindingPerParameterAndOneBody() {
    assertThat(
            errors(
                "  @OnMessage public void m(@Body @ConnectionId String a, @Body String b,"
                    + " @Body String c) {}\n"))
        .containsExactly(
            "11:34: Chat.m(String a, String b, String c): parameter 'a' has @Body and"
                + " @ConnectionId; use one",
            "11:87: Chat.m(String a, String b, String c): has two @Body parameters; a message has"
                + " one body");
  }

  @Test
  void httpOnlyAnnotationsAndCloseStatusOutsideDisconnect() {
    assertThat(
            errors("  @OnMessage public void m(@PathParam(\"id\") String id, CloseStatus s) {}\n"))
        .containsExactly(
            "11:28: Chat.m(String id, CloseStatus s): @PathParam is not available on WebSocket"
                + " routes; use @Body, @ConnectionId, @HeaderParam, @QueryParam, @AuthorizerParam,"
                + " @Principal, @RequestTime",
            "11:68: Chat.m(String id, CloseStatus s): parameter 's' is a CloseStatus, which only"
                + " @OnDisconnect methods receive");
  }

  @Test
  void methodsMustBeCallable() {
    assertThat(
            errors(
                "  @OnMessage(\"a\") private void a() {}\n"
                    + "  @OnMessage(\"b\") static void b() {}\n"
                    + "  @OnMessage(\"c\") <T> void c() {}\n"
                    + "  @OnMessage(\"d\") void d() throws Throwable {}\n"))
        .containsExactly(
            "11:3: Chat.a(): is private; a route method must be at least package-private",
            "12:3: Chat.b(): is static; a route method is called on the controller",
            "13:3: Chat.c(): has type parameters; a route method cannot be generic",
            "14:3: Chat.d(): throws Throwable, which a route cannot propagate; throw Exception or"
                + " its subclasses");
  }

  @Test
  void bodiesNeedAConcreteType() {
    assertThat(
            errors(
                "  @OnMessage(\"a\") void a(@Body List<?> items) {}\n"
                    + "  @OnMessage(\"b\") void b(@Body @Nullable int n) {}\n"))
        .containsExactly(
            "11:26: Chat.a(List<?> items): @Body has type List<?>, which names no concrete type to"
                + " read",
            "12:26: Chat.b(int n): @Body int cannot be null; use its box");
  }

  @Test
  void controllersMustBeReachable() {
    String source =
        """
        package com.example;

        import dev.portico.websocket.*;

        public class Outer {
          private static class Hidden {
            @OnMessage void m() {}
          }
          class Inner {
            @OnMessage void m() {}
          }
          static class Generic<T> {
            @OnMessage void m() {}
          }
        }
        """;
    Compilation compilation = Compilation.compile(source);
    assertThat(compilation.success()).isFalse();
    assertThat(compilation.messages())
        .containsExactly(
            "6:18: Outer.Hidden: is private; the generated Outer_Hidden_WebSocketRoutes must be"
                + " able to reach it from its package",
            "9:3: Outer.Inner: is an inner class; make it static",
            "12:10: Outer.Generic: has type parameters; a WebSocket controller cannot be generic");
  }

  @Test
  void aCorrectControllerCompilesWithoutWarningsUnderWerror() {
    Compilation compilation =
        Compilation.compile(
            controller(
                """
                  public record Msg(String text) {}

                  @OnConnect public ConnectResponse c(@QueryParam("t") Optional<String> t,
                      @HeaderParam("Origin") @Nullable String origin, Connection c, Context ctx) {
                    return ConnectResponse.accept();
                  }
                  @OnMessage("send") public Msg send(@Body Msg m, @RequestTime Instant at,
                      @AuthorizerParam("tenant") String tenant, Connections all) { return m; }
                  @OnMessage public void any(@Body byte[] data, WebSocketRequest request) {}
                  @OnDisconnect public void d(@ConnectionId String id, CloseStatus status) {}
                """));
    assertThat(compilation.messages()).isEmpty();
    assertThat(compilation.success()).isTrue();
    assertThat(compilation.generated()).containsKey("com.example.Chat_WebSocketRoutes");
  }
}
