package dev.portico.local.config;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.portico.local.LocalStartupException;
import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A Lambda function the local gateway invokes in-process: its logical name, the handler and the
 * function timeout.
 *
 * <pre>{@code
 * LocalFunction pets = LocalFunction.of("PetFunction", "com.example.PetHandler");
 * LocalFunction inline = LocalFunction.of("Echo", (in, out, ctx) -> in.transferTo(out));
 * }</pre>
 *
 * @param name the logical id in the template, e.g. {@code PetFunction}
 * @param handler the handler as the template names it ({@code com.example.Handler} or {@code
 *     com.example.Handler::handleRequest})
 * @param timeout the function timeout (SAM {@code Timeout}, 3 seconds by default)
 * @param factory creates the handler instance once, when the gateway starts
 * @param environment environment variables from the template. A function in the runtime interface
 *     client gets them as its environment. In-process functions share the gateway's environment;
 *     while an in-process instance is created, each variable is also published as the system
 *     property {@code portico.env.NAME}, which Portico's authorizer configuration reads when the
 *     real environment lacks the variable
 * @param missingEnvironment variables the template declares whose value cannot be resolved locally
 *     (for example a {@code !Ref} to a parameter without a default and without {@code --parameter})
 */
public record LocalFunction(
    String name,
    String handler,
    Duration timeout,
    Supplier<? extends RequestStreamHandler> factory,
    Map<String, String> environment,
    List<String> missingEnvironment) {

  /** Lambda's default function timeout. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);

  /** Validates. */
  public LocalFunction {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(handler, "handler");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(factory, "factory");
    environment = Map.copyOf(environment);
    missingEnvironment = List.copyOf(missingEnvironment);
  }

  /** A function whose handler class is loaded by name from the context class loader. */
  public static LocalFunction of(String name, String handler) {
    return new LocalFunction(
        name, handler, DEFAULT_TIMEOUT, () -> load(name, handler), Map.of(), List.of());
  }

  /**
   * A function served by this one handler instance; unlike {@link #of(String, String)}, concurrent
   * requests share it, so it must be thread-safe.
   */
  public static LocalFunction of(String name, RequestStreamHandler instance) {
    return new LocalFunction(
        name, instance.getClass().getName(), DEFAULT_TIMEOUT, () -> instance, Map.of(), List.of());
  }

  /** A copy with another function timeout. */
  public LocalFunction withTimeout(Duration newTimeout) {
    return new LocalFunction(name, handler, newTimeout, factory, environment, missingEnvironment);
  }

  /** A copy with these environment variables. */
  public LocalFunction withEnvironment(Map<String, String> variables) {
    return new LocalFunction(name, handler, timeout, factory, variables, missingEnvironment);
  }

  /** A copy recording these template variables as unresolved. */
  public LocalFunction withMissingEnvironment(List<String> variables) {
    return new LocalFunction(name, handler, timeout, factory, environment, variables);
  }

  private static RequestStreamHandler load(String function, String handler) {
    String className = handler;
    int colons = className.indexOf("::");
    if (colons >= 0) {
      String method = className.substring(colons + 2);
      className = className.substring(0, colons);
      if (!method.equals("handleRequest")) {
        throw new LocalStartupException(
            "Function "
                + function
                + ": handler method "
                + method
                + " is not supported; only RequestStreamHandler.handleRequest is invoked locally");
      }
    }
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = LocalFunction.class.getClassLoader();
    }
    Class<?> type;
    try {
      type = Class.forName(className, true, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new LocalStartupException(
          "Function "
              + function
              + ": handler class "
              + className
              + " was not found on the classpath ("
              + e
              + ")",
          e);
    }
    if (!RequestStreamHandler.class.isAssignableFrom(type)) {
      throw new LocalStartupException(
          "Function "
              + function
              + ": handler class "
              + className
              + " does not implement com.amazonaws.services.lambda.runtime.RequestStreamHandler");
    }
    try {
      return (RequestStreamHandler) type.getConstructor().newInstance();
    } catch (NoSuchMethodException e) {
      throw new LocalStartupException(
          "Function "
              + function
              + ": handler class "
              + className
              + " has no public no-argument constructor",
          e);
    } catch (InvocationTargetException e) {
      throw new LocalStartupException(
          "Function " + function + ": the constructor of " + className + " failed: " + e.getCause(),
          e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new LocalStartupException(
          "Function " + function + ": cannot instantiate " + className + ": " + e, e);
    }
  }
}
