package dev.portico.api.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.api.Api;
import dev.portico.api.EventSource;
import dev.portico.api.Nullable;
import dev.portico.api.Route;
import dev.portico.api.internal.codec.SyntheticEvents;
import dev.portico.api.internal.codec.SyntheticRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** SnapStart priming: synthetic requests before a checkpoint, and the CRaC hook that runs them. */
public final class Priming {
  private static final Set<Object> HOOKS = Collections.synchronizedSet(new LinkedHashSet<>());
  private static final Duration PRIMING_TIMEOUT = Duration.ofSeconds(30);

  private Priming() {}

  /**
   * Sends, in every event format, a request matching no route and an automatic OPTIONS for every
   * route path; none of them reaches user code.
   */
  public static void prime(Api api, ObjectMapper mapper) {
    long start = System.nanoTime();
    Set<String> paths = new LinkedHashSet<>();
    Set<String> userOptions = new LinkedHashSet<>();
    for (Route route : api.routes()) {
      String path = route.path().replaceAll("\\{[^}/]+\\+?}", "prime");
      if (route.method().equals("ANY") || route.method().equals("OPTIONS")) {
        // OPTIONS on this path would reach user code.
        userOptions.add(path);
      }
      paths.add(path);
    }
    paths.removeAll(userOptions);
    int count = 0;
    for (EventSource source : EventSource.values()) {
      count +=
          send(
              api,
              SyntheticRequest.of("GET", "/__portico_priming__/not-found")
                  .withHeader("Accept-Encoding", "gzip"),
              source);
      for (String path : paths) {
        count += send(api, SyntheticRequest.of("OPTIONS", path.isEmpty() ? "/" : path), source);
      }
    }
    int warmed = warmJson(api, mapper);
    log()
        .info(
            "Primed {} requests and {} JSON types in {} ms",
            count,
            warmed,
            (System.nanoTime() - start) / 1_000_000);
  }

  /**
   * Builds the Jackson reader and writer of every route's body and result type, so their
   * (de)serializers are in the snapshot; the mapper's prefetch resolves them without any value.
   */
  static int warmJson(Api api, ObjectMapper mapper) {
    Set<Class<?>> types = new LinkedHashSet<>();
    for (Route route : api.routes()) {
      types.addAll(route.warmTypes());
    }
    int warmed = 0;
    for (Class<?> type : types) {
      try {
        mapper.writerFor(type);
        mapper.readerFor(type);
        warmed++;
      } catch (RuntimeException e) {
        log().debug("Could not warm JSON type {}", type.getName(), e);
      }
    }
    return warmed;
  }

  private static int send(Api api, SyntheticRequest request, EventSource source) {
    try {
      api.handle(
          SyntheticEvents.toEvent(request, source, null),
          OutputStream.nullOutputStream(),
          SyntheticContext.expiringIn(PRIMING_TIMEOUT));
      return 1;
    } catch (IOException | RuntimeException e) {
      log().warn("Priming request {} {} failed", request.method(), request.target(), e);
      return 0;
    }
  }

  /**
   * Registers a CRaC resource that runs {@code hook} before a checkpoint, when org.crac is on the
   * classpath. Callers ask {@link Checkpoint#expected()} first, so an ordinary cold start neither
   * builds the hook nor touches CRaC.
   */
  public static void registerCheckpointHook(Runnable hook) {
    try {
      Class.forName("org.crac.Core", false, Priming.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      return;
    }
    HOOKS.add(CracHook.register(hook));
  }

  /** Priming logs only when it runs, so loading this class does not start the logging system. */
  private static Logger log() {
    return LoggerFactory.getLogger("dev.portico.api");
  }

  static void registerCheckpointHook(
      Runnable hook, @Nullable String initializationType, @Nullable String forced) {
    if (Checkpoint.expected(initializationType, forced)) {
      registerCheckpointHook(hook);
    }
  }

  /** The CRaC resources registered so far, strongly held. */
  static List<Object> hooks() {
    synchronized (HOOKS) {
      return List.copyOf(HOOKS);
    }
  }
}
