package dev.portico.processor;

import static dev.portico.processor.TypeNames.displayName;
import static dev.portico.processor.TypeNames.qualified;

import dev.portico.path.PathTemplate;
import dev.portico.processor.Diagnostics.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks one route method of a controller and reads it into a {@link RouteModel}: its HTTP methods,
 * its joined path (not routed twice), its parameters' bindings, media types and requirements.
 */
final class RouteAnalyzer {
  /** The media types a JSON body is accepted as when nothing else is declared. */
  static final List<String> JSON_MEDIA_TYPES = List.of("application/json", "application/*+json");

  private final Elements elements;
  private final Types types;
  private final Diagnostics diagnostics;
  private final ParameterBinder binder;
  private final RouteAttributes attributes;

  RouteAnalyzer(
      Elements elements,
      Types types,
      Diagnostics diagnostics,
      ParameterBinder binder,
      RouteAttributes attributes) {
    this.elements = elements;
    this.types = types;
    this.diagnostics = diagnostics;
    this.binder = binder;
    this.attributes = attributes;
  }

  /**
   * What a controller class (or its nearest superclass declaring them) gives all its routes.
   *
   * @param path the class-level path, empty for none
   * @param pathValid whether it parses; when not, routes are not checked against it
   * @param consumes the class-level {@code @Consumes}, or {@code null}
   * @param produces the class-level {@code @Produces}, or {@code null}
   * @param scopes the class chain's {@code @RequiresScopes}
   * @param claims the class chain's {@code @RequiresClaim}
   */
  record ClassDefaults(
      String path,
      boolean pathValid,
      List<String> consumes,
      String produces,
      List<String> scopes,
      List<RouteModel.RequiredClaim> claims) {}

  /**
   * The method's route, or {@code null} when it has no HTTP method; other mistakes are reported and
   * the route returned anyway, so that every mistake of the class is reported.
   *
   * @param routed the routes seen so far, {@code "GET /pets/{}"} to the method serving it
   */
  RouteModel analyze(
      TypeElement controller,
      String controllerName,
      ExecutableElement method,
      ClassDefaults defaults,
      List<ExecutableElement> members,
      Map<String, String> routed) {
    ExecutableType resolved =
        (ExecutableType) types.asMemberOf((DeclaredType) controller.asType(), method);
    String owner = TypeNames.owner(controllerName, method, resolved.getParameterTypes());
    List<AnnotationMirror> httpMethodAnnotations =
        PorticoAnnotation.presentOn(method, PorticoAnnotation.Kind.HTTP_METHOD);
    List<String> httpMethods = new ArrayList<>();
    for (AnnotationMirror mirror : httpMethodAnnotations) {
      httpMethods.add(PorticoAnnotation.of(mirror).simpleName());
    }
    if (httpMethods.isEmpty()) {
      diagnostics.error(
          method,
          PorticoAnnotation.PATH.on(method),
          null,
          Problem.NO_HTTP_METHOD,
          owner
              + ": @Path needs an HTTP method annotation (@GET, @POST, @PUT, @PATCH, @DELETE,"
              + " @HEAD, @OPTIONS or @ANY)");
      return null;
    }
    checkMethod(controller, method, owner, resolved);

    String path =
        PathTemplate.join(
            defaults.path(),
            orEmpty(PorticoAnnotation.string(PorticoAnnotation.PATH.on(method), "value")));
    PathTemplate template = null;
    if (defaults.pathValid()) {
      try {
        template = PathTemplate.parse(path);
      } catch (IllegalArgumentException e) {
        AnnotationMirror pathAnnotation = PorticoAnnotation.PATH.on(method);
        diagnostics.error(
            method,
            pathAnnotation,
            pathAnnotation == null ? null : PorticoAnnotation.member(pathAnnotation, "value"),
            Problem.BAD_PATH,
            owner + ": path '" + path + "' " + e.getMessage(),
            e.getMessage());
      }
    }
    if (template != null) {
      for (int i = 0; i < httpMethods.size(); i++) {
        String httpMethod = httpMethods.get(i);
        String previous = routed.putIfAbsent(httpMethod + " " + template.shape(), owner);
        if (previous != null) {
          diagnostics.error(
              method,
              httpMethodAnnotations.get(i),
              null,
              Problem.DUPLICATE_ROUTE,
              owner + ": " + httpMethod + " " + path + " is already routed to " + previous,
              httpMethod,
              path,
              previous);
        }
      }
    }

    List<Binding> bindings = new ArrayList<>();
    VariableElement body = null;
    for (int i = 0; i < method.getParameters().size(); i++) {
      VariableElement parameter = method.getParameters().get(i);
      Binding binding =
          binder.bind(owner, parameter, resolved.getParameterTypes().get(i), template, path);
      if (binding == null) {
        continue;
      }
      if (binding instanceof Binding.Body) {
        if (body != null) {
          diagnostics.error(
              parameter,
              PorticoAnnotation.BODY.on(parameter),
              null,
              Problem.SECOND_BODY,
              owner
                  + ": parameter '"
                  + parameter.getSimpleName()
                  + "' is a second @Body; a route has one body, already bound to '"
                  + body.getSimpleName()
                  + "'",
              body);
        }
        body = parameter;
      }
      bindings.add(binding);
    }

    List<String> consumes = attributes.consumes(method, owner);
    if (consumes == null) {
      consumes = defaults.consumes();
    }
    if (consumes == null) {
      boolean json = bindings.stream().anyMatch(RouteAnalyzer::isJsonBody);
      consumes = json ? JSON_MEDIA_TYPES : List.of();
    }
    String produces = attributes.produces(method, owner);
    if (produces == null) {
      produces = defaults.produces();
    }
    List<String> scopes = new ArrayList<>(defaults.scopes());
    List<RouteModel.RequiredClaim> claims = new ArrayList<>(defaults.claims());
    attributes.requirements(method, owner, scopes, claims);
    boolean overloaded =
        members.stream()
            .anyMatch(
                other ->
                    other != method
                        && other.getSimpleName().contentEquals(method.getSimpleName())
                        && other.getParameters().size() == method.getParameters().size());
    return new RouteModel(
        method,
        owner,
        List.copyOf(httpMethods),
        path,
        List.copyOf(bindings),
        List.copyOf(consumes),
        produces,
        overloaded,
        List.copyOf(scopes),
        List.copyOf(claims));
  }

