package dev.portico.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.api.testing.ProxyResponse;
import dev.portico.api.testing.TestRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The mistakes a newcomer makes in the first ten minutes fail at init with a message that names the
 * cause, and an exception mapper's problem names its request like Portico's own problems.
 */
class FirstMistakesTest {
  /** A controller class whose routes were never generated (nothing annotated here). */
  static final class HelloController {}

  static final class OutOfStockException extends RuntimeException {
    OutOfStockException() {
      super("sku 42 out of stock");
    }
  }

  @Test
  void aControllerWithoutGeneratedRoutesNamesTheProcessorAndTheCompilerPluginVersion() {
    assertThatThrownBy(() -> Api.builder().controller(new HelloController()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "dev.portico.api.FirstMistakesTest$HelloController has no generated routes (no class"
                + " dev.portico.api.FirstMistakesTest_HelloController_Routes): either none of its methods is"
                + " annotated with @GET, @POST, ... or the annotation processor did not run at"
                + " build time. Add dev.portico:lambda-api-processor to maven-compiler-plugin's"
                + " annotationProcessorPaths, and use maven-compiler-plugin 3.5 or later: older"
                + " versions (Maven's default is 3.1) ignore annotationProcessorPaths silently."
                + " Inheriting dev.portico:portico-service-parent sets up both");
  }

  @Test
  void aClassInsteadOfAControllerInstanceIsAClearError() {
    assertThatThrownBy(() -> Api.builder().controller(HelloController.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "controller(HelloController.class) was given a Class, not a controller: pass an"
                + " instance, e.g. controller(new HelloController(...))");
  }

  @Test
  void anApiWithoutRoutesIsAClearError() {
    assertThatThrownBy(() -> Api.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "Invalid API (1 problem):\n"
                + "  no routes: register a controller"
                + " (Api.builder().controller(new YourController())) or a route"
                + " (.get(\"/path\", request -> ...)) before build()");
  }

  @ParameterizedTest
  @EnumSource(EventSource.class)
  void anExceptionMappersProblemGetsTheRequestIdAsInstance(EventSource source) {
    Api api =
        Api.builder()
            .get(
                "/stock",
                request -> {
                  throw new OutOfStockException();
                })
            .get(
                "/own",
                request -> {
                  throw new IllegalStateException("own");
                })
            .exceptionMapper(
                OutOfStockException.class,
                (e, r) -> Response.status(409).withBody(Problem.of(409, e.getMessage())))
            .exceptionMapper(
                IllegalStateException.class,
                (e, r) ->
                    Response.status(503).withBody(Problem.of(503, "later").withInstance("mine")))
            .build();

    ProxyResponse mapped = Fixtures.send(api, TestRequest.get("/stock").requestId("rid-7"), source);
    assertThat(mapped.status()).isEqualTo(409);
    assertThat(mapped.json().path("detail").asText()).isEqualTo("sku 42 out of stock");
    // The same instance as a built-in problem (404, no route) for the same request: the event's
    // request id, or the Lambda request id where the event carries none (ALB, function URL).
    ProxyResponse builtIn =
        Fixtures.send(api, TestRequest.get("/nothing-here").requestId("rid-7"), source);
    assertThat(builtIn.status()).isEqualTo(404);
    assertThat(mapped.json().path("instance").asText())
        .isNotEmpty()
        .isEqualTo(builtIn.json().path("instance").asText());
    if (source == EventSource.API_GATEWAY_V1) {
      assertThat(mapped.json().path("instance").asText()).isEqualTo("rid-7");
    }

    // A mapper that names an instance itself keeps it.
    ProxyResponse own = Fixtures.send(api, TestRequest.get("/own").requestId("rid-8"), source);
    assertThat(own.status()).isEqualTo(503);
    assertThat(own.json().path("instance").asText()).isEqualTo("mine");
  }
}
