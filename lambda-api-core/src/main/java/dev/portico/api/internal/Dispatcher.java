package dev.portico.api.internal;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.api.Interceptor;
import dev.portico.api.LogSafe;
import dev.portico.api.Nullable;
import dev.portico.api.Response;
import dev.portico.api.Route;
import dev.portico.api.internal.codec.EventReader;
import dev.portico.api.internal.codec.ParsedEvent;
import dev.portico.api.internal.router.Router;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The request pipeline: read the event, normalise its path, route, run the route's interceptor
 * chain, write the proxy response, rendered once, straight into the output. Every concern is a link
 * of the chain, built once per route at init (see docs/architecture.md):
 *
 * <ol>
 *   <li>{@link CorsInterceptor} (when configured): preflights, CORS headers on every answer;
 *   <li>{@link ErrorMapping}: any exception below becomes a problem response;
 *   <li>{@link SizeGuard}: refuses a response over the source's limit (rendering it only when an
 *       upper bound of its size is over);
 *   <li>{@link Compression}: gzips a large body the client accepts gzipped;
 *   <li>{@link ResponseEncoding}: turns the body into bytes (generated writers, the mapper);
 *   <li>{@link RequirementCheck} (routes with requirements): 403 unless scopes and claims match;
 *   <li>the user's global interceptors, then the controller's and the route's;
 *   <li>{@link RouteEndpoint}: 400 for a refused path, 404, 405, automatic OPTIONS, 415, handler.
 * </ol>
 */
public final class Dispatcher {
  private static final Logger LOG = LoggerFactory.getLogger("dev.portico.api");

  /**
   * The deadline, in milliseconds, given to invocations that arrive without a Lambda context
   * (priming, tools): a number, not a {@code Duration}, which would load two classes at init.
   */
  private static final long NO_CONTEXT_TIMEOUT_MILLIS = 30_000;

  private static final Router.Match<Entry> NO_MATCH = new Router.Match<>(null, Map.of(), Set.of());

  private final LazyMapper mapper;
  private final BodyReaders readers;
  private final EventReader reader;
  private final BodyEncoder encoder;
  private final Compression compression;
  private final ProxyRenderer renderer;
  private final PathNormaliser paths;
  private final Router<Entry> router = new Router<>();
  private final Interceptor[] globalChain;
  private final List<Interceptor> framework;
  private final List<Interceptor> userInterceptors;
  private final String scopeContextKey;
  private final List<Route> routes;

  /**
   * A route, and its complete interceptor chain once the route is first requested: a cold start
   * builds only the chain it uses (and loads {@link RequirementCheck} only when that route has
   * requirements).
   */
  private static final class Entry {
    final Route route;
    // Racing first requests may each build one: equal, and either serves.
    volatile Interceptor @Nullable [] chain;

    Entry(Route route) {
      this.route = route;
    }
  }