  /** Reports what keeps the generated class from calling the method. */
  private void checkMethod(
      TypeElement controller, ExecutableElement method, String owner, ExecutableType resolved) {
    TypeElement declaring = (TypeElement) method.getEnclosingElement();
    String generatedName = ControllerAnalyzer.generatedName(controller);
    if (declaring.getKind() == ElementKind.INTERFACE
        && method.getModifiers().contains(Modifier.STATIC)) {
      diagnostics.error(
          method,
          Problem.STATIC_INTERFACE_METHOD,
          owner
              + ": is a static interface method, which the controller does not inherit; make it"
              + " an abstract or default method");
    } else if (method.getModifiers().contains(Modifier.PRIVATE)) {
      diagnostics.error(
          method,
          Problem.PRIVATE_METHOD,
          owner + ": is private; a route method must be at least package-private");
    } else if (declaring != controller
        && !method.getModifiers().contains(Modifier.PUBLIC)
        && !elements.getPackageOf(declaring).equals(elements.getPackageOf(controller))) {
      diagnostics.error(
          method,
          Problem.UNREACHABLE_METHOD,
          owner
              + ": is not public and "
              + displayName(declaring)
              + " is in another package, so the generated "
              + generatedName
              + " cannot call it; make it public",
          generatedName);
    }
    if (!method.getTypeParameters().isEmpty()) {
      diagnostics.error(
          method,
          Problem.GENERIC_METHOD,
          owner + ": has type parameters; a route method cannot be generic");
    }
    TypeMirror exception = elements.getTypeElement("java.lang.Exception").asType();
    TypeMirror error = elements.getTypeElement("java.lang.Error").asType();
    for (TypeMirror thrown : resolved.getThrownTypes()) {
      if (!types.isAssignable(thrown, exception) && !types.isAssignable(thrown, error)) {
        diagnostics.error(
            method,
            Problem.BAD_THROWS,
            owner
                + ": throws "
                + qualified(thrown)
                + ", which a route cannot propagate; throw Exception or its subclasses",
            qualified(thrown));
      }
    }
  }

  /** Whether the binding reads the body as JSON. */
  static boolean isJsonBody(Binding binding) {
    return binding instanceof Binding.Body body && body.kind() == Binding.BodyKind.JSON;
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }
}
