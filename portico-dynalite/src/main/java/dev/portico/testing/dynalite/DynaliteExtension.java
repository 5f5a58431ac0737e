package dev.portico.testing.dynalite;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that gives tests a running {@link Dynalite}: declare a parameter of that type
 * (constructor, lifecycle or test method). One server is started on first use and shared by every
 * test class of the run; it stops when the run ends.
 *
 * <pre>{@code
 * @ExtendWith(DynaliteExtension.class)
 * class RegistryTest {
 *   @Test
 *   void putsAndDeletes(Dynalite dynalite) {
 *     DynamoDbClient client = DynamoDbClient.builder().endpointOverride(dynalite.endpoint())...
 *   }
 * }
 * }</pre>
 */
public final class DynaliteExtension implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(DynaliteExtension.class);

  /** Used by JUnit. */
  public DynaliteExtension() {}

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Dynalite.class;
  }

  /**
   * Returns the run's shared server, starting it on first use. The root store closes it (it is
   * {@link AutoCloseable}) when the run ends.
   */
  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(Dynalite.class, key -> Dynalite.start(), Dynalite.class);
  }
}
