package dev.portico.benchmarks.jmh;

import dev.portico.api.Api;
import dev.portico.api.EventSource;
import dev.portico.api.internal.router.Router;
import dev.portico.api.testing.FakeContext;
import dev.portico.api.testing.ProxyEvents;
import dev.portico.api.testing.TestRequest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Routing cost against the size of the route table: 10, 100 and 1,000 routes, looked up alone
 * (Portico's segment trie, {@code Router.match}) and through the public {@link Api} stream to
 * stream. The cost must stay flat as routes are added.
 *
 * <p>Route {@code i} of {@code n}: resource {@code K = i / 4}, and by {@code i % 4} {@code GET
 * /resK}, {@code POST /resK}, {@code GET /resK/{id}} or {@code DELETE /resK/{id}}. The lookup is
 * {@code GET /resK/42} for the last resource (the last route registered with a {@code GET}).
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar RoutingBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RoutingBenchmark {
  private static final String[] METHODS = {"GET", "POST", "GET", "DELETE"};

  /** How many routes the table holds. */
  @Param({"10", "100", "1000"})
  public int routes;

  private Router<String> router;
  private List<String> segments;
  private Api api;
  private byte[] event;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream(512);

  /** Builds the router and the API with {@link #routes} routes. */
  @Setup
  public void build() {
    router = new Router<>();
    Api.Builder builder = Api.builder();
    for (int i = 0; i < routes; i++) {
      String method = METHODS[i % 4];
      String path = template(i);
      router.add(method, path, method + " " + path, "route " + i);
      String body = "route " + i;
      builder.route(dev.portico.api.Route.of(method, path, request -> body));
    }
    api = builder.build();
    String target = "/res" + lastResource(routes) + "/42";
    segments = List.of("res" + lastResource(routes), "42");
    event = ProxyEvents.toEvent(TestRequest.get(target), EventSource.API_GATEWAY_V1);
  }

  /** The path template of route {@code i}. */
  static String template(int i) {
    return "/res" + (i / 4) + (i % 4 < 2 ? "" : "/{id}");
  }

  /** The last resource with a {@code GET /resK/{id}} route among {@code n} routes. */
  static int lastResource(int n) {
    int i = n - 1;
    while (i % 4 != 2) {
      i--;
    }
    return i / 4;
  }

  /** The trie lookup alone, on pre-split segments. */
  @Benchmark
  public Router.Match<String> routerMatch() {
    return router.match("GET", segments);
  }

  /** The whole invocation through the public API: parse, route, handle, write. */
  @Benchmark
  public int apiHandle() throws IOException {
    out.reset();
    api.handle(new ByteArrayInputStream(event), out, FakeContext.create());
    return out.size();
  }
}
