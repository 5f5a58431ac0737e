package dev.portico.api.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.portico.api.Authorization;
import dev.portico.api.EventSource;
import dev.portico.api.HttpException;
import dev.portico.api.Interceptor;
import dev.portico.api.NotFoundException;
import dev.portico.api.Problem;
import dev.portico.api.Request;
import dev.portico.api.Response;
import dev.portico.api.Route;
import dev.portico.api.UnsupportedMediaTypeException;
import dev.portico.api.internal.codec.SyntheticRequest;
import dev.portico.api.internal.router.Router;
import dev.portico.api.testing.ProxyResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The framework's innermost response links, each on its own: encoding, compression, size. */
class ResponsePipelineTest {
  private static final Router<String> ROUTER = new Router<>();
  private final BodyEncoder encoder = new BodyEncoder(Requests.MAPPER, Map.of());
  private final ProxyRenderer renderer = new ProxyRenderer(Requests.MAPPER.getFactory());

  /** Runs interceptors in front of a fixed response for a request. */
  private static Response<?> run(
      Request request, Route route, Response<?> answer, Interceptor... interceptors)
      throws Exception {
    Interceptor[] all = new Interceptor[interceptors.length + 1];
    System.arraycopy(interceptors, 0, all, 0, interceptors.length);
    all[interceptors.length] = c -> answer;
    return new RealChain(all, request, route, Set.of(), ROUTER, List.of()).proceed(request);
  }

  private static EventRequest request(String method, EventSource source, String... headers) {
    SyntheticRequest r = SyntheticRequest.of(method, "/x");
    for (int i = 0; i < headers.length; i += 2) {
      r = r.withHeader(headers[i], headers[i + 1]);
    }
    return Requests.of(r, source);
  }

  @Nested
  class Encoding {
    @Test
    void eachBodyKindHasItsBytesAndContentType() throws Exception {
      Request get = Requests.get("/x");
      assertThat(encoder.encode(get, Response.ok("héllo"), null))
          .satisfies(
              b -> {
                assertThat(new String(b.bytes(), StandardCharsets.UTF_8)).isEqualTo("héllo");
                assertThat(b.contentType()).isEqualTo("text/plain; charset=utf-8");
                assertThat(b.binary()).isFalse();
              });
      assertThat(encoder.encode(get, Response.ok(new byte[] {1, 2}), null))
          .satisfies(
              b -> {
                assertThat(b.bytes()).containsExactly(1, 2);
                assertThat(b.contentType()).isEqualTo("application/octet-stream");
                assertThat(b.binary()).isTrue();
              });
      assertThat(encoder.encode(get, Response.ok(Map.of("a", 1)), null))
          .satisfies(
              b -> {
                assertThat(new String(b.bytes(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
                assertThat(b.contentType()).isEqualTo("application/json");
              });
      assertThat(encoder.encode(get, Response.status(404).withBody(Problem.of(404, "no")), null))
          .satisfies(b -> assertThat(b.contentType()).isEqualTo("application/problem+json"));
      assertThat(encoder.encode(get, Response.noContent(), null))
          .satisfies(
              b -> {
                assertThat(b.bytes()).isEmpty();
                assertThat(b.contentType()).isNull();
              });
      assertThat(encoder.encode(get, Response.ok("<p/>"), "text/html").contentType())
          .isEqualTo("text/html");
    }

    @Test
    void headAnd204And304HaveNoBodyBytes() throws Exception {
      EventRequest head = request("HEAD", EventSource.API_GATEWAY_V2);
      EncodedBody b = encoder.encode(head, Response.ok("body"), null);
      assertThat(b.bytes()).isEmpty();
      assertThat(b.contentType()).isEqualTo("text/plain; charset=utf-8");
      assertThat(encoder.encode(Requests.get("/x"), Response.ok("b").withStatus(304), null).bytes())
          .isEmpty();
    }

    @Test
    void theInterceptorUsesTheRoutesMediaTypeAndRethrowsJsonFailures() throws Exception {
      Route html = Route.of("GET", "/x", r -> "").withProduces("text/html");
      Response<?> encoded =
          run(Requests.get("/x"), html, Response.ok("<b/>"), new ResponseEncoding(encoder));
      assertThat(encoded.body()).isInstanceOf(EncodedBody.class);
      assertThat(((EncodedBody) encoded.body()).contentType()).isEqualTo("text/html");

      record Broken(String name) {
        public String getExplode() {
          throw new IllegalStateException("getter failed");
        }
      }
      assertThatThrownBy(
              () ->
                  run(
                      Requests.get("/x"),
                      html,
                      Response.ok(new Broken("b")),
                      new ResponseEncoding(encoder)))
          .isInstanceOf(JsonProcessingException.class);
    }
  }

  @Nested
  class Compressing {
    private final Compression compression = new Compression(4, false);

    @Test
    void gzipsWhenTheClientAcceptsIt() throws Exception {
      EventRequest request =
          request("GET", EventSource.API_GATEWAY_V2, "Accept-Encoding", "br, gzip");
      Response<?> response =
          run(
              request,
              null,
              Response.ok("hello hello"),
              compression,
              new ResponseEncoding(encoder));
      EncodedBody body = (EncodedBody) response.body();
      assertThat(body.gzipped()).isTrue();
      assertThat(body.binary()).isTrue();
      try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body.bytes()))) {
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello hello");
      }
    }