  /**
   * Builds the pipeline.
   *
   * @throws InvalidRoutesException for duplicate routes or invalid templates, naming them
   * @throws IllegalArgumentException for an empty base path
   */
  public Dispatcher(DispatcherSettings settings) {
    this.mapper = settings.mapper();
    this.readers = new BodyReaders(mapper, settings.jsonReaders(), !settings.lenientBinding());
    this.reader = new EventReader(mapper, settings.lenientPaths());
    this.encoder = new BodyEncoder(mapper, settings.jsonWriters());
    this.compression = new Compression(settings.compressAbove(), settings.compressRestApi());
    this.renderer = new ProxyRenderer(mapper.factory());
    this.routes = settings.routes();
    List<Interceptor> framework = new ArrayList<>();
    if (settings.cors() != null) {
      framework.add(settings.cors());
    }
    framework.add(settings.errorMapping());
    framework.add(new SizeGuard(renderer));
    framework.add(compression);
    framework.add(new ResponseEncoding(encoder));
    this.framework = List.copyOf(framework);
    this.userInterceptors = settings.userInterceptors();
    this.scopeContextKey = settings.scopeContextKey();
    this.globalChain = chain(framework, null, userInterceptors, List.of());
    List<String> problems = new ArrayList<>();
    for (Route route : routes) {
      try {
        router.add(route.method(), route.path(), new Entry(route), route.name());
      } catch (IllegalArgumentException | IllegalStateException e) {
        problems.add(e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw InvalidRoutesException.of(problems);
    }
    this.paths = new PathNormaliser(settings.stripStage(), settings.basePaths());
  }

  /** The route's chain, built on its first request. */
  private Interceptor[] chain(Entry entry) {
    Interceptor[] chain = entry.chain;
    if (chain == null) {
      Route route = entry.route;
      // Requirements are checked on the matched route, inside CORS and error mapping (so a 403 is a
      // problem with CORS headers) and before the user's interceptors and the handler.
      RequirementCheck requirements =
          route.requirements().isEmpty()
              ? null
              : new RequirementCheck(route.requirements(), scopeContextKey);
      chain = chain(framework, requirements, userInterceptors, route.interceptors());
      entry.chain = chain;
    }
    return chain;
  }

  private static Interceptor[] chain(
      List<Interceptor> framework,
      @Nullable RequirementCheck requirements,
      List<Interceptor> user,
      List<Interceptor> route) {
    List<Interceptor> chain = new ArrayList<>(framework);
    if (requirements != null) {
      chain.add(requirements);
    }
    chain.addAll(user);
    chain.addAll(route);
    chain.add(RouteEndpoint.INSTANCE);
    return chain.toArray(new Interceptor[0]);
  }

  /** The routes served. */
  public List<Route> routes() {
    return routes;
  }

  /** The mapper for bodies. */
  public ObjectMapper mapper() {
    return mapper.get();
  }

  /**
   * The mapper, for code outside the API that may reconfigure it: the build-time writers are turned
   * off, so every body is written by the mapper as it is then configured.
   */
  public ObjectMapper handOutMapper() {
    encoder.mapperHandedOut();
    readers.mapperHandedOut();
    return mapper.get();
  }

  /** Handles one invocation, stream to stream. */
  public void handle(InputStream input, OutputStream output, @Nullable Context context)
      throws IOException {
    handle(input.readAllBytes(), output, context);
  }

  /** Handles one invocation from the event's bytes. */
  public void handle(byte[] eventBytes, OutputStream output, @Nullable Context context)
      throws IOException {
    long start = System.nanoTime();
    Context lambda =
        context != null ? context : SyntheticContext.expiringInMillis(NO_CONTEXT_TIMEOUT_MILLIS);
    ParsedEvent event = reader.read(eventBytes);
    List<String> segments = paths.segments(event);
    Router.Match<Entry> match =
        event.invalid() == null ? router.match(event.method(), segments) : NO_MATCH;
    // A refused path has no routing form: logs and messages show it as the event carried it.
    String path = event.invalid() == null ? PathNormaliser.toPath(segments) : event.rawPath();
    EventRequest request = new EventRequest(event, path, match.params(), lambda, readers, Map.of());
    MDC.put("requestId", request.requestId());
    try {
      Entry entry = match.value();
      Response<?> response;
      try {
        response =
            new RealChain(
                    entry != null ? chain(entry) : globalChain,
                    request,
                    entry == null ? null : entry.route,
                    match.allowedMethods(),
                    router,
                    segments)
                .proceed(request);
      } catch (Throwable e) {
        ErrorMapping.rethrowIfFatal(e);
        LOG.error(
            "Unhandled failure in {} {}",
            LogSafe.quote(request.method()),
            LogSafe.quote(request.path()),
            e);
        response = ErrorMapping.internalError(request);
      }
      respond(request, response, output);
      if (LOG.isDebugEnabled()) {
        LOG.debug(
            "{} {} {} {} ms",
            LogSafe.quote(request.method()),
            LogSafe.quote(request.path()),
            response.status(),
            String.format(Locale.ROOT, "%.2f", (System.nanoTime() - start) / 1e6));
      }
    } finally {
      MDC.remove("requestId");
    }
  }

  /**
   * Writes the proxy response: the one {@link SizeGuard} rendered when it had to measure it and no
   * outer interceptor changed the response since; otherwise the response rendered once, straight
   * into the output when it certainly fits the source's limit, with the same encoding, compression
   * and size rules for a body no link encoded (a problem from error mapping, a failure outside the
   * chain). A failure at this last step has nothing left to map it: it is logged and answered with
   * the generic 500.
   */
  private void respond(EventRequest request, Response<?> response, OutputStream output)
      throws IOException {
    if (response.body() instanceof EncodedBody encoded) {
      ByteArrayOutputStream rendered = encoded.renderedFor(response);
      if (rendered != null) {
        rendered.writeTo(output);
        return;
      }
    }
    ByteArrayOutputStream proxy;
    try {
      EncodedBody body = encode(request, response);
      if (ProxyRenderer.fits(request.source(), response, body)) {
        renderer.write(output, request.source(), response, body);
        return;
      }
      proxy = renderer.render(request.source(), response, body);
      SizeGuard.check(request, proxy);
    } catch (JsonProcessingException e) {
      ResponseEncoding.logUnwritable(request, e);
      proxy = render(request, ErrorMapping.internalError(request));
    } catch (RuntimeException e) {
      // Tested, not caught by type: a caught type loads when this class is verified, on every cold
      // start (docs/performance.md, "Classes on the cold path").
      if (!(e instanceof ResponseTooLargeException)) {
        throw e;
      }
      proxy = render(request, ErrorMapping.internalError(request));
    }
    proxy.writeTo(output);
  }

  /** The response's body encoded (unless a link did) and compressed by the rules. */
  private EncodedBody encode(EventRequest request, Response<?> response) throws IOException {
    EncodedBody body =
        response.body() instanceof EncodedBody encoded
            ? encoded
            : encoder.encode(request, response, null);
    return compression.apply(request, response, body);
  }

  private ByteArrayOutputStream render(EventRequest request, Response<?> response)
      throws IOException {
    return renderer.render(request.source(), response, encode(request, response));
  }
}
