package dev.portico.processor;

import static dev.portico.processor.TypeNames.displayName;

import dev.portico.path.PathTemplate;
import dev.portico.processor.Diagnostics.Problem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The model phase for one controller class: checks the class, gathers what its class chain declares
 * for all routes (path, media types, requirements), resolves which route methods it serves ({@link
 * Hierarchy}) and has {@link RouteAnalyzer} read each into a {@link RouteModel}. Every mistake is
 * reported through {@link Diagnostics} on its element; messages start with the method they concern,
 * e.g. {@code PetController.get(long id): ...}.
 */
final class ControllerAnalyzer {
  /**
   * The processor option naming types converted by a {@code ParamConverter.Factory} registered at
   * run time: comma-separated qualified names, or packages as {@code com.example.*}.
   */
  static final String CONVERTIBLE_TYPES_OPTION = "portico.convertibleTypes";

  /**
   * The processor option that turns the note about a body or result left to jackson-databind into
   * an error: {@code -Aportico.requireGeneratedJson=true}.
   */
  static final String REQUIRE_GENERATED_JSON_OPTION = "portico.requireGeneratedJson";

  private final Elements elements;
  private final Types types;
  private final Diagnostics diagnostics;
  private final RouteAttributes attributes;
  private final RouteAnalyzer routes;
  private final boolean requireGeneratedJson;
  private final ValidationAnalyzer validations;

  ControllerAnalyzer(ProcessingEnvironment env) {
    this.requireGeneratedJson =
        Boolean.parseBoolean(env.getOptions().get(REQUIRE_GENERATED_JSON_OPTION));
    this.elements = env.getElementUtils();
    this.types = env.getTypeUtils();
    this.diagnostics = new Diagnostics(env.getMessager());
    String option = env.getOptions().get(CONVERTIBLE_TYPES_OPTION);
    TextConversions conversions =
        new TextConversions(
            env.getTypeUtils(),
            option == null
                ? List.of()
                : Arrays.stream(option.split(","))
                    .map(String::trim)
                    .filter(name -> !name.isEmpty())
                    .toList());
    this.attributes = new RouteAttributes(diagnostics);
    this.validations = new ValidationAnalyzer(elements, types, diagnostics);
    this.routes =
        new RouteAnalyzer(
            elements,
            env.getTypeUtils(),
            diagnostics,
            new ParameterBinder(elements, env.getTypeUtils(), conversions, diagnostics),
            attributes);
  }

  /**
   * The controller's model, or {@code null} when it has errors (all of them reported) or is an
   * interface or abstract generic class, whose routes the classes implementing it serve.
   *
   * <p>A mistake in an inherited method is reported once, not again for each subclass, unless the
   * subclass makes it a different mistake (another type argument, another route it clashes with).
   */
  ControllerModel analyze(TypeElement controller) {
    int errorsBefore = diagnostics.errorCount();
    String controllerName = displayName(controller);
    if (!checkController(controller, controllerName)) {
      return null;
    }
    List<TypeElement> chain = Hierarchy.supertypes(controller);
    RouteAnalyzer.ClassDefaults defaults = classDefaults(chain);

    List<List<ExecutableElement>> declared = Hierarchy.routeMethods(controller, chain, elements);
    if (declared.stream().allMatch(List::isEmpty)) {
      diagnostics.error(
          controller,
          PorticoAnnotation.PATH.on(controller),
          null,
          Problem.NO_ROUTE_METHODS,
          controllerName
              + ": has @Path but no route methods; annotate them with @GET, @POST, @PUT, @PATCH,"
              + " @DELETE, @HEAD, @OPTIONS or @ANY");
      return null;
    }

    List<ExecutableElement> members = ElementFilter.methodsIn(elements.getAllMembers(controller));
    List<RouteModel> models = new ArrayList<>();
    Map<String, String> routed = new HashMap<>();
    // Furthest supertype first: inherited routes come before the class's own.
    for (int i = declared.size() - 1; i >= 0; i--) {
      for (ExecutableElement method : declared.get(i)) {
        RouteModel route =
            routes.analyze(controller, controllerName, method, defaults, members, routed);
        if (route != null) {
          models.add(route);
        }
      }
    }
    if (diagnostics.errorCount() != errorsBefore) {
      return null;
    }
    String packageName = elements.getPackageOf(controller).getQualifiedName().toString();
    JsonWriters jsonWriters = new JsonWriters(elements, types, packageName);
    JsonWriters jsonReaders = JsonWriters.forReading(elements, types, packageName);
    for (RouteModel route : models) {
      jsonWriters.addResult(route.method().getReturnType());
      for (Binding binding : route.bindings()) {
        if (binding instanceof Binding.Body body && body.kind() == Binding.BodyKind.JSON) {
          String why = jsonReaders.addBody(body.valueType());
          if (why != null) {
            fallback(route, "the body type " + TypeNames.simple(body.valueType()), "read", why);
          }
        }
      }
      String why = jsonWriters.resultFallback(route.method().getReturnType());
      if (why != null) {
        fallback(
            route,
            "the result type " + TypeNames.simple(route.method().getReturnType()),
            "written",
            why);
      }
    }
    if (diagnostics.errorCount() != errorsBefore) {
      return null;
    }
    ValidationModel validation = validations.analyze(controller, models);
    if (diagnostics.errorCount() != errorsBefore) {
      return null;
    }
    return new ControllerModel(
        controller,
        packageName,
        generatedName(controller),
        List.copyOf(models),
        jsonWriters.writers(),
        jsonReaders.writers(),
        validation);
  }