    @Test
    void leavesTheBodyAloneOtherwise() throws Exception {
      EncodedBody small = encoder.encode(Requests.get("/x"), Response.ok("hey"), null);
      EncodedBody large = encoder.encode(Requests.get("/x"), Response.ok("hello hello"), null);
      Response<?> ok = Response.ok("");
      // below the threshold
      assertThat(compression.apply(gzipClient(EventSource.API_GATEWAY_V2), ok, small))
          .isSameAs(small);
      // the client refuses gzip
      assertThat(
              compression.apply(
                  request("GET", EventSource.API_GATEWAY_V2, "Accept-Encoding", "gzip;q=0.0"),
                  ok,
                  large))
          .isSameAs(large);
      // no Accept-Encoding
      assertThat(compression.apply(Requests.get("/x"), ok, large)).isSameAs(large);
      // a REST API, unless configured
      assertThat(compression.apply(gzipClient(EventSource.API_GATEWAY_V1), ok, large))
          .isSameAs(large);
      assertThat(
              new Compression(4, true)
                  .apply(gzipClient(EventSource.API_GATEWAY_V1), ok, large)
                  .gzipped())
          .isTrue();
      // already encoded by the handler
      assertThat(
              compression.apply(
                  gzipClient(EventSource.API_GATEWAY_V2),
                  ok.withHeader("Content-Encoding", "br"),
                  large))
          .isSameAs(large);
      // compression off
      assertThat(new Compression(-1, true).apply(gzipClient(EventSource.ALB), ok, large))
          .isSameAs(large);
      // wildcard accepted
      assertThat(
              compression
                  .apply(request("GET", EventSource.ALB, "Accept-Encoding", "*"), ok, large)
                  .gzipped())
          .isTrue();
    }

    private EventRequest gzipClient(EventSource source) {
      return request("GET", source, "Accept-Encoding", "gzip");
    }
  }

  @Nested
  class Sizing {
    @Test
    void aResponseThatCertainlyFitsIsNotRenderedBeforeTheDispatcherWritesIt() throws Exception {
      Response<?> response =
          run(
              Requests.get("/x"),
              null,
              Response.ok("small"),
              new SizeGuard(renderer),
              new ResponseEncoding(encoder));
      EncodedBody body = (EncodedBody) response.body();
      assertThat(body.rendered()).isNull();
      assertThat(ProxyRenderer.fits(EventSource.API_GATEWAY_V2, response, body)).isTrue();
    }

