package dev.portico.api.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.api.Api;
import dev.portico.api.EventSource;
import dev.portico.api.Interceptor;
import dev.portico.api.Request;
import dev.portico.api.Response;
import dev.portico.api.Route;
import dev.portico.api.internal.router.Router;
import dev.portico.api.testing.ProxyEvents;
import dev.portico.api.testing.ProxyResponse;
import dev.portico.api.testing.TestRequest;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RealChainTest {
  private static final Router<String> ROUTER = new Router<>();

  static {
    ROUTER.add("GET", "/pets", "list", "GET /pets");
    ROUTER.add("POST", "/pets", "add", "POST /pets");
  }

  /** Calls proceed twice. */
  static final class Twice implements Interceptor {
    @Override
    public Response<?> intercept(Chain chain) throws Exception {
      chain.proceed(chain.request());
      return chain.proceed(chain.request());
    }
  }

  /** Returns null. */
  static final class Nothing implements Interceptor {
    @Override
    public Response<?> intercept(Chain chain) {
      return null;
    }
  }

  private static RealChain chain(Interceptor... interceptors) {
    Request request = Requests.get("/pets");
    return new RealChain(interceptors, request, null, Set.of(), ROUTER, List.of("pets"));
  }

  @Test
  void interceptorsRunInOrderAndSeeTheRequestTheirPredecessorPassed() throws Exception {
    List<String> seen = new ArrayList<>();
    Interceptor outer =
        c -> {
          seen.add("outer " + c.request().attribute("a"));
          return c.proceed(c.request().withAttribute("a", "1"));
        };
    Interceptor inner =
        c -> {
          seen.add("inner " + c.request().attribute("a"));
          return Response.ok("done");
        };
    RealChain chain = chain(outer, inner);
    assertThat(chain.proceed(chain.request()).body()).isEqualTo("done");
    assertThat(seen).containsExactly("outer null", "inner 1");
  }

  @Test
  void aSecondProceedIsRefusedNamingTheInterceptor() {
    RealChain chain = chain(new Twice(), c -> Response.ok("x"));
    assertThatThrownBy(() -> chain.proceed(chain.request()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "Interceptor dev.portico.api.internal.RealChainTest$Twice called proceed() more than"
                + " once; an interceptor passes the request on at most once");
  }

  @Test
  void theDispatchersOwnSecondProceedIsRefusedToo() throws Exception {
    RealChain chain = chain(c -> Response.ok("x"));
    chain.proceed(chain.request());
    assertThatThrownBy(() -> chain.proceed(chain.request()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith(
            "Interceptor (none: the dispatcher) called proceed() more than once");
  }

  @Test
  void aNullResponseIsRefusedNamingTheInterceptor() {
    RealChain chain = chain(c -> c.proceed(c.request()), new Nothing());
    assertThatThrownBy(() -> chain.proceed(chain.request()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Interceptor dev.portico.api.internal.RealChainTest$Nothing returned null");
  }

  @Test
  void proceedingPastTheEndIsRefused() {
    RealChain chain = chain(c -> c.proceed(c.request()));
    assertThatThrownBy(() -> chain.proceed(chain.request()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("proceed() called after the end of the chain");
  }

  @Test
  void allowedMethodsComeFromTheMatchOrTheRouter() {
    RealChain fromRouter = chain();
    assertThat(fromRouter.allowedMethods()).containsExactly("GET", "HEAD", "OPTIONS", "POST");
    RealChain fromMatch =
        new RealChain(
            new Interceptor[0],
            Requests.get("/pets"),
            null,
            Set.of("PUT"),
            ROUTER,
            List.of("pets"));
    assertThat(fromMatch.allowedMethods()).containsExactly("PUT");
    Route route = Route.of("GET", "/pets", r -> "x");
    RealChain matched =
        new RealChain(
            new Interceptor[0], Requests.get("/pets"), route, Set.of(), ROUTER, List.of("pets"));
    assertThat(matched.route()).isSameAs(route);
    assertThat(matched.allowedMethods()).contains("GET", "POST");
  }

  @Test
  void aUserInterceptorThatProceedsTwiceIsAMapped500() throws Exception {
    List<Integer> handled = new ArrayList<>();
    Api api =
        Api.builder()
            .interceptor(new Twice())
            .get(
                "/x",
                r -> {
                  handled.add(1);
                  return "x";
                })
            .build();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    api.handle(ProxyEvents.toEvent(TestRequest.get("/x"), EventSource.API_GATEWAY_V2), out, null);
    ProxyResponse response = ProxyResponse.parse(out.toByteArray());
    assertThat(response.status()).isEqualTo(500);
    assertThat(response.bodyAsString()).doesNotContain("proceed");
    assertThat(handled).hasSize(1);
  }
}
