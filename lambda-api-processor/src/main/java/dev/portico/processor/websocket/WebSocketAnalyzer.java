package dev.portico.processor.websocket;

import dev.portico.processor.Diagnostics;
import dev.portico.processor.Diagnostics.Problem;
import dev.portico.processor.Hierarchy;
import dev.portico.processor.PorticoAnnotation;
import dev.portico.processor.TextConversions;
import dev.portico.processor.TypeNames;
import dev.portico.processor.websocket.WebSocketBindingCode.Binding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads a WebSocket controller: its route methods, their route keys, return types and parameters;
 * reports every mistake on its element (the annotation underlined where there is one) and returns
 * {@code null} when there was any.
 */
final class WebSocketAnalyzer {
  static final String ON_CONNECT = PorticoAnnotation.ON_CONNECT.qualifiedName();
  static final String ON_DISCONNECT = PorticoAnnotation.ON_DISCONNECT.qualifiedName();
  static final String ON_MESSAGE = PorticoAnnotation.ON_MESSAGE.qualifiedName();
  static final Set<String> ROUTE_ANNOTATIONS = Set.of(ON_CONNECT, ON_DISCONNECT, ON_MESSAGE);

  private final Types types;
  private final Elements elements;
  private final Diagnostics diagnostics;
  private final WebSocketParameterBinder binder;

  WebSocketAnalyzer(ProcessingEnvironment env) {
    this.types = env.getTypeUtils();
    this.elements = env.getElementUtils();
    this.diagnostics = new Diagnostics(env.getMessager());
    this.binder =
        new WebSocketParameterBinder(types, diagnostics, TextConversions.fromOptions(env));
  }