    @Test
    void theRenderedProxyResponseIsKeptForTheDispatcher() throws Exception {
      // Within the ALB's 1 MB, but not certainly: six bytes per char would be over it.
      String large = "z".repeat(ProxyRenderer.ALB_RESPONSE_LIMIT / 5);
      EventRequest alb = request("GET", EventSource.ALB);
      Response<?> response =
          run(
              alb,
              null,
              Response.ok(large),
              new SizeGuard(renderer),
              new ResponseEncoding(encoder));
      EncodedBody body = (EncodedBody) response.body();
      assertThat(ProxyRenderer.fits(EventSource.ALB, response, body)).isFalse();
      ByteArrayOutputStream proxy = body.renderedFor(response);
      assertThat(proxy).isNotNull();
      ProxyResponse parsed = ProxyResponse.parse(proxy.toByteArray());
      assertThat(parsed.bodyAsString()).isEqualTo(large);
      assertThat(parsed.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
      // An outer interceptor that changes the response makes the rendering stale.
      assertThat(body.renderedFor(response.withHeader("X", "1"))).isNull();
      assertThat(body.renderedFor(response.withStatus(201))).isNull();
      assertThat(body.renderedFor(response.withCookie("a=1"))).isNull();
    }

    @Test
    void aResponseOverTheSourcesLimitIsRefusedWithTheLimitNamed() {
      EventRequest alb = request("GET", EventSource.ALB);
      assertThatThrownBy(
              () ->
                  run(
                      alb,
                      null,
                      Response.ok("z".repeat(ProxyRenderer.ALB_RESPONSE_LIMIT)),
                      new SizeGuard(renderer),
                      new ResponseEncoding(encoder)))
          .isInstanceOf(ResponseTooLargeException.class)
          .hasMessage(
              "500 Internal Server Error: The response is larger than the 1 MB an Application Load"
                  + " Balancer accepts from Lambda");
      assertThat(ProxyRenderer.limit(EventSource.API_GATEWAY_V2)).isEqualTo(6_291_556);
      assertThat(ProxyRenderer.limit(EventSource.ALB_MULTI_VALUE)).isEqualTo(1_048_576);
    }

    @Test
    void theSizeBoundIsAnUpperBoundEvenForBodiesAndHeadersThatAllNeedEscaping() throws Exception {
      StringBuilder controls = new StringBuilder();
      for (int i = 0; i < 4096; i++) {
        controls.append((char) (i % 32));
      }
      byte[] binary = new byte[4097];
      for (int i = 0; i < binary.length; i++) {
        binary[i] = (byte) i;
      }
      Response<?> response =
          Response.ok("")
              .withHeader("X-Controls", controls.substring(0, 64))
              .addHeader("X-Controls", "\u00e9\ud83d\ude00\"\\")
              .withHeader("a", "")
              .withCookie("c=" + controls.substring(0, 40))
              .withCookie("d=\u2028");
      for (EncodedBody body :
          List.of(
              new EncodedBody(
                  controls.toString().getBytes(StandardCharsets.UTF_8),
                  false,
                  "text/plain; charset=\"\u0001\"",
                  false,
                  null),
              new EncodedBody(binary, true, "application/octet-stream", false, null),
              new EncodedBody(new byte[0], false, null, false, null),
              new EncodedBody(binary, true, "application/octet-stream", true, null))) {
        for (EventSource source : EventSource.values()) {
          int size = renderer.render(source, response, body).size();
          assertThat((long) size)
              .as(source + " " + body)
              .isLessThanOrEqualTo(ProxyRenderer.bound(response, body));
        }
      }
    }

    @Test
    void theContentTypeIsWrittenInItsPlaceAmongTheHeadersAsACopyOfThemWouldHaveIt()
        throws Exception {
      Response<?> response =
          Response.ok("")
              .withHeader("x-trace", "1")
              .withHeader("Cache-Control", "no-store")
              .withHeader("Accept-Ranges", "none")
              .addHeader("Vary", "Origin")
              .addHeader("vary", "Cookie")
              .withCookie("a=1");
      EncodedBody body =
          new EncodedBody(new byte[] {'{', '}'}, false, "application/json", false, null);
      Map<String, List<String>> copy = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      copy.putAll(response.headers());
      copy.put("Content-Type", List.of("application/json"));
      for (EventSource source : EventSource.values()) {
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        new dev.portico.api.internal.codec.ResponseWriter(Requests.MAPPER.getFactory())
            .write(expected, source, 200, copy, response.cookies(), body.bytes(), false);
        assertThat(renderer.render(source, response, body).toString(StandardCharsets.UTF_8))
            .as(source.toString())
            .isEqualTo(expected.toString(StandardCharsets.UTF_8));
      }
    }

    @Test
    void gzipHeadersAreAddedAfterEveryOtherHeader() throws Exception {
      EncodedBody body =
          encoder.encode(Requests.get("/x"), Response.ok("x"), null).gzip(new byte[] {1});
      ByteArrayOutputStream proxy =
          renderer.render(
              EventSource.API_GATEWAY_V1, Response.ok("").addHeader("Vary", "Origin"), body);
      ProxyResponse parsed = ProxyResponse.parse(proxy.toByteArray());
      assertThat(parsed.raw().path("multiValueHeaders").path("Vary").toString())
          .isEqualTo("[\"Origin\",\"Accept-Encoding\"]");
      assertThat(parsed.header("Content-Encoding")).isEqualTo("gzip");
    }
  }

