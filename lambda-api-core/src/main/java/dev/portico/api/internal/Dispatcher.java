package dev.portico.api.internal;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.portico.api.EventSource;
import dev.portico.api.HttpException;
import dev.portico.api.Interceptor;
import dev.portico.api.LogSafe;
import dev.portico.api.NotFoundException;
import dev.portico.api.Nullable;
import dev.portico.api.Problem;
import dev.portico.api.Request;
import dev.portico.api.Response;
import dev.portico.api.Route;
import dev.portico.api.UnsupportedMediaTypeException;
import dev.portico.api.internal.codec.EventReader;
import dev.portico.api.internal.codec.ParsedEvent;
import dev.portico.api.internal.codec.ResponseWriter;
import dev.portico.api.internal.router.Router;
import dev.portico.api.runtime.JsonWriter;
import dev.portico.api.testing.FakeContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The request pipeline: read the event, route, run the interceptor chain, write the response in the
 * event's format. Built once at init; every per-request step is a lookup.
 */
public final class Dispatcher {
  private static final Logger LOG = LoggerFactory.getLogger("dev.portico.api");
  private static final byte[] EMPTY = new byte[0];

  /** The largest proxy response Lambda accepts from a synchronous invocation, in bytes. */
  static final int LAMBDA_RESPONSE_LIMIT = 6_291_556;

  /** The largest response JSON an Application Load Balancer accepts from a Lambda target. */
  static final int ALB_RESPONSE_LIMIT = 1_048_576;

  /** The deadline given to invocations that arrive without a Lambda context (priming, tools). */
  private static final java.time.Duration NO_CONTEXT_TIMEOUT = java.time.Duration.ofSeconds(30);

  private final ObjectMapper mapper;
  private final BodyReaders readers;
  private final EventReader reader;
  private final ResponseWriter writer;
  private final Map<Class<?>, JsonWriter<?>> jsonWriters;
  private final ObjectWriter jsonConfig;
  // Off once the mapper is handed out (Api.objectMapper()): it may be reconfigured in ways no
  // check can see (config overrides, visibility), so from then on it writes every body itself.
  private volatile boolean writersOn;
  private final Router<Entry> router = new Router<>();
  private final Interceptor[] globalChain;
  private final List<List<String>> basePaths;
  private final boolean stripStage;
  private final int compressAbove;
  private final boolean compressRestApi;
  private final List<Route> routes;
  private final List<Interceptor> frameworkInterceptors;

  /** A route with its complete interceptor chain. */
  private record Entry(Route route, Interceptor[] chain) {}

