package dev.portico.processor.websocket;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.Messager;
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
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;

/**
 * Reads a WebSocket controller: its route methods, their route keys, return types and parameters;
 * reports every mistake on its element (the annotation underlined where there is one) and returns
 * {@code null} when there was any.
 */
final class WebSocketAnalyzer {
  private static final String WS = WebSocketRoutesProcessor.PACKAGE + ".";
  private static final String HTTP = "dev.portico.api.http.";
  static final String ON_CONNECT = WS + "OnConnect";
  static final String ON_DISCONNECT = WS + "OnDisconnect";
  static final String ON_MESSAGE = WS + "OnMessage";
  static final Set<String> ROUTE_ANNOTATIONS = Set.of(ON_CONNECT, ON_DISCONNECT, ON_MESSAGE);

  /** Binding annotations and how messages name them. */
  private static final Map<String, String> BINDINGS =
      Map.of(
          WS + "ConnectionId", "@ConnectionId",
          WS + "RequestTime", "@RequestTime",
          HTTP + "Body", "@Body",
          HTTP + "HeaderParam", "@HeaderParam",
          HTTP + "QueryParam", "@QueryParam",
          HTTP + "AuthorizerParam", "@AuthorizerParam",
          HTTP + "Principal", "@Principal");

  /** Parameters bound by type alone, and the expression that binds them. */
  private static final Map<String, String> INJECTABLE =
      Map.of(
          WS + "Connection",
          "request.connection()",
          WS + "Connections",
          "request.connections()",
          WS + "WebSocketRequest",
          "request",
          WS + "CloseStatus",
          "request.closeStatus()",
          "com.amazonaws.services.lambda.runtime.Context",
          "request.context()");

  private final Messager messager;
  private final Types types;
  private final Elements elements;
  private boolean failed;

  WebSocketAnalyzer(ProcessingEnvironment env) {
    this.messager = env.getMessager();
    this.types = env.getTypeUtils();
    this.elements = env.getElementUtils();
  }

