package dev.portico.api.internal;

import dev.portico.api.ExceptionMapper;
import dev.portico.api.HttpException;
import dev.portico.api.Interceptor;
import dev.portico.api.LogSafe;
import dev.portico.api.Nullable;
import dev.portico.api.Problem;
import dev.portico.api.Request;
import dev.portico.api.Response;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Error mapping on the public interceptor chain: the user's mapper for the most specific type wins;
 * {@link HttpException}s become problem details; anything else is a generic 500 that is logged with
 * its stack trace and never shown to the client.
 */
public final class ErrorMapping implements Interceptor {
  private static final Logger LOG = LoggerFactory.getLogger("dev.portico.api");

  private final Map<Class<?>, ExceptionMapper<Throwable>> mappers;
  private final Map<Class<?>, Object> resolved = new ConcurrentHashMap<>();
  private static final Object NONE = new Object();

  /** With the user's mappers by exception type. */
  public ErrorMapping(Map<Class<?>, ExceptionMapper<Throwable>> mappers) {
    this.mappers = Map.copyOf(mappers);
  }

  @Override
  public Response<?> intercept(Chain chain) {
    Request request = chain.request();
    try {
      return chain.proceed(request);
    } catch (Throwable e) {
      rethrowIfFatal(e);
      return toResponse(e, request);
    }
  }

  /**
   * Rethrows errors the JVM cannot recover from (out of memory, internal errors); a stack overflow,
   * an assertion or a missing class in one request is answered like any exception.
   */
  static void rethrowIfFatal(Throwable e) {
    if (e instanceof VirtualMachineError fatal && !(e instanceof StackOverflowError)) {
      throw fatal;
    }
  }

  /** The response for an exception thrown while serving the request. */
  public Response<?> toResponse(Throwable error, Request request) {
    ExceptionMapper<Throwable> mapper = mapperFor(error.getClass());
    if (mapper != null) {
      try {
        return mapper.toResponse(error, request);
      } catch (Exception mapperFailure) {
        mapperFailure.addSuppressed(error);
        LOG.error(
            "Exception mapper for {} failed on {} {}",
            error.getClass().getName(),
            LogSafe.quote(request.method()),
            LogSafe.quote(request.path()),
            mapperFailure);
        return internalError(request);
      }
    }
    if (error instanceof HttpException http) {
      if (http.status() >= 500) {
        LOG.error(
            "{} {} failed with {}",
            LogSafe.quote(request.method()),
            LogSafe.quote(request.path()),
            http.status(),
            http);
      } else if (LOG.isDebugEnabled()) {
        LOG.debug(
            "{} {} answered {}: {}",
            LogSafe.quote(request.method()),
            LogSafe.quote(request.path()),
            http.status(),
            LogSafe.quote(http.problem().detail()));
      }
      Response<?> response =
          http.headers().withBody(http.problem().withInstance(request.requestId()));
      return response;
    }
    LOG.error(
        "Unhandled exception in {} {}",
        LogSafe.quote(request.method()),
        LogSafe.quote(request.path()),
        error);
    return internalError(request);
  }

  /** The generic 500 answer: no detail of the failure reaches the client. */
  public static Response<Problem> internalError(Request request) {
    return Response.status(500)
        .withBody(
            Problem.of(
                    500,
                    "The server failed to handle the request; quote the instance when reporting it")
                .withInstance(request.requestId()));
  }

  @SuppressWarnings("unchecked")
  private @Nullable ExceptionMapper<Throwable> mapperFor(Class<?> type) {
    if (mappers.isEmpty()) {
      return null;
    }
    Object cached = resolved.get(type);
    if (cached == null) {
      cached = NONE;
      for (Class<?> c = type; c != null; c = c.getSuperclass()) {
        ExceptionMapper<Throwable> found = mappers.get(c);
        if (found != null) {
          cached = found;
          break;
        }
      }
      resolved.put(type, cached);
    }
    return cached == NONE ? null : (ExceptionMapper<Throwable>) cached;
  }
}