  /** Whether a route method the class declares or inherits mentions a type javac has not seen. */
  static boolean mentionsMissingTypes(TypeElement controller) {
    for (TypeElement type : Hierarchy.supertypes(controller)) {
      for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
        if (routeAnnotations(method).isEmpty()) {
          continue;
        }
        if (method.getReturnType().getKind() == TypeKind.ERROR) {
          return true;
        }
        for (VariableElement p : method.getParameters()) {
          if (p.asType().getKind() == TypeKind.ERROR) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * Whether the type serves WebSocket routes: a class (not an interface, whose routes the classes
   * implementing it serve) that declares route methods or inherits them from a superclass or an
   * interface.
   */
  static boolean servesRoutes(TypeElement type) {
    if (type.getKind() != ElementKind.CLASS) {
      return declaresRoutes(type) && type.getKind() != ElementKind.INTERFACE;
    }
    for (TypeElement supertype : Hierarchy.supertypes(type)) {
      if (declaresRoutes(supertype)) {
        return true;
      }
    }
    return false;
  }

  private static boolean declaresRoutes(TypeElement type) {
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      if (!routeAnnotations(method).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /** The controller's model, or {@code null} when it has mistakes (all of them reported). */
  WebSocketModel.Controller analyze(TypeElement controller) {
    int errorsBefore = diagnostics.errorCount();
    String display = displayName(controller);
    checkController(controller, display);
    Map<String, String> keys = new LinkedHashMap<>();
    List<WebSocketModel.Route> routes = new ArrayList<>();
    List<TypeElement> chain = Hierarchy.supertypes(controller);
    // The same override rule as HTTP routes (Hierarchy): an annotated override replaces the method
    // it overrides; an unannotated one keeps the inherited route, and the call reaches it.
    List<List<ExecutableElement>> declared =
        Hierarchy.routeMethods(
            controller, chain, elements, method -> !routeAnnotations(method).isEmpty());
    // Furthest supertype first: inherited routes come before the class's own, as on HTTP.
    for (int level = chain.size() - 1; level >= 0; level--) {
      TypeElement declaring = chain.get(level);
      for (ExecutableElement method : declared.get(level)) {
        analyzeMethod(controller, display, declaring, method, keys, routes);
      }
    }
    if (diagnostics.errorCount() != errorsBefore) {
      return null;
    }
    PackageElement pkg = elements.getPackageOf(controller);
    return new WebSocketModel.Controller(
        pkg.isUnnamed() ? "" : pkg.getQualifiedName().toString(),
        display.replace('.', '_') + "_WebSocketRoutes",
        controller.getQualifiedName().toString(),
        display,
        routes);
  }

  private void analyzeMethod(
      TypeElement controller,
      String display,
      TypeElement declaring,
      ExecutableElement method,
      Map<String, String> keys,
      List<WebSocketModel.Route> routes) {
    List<AnnotationMirror> found = routeAnnotations(method);
    boolean inherited = declaring != controller;
    String owner = owner(inherited ? displayName(declaring) : display, method);
    if (found.size() > 1) {
      error(
          method,
          found.get(1),
          Problem.WEBSOCKET_SEVERAL_ROUTES,
          owner
              + ": a method serves one route; it has "
              + simpleName(found.get(0))
              + " and "
              + simpleName(found.get(1)),
          simpleName(found.get(0)),
          simpleName(found.get(1)));
      return;
    }
    AnnotationMirror annotation = found.get(0);
    String routeKey = routeKey(annotation, method, owner);
    if (routeKey == null) {
      return;
    }
    String previous = keys.putIfAbsent(routeKey, owner);
    if (previous != null) {
      if (inherited || !previous.startsWith(display + ".")) {
        // Across the hierarchy: reported on the controller, which is where the two meet.
        error(
            controller,
            null,
            Problem.WEBSOCKET_DUPLICATE_ROUTE,
            display
                + ": route "
                + routeKey
                + " is handled by both "
                + previous
                + " and "
                + owner
                + "; override one of them or change its route key",
            routeKey,
            previous,
            owner);
      } else {
        error(
            method,
            annotation,
            Problem.WEBSOCKET_DUPLICATE_ROUTE,
            owner + ": route " + routeKey + " is already handled by " + previous,
            routeKey,
            previous);
      }
      return;
    }
    if (inherited && !reachable(controller, method)) {
      error(
          controller,
          null,
          Problem.WEBSOCKET_UNREACHABLE_METHOD,
          display
              + ": inherits route "
              + routeKey
              + " from "
              + owner
              + ", which is package-private or protected in another package; the generated "
              + display.replace('.', '_')
              + "_WebSocketRoutes cannot call it: make it public",
          routeKey,
          owner);
      return;
    }
    WebSocketModel.Route route = route(method, annotation, routeKey, owner, routes.size());
    if (route != null) {
      routes.add(route);
    }
  }

  /** Whether the generated class, in the controller's package, can call the inherited method. */
  private boolean reachable(TypeElement controller, ExecutableElement method) {
    return method.getModifiers().contains(Modifier.PUBLIC)
        || method.getModifiers().contains(Modifier.PRIVATE)
        || elements.getPackageOf(method).equals(elements.getPackageOf(controller));
  }

  private void checkController(TypeElement controller, String display) {
    if (controller.getKind() != ElementKind.CLASS) {
      error(
          controller,
          null,
          Problem.WEBSOCKET_NOT_A_CLASS,
          display + ": WebSocket routes are methods of a class, not of an " + kindName(controller));
      return;
    }
    if (controller.getNestingKind() == NestingKind.LOCAL
        || controller.getNestingKind() == NestingKind.ANONYMOUS) {
      error(
          controller,
          null,
          Problem.WEBSOCKET_LOCAL_CONTROLLER,
          display + ": is a local class; a controller must be a top-level or member class");
      return;
    }
    for (Element type = controller;
        type instanceof TypeElement;
        type = type.getEnclosingElement()) {
      if (type.getModifiers().contains(Modifier.PRIVATE)) {
        error(
            controller,
            null,
            Problem.WEBSOCKET_PRIVATE_CONTROLLER,
            display
                + ": is "
                + (type == controller
                    ? "private"
                    : "nested in private " + displayName((TypeElement) type))
                + "; the generated "
                + display.replace('.', '_')
                + "_WebSocketRoutes must be able to reach it from its package");
        return;
      }
      if (type != controller
          && type.getKind() == ElementKind.CLASS
          && !controller.getModifiers().contains(Modifier.STATIC)) {
        error(
            controller,
            null,
            Problem.WEBSOCKET_INNER_CONTROLLER,
            display + ": is an inner class; make it static");
        return;
      }
    }
    if (!controller.getTypeParameters().isEmpty()) {
      error(
          controller,
          null,
          Problem.WEBSOCKET_GENERIC_CONTROLLER,
          display + ": has type parameters; a WebSocket controller cannot be generic");
    }
  }

  private static String kindName(TypeElement type) {
    return switch (type.getKind()) {
      case INTERFACE -> "interface";
      case ENUM -> "enum";
      case RECORD -> "record";
      case ANNOTATION_TYPE -> "annotation";
      default -> type.getKind().toString().toLowerCase(java.util.Locale.ROOT);
    };
  }

  private String routeKey(AnnotationMirror annotation, ExecutableElement method, String owner) {
    PorticoAnnotation kind = PorticoAnnotation.of(annotation);
    if (kind == PorticoAnnotation.ON_CONNECT) {
      return "$connect";
    }
    if (kind == PorticoAnnotation.ON_DISCONNECT) {
      return "$disconnect";
    }
    AnnotationValue value = PorticoAnnotation.member(annotation, "value");
    String key = value == null ? "$default" : String.valueOf(value.getValue());
    if (key.isBlank()) {
      error(
          method,
          annotation,
          Problem.WEBSOCKET_EMPTY_ROUTE_KEY,
          owner + ": @OnMessage has an empty route key");
      return null;
    }
    if (key.startsWith("$") && !key.equals("$default")) {
      error(
          method,
          annotation,
          Problem.WEBSOCKET_RESERVED_ROUTE_KEY,
          owner
              + ": route key '"
              + key
              + "' is reserved; use @OnConnect, @OnDisconnect, or @OnMessage for $default",
          key);
      return null;
    }
    return key;
  }

  private WebSocketModel.Route route(
      ExecutableElement method,
      AnnotationMirror annotation,
      String routeKey,
      String owner,
      int index) {
    boolean ok = true;
    if (method.getModifiers().contains(Modifier.PRIVATE)) {
      error(
          method,
          annotation,
          Problem.WEBSOCKET_PRIVATE_METHOD,
          owner + ": is private; a route method must be at least package-private");
      ok = false;
    }
    if (method.getModifiers().contains(Modifier.STATIC)) {
      error(
          method,
          annotation,
          Problem.WEBSOCKET_STATIC_METHOD,
          owner + ": is static; a route method is called on the controller");
      ok = false;
    }
    if (!method.getTypeParameters().isEmpty()) {
      error(
          method,
          annotation,
          Problem.WEBSOCKET_GENERIC_METHOD,
          owner + ": has type parameters; a route method cannot be generic");
      ok = false;
    }
    TypeMirror exception = elements.getTypeElement("java.lang.Exception").asType();
    TypeMirror error = elements.getTypeElement("java.lang.Error").asType();
    for (TypeMirror thrown : method.getThrownTypes()) {
      if (!types.isAssignable(thrown, exception) && !types.isAssignable(thrown, error)) {
        error(
            method,
            annotation,
            Problem.WEBSOCKET_BAD_THROWS,
            owner
                + ": throws "
                + TypeNames.simple(thrown)
                + ", which a route cannot propagate; throw Exception or its subclasses",
            TypeNames.qualified(thrown));
        ok = false;
      }
    }
    TypeMirror returned = method.getReturnType();
    boolean returnsVoid = returned.getKind() == TypeKind.VOID;
    if (routeKey.equals("$connect")
        && !returnsVoid
        && !TypeNames.isDeclared(
            returned, PorticoAnnotation.Packages.WEBSOCKET + "ConnectResponse")) {
      error(
          method,
          annotation,
          Problem.WEBSOCKET_BAD_RETURN,
          owner
              + ": returns "
              + TypeNames.simple(returned)
              + "; an @OnConnect method returns void or ConnectResponse",
          TypeNames.qualified(returned));
      ok = false;
    }
    if (routeKey.equals("$disconnect") && !returnsVoid) {
      error(
          method,
          annotation,
          Problem.WEBSOCKET_BAD_RETURN,
          owner
              + ": returns "
              + TypeNames.simple(returned)
              + "; an @OnDisconnect method returns void (nobody receives a reply)",
          TypeNames.qualified(returned));
      ok = false;
    }
    List<String> arguments = new ArrayList<>();
    List<String> readers = new ArrayList<>();
    boolean body = false;
    List<? extends VariableElement> parameters = method.getParameters();
    for (int position = 0; position < parameters.size(); position++) {
      VariableElement parameter = parameters.get(position);
      Binding binding =
          binder.bind(parameter, routeKey, owner, "body" + index, "param" + index + "_" + position);
      if (binding == null) {
        ok = false;
        continue;
      }
      if (binding.body()) {
        if (body) {
          error(
              parameter,
              null,
              Problem.WEBSOCKET_SECOND_BODY,
              owner + ": has two @Body parameters; a message has one body");
          ok = false;
          continue;
        }
        body = true;
      }
      if (binding.declaration() != null && !binding.declaration().isEmpty()) {
        readers.add(binding.declaration());
      }
      arguments.add(binding.expression());
    }
    return ok
        ? new WebSocketModel.Route(
            routeKey, owner, method.getSimpleName().toString(), returnsVoid, arguments, readers)
        : null;
  }

  private static List<AnnotationMirror> routeAnnotations(ExecutableElement method) {
    return PorticoAnnotation.presentOn(method, PorticoAnnotation.Kind.WEBSOCKET_ROUTE);
  }

  private static String simpleName(AnnotationMirror mirror) {
    return "@" + mirror.getAnnotationType().asElement().getSimpleName();
  }

  /** {@code Outer.Inner} for a nested class, the simple name otherwise. */
  static String displayName(TypeElement type) {
    return TypeNames.displayName(type);
  }

  /** {@code Chat.send(Message m, Connection c)}. */
  private static String owner(String display, ExecutableElement method) {
    StringBuilder owner =
        new StringBuilder(display).append('.').append(method.getSimpleName()).append('(');
    List<? extends VariableElement> parameters = method.getParameters();
    for (int i = 0; i < parameters.size(); i++) {
      if (i > 0) {
        owner.append(", ");
      }
      owner
          .append(TypeNames.simple(parameters.get(i).asType()))
          .append(' ')
          .append(parameters.get(i).getSimpleName());
    }
    return owner.append(')').toString();
  }

  private void error(
      Element element,
      AnnotationMirror annotation,
      Problem problem,
      String message,
      Object... identity) {
    diagnostics.error(element, annotation, null, problem, message, identity);
  }
}
