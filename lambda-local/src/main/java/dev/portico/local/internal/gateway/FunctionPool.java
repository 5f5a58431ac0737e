package dev.portico.local.internal.gateway;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.portico.local.LocalStartupException;
import dev.portico.local.config.LocalFunction;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warm instances of one function, as Lambda keeps execution environments: an invocation borrows an
 * idle instance (the most recently used first) or creates one, so no instance ever runs two
 * invocations at once. An instance whose invocation timed out is thrown away, as Lambda does.
 *
 * <pre>{@code
 * FunctionPool pool = new FunctionPool(LocalFunction.of("Pets", "com.example.PetHandler"), executor);
 * Outcome outcome = pool.invoke(eventBytes, requestId, Duration.ofSeconds(29));
 * }</pre>
 */
public final class FunctionPool implements FunctionInvoker {
  private static final Logger LOG = LoggerFactory.getLogger(FunctionPool.class);

  /**
   * The prefix of the system properties that carry an in-process function's template environment
   * while its instance is created (read by {@code AuthorizerConfig} in lambda-authorizers).
   */
  public static final String ENV_PROPERTY_PREFIX = "portico.env.";

  private static final Object ENVIRONMENT_LOCK = new Object();

  private final LocalFunction function;
  private final ExecutorService executor;
  private final ConcurrentLinkedDeque<RequestStreamHandler> idle = new ConcurrentLinkedDeque<>();
  private final AtomicInteger instances = new AtomicInteger();

  /** Creates the pool and its first instance, so a broken handler fails at start-up. */
  public FunctionPool(LocalFunction function, ExecutorService executor) {
    this.function = function;
    this.executor = executor;
    idle.push(create());
  }

  /** The function. */
  public LocalFunction function() {
    return function;
  }

  /** How many instances exist (idle or busy). */
  public int instances() {
    return instances.get();
  }

  private RequestStreamHandler create() {
    long start = System.nanoTime();
    RequestStreamHandler handler;
    try {
      handler = createWithEnvironment();
    } catch (LocalStartupException e) {
      throw e;
    } catch (RuntimeException | LinkageError e) {
      throw new LocalStartupException(
          "Function " + function.name() + ": creating the handler failed: " + e, e);
    }
    int count = instances.incrementAndGet();
    LOG.debug(
        "Function {}: instance {} initialised in {} ms",
        function.name(),
        count,
        (System.nanoTime() - start) / 1_000_000);
    return handler;
  }

  /**
   * Creates an instance while the function's template environment is published as the system
   * properties {@value #ENV_PROPERTY_PREFIX}{@code NAME} (a JVM cannot change its own environment);
   * the previous values are restored afterwards. One instance is created at a time across all
   * functions, so two functions never see each other's values.
   */
  private RequestStreamHandler createWithEnvironment() {
    Map<String, String> environment = function.environment();
    if (environment.isEmpty()) {
      return function.factory().get();
    }
    synchronized (ENVIRONMENT_LOCK) {
      Map<String, String> previous = new HashMap<>();
      for (Map.Entry<String, String> variable : environment.entrySet()) {
        String key = ENV_PROPERTY_PREFIX + variable.getKey();
        previous.put(key, System.setProperty(key, variable.getValue()));
      }
      try {
        return function.factory().get();
      } finally {
        previous.forEach(
            (key, value) -> {
              if (value == null) {
                System.clearProperty(key);
              } else {
                System.setProperty(key, value);
              }
            });
      }
    }
  }

  /** How an invocation ended. */
  public sealed interface Outcome {}

  /** The handler wrote this output. */
  public record Returned(byte[] output) implements Outcome {}

  /** The handler threw. */
  public record Threw(Throwable error) implements Outcome {}

  /** Nothing came back in time; {@code functionTimeout} tells which limit was hit. */
  public record TimedOut(boolean functionTimeout, Duration after) implements Outcome {}

  /**
   * Invokes the function with an event and waits for the output.
   *
   * @param integrationTimeout API Gateway's limit; the function's own timeout may be shorter
   */
  @Override
  public Outcome invoke(byte[] event, String requestId, Duration integrationTimeout)
      throws InterruptedException {
    RequestStreamHandler handler = idle.pollFirst();
    if (handler == null) {
      try {
        handler = create();
      } catch (LocalStartupException e) {
        return new Threw(e);
      }
    }
    long timeoutMs = function.timeout().toMillis();
    LocalContext context =
        new LocalContext(function.name(), requestId, System.currentTimeMillis() + timeoutMs);
    RequestStreamHandler instance = handler;
    Future<byte[]> result =
        executor.submit(
            () -> {
              ByteArrayOutputStream out = new ByteArrayOutputStream(512);
              instance.handleRequest(new ByteArrayInputStream(event), out, context);
              return out.toByteArray();
            });
    boolean functionLimit = timeoutMs <= integrationTimeout.toMillis();
    long waitMs = Math.min(timeoutMs, integrationTimeout.toMillis());
    try {
      byte[] output = result.get(waitMs, TimeUnit.MILLISECONDS);
      idle.push(instance);
      return new Returned(output);
    } catch (ExecutionException e) {
      idle.push(instance);
      return new Threw(e.getCause());
    } catch (TimeoutException e) {
      result.cancel(true);
      instances.decrementAndGet();
      return new TimedOut(functionLimit, Duration.ofMillis(waitMs));
    } catch (InterruptedException e) {
      result.cancel(true);
      instances.decrementAndGet();
      throw e;
    }
  }
}