  @Nested
  class Endpoint {
    private final Router<String> router = new Router<>();

    {
      router.add("GET", "/x", "x", "GET /x");
    }

    private Response<?> call(Request request, Route route) throws Exception {
      return new RealChain(
              new Interceptor[] {RouteEndpoint.INSTANCE},
              request,
              route,
              Set.of(),
              router,
              List.of("x"))
          .proceed(request);
    }

    @Test
    void noRouteIs404Or405OrTheAutomaticOptions() throws Exception {
      assertThatThrownBy(
              () ->
                  new RealChain(
                          new Interceptor[] {RouteEndpoint.INSTANCE},
                          Requests.get("/y"),
                          null,
                          Set.of(),
                          router,
                          List.of("y"))
                      .proceed(Requests.get("/y")))
          .isInstanceOf(NotFoundException.class)
          .hasMessageEndingWith("No route for GET /y");
      assertThatThrownBy(() -> call(request("DELETE", EventSource.API_GATEWAY_V2), null))
          .isInstanceOf(HttpException.class)
          .hasMessageEndingWith("Method DELETE is not allowed on /x; allowed: GET, HEAD, OPTIONS");
      Response<?> options = call(request("OPTIONS", EventSource.API_GATEWAY_V2), null);
      assertThat(options.status()).isEqualTo(204);
      assertThat(options.header("Allow")).isEqualTo("GET, HEAD, OPTIONS");
    }

    @Test
    void aRouteGetsItsHandlersResultOrA415() throws Exception {
      assertThat(call(Requests.get("/x"), Route.of("GET", "/x", r -> "hi")).body()).isEqualTo("hi");
      assertThat(call(Requests.get("/x"), Route.of("GET", "/x", r -> null)).status())
          .isEqualTo(204);
      Route json = Route.of("POST", "/x", r -> "ok").withConsumes(List.of("application/json"));
      EventRequest text =
          Requests.of(
              new SyntheticRequest(
                  "POST",
                  "/x",
                  List.of(Map.entry("Content-Type", "text/plain")),
                  "hi".getBytes(StandardCharsets.UTF_8),
                  SyntheticRequest.DEFAULT_SOURCE_IP,
                  SyntheticRequest.DEFAULT_STAGE,
                  Map.of(),
                  null,
                  Map.of(),
                  Authorization.NONE,
                  SyntheticRequest.DEFAULT_REQUEST_ID,
                  SyntheticRequest.DEFAULT_REQUEST_TIME,
                  null),
              EventSource.API_GATEWAY_V2);
      assertThatThrownBy(() -> call(text, json))
          .isInstanceOf(UnsupportedMediaTypeException.class)
          .hasMessageEndingWith("Content-Type 'text/plain' is not accepted; use application/json");
    }
  }
}
