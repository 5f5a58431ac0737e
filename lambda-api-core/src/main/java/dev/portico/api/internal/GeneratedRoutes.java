package dev.portico.api.internal;

import dev.portico.api.RouteProvider;
import java.lang.reflect.Constructor;

/** Finds the routes the annotation processor generated for a controller ({@code X_Routes}). */
public final class GeneratedRoutes {
  private GeneratedRoutes() {}

  private static String generatedName(Class<?> type) {
    String binary = type.getName();
    String packageName = type.getPackageName();
    String simple = packageName.isEmpty() ? binary : binary.substring(packageName.length() + 1);
    return (packageName.isEmpty() ? "" : packageName + ".") + simple.replace('$', '_') + "_Routes";
  }

  /**
   * The controller itself when it is a {@link RouteProvider}, else an instance of the generated
   * {@code <Controller>_Routes} class of its class or its nearest superclass that has one.
   *
   * @throws IllegalArgumentException for a {@code Class} instead of an instance, a generated class
   *     that cannot be used, or no generated class, saying how to set up the processor
   */
  public static RouteProvider of(Object controller) {
    if (controller instanceof RouteProvider provider) {
      return provider;
    }
    if (controller instanceof Class<?> type) {
      throw new IllegalArgumentException(
          "controller("
              + type.getSimpleName()
              + ".class) was given a Class, not a controller: pass an instance, e.g."
              + " controller(new "
              + type.getSimpleName()
              + "(...))");
    }
    for (Class<?> type = controller.getClass();
        type != null && type != Object.class;
        type = type.getSuperclass()) {
      String generated = generatedName(type);
      Class<?> routesClass;
      try {
        routesClass = Class.forName(generated, true, type.getClassLoader());
      } catch (ClassNotFoundException e) {
        continue;
      }
      try {
        Constructor<?> constructor = routesClass.getConstructor(type);
        return (RouteProvider) constructor.newInstance(controller);
      } catch (ReflectiveOperationException | ClassCastException e) {
        throw new IllegalArgumentException(
            generated + " cannot be used for " + type.getName() + ": " + e, e);
      }
    }
    throw new IllegalArgumentException(
        controller.getClass().getName()
            + " has no generated routes (no class "
            + generatedName(controller.getClass())
            + "): either none of its methods is annotated with @GET, @POST, ... or the"
            + " annotation processor did not run at build time. Add"
            + " dev.portico:lambda-api-processor to maven-compiler-plugin's"
            + " annotationProcessorPaths, and use maven-compiler-plugin 3.5 or later: older"
            + " versions (Maven's default is 3.1) ignore annotationProcessorPaths silently."
            + " Inheriting dev.portico:portico-service-parent sets up both");
  }
}