  /** Whether a route method mentions a type javac has not seen (yet). */
  static boolean mentionsMissingTypes(TypeElement controller) {
    for (ExecutableElement method : ElementFilter.methodsIn(controller.getEnclosedElements())) {
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
    return false;
  }

  WebSocketModel.Controller analyze(TypeElement controller) {
    failed = false;
    String display = displayName(controller);
    checkController(controller, display);
    Map<String, String> keys = new LinkedHashMap<>();
    List<WebSocketModel.Route> routes = new ArrayList<>();
    for (ExecutableElement method : ElementFilter.methodsIn(controller.getEnclosedElements())) {
      List<AnnotationMirror> found = routeAnnotations(method);
      if (found.isEmpty()) {
        continue;
      }
      String owner = owner(display, method);
      if (found.size() > 1) {
        error(
            method,
            found.get(1),
            owner
                + ": a method serves one route; it has "
                + simpleName(found.get(0))
                + " and "
                + simpleName(found.get(1)));
        continue;
      }
      AnnotationMirror annotation = found.get(0);
      String routeKey = routeKey(annotation, method, owner);
      if (routeKey == null) {
        continue;
      }
      String previous = keys.putIfAbsent(routeKey, owner);
      if (previous != null) {
        error(
            method,
            annotation,
            owner + ": route " + routeKey + " is already handled by " + previous);
        continue;
      }
      WebSocketModel.Route route = route(method, annotation, routeKey, owner, routes.size());
      if (route != null) {
        routes.add(route);
      }
    }
    if (failed) {
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

  private void checkController(TypeElement controller, String display) {
    if (controller.getKind() != ElementKind.CLASS) {
      error(
          controller,
          null,
          display + ": WebSocket routes are methods of a class, not of an " + kindName(controller));
      return;
    }
    if (controller.getNestingKind() == NestingKind.LOCAL
        || controller.getNestingKind() == NestingKind.ANONYMOUS) {
      error(
          controller,
          null,
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
        error(controller, null, display + ": is an inner class; make it static");
        return;
      }
    }
    if (!controller.getTypeParameters().isEmpty()) {
      error(
          controller,
          null,
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
    String name = qualifiedName(annotation);
    if (name.equals(ON_CONNECT)) {
      return "$connect";
    }
    if (name.equals(ON_DISCONNECT)) {
      return "$disconnect";
    }
    String key = "$default";
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e :
        annotation.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals("value")) {
        key = String.valueOf(e.getValue().getValue());
      }
    }
    if (key.isBlank()) {
      error(method, annotation, owner + ": @OnMessage has an empty route key");
      return null;
    }
    if (key.startsWith("$") && !key.equals("$default")) {
      error(
          method,
          annotation,
          owner
              + ": route key '"
              + key
              + "' is reserved; use @OnConnect, @OnDisconnect, or @OnMessage for $default");
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
          owner + ": is private; a route method must be at least package-private");
      ok = false;
    }
    if (method.getModifiers().contains(Modifier.STATIC)) {
      error(method, annotation, owner + ": is static; a route method is called on the controller");
      ok = false;
    }
    if (!method.getTypeParameters().isEmpty()) {
      error(method, annotation, owner + ": has type parameters; a route method cannot be generic");
      ok = false;
    }
    TypeMirror exception = elements.getTypeElement("java.lang.Exception").asType();
    TypeMirror error = elements.getTypeElement("java.lang.Error").asType();
    for (TypeMirror thrown : method.getThrownTypes()) {
      if (!types.isAssignable(thrown, exception) && !types.isAssignable(thrown, error)) {
        error(
            method,
            annotation,
            owner
                + ": throws "
                + simple(thrown)
                + ", which a route cannot propagate; throw Exception or its subclasses");
        ok = false;
      }
    }
    TypeMirror returned = method.getReturnType();
    boolean returnsVoid = returned.getKind() == TypeKind.VOID;
    if (routeKey.equals("$connect")
        && !returnsVoid
        && !isDeclared(returned, WS + "ConnectResponse")) {
      error(
          method,
          annotation,
          owner
              + ": returns "
              + simple(returned)
              + "; an @OnConnect method returns void or ConnectResponse");
      ok = false;
    }
    if (routeKey.equals("$disconnect") && !returnsVoid) {
      error(
          method,
          annotation,
          owner
              + ": returns "
              + simple(returned)
              + "; an @OnDisconnect method returns void (nobody receives a reply)");
      ok = false;
    }
    List<String> arguments = new ArrayList<>();
    List<String> readers = new ArrayList<>();
    boolean body = false;
    for (VariableElement parameter : method.getParameters()) {
      Binding binding = bind(parameter, routeKey, owner, "body" + index);
      if (binding == null) {
        ok = false;
        continue;
      }
      if (binding.reader() != null) {
        if (body) {
          error(parameter, null, owner + ": has two @Body parameters; a message has one body");
          ok = false;
          continue;
        }
        body = true;
        if (!binding.reader().isEmpty()) {
          readers.add(binding.reader());
        }
      }
      arguments.add(binding.expression());
    }
    return ok
        ? new WebSocketModel.Route(
            routeKey, owner, method.getSimpleName().toString(), returnsVoid, arguments, readers)
        : null;
  }

  /**
   * A parameter's binding.
   *
   * @param reader for a {@code @Body}: the reader declaration ({@code ""} when none is needed);
   *     {@code null} for anything else
   */
  private record Binding(String expression, String reader) {}

  private Binding bind(
      VariableElement parameter, String routeKey, String owner, String readerName) {
    String name = parameter.getSimpleName().toString();
    TypeMirror type = parameter.asType();
    List<AnnotationMirror> bindings = new ArrayList<>();
    for (AnnotationMirror mirror : parameter.getAnnotationMirrors()) {
      String qualified = qualifiedName(mirror);
      if (BINDINGS.containsKey(qualified)) {
        bindings.add(mirror);
      } else if (qualified.startsWith(HTTP)) {
        error(
            parameter,
            mirror,
            owner
                + ": "
                + simpleName(mirror)
                + " is not available on WebSocket routes; use "
                + String.join(
                    ", ",
                    List.of(
                        "@Body",
                        "@ConnectionId",
                        "@HeaderParam",
                        "@QueryParam",
                        "@AuthorizerParam",
                        "@Principal",
                        "@RequestTime")));
        return null;
      }
    }
    if (bindings.size() > 1) {
      error(
          parameter,
          bindings.get(1),
          owner
              + ": parameter '"
              + name
              + "' has "
              + simpleName(bindings.get(0))
              + " and "
              + simpleName(bindings.get(1))
              + "; use one");
      return null;
    }
    if (bindings.isEmpty()) {
      for (Map.Entry<String, String> injectable : INJECTABLE.entrySet()) {
        if (isDeclared(type, injectable.getKey())) {
          if (injectable.getKey().equals(WS + "CloseStatus") && !routeKey.equals("$disconnect")) {
            error(
                parameter,
                null,
                owner
                    + ": parameter '"
                    + name
                    + "' is a CloseStatus, which only @OnDisconnect methods receive");
            return null;
          }
          return new Binding(injectable.getValue(), null);
        }
      }
      error(
          parameter,
          null,
          owner
              + ": parameter '"
              + name
              + "' has no binding annotation and is not injectable; annotate it (@Body,"
              + " @ConnectionId, @HeaderParam, @QueryParam, @AuthorizerParam, @Principal,"
              + " @RequestTime) or declare it as Connection, Connections, WebSocketRequest,"
              + " CloseStatus or Context");
      return null;
    }
    AnnotationMirror mirror = bindings.get(0);
    String annotation = BINDINGS.get(qualifiedName(mirror));
    String value = annotationValue(mirror);
    switch (annotation) {
      case "@ConnectionId" -> {
        if (!isDeclared(type, "java.lang.String")) {
          return wrongType(parameter, mirror, owner, annotation, "a String");
        }
        return new Binding("request.connectionId()", null);
      }
      case "@RequestTime" -> {
        if (type.getKind() == TypeKind.LONG) {
          return new Binding("dev.portico.websocket.runtime.Bind.epochMillis(request)", null);
        }
        if (isDeclared(type, "java.time.Instant")) {
          return new Binding(
              "dev.portico.websocket.runtime.Bind.required(request.requestTime(), \"request time\")",
              null);
        }
        return wrongType(parameter, mirror, owner, annotation, "an Instant or a long");
      }
      case "@HeaderParam", "@QueryParam" -> {
        if (!routeKey.equals("$connect")) {
          error(
              parameter,
              mirror,
              owner
                  + ": "
                  + annotation
                  + " '"
                  + value
                  + "' is available on @OnConnect methods only (API Gateway sends headers and"
                  + " query parameters with $connect alone)");
          return null;
        }
        boolean header = annotation.equals("@HeaderParam");
        return text(
            parameter,
            mirror,
            owner,
            annotation + " '" + value + "'",
            (header ? "request.header(" : "request.queryParam(")
                + WebSocketRoutesWriter.literal(value)
                + ")",
            (header ? "header '" : "query parameter '") + value + "'");
      }
      case "@AuthorizerParam" -> {
        return text(
            parameter,
            mirror,
            owner,
            annotation + " '" + value + "'",
            "request.authorizerValue(" + WebSocketRoutesWriter.literal(value) + ")",
            "authorizer context entry '" + value + "'");
      }
      case "@Principal" -> {
        return text(parameter, mirror, owner, annotation, "request.principal()", "principal");
      }
      default -> {
        return body(parameter, mirror, routeKey, owner, readerName);
      }
    }
  }

  private Binding text(
      VariableElement parameter,
      AnnotationMirror mirror,
      String owner,
      String label,
      String read,
      String what) {
    TypeMirror type = parameter.asType();
    if (isDeclared(type, "java.lang.String")) {
      return new Binding(
          nullable(parameter)
              ? read
              : "dev.portico.websocket.runtime.Bind.required("
                  + read
                  + ", "
                  + WebSocketRoutesWriter.literal(what)
                  + ")",
          null);
    }
    TypeMirror optional = optionalOf(type);
    if (optional != null && isDeclared(optional, "java.lang.String")) {
      return new Binding("java.util.Optional.ofNullable(" + read + ")", null);
    }
    error(
        parameter,
        mirror,
        owner
            + ": "
            + label
            + " has type "
            + simple(type)
            + "; WebSocket routes bind it as a String or Optional<String>");
    return null;
  }

  private Binding body(
      VariableElement parameter,
      AnnotationMirror mirror,
      String routeKey,
      String owner,
      String readerName) {
    if (routeKey.equals("$connect") || routeKey.equals("$disconnect")) {
      error(
          parameter, mirror, owner + ": @Body on " + routeKey + ", which carries no message body");
      return null;
    }
    TypeMirror type = parameter.asType();
    if (isDeclared(type, "java.lang.String")) {
      return new Binding("request.bodyText()", "");
    }
    if (type.getKind() == TypeKind.ARRAY
        && ((ArrayType) type).getComponentType().getKind() == TypeKind.BYTE) {
      return new Binding("request.body()", "");
    }
    TypeMirror optional = optionalOf(type);
    boolean optionalBody = optional != null || nullable(parameter);
    TypeMirror target = optional != null ? optional : type;
    if (target.getKind() == TypeKind.WILDCARD || containsTypeVariable(target)) {
      error(
          parameter,
          mirror,
          owner + ": @Body has type " + simple(type) + ", which names no concrete type to read");
      return null;
    }
    if (target.getKind().isPrimitive() && optionalBody) {
      error(parameter, mirror, owner + ": @Body " + simple(type) + " cannot be null; use its box");
      return null;
    }
    String rendered = render(target);
    String reader =
        target.getKind() == TypeKind.DECLARED
                && !((DeclaredType) target).getTypeArguments().isEmpty()
            ? "routes.body(new com.fasterxml.jackson.core.type.TypeReference<"
                + rendered
                + ">() {}, "
                + optionalBody
                + ")"
            : "routes.body(" + rendered + ".class, " + optionalBody + ")";
    String declaration =
        "dev.portico.websocket.runtime.BodyReader<"
            + render(box(target))
            + "> "
            + readerName
            + " = "
            + reader
            + ";";
    String read = readerName + ".read(request)";
    return new Binding(
        optional != null ? "java.util.Optional.ofNullable(" + read + ")" : read, declaration);
  }

  private TypeMirror box(TypeMirror type) {
    return type.getKind().isPrimitive()
        ? types.boxedClass((javax.lang.model.type.PrimitiveType) type).asType()
        : type;
  }

  private Binding wrongType(
      VariableElement parameter,
      AnnotationMirror mirror,
      String owner,
      String annotation,
      String expected) {
    error(
        parameter,
        mirror,
        owner
            + ": "
            + annotation
            + " parameter '"
            + parameter.getSimpleName()
            + "' has type "
            + simple(parameter.asType())
            + "; it must be "
            + expected);
    return null;
  }

  private static TypeMirror optionalOf(TypeMirror type) {
    if (isDeclared(type, "java.util.Optional")) {
      List<? extends TypeMirror> arguments = ((DeclaredType) type).getTypeArguments();
      return arguments.size() == 1 ? arguments.get(0) : null;
    }
    return null;
  }

  private static boolean nullable(VariableElement parameter) {
    for (AnnotationMirror mirror : parameter.getAnnotationMirrors()) {
      if (mirror.getAnnotationType().asElement().getSimpleName().contentEquals("Nullable")) {
        return true;
      }
    }
    for (AnnotationMirror mirror : parameter.asType().getAnnotationMirrors()) {
      if (mirror.getAnnotationType().asElement().getSimpleName().contentEquals("Nullable")) {
        return true;
      }
    }
    return false;
  }

  private static boolean containsTypeVariable(TypeMirror type) {
    return switch (type.getKind()) {
      case TYPEVAR, WILDCARD, ERROR -> true;
      case ARRAY -> containsTypeVariable(((ArrayType) type).getComponentType());
      case DECLARED -> {
        for (TypeMirror argument : ((DeclaredType) type).getTypeArguments()) {
          if (containsTypeVariable(argument)) {
            yield true;
          }
        }
        yield false;
      }
      default -> false;
    };
  }

  private static List<AnnotationMirror> routeAnnotations(ExecutableElement method) {
    List<AnnotationMirror> found = new ArrayList<>();
    for (AnnotationMirror mirror : method.getAnnotationMirrors()) {
      if (ROUTE_ANNOTATIONS.contains(qualifiedName(mirror))) {
        found.add(mirror);
      }
    }
    return found;
  }

  private static String qualifiedName(AnnotationMirror mirror) {
    return ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
  }

  private static String simpleName(AnnotationMirror mirror) {
    return "@" + mirror.getAnnotationType().asElement().getSimpleName();
  }

  private static String annotationValue(AnnotationMirror mirror) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e :
        mirror.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals("value")) {
        return String.valueOf(e.getValue().getValue());
      }
    }
    return "";
  }

  private static boolean isDeclared(TypeMirror type, String qualifiedName) {
    return type.getKind() == TypeKind.DECLARED
        && ((TypeElement) ((DeclaredType) type).asElement())
            .getQualifiedName()
            .contentEquals(qualifiedName);
  }

  /** {@code Outer.Inner} for a nested class, the simple name otherwise. */
  static String displayName(TypeElement type) {
    StringBuilder name = new StringBuilder(type.getSimpleName());
    Element enclosing = type.getEnclosingElement();
    while (enclosing instanceof TypeElement) {
      name.insert(0, enclosing.getSimpleName() + ".");
      enclosing = enclosing.getEnclosingElement();
    }
    return name.toString();
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
          .append(simple(parameters.get(i).asType()))
          .append(' ')
          .append(parameters.get(i).getSimpleName());
    }
    return owner.append(')').toString();
  }

  /** A type with simple names and no annotations, for messages. */
  private static String simple(TypeMirror type) {
    return render(type, false);
  }

  /** A type with canonical names and no annotations, for generated code. */
  private static String render(TypeMirror type) {
    return render(type, true);
  }

  private static String render(TypeMirror type, boolean qualified) {
    switch (type.getKind()) {
      case ARRAY:
        return render(((ArrayType) type).getComponentType(), qualified) + "[]";
      case DECLARED:
        DeclaredType declared = (DeclaredType) type;
        TypeElement element = (TypeElement) declared.asElement();
        String name =
            qualified ? element.getQualifiedName().toString() : element.getSimpleName().toString();
        if (declared.getTypeArguments().isEmpty()) {
          return name;
        }
        List<String> arguments = new ArrayList<>();
        for (TypeMirror argument : declared.getTypeArguments()) {
          arguments.add(render(argument, qualified));
        }
        return name + "<" + String.join(", ", arguments) + ">";
      case WILDCARD:
        WildcardType wildcard = (WildcardType) type;
        if (wildcard.getExtendsBound() != null) {
          return "? extends " + render(wildcard.getExtendsBound(), qualified);
        }
        if (wildcard.getSuperBound() != null) {
          return "? super " + render(wildcard.getSuperBound(), qualified);
        }
        return "?";
      default:
        if (type.getKind().isPrimitive() || type.getKind() == TypeKind.VOID) {
          return type.getKind().toString().toLowerCase(java.util.Locale.ROOT);
        }
        return type.toString();
    }
  }

  private void error(Element element, AnnotationMirror annotation, String message) {
    failed = true;
    if (annotation == null) {
      messager.printMessage(Diagnostic.Kind.ERROR, message, element);
    } else {
      messager.printMessage(Diagnostic.Kind.ERROR, message, element, annotation);
    }
  }
}