  /**
   * Builds the pipeline.
   *
   * @param frameworkInterceptors CORS and error mapping, outermost first
   * @param userInterceptors the user's global interceptors, outermost first
   * @param lenientPaths whether non-canonical paths are normalised instead of refused
   * @param scopeContextKey the Lambda authorizer context key that carries scopes
   * @throws IllegalStateException for duplicate routes or invalid templates, naming them
   */
  public Dispatcher(
      ObjectMapper mapper,
      List<Route> routes,
      List<Interceptor> frameworkInterceptors,
      List<Interceptor> userInterceptors,
      List<String> basePaths,
      boolean stripStage,
      int compressAbove,
      boolean compressRestApi,
      Map<Class<?>, JsonWriter<?>> jsonWriters,
      boolean lenientPaths,
      String scopeContextKey) {
    this.mapper = mapper;
    this.jsonWriters = Map.copyOf(jsonWriters);
    this.jsonConfig = mapper.writer();
    this.writersOn = !this.jsonWriters.isEmpty();
    this.readers = new BodyReaders(mapper);
    this.reader = new EventReader(mapper, lenientPaths);
    this.writer = new ResponseWriter(mapper.getFactory());
    this.stripStage = stripStage;
    this.compressAbove = compressAbove;
    this.compressRestApi = compressRestApi;
    this.routes = List.copyOf(routes);
    this.frameworkInterceptors = List.copyOf(frameworkInterceptors);
    List<Interceptor> global = new ArrayList<>(frameworkInterceptors);
    global.addAll(userInterceptors);
    List<Interceptor> unmatched = new ArrayList<>(global);
    unmatched.add(Endpoint.INSTANCE);
    this.globalChain = unmatched.toArray(new Interceptor[0]);
    List<String> problems = new ArrayList<>();
    for (Route route : routes) {
      // Requirements are checked on the matched route, inside CORS and error mapping (so a 403 is a
      // problem with CORS headers) and before the user's interceptors and the handler.
      List<Interceptor> chain = new ArrayList<>(frameworkInterceptors);
      if (!route.requirements().isEmpty()) {
        chain.add(new RequirementCheck(route.requirements(), scopeContextKey));
      }
      chain.addAll(userInterceptors);
      chain.addAll(route.interceptors());
      chain.add(Endpoint.INSTANCE);
      try {
        router.add(
            route.method(),
            route.path(),
            new Entry(route, chain.toArray(new Interceptor[0])),
            route.name());
      } catch (IllegalArgumentException | IllegalStateException e) {
        problems.add(e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidRoutesException(problems);
    }
    List<List<String>> prefixes = new ArrayList<>();
    for (String basePath : basePaths) {
      List<String> segments = new ArrayList<>();
      for (String s : basePath.split("/")) {
        if (!s.isEmpty()) {
          segments.add(s);
        }
      }
      if (segments.isEmpty()) {
        throw new IllegalArgumentException("Base path '" + basePath + "' is empty");
      }
      prefixes.add(List.copyOf(segments));
    }
    if (prefixes.size() > 1) {
      prefixes.sort(
          new java.util.Comparator<List<String>>() {
            @Override
            public int compare(List<String> a, List<String> b) {
              return b.size() - a.size();
            }
          });
    }
    this.basePaths = List.copyOf(prefixes);
  }

  /** The routes served. */
  public List<Route> routes() {
    return routes;
  }

  /** The mapper for bodies. */
  public ObjectMapper mapper() {
    return mapper;
  }

  /** Handles one invocation, stream to stream. */
  public void handle(InputStream input, OutputStream output, @Nullable Context context)
      throws IOException {
    byte[] event = input.readAllBytes();
    handle(event, output, context);
  }

  /** Handles one invocation from the event's bytes. */
  public void handle(byte[] eventBytes, OutputStream output, @Nullable Context context)
      throws IOException {
    long start = System.nanoTime();
    Context lambda = context != null ? context : FakeContext.withTimeout(NO_CONTEXT_TIMEOUT);
    ParsedEvent event = reader.read(eventBytes);
    List<String> segments = routingSegments(event);
    Router.Match<Entry> match =
        event.invalid() == null ? router.match(event.method(), segments) : NO_MATCH;
    // A refused path has no routing form: logs and messages show it as the event carried it.
    String path = event.invalid() == null ? toPath(segments) : event.rawPath();
    EventRequest request = new EventRequest(event, path, match.params(), lambda, readers, Map.of());
    String requestId = request.requestId();
    MDC.put("requestId", requestId);
    try {
      Entry entry = match.value();
      Response<?> response;
      try {
        Interceptor[] chain = entry != null ? entry.chain : globalChain;
        response =
            new RealChain(chain, 0, request, entry == null ? null : entry.route, match, segments)
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
      int status =
          write(output, request, response, entry == null ? null : entry.route, match, segments);
      if (LOG.isDebugEnabled()) {
        LOG.debug(
            "{} {} {} {} ms",
            LogSafe.quote(request.method()),
            LogSafe.quote(request.path()),
            status,
            String.format(Locale.ROOT, "%.2f", (System.nanoTime() - start) / 1e6));
      }
    } finally {
      MDC.remove("requestId");
    }
  }

  private static final Router.Match<Entry> NO_MATCH = new Router.Match<>(null, Map.of(), Set.of());

  private List<String> routingSegments(ParsedEvent event) {
    List<String> segments = event.segments();
    String stage = event.stage();
    if (stripStage
        && stage != null
        && !stage.equals("$default")
        && (event.source() == EventSource.API_GATEWAY_V2
            || (event.source() == EventSource.API_GATEWAY_V1 && "1.0".equals(event.version())))
        && !segments.isEmpty()
        && segments.get(0).equals(stage)) {
      segments = segments.subList(1, segments.size());
    }
    for (List<String> prefix : basePaths) {
      if (segments.size() >= prefix.size() && segments.subList(0, prefix.size()).equals(prefix)) {
        return segments.subList(prefix.size(), segments.size());
      }
    }
    return segments;
  }

  private static String toPath(List<String> segments) {
    if (segments.isEmpty()) {
      return "/";
    }
    StringBuilder path = new StringBuilder();
    for (String segment : segments) {
      path.append('/').append(segment);
    }
    return path.toString();
  }

  /** The last link of every chain (a class, not a method reference: nothing spun at init). */
  private enum Endpoint implements Interceptor {
    INSTANCE;

    @Override
    public Response<?> intercept(Chain chain) throws Exception {
      return endpoint(chain);
    }
  }

  /** The last link of every chain: 404, 405, automatic OPTIONS, 415, or the route's handler. */
  private static Response<?> endpoint(Interceptor.Chain chain) throws Exception {
    Request request = chain.request();
    Route route = chain.route();
    if (route == null) {
      if (request instanceof EventRequest er && er.event().invalid() != null) {
        throw er.event().invalid();
      }
      Set<String> allowed = chain.allowedMethods();
      if (allowed.isEmpty()) {
        throw new NotFoundException("No route for " + request.method() + " " + request.path());
      }
      String allow = String.join(", ", allowed);
      if (request.method().equals("OPTIONS")) {
        return Response.noContent().withHeader("Allow", allow);
      }
      throw new HttpException(
              Problem.of(
                  405,
                  "Method "
                      + request.method()
                      + " is not allowed on "
                      + request.path()
                      + "; allowed: "
                      + allow))
          .withHeader("Allow", allow);
    }
    if (!route.consumes().isEmpty() && request.body().length > 0) {
      String contentType = request.contentType();
      if (contentType != null && !MediaTypes.matchesAny(contentType, route.consumes())) {
        throw new UnsupportedMediaTypeException(
            "Content-Type '"
                + contentType
                + "' is not accepted; use "
                + String.join(" or ", route.consumes()));
      }
    }
    Object result = route.handler().handle(request);
    if (result instanceof Response<?> response) {
      return response;
    }
    return result == null ? Response.noContent() : Response.ok(result);
  }

  /**
   * Writes the response; a body that cannot be serialized, or a response over the source's size
   * limit, is answered through the framework's own interceptors instead (error mapping, CORS).
   */
  private int write(
      OutputStream output,
      EventRequest request,
      Response<?> response,
      @Nullable Route route,
      Router.Match<Entry> match,
      List<String> segments)
      throws IOException {
    ByteArrayOutputStream proxy;
    try {
      proxy = render(request, response, route == null ? null : route.produces());
    } catch (JsonProcessingException | ResponseTooLargeException e) {
      if (e instanceof ResponseTooLargeException) {
        LOG.error(
            "{} {}: {}",
            LogSafe.quote(request.method()),
            LogSafe.quote(request.path()),
            e.getMessage());
      } else {
        LOG.error(
            "Cannot write the response body of {} {} as JSON",
            LogSafe.quote(request.method()),
            LogSafe.quote(request.path()),
            e);
      }
      response = errorPass(request, e, route, match, segments);
      proxy = render(request, response, null);
    }
    proxy.writeTo(output);
    return response.status();
  }

  /** Runs a failure through CORS and error mapping, as if the handler had thrown it. */
  private Response<?> errorPass(
      EventRequest request,
      Exception failure,
      @Nullable Route route,
      Router.Match<Entry> match,
      List<String> segments) {
    Interceptor[] chain =
        frameworkInterceptors.toArray(new Interceptor[frameworkInterceptors.size() + 1]);
    chain[chain.length - 1] =
        c -> {
          throw failure;
        };
    try {
      return new RealChain(chain, 0, request, route, match, segments).proceed(request);
    } catch (Throwable e) {
      ErrorMapping.rethrowIfFatal(e);
      return ErrorMapping.internalError(request);
    }
  }

  private ByteArrayOutputStream render(
      EventRequest request, Response<?> response, @Nullable String produces) throws IOException {
    Body body = encode(response, produces);
    byte[] bytes = body.bytes;
    boolean binary = body.binary;
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.putAll(response.headers());
    if (body.contentType != null && !headers.containsKey("Content-Type")) {
      headers.put("Content-Type", List.of(body.contentType));
    }
    int status = response.status();
    EventSource source = request.source();
    if (request.method().equals("HEAD") || status == 204 || status == 304) {
      bytes = EMPTY;
    } else if (compressAbove >= 0
        && bytes.length >= compressAbove
        && (source != EventSource.API_GATEWAY_V1 || compressRestApi)
        && !headers.containsKey("Content-Encoding")
        && acceptsGzip(request)) {
      bytes = gzip(bytes);
      binary = true;
      headers.put("Content-Encoding", List.of("gzip"));
      List<String> vary = new ArrayList<>(headers.getOrDefault("Vary", List.of()));
      vary.add("Accept-Encoding");
      headers.put("Vary", vary);
    }
    ByteArrayOutputStream proxy = new ByteArrayOutputStream(bytes.length + 256);
    writer.write(proxy, source, status, headers, response.cookies(), bytes, binary);
    boolean alb = source == EventSource.ALB || source == EventSource.ALB_MULTI_VALUE;
    int limit = alb ? ALB_RESPONSE_LIMIT : LAMBDA_RESPONSE_LIMIT;
    if (proxy.size() > limit) {
      throw new ResponseTooLargeException(proxy.size(), alb);
    }
    return proxy;
  }

  private record Body(byte[] bytes, boolean binary, @Nullable String contentType) {}

  private Body encode(Response<?> response, @Nullable String produces) throws IOException {
    Object body = response.body();
    if (body == null) {
      return new Body(EMPTY, false, null);
    }
    if (body instanceof byte[] bytes) {
      return new Body(bytes, true, produces != null ? produces : "application/octet-stream");
    }
    if (body instanceof String text) {
      return new Body(
          text.getBytes(StandardCharsets.UTF_8),
          false,
          produces != null ? produces : "text/plain; charset=utf-8");
    }
    if (body instanceof Problem) {
      return new Body(mapper.writeValueAsBytes(body), false, "application/problem+json");
    }
    byte[] json = writersOn ? writeGenerated(body) : null;
    return new Body(
        json != null ? json : mapper.writeValueAsBytes(body),
        false,
        produces != null ? produces : "application/json");
  }

  /**
   * The body written by build-time writers, or {@code null} when they do not cover it: a record
   * with a generated writer, or a collection of such records (and nulls). The bytes are what the
   * default mapper would write, without its serializer construction on the first response.
   */
  private byte @Nullable [] writeGenerated(Object body) throws IOException {
    JsonWriter<Object> single = generatedWriter(body.getClass());
    // JDK collections only: Jackson writes any other collection class its own way.
    if (single == null
        && !(body instanceof Collection<?> && body.getClass().getName().startsWith("java.util."))) {
      return null;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator json = jsonConfig.createGenerator(out, JsonEncoding.UTF8)) {
      if (single != null) {
        single.write(body, json);
      } else if (!writeElements((Collection<?>) body, json)) {
        return null;
      }
    } catch (RuntimeException e) {
      // An accessor that throws: a JSON failure, as it would be from Jackson (logged 500).
      throw new JsonMappingException(
          null, "Cannot write " + body.getClass().getName() + " as JSON: " + e, e);
    }
    return out.toByteArray();
  }

  /** Writes a collection as an array; false, leaving the rest, at an element without a writer. */
  private boolean writeElements(Collection<?> elements, JsonGenerator json) throws IOException {
    json.writeStartArray();
    for (Object element : elements) {
      if (element == null) {
        json.writeNull();
        continue;
      }
      JsonWriter<Object> writer = generatedWriter(element.getClass());
      if (writer == null) {
        return false;
      }
      writer.write(element, json);
    }
    json.writeEndArray();
    return true;
  }

  /**
   * The mapper, for code outside the API that may reconfigure it: the build-time writers are turned
   * off, so every body is written by the mapper as it is then configured.
   */
  public ObjectMapper handOutMapper() {
    writersOn = false;
    return mapper;
  }

  @SuppressWarnings("unchecked")
  private @Nullable JsonWriter<Object> generatedWriter(Class<?> type) {
    return (JsonWriter<Object>) jsonWriters.get(type);
  }

  private static boolean acceptsGzip(Request request) {
    for (String header : request.headers("Accept-Encoding")) {
      for (String part : header.split(",")) {
        String[] pieces = part.trim().split(";");
        String coding = pieces[0].trim().toLowerCase(Locale.ROOT);
        if (coding.equals("gzip") || coding.equals("*")) {
          boolean refused = false;
          for (int i = 1; i < pieces.length; i++) {
            String parameter = pieces[i].trim().replace(" ", "");
            if (parameter.equals("q=0") || parameter.matches("q=0\\.0*")) {
              refused = true;
            }
          }
          if (!refused) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(bytes);
    }
    return out.toByteArray();
  }

  /** The chain as one interceptor sees it. */
  private final class RealChain implements Interceptor.Chain {
    private final Interceptor[] interceptors;
    private final int index;
    private final Request request;
    private final @Nullable Route route;
    private final Router.Match<Entry> match;
    private final List<String> segments;

    RealChain(
        Interceptor[] interceptors,
        int index,
        Request request,
        @Nullable Route route,
        Router.Match<Entry> match,
        List<String> segments) {
      this.interceptors = interceptors;
      this.index = index;
      this.request = request;
      this.route = route;
      this.match = match;
      this.segments = segments;
    }

    @Override
    public Request request() {
      return request;
    }

    @Override
    public @Nullable Route route() {
      return route;
    }

    @Override
    public Set<String> allowedMethods() {
      if (route == null && !match.allowedMethods().isEmpty()) {
        return match.allowedMethods();
      }
      return router.allowedMethods(segments);
    }

    @Override
    public Response<?> proceed(Request next) throws Exception {
      if (index >= interceptors.length) {
        throw new IllegalStateException("proceed() called after the end of the chain");
      }
      Response<?> response =
          interceptors[index].intercept(
              new RealChain(interceptors, index + 1, next, route, match, segments));
      if (response == null) {
        throw new IllegalStateException(
            "Interceptor " + interceptors[index].getClass().getName() + " returned null");
      }
      return response;
    }
  }
}
