package dev.portico.local.testing;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.portico.local.GatewayOptions;
import dev.portico.local.LocalGateway;
import dev.portico.local.config.GatewayConfig;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link PorticoTest}: resolves {@link LocalClient} and {@link
 * LocalGateway} parameters, one warm handler or gateway per test class, closed after it.
 *
 * <pre>{@code
 * @ExtendWith(PorticoExtension.class)
 * @PorticoTest(handler = PetHandler.class, source = EventSource.API_GATEWAY_V2)
 * class PetTest { ... }
 * }</pre>
 */
public final class PorticoExtension implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(PorticoExtension.class);

  /** Created by JUnit. */
  public PorticoExtension() {}

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == LocalClient.class || type == LocalGateway.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> testClass = context.getRequiredTestClass();
    PorticoTest settings =
        AnnotationSupport.findAnnotation(testClass, PorticoTest.class)
            .orElseThrow(
                () ->
                    new ParameterResolutionException(
                        testClass.getName()
                            + " needs @PorticoTest to get a LocalClient or LocalGateway"));
    ExtensionContext.Store store = classContext(context).getStore(NAMESPACE);
    if (parameter.getParameter().getType() == LocalClient.class) {
      if (settings.handler() == RequestStreamHandler.class) {
        throw new ParameterResolutionException(
            "@PorticoTest on " + testClass.getName() + " names no handler class for LocalClient");
      }
      RequestStreamHandler handler =
          store.getOrComputeIfAbsent(
              "handler", key -> instantiate(settings.handler()), RequestStreamHandler.class);
      return LocalClient.of(handler, settings.source());
    }
    if (settings.template().isEmpty()) {
      throw new ParameterResolutionException(
          "@PorticoTest on " + testClass.getName() + " names no template for LocalGateway");
    }
    return store
        .getOrComputeIfAbsent(
            "gateway",
            key ->
                new ClosableGateway(
                    LocalGateway.start(
                        GatewayConfig.fromTemplate(Path.of(settings.template())),
                        GatewayOptions.defaults().withPort(0))),
            ClosableGateway.class)
        .gateway();
  }

  private static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext current = context;
    while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
      current = current.getParent().get();
    }
    return current;
  }

  private static RequestStreamHandler instantiate(Class<? extends RequestStreamHandler> type) {
    try {
      return type.getConstructor().newInstance();
    } catch (InvocationTargetException e) {
      throw new ParameterResolutionException(
          "The constructor of " + type.getName() + " failed: " + e.getCause(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new ParameterResolutionException(
          "Cannot create " + type.getName() + " with a public no-argument constructor: " + e, e);
    }
  }

  /** Closes the gateway when the test class's store is closed. */
  private record ClosableGateway(LocalGateway gateway) implements AutoCloseable {
    @Override
    public void close() {
      gateway.close();
    }
  }
}