  /**
   * Says at compile time that a body or result is left to jackson-databind at run time: a note, or
   * an error under {@code -Aportico.requireGeneratedJson=true}.
   */
  private void fallback(RouteModel route, String what, String verb, String why) {
    String message =
        route.owner()
            + ": "
            + what
            + " is "
            + verb
            + " with jackson-databind at run time, not by generated code: "
            + why;
    if (requireGeneratedJson) {
      diagnostics.error(
          route.method(),
          Problem.GENERATED_JSON_REQUIRED,
          message + " (-A" + REQUIRE_GENERATED_JSON_OPTION + "=true)",
          what);
    } else {
      diagnostics.note(route.method(), message);
    }
  }

  /**
   * The class-level path and media types of the nearest class in the chain declaring them, and the
   * requirements of every class in the chain (never fewer than declared).
   */
  private RouteAnalyzer.ClassDefaults classDefaults(List<TypeElement> chain) {
    String classPath = "";
    boolean classPathValid = true;
    for (TypeElement type : chain) {
      AnnotationMirror pathAnnotation = PorticoAnnotation.PATH.on(type);
      String path = PorticoAnnotation.string(pathAnnotation, "value");
      if (path == null) {
        continue;
      }
      classPath = path;
      try {
        PathTemplate.parse(PathTemplate.join(classPath));
      } catch (IllegalArgumentException e) {
        diagnostics.error(
            type,
            pathAnnotation,
            PorticoAnnotation.member(pathAnnotation, "value"),
            Problem.BAD_PATH,
            displayName(type) + ": path '" + PathTemplate.join(classPath) + "' " + e.getMessage(),
            e.getMessage());
        classPathValid = false;
      }
      break;
    }
    List<String> classConsumes = null;
    String classProduces = null;
    for (TypeElement type : chain) {
      if (classConsumes == null) {
        classConsumes = attributes.consumes(type, displayName(type));
      }
      if (classProduces == null) {
        classProduces = attributes.produces(type, displayName(type));
      }
    }
    List<String> classScopes = new ArrayList<>();
    List<RouteModel.RequiredClaim> classClaims = new ArrayList<>();
    for (TypeElement type : chain) {
      attributes.requirements(type, displayName(type), classScopes, classClaims);
    }
    return new RouteAnalyzer.ClassDefaults(
        classPath,
        classPathValid,
        classConsumes,
        classProduces,
        List.copyOf(classScopes),
        List.copyOf(classClaims));
  }

  /** {@code Outer_Inner_Routes} for {@code Outer.Inner}. */
  static String generatedName(TypeElement controller) {
    return TypeNames.generatedName(controller, "_Routes");
  }

  /** Reports what makes the class unusable; {@code false} when there is nothing more to check. */
  private boolean checkController(TypeElement controller, String controllerName) {
    if (controller.getKind() == ElementKind.INTERFACE
        || controller.getKind() == ElementKind.ANNOTATION_TYPE) {
      // Served by the classes implementing it, which Hierarchy.inheritsRoutesOnlyItCanServe finds.
      return false;
    }
    if (controller.getNestingKind() == NestingKind.LOCAL
        || controller.getNestingKind() == NestingKind.ANONYMOUS) {
      diagnostics.error(
          controller,
          Problem.LOCAL_CONTROLLER,
          controllerName + ": is a local class; a controller must be a top-level or member class");
      return false;
    }
    for (Element type = controller;
        type instanceof TypeElement;
        type = type.getEnclosingElement()) {
      if (type.getModifiers().contains(Modifier.PRIVATE)) {
        diagnostics.error(
            controller,
            Problem.PRIVATE_CONTROLLER,
            controllerName
                + ": is "
                + (type == controller
                    ? "private"
                    : "nested in private " + displayName((TypeElement) type))
                + "; the generated "
                + generatedName(controller)
                + " must be able to reach it from its package");
        break;
      }
    }
    if (!controller.getTypeParameters().isEmpty()) {
      if (controller.getModifiers().contains(Modifier.ABSTRACT)) {
        // An abstract generic base: each concrete subclass gets the routes, its types resolved.
        return false;
      }
      diagnostics.error(
          controller,
          Problem.GENERIC_CONTROLLER,
          controllerName
              + ": has type parameters; a controller cannot be generic (make it abstract: its"
              + " concrete subclasses serve its routes)");
    }
    return true;
  }
}
