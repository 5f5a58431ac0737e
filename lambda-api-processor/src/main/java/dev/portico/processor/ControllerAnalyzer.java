package dev.portico.processor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.PrimitiveType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;

/**
 * Reads a controller class into a {@link ControllerModel}, reporting every binding mistake as a
 * compile error on the offending element. Messages start with the method they concern, e.g. {@code
 * PetController.get(long id): ...}.
 */
final class ControllerAnalyzer {
  static final String HTTP_PACKAGE = "dev.portico.api.http.";

  /** The HTTP method annotations, in the order routes are reported. */
  static final List<String> HTTP_METHODS =
      List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "ANY");

  private static final Map<String, String> PARAM_SOURCES = new LinkedHashMap<>();

  static {
    PARAM_SOURCES.put("PathParam", "PATH");
    PARAM_SOURCES.put("QueryParam", "QUERY");
    PARAM_SOURCES.put("HeaderParam", "HEADER");
    PARAM_SOURCES.put("CookieParam", "COOKIE");
    PARAM_SOURCES.put("StageVariable", "STAGE_VARIABLE");
    PARAM_SOURCES.put("Body", null);
    PARAM_SOURCES.put("Claim", "CLAIM");
    PARAM_SOURCES.put("AuthorizerParam", "AUTHORIZER");
    PARAM_SOURCES.put("Principal", "PRINCIPAL");
  }

  private static final String BINDING_LIST =
      PARAM_SOURCES.keySet().stream().map(name -> "@" + name).collect(Collectors.joining(", "));

  private static final String EVENTS_PACKAGE = "com.amazonaws.services.lambda.runtime.events";

  /**
   * The processor option naming types converted by a {@code ParamConverter.Factory} registered at
   * run time: comma-separated qualified names, or packages as {@code com.example.*}.
   */
  static final String CONVERTIBLE_TYPES_OPTION = "portico.convertibleTypes";

  static final List<String> JSON_MEDIA_TYPES = List.of("application/json", "application/*+json");

  private final Messager messager;
  private final Elements elements;
  private final Types types;
  private final TextConversions conversions;
  private boolean failed;

  /** What was reported, by element and message without owner and path: reported once. */
  private final Set<String> reported = new java.util.HashSet<>();

  ControllerAnalyzer(ProcessingEnvironment env) {
    this.messager = env.getMessager();
    this.elements = env.getElementUtils();
    this.types = env.getTypeUtils();
    String option = env.getOptions().get(CONVERTIBLE_TYPES_OPTION);
    this.conversions =
        new TextConversions(
            types,
            option == null
                ? List.of()
                : java.util.Arrays.stream(option.split(","))
                    .map(String::trim)
                    .filter(name -> !name.isEmpty())
                    .toList());
  }

  /** Whether a type the controller's routes mention does not exist yet (it may be generated). */
  static boolean mentionsMissingTypes(TypeElement controller) {
    for (ExecutableElement method : ElementFilter.methodsIn(controller.getEnclosedElements())) {
      if (isMissing(method.getReturnType())) {
        return true;
      }
      for (VariableElement parameter : method.getParameters()) {
        if (isMissing(parameter.asType())) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isMissing(TypeMirror type) {
    if (type.getKind() == TypeKind.ERROR) {
      return true;
    }
    if (type.getKind() == TypeKind.ARRAY) {
      return isMissing(((ArrayType) type).getComponentType());
    }
    if (type.getKind() == TypeKind.DECLARED) {
      for (TypeMirror argument : ((DeclaredType) type).getTypeArguments()) {
        if (isMissing(argument)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The controller's model, or {@code null} when it has errors (all of them reported) or is an
   * interface or abstract generic class, whose routes the classes implementing it serve.
   *
   * <p>A mistake in an inherited method is reported once, not again for each subclass, unless the
   * subclass makes it a different mistake (another path, another type argument).
   */
  ControllerModel analyze(TypeElement controller) {
    failed = false;
    String controllerName = displayName(controller);
    if (!checkController(controller, controllerName)) {
      return null;
    }
    List<TypeElement> chain = supertypes(controller);

    String classPath = "";
    boolean classPathValid = true;
    for (TypeElement type : chain) {
      String path = stringValue(annotation(type, "Path"));
      if (path == null) {
        continue;
      }
      classPath = path;
      try {
        PathTemplate.parse(PathTemplate.join(classPath));
      } catch (IllegalArgumentException e) {
        error(
            type,
            displayName(type) + ": path '" + PathTemplate.join(classPath) + "' " + e.getMessage());
        classPathValid = false;
      }
      break;
    }

    // Class-level media types: the nearest class in the chain that declares them.
    List<String> classConsumes = null;
    String classProduces = null;
    for (TypeElement type : chain) {
      AnnotationMirror consumes = annotation(type, "Consumes");
      if (classConsumes == null && consumes != null) {
        classConsumes = mediaTypes(type, displayName(type), "Consumes", stringValues(consumes));
      }
      AnnotationMirror produces = annotation(type, "Produces");
      if (classProduces == null && produces != null) {
        classProduces =
            mediaTypes(type, displayName(type), "Produces", List.of(stringValue(produces))).get(0);
      }
    }

    // Class-level requirements: every class in the chain adds its own (never fewer than declared).
    List<String> classScopes = new ArrayList<>();
    List<RouteModel.RequiredClaim> classClaims = new ArrayList<>();
    for (TypeElement type : chain) {
      requirements(type, displayName(type), classScopes, classClaims);
    }

    // Route methods of the class and its superclasses; an annotated override replaces the method it
    // overrides, an unannotated one keeps its route (and is what the route calls).
    List<List<ExecutableElement>> declared = new ArrayList<>();
    List<ExecutableElement> lower = new ArrayList<>();
    for (TypeElement type : chain) {
      List<ExecutableElement> own = new ArrayList<>();
      for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
        if (!isRouteMethod(method)) {
          continue;
        }
        if (type != controller
            && lower.stream().anyMatch(sub -> elements.overrides(sub, method, controller))) {
          continue;
        }
        own.add(method);
      }
      lower.addAll(own);
      declared.add(own);
    }
    if (lower.isEmpty()) {
      error(
          controller,
          controllerName
              + ": has @Path but no route methods; annotate them with @GET, @POST, @PUT, @PATCH,"
              + " @DELETE, @HEAD, @OPTIONS or @ANY");
      return null;
    }

    List<ExecutableElement> members = ElementFilter.methodsIn(elements.getAllMembers(controller));
    List<RouteModel> routes = new ArrayList<>();
    Map<String, String> routed = new HashMap<>();
    for (int i = declared.size() - 1; i >= 0; i--) {
      TypeElement type = chain.get(i);
      for (ExecutableElement method : declared.get(i)) {
        RouteModel route =
            analyzeMethod(
                controller,
                controllerName,
                method,
                new ClassDefaults(
                    classPath,
                    classPathValid,
                    classConsumes,
                    classProduces,
                    List.copyOf(classScopes),
                    List.copyOf(classClaims)),
                members,
                routed);
        if (route != null) {
          routes.add(route);
        }
      }
    }
    if (failed) {
      return null;
    }
    return new ControllerModel(
        controller,
        elements.getPackageOf(controller).getQualifiedName().toString(),
        generatedName(controller),
        List.copyOf(routes));
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
  private record ClassDefaults(
      String path,
      boolean pathValid,
      List<String> consumes,
      String produces,
      List<String> scopes,
      List<RouteModel.RequiredClaim> claims) {}

  /**
   * Adds an element's {@code @RequiresScopes} and {@code @RequiresClaim} to the lists, reporting
   * each misuse on the element.
   */
  private void requirements(
      Element element, String owner, List<String> scopes, List<RouteModel.RequiredClaim> claims) {
    AnnotationMirror requiresScopes = annotation(element, "RequiresScopes");
    if (requiresScopes != null) {
      List<String> declared = stringValues(requiresScopes);
      if (declared.isEmpty()) {
        error(
            element,
            owner
                + ": @RequiresScopes lists no scopes; name at least one, e.g."
                + " @RequiresScopes(\"pets:write\")");
      }
      for (String scope : declared) {
        if (scope.isBlank() || scope.chars().anyMatch(Character::isWhitespace)) {
          error(
              element,
              owner
                  + ": @RequiresScopes '"
                  + scope
                  + "' is not a scope: scopes are non-empty and contain no spaces");
        } else if (!scopes.contains(scope)) {
          scopes.add(scope);
        }
      }
    }
    AnnotationMirror requiresClaim = annotation(element, "RequiresClaim");
    if (requiresClaim != null) {
      String name = memberString(requiresClaim, "name");
      List<String> anyOf = memberStrings(requiresClaim, "anyOf");
      if (name == null || name.isBlank()) {
        error(
            element, owner + ": @RequiresClaim has an empty name; name the claim, e.g. \"groups\"");
        return;
      }
      if (anyOf.isEmpty()) {
        error(
            element,
            owner
                + ": @RequiresClaim(name = \""
                + name
                + "\") lists no values in anyOf; name the accepted values");
        return;
      }
      for (String value : anyOf) {
        if (value.isBlank()) {
          error(
              element,
              owner + ": @RequiresClaim(name = \"" + name + "\") has an empty value in anyOf");
          return;
        }
      }
      claims.add(new RouteModel.RequiredClaim(name, List.copyOf(anyOf)));
    }
  }

  private static final java.util.regex.Pattern MEDIA_TYPE =
      java.util.regex.Pattern.compile(
          "[A-Za-z0-9!#$%&'*+.^_`|~-]+/[A-Za-z0-9!#$%&'*+.^_`|~-]+(\\s*;.*)?");

  /** The media types, each reported when it is not {@code type/subtype}. */
  private List<String> mediaTypes(
      Element element, String owner, String annotation, List<String> mediaTypes) {
    for (String mediaType : mediaTypes) {
      if (!MEDIA_TYPE.matcher(mediaType).matches()) {
        error(
            element,
            owner
                + ": @"
                + annotation
                + " '"
                + mediaType
                + "' is not a media type such as "
                + (annotation.equals("Consumes") ? "text/csv or text/*" : "text/csv"));
      }
    }
    return mediaTypes;
  }

  /** Whether the method has an HTTP method annotation or {@code @Path}. */
  static boolean isRouteMethod(ExecutableElement method) {
    for (AnnotationMirror mirror : method.getAnnotationMirrors()) {
      String name = qualifiedName(mirror);
      if (name.startsWith(HTTP_PACKAGE)
          && (HTTP_METHODS.contains(name.substring(HTTP_PACKAGE.length()))
              || name.equals(HTTP_PACKAGE + "Path"))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The type, its superclasses (nearest first), then every interface they implement, without {@code
   * java.*} types: where route methods and class-level annotations are looked up, in order.
   */
  static List<TypeElement> supertypes(TypeElement type) {
    List<TypeElement> all = new ArrayList<>();
    for (TypeElement current = type; current != null; current = superclass(current)) {
      all.add(current);
    }
    java.util.ArrayDeque<TypeElement> queue = new java.util.ArrayDeque<>();
    for (TypeElement current : List.copyOf(all)) {
      for (TypeMirror implemented : current.getInterfaces()) {
        queue.add((TypeElement) ((DeclaredType) implemented).asElement());
      }
    }
    while (!queue.isEmpty()) {
      TypeElement next = queue.remove();
      if (all.contains(next) || next.getQualifiedName().toString().startsWith("java.")) {
        continue;
      }
      all.add(next);
      for (TypeMirror implemented : next.getInterfaces()) {
        queue.add((TypeElement) ((DeclaredType) implemented).asElement());
      }
    }
    return all;
  }

  /**
   * Whether the class must get routes of its own because it inherits route methods that only it can
   * serve: from an interface or from a generic superclass, neither of which gets a routes class.
   */
  static boolean inheritsRoutesOnlyItCanServe(TypeElement type) {
    if (type.getKind() != ElementKind.CLASS
            && type.getKind() != ElementKind.RECORD
            && type.getKind() != ElementKind.ENUM
        || type.getModifiers().contains(javax.lang.model.element.Modifier.ABSTRACT)
        || !type.getTypeParameters().isEmpty()
        || type.getNestingKind() == NestingKind.LOCAL
        || type.getNestingKind() == NestingKind.ANONYMOUS) {
      return false;
    }
    for (Element enclosing = type;
        enclosing instanceof TypeElement;
        enclosing = enclosing.getEnclosingElement()) {
      if (enclosing.getModifiers().contains(javax.lang.model.element.Modifier.PRIVATE)) {
        return false;
      }
    }
    for (TypeElement supertype : supertypes(type)) {
      if (supertype != type
          && (supertype.getKind() == ElementKind.INTERFACE
              || !supertype.getTypeParameters().isEmpty())
          && ElementFilter.methodsIn(supertype.getEnclosedElements()).stream()
              .anyMatch(ControllerAnalyzer::isRouteMethod)) {
        return true;
      }
    }
    return false;
  }

  private static TypeElement superclass(TypeElement type) {
    TypeMirror superclass = type.getSuperclass();
    if (superclass.getKind() != TypeKind.DECLARED) {
      return null;
    }
    TypeElement element = (TypeElement) ((DeclaredType) superclass).asElement();
    return element.getQualifiedName().contentEquals("java.lang.Object")
            || element.getQualifiedName().contentEquals("java.lang.Record")
            || element.getQualifiedName().contentEquals("java.lang.Enum")
        ? null
        : element;
  }

  /** {@code Outer_Inner_Routes} for {@code Outer.Inner}. */
  static String generatedName(TypeElement controller) {
    StringBuilder name = new StringBuilder(controller.getSimpleName());
    Element enclosing = controller.getEnclosingElement();
    while (enclosing instanceof TypeElement) {
      name.insert(0, enclosing.getSimpleName() + "_");
      enclosing = enclosing.getEnclosingElement();
    }
    return name.append("_Routes").toString();
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

  /** Reports what makes the class unusable; {@code false} when there is nothing more to check. */
  private boolean checkController(TypeElement controller, String controllerName) {
    if (controller.getKind() == ElementKind.INTERFACE
        || controller.getKind() == ElementKind.ANNOTATION_TYPE) {
      // Served by the classes implementing it, which inheritsRoutesOnlyItCanServe finds.
      return false;
    }
    if (controller.getNestingKind() == NestingKind.LOCAL
        || controller.getNestingKind() == NestingKind.ANONYMOUS) {
      error(
          controller,
          controllerName + ": is a local class; a controller must be a top-level or member class");
      return false;
    }
    for (Element type = controller;
        type instanceof TypeElement;
        type = type.getEnclosingElement()) {
      if (type.getModifiers().contains(javax.lang.model.element.Modifier.PRIVATE)) {
        error(
            controller,
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
      if (controller.getModifiers().contains(javax.lang.model.element.Modifier.ABSTRACT)) {
        // An abstract generic base: each concrete subclass gets the routes, its types resolved.
        return false;
      }
      error(
          controller,
          controllerName
              + ": has type parameters; a controller cannot be generic (make it abstract: its"
              + " concrete subclasses serve its routes)");
    }
    return true;
  }

  private RouteModel analyzeMethod(
      TypeElement controller,
      String controllerName,
      ExecutableElement method,
      ClassDefaults defaults,
      List<ExecutableElement> members,
      Map<String, String> routed) {
    ExecutableType resolved =
        (ExecutableType) types.asMemberOf((DeclaredType) controller.asType(), method);
    String owner = owner(controllerName, method, resolved.getParameterTypes());
    List<String> httpMethods = new ArrayList<>();
    for (AnnotationMirror mirror : method.getAnnotationMirrors()) {
      String name = qualifiedName(mirror);
      if (name.startsWith(HTTP_PACKAGE)
          && HTTP_METHODS.contains(name.substring(HTTP_PACKAGE.length()))) {
        httpMethods.add(name.substring(HTTP_PACKAGE.length()));
      }
    }
    if (httpMethods.isEmpty()) {
      error(
          method,
          owner
              + ": @Path needs an HTTP method annotation (@GET, @POST, @PUT, @PATCH, @DELETE,"
              + " @HEAD, @OPTIONS or @ANY)");
      return null;
    }
    TypeElement declaring = (TypeElement) method.getEnclosingElement();
    if (declaring.getKind() == ElementKind.INTERFACE
        && method.getModifiers().contains(javax.lang.model.element.Modifier.STATIC)) {
      error(
          method,
          owner
              + ": is a static interface method, which the controller does not inherit; make it"
              + " an abstract or default method");
    } else if (method.getModifiers().contains(javax.lang.model.element.Modifier.PRIVATE)) {
      error(method, owner + ": is private; a route method must be at least package-private");
    } else if (declaring != controller
        && !method.getModifiers().contains(javax.lang.model.element.Modifier.PUBLIC)
        && !elements.getPackageOf(declaring).equals(elements.getPackageOf(controller))) {
      error(
          method,
          owner
              + ": is not public and "
              + displayName(declaring)
              + " is in another package, so the generated "
              + generatedName(controller)
              + " cannot call it; make it public");
    }
    if (!method.getTypeParameters().isEmpty()) {
      error(method, owner + ": has type parameters; a route method cannot be generic");
    }
    TypeMirror exception = elements.getTypeElement("java.lang.Exception").asType();
    for (TypeMirror thrown : resolved.getThrownTypes()) {
      if (!types.isAssignable(thrown, exception)
          && !types.isAssignable(thrown, elements.getTypeElement("java.lang.Error").asType())) {
        error(
            method,
            owner
                + ": throws "
                + qualified(thrown)
                + ", which a route cannot propagate; throw Exception or its subclasses");
      }
    }

    String path =
        PathTemplate.join(defaults.path(), stringValueOrEmpty(annotation(method, "Path")));
    PathTemplate template = null;
    if (defaults.pathValid()) {
      try {
        template = PathTemplate.parse(path);
      } catch (IllegalArgumentException e) {
        error(method, owner + ": path '" + path + "' " + e.getMessage());
      }
    }
    if (template != null) {
      for (String httpMethod : httpMethods) {
        String key = httpMethod + " " + template.shape();
        String previous = routed.putIfAbsent(key, owner);
        if (previous != null) {
          error(
              method, owner + ": " + httpMethod + " " + path + " is already routed to " + previous);
        }
      }
    }

    List<Binding> bindings = new ArrayList<>();
    VariableElement body = null;
    for (int i = 0; i < method.getParameters().size(); i++) {
      VariableElement parameter = method.getParameters().get(i);
      TypeMirror parameterType = resolved.getParameterTypes().get(i);
      Binding binding = analyzeParameter(owner, parameter, parameterType, template, path);
      if (binding == null) {
        continue;
      }
      if (binding.kind().name().startsWith("BODY")) {
        if (body != null) {
          error(
              parameter,
              owner
                  + ": parameter '"
                  + parameter.getSimpleName()
                  + "' is a second @Body; a route has one body, already bound to '"
                  + body.getSimpleName()
                  + "'");
        }
        body = parameter;
      }
      bindings.add(binding);
    }

    AnnotationMirror consumesAnnotation = annotation(method, "Consumes");
    List<String> consumes =
        consumesAnnotation == null
            ? defaults.consumes()
            : mediaTypes(method, owner, "Consumes", stringValues(consumesAnnotation));
    if (consumes == null) {
      boolean json = bindings.stream().anyMatch(b -> b.kind() == Binding.Kind.BODY_JSON);
      consumes = json ? JSON_MEDIA_TYPES : List.of();
    }
    AnnotationMirror producesAnnotation = annotation(method, "Produces");
    String produces =
        producesAnnotation == null
            ? defaults.produces()
            : mediaTypes(method, owner, "Produces", List.of(stringValue(producesAnnotation)))
                .get(0);
    List<String> scopes = new ArrayList<>(defaults.scopes());
    List<RouteModel.RequiredClaim> claims = new ArrayList<>(defaults.claims());
    requirements(method, owner, scopes, claims);
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

  private Binding analyzeParameter(
      String owner,
      VariableElement parameter,
      TypeMirror type,
      PathTemplate template,
      String path) {
    String parameterName = parameter.getSimpleName().toString();
    List<String> annotations = new ArrayList<>();
    AnnotationMirror binding = null;
    for (AnnotationMirror mirror : parameter.getAnnotationMirrors()) {
      String name = qualifiedName(mirror);
      if (name.startsWith(HTTP_PACKAGE)
          && PARAM_SOURCES.containsKey(name.substring(HTTP_PACKAGE.length()))) {
        annotations.add("@" + name.substring(HTTP_PACKAGE.length()));
        binding = mirror;
      }
    }
    if (annotations.size() > 1) {
      error(
          parameter,
          owner
              + ": parameter '"
              + parameterName
              + "' has several binding annotations ("
              + String.join(", ", annotations)
              + "); keep one");
      return null;
    }
    String defaultValue = stringValue(annotation(parameter, "DefaultValue"));
    boolean nullable = isNullable(parameter);

    if (binding == null) {
      Binding.Kind kind = injectable(type);
      if (kind == null) {
        error(
            parameter,
            owner
                + ": parameter '"
                + parameterName
                + "' of type "
                + qualified(type)
                + " has no binding annotation ("
                + BINDING_LIST
                + ") and is not an injectable type (Request, Context, Authorization,"
                + " aws-lambda-java-events types)");
        return null;
      }
      if (defaultValue != null) {
        error(
            parameter,
            owner
                + ": @DefaultValue does not apply to parameter '"
                + parameterName
                + "', which is injected, not bound");
        return null;
      }
      return new Binding(parameter, kind, Binding.Shape.SINGLE, type, null, null, null, false);
    }

    String annotationName = annotations.get(0).substring(1);
    if (annotationName.equals("Body")) {
      return analyzeBody(owner, parameter, type, defaultValue, nullable);
    }

    String name = annotationName.equals("Principal") ? "principal" : stringValue(binding);
    String label =
        annotationName.equals("Principal")
            ? "@Principal"
            : "@" + annotationName + " '" + name + "'";
    if (name == null || name.isEmpty()) {
      error(
          parameter,
          owner
              + ": @"
              + annotationName
              + " of parameter '"
              + parameterName
              + "' has an empty name");
      return null;
    }
    boolean ok = true;
    if (annotationName.equals("PathParam")) {
      if (defaultValue != null) {
        error(
            parameter,
            owner
                + ": @DefaultValue does not apply to "
                + label
                + "; a path variable is always present");
        ok = false;
      }
      if (template != null && !template.variables().contains(name)) {
        error(parameter, owner + ": " + label + " has no {" + name + "} in path '" + path + "'");
        ok = false;
      }
    }

    Binding.Shape shape = Binding.Shape.SINGLE;
    TypeMirror valueType = type;
    boolean optional = nullable;
    if (isDeclared(type, "java.util.Optional") || isDeclared(type, "java.util.List")) {
      List<? extends TypeMirror> arguments = ((DeclaredType) type).getTypeArguments();
      if (arguments.size() == 1) {
        valueType = arguments.get(0);
        if (isDeclared(type, "java.util.Optional")) {
          shape = Binding.Shape.OPTIONAL;
          optional = true;
        } else {
          shape = Binding.Shape.LIST;
          optional = true;
        }
      }
    }
    if (!conversions.convertible(valueType)) {
      error(
          parameter,
          owner
              + ": "
              + label
              + " has type "
              + qualified(type)
              + ", which Portico cannot convert from text; give it a static valueOf(String),"
              + " of(String) or parse(CharSequence), or a public constructor taking a String");
      return null;
    }
    if (nullable
        && shape == Binding.Shape.SINGLE
        && valueType.getKind().isPrimitive()
        && defaultValue == null) {
      error(
          parameter,
          owner
              + ": "
              + label
              + " is @Nullable but has primitive type "
              + simple(valueType)
              + ", which cannot be null; use "
              + types.boxedClass((PrimitiveType) valueType).getSimpleName());
      ok = false;
    }
    if (defaultValue != null) {
      String problem = conversions.defaultProblem(valueType, defaultValue);
      if (problem != null) {
        error(
            parameter,
            owner
                + ": @DefaultValue(\""
                + defaultValue
                + "\") of "
                + label
                + " is not a valid "
                + problem);
        ok = false;
      }
    }
    if (!ok) {
      return null;
    }
    return new Binding(
        parameter,
        Binding.Kind.PARAM,
        shape,
        valueType,
        PARAM_SOURCES.get(annotationName),
        name,
        defaultValue,
        optional);
  }

  private Binding analyzeBody(
      String owner,
      VariableElement parameter,
      TypeMirror type,
      String defaultValue,
      boolean nullable) {
    String parameterName = parameter.getSimpleName().toString();
    if (defaultValue != null) {
      error(
          parameter,
          owner
              + ": @DefaultValue does not apply to @Body parameter '"
              + parameterName
              + "'; use Optional or @Nullable for a body that may be absent");
      return null;
    }
    Binding.Shape shape = nullable ? Binding.Shape.NULLABLE : Binding.Shape.SINGLE;
    TypeMirror bodyType = type;
    if (isDeclared(type, "java.util.Optional")
        && ((DeclaredType) type).getTypeArguments().size() == 1) {
      shape = Binding.Shape.OPTIONAL;
      bodyType = ((DeclaredType) type).getTypeArguments().get(0);
    }
    if (shape == Binding.Shape.NULLABLE && bodyType.getKind().isPrimitive()) {
      error(
          parameter,
          owner
              + ": @Body parameter '"
              + parameterName
              + "' is @Nullable but has primitive type "
              + simple(bodyType)
              + ", which cannot be null; use "
              + types.boxedClass((PrimitiveType) bodyType).getSimpleName());
      return null;
    }
    if (!concrete(bodyType)) {
      error(
          parameter,
          owner
              + ": @Body parameter '"
              + parameterName
              + "' has type "
              + qualified(type)
              + ", which mentions a type variable or is raw; give the body a concrete type");
      return null;
    }
    Binding.Kind kind = Binding.Kind.BODY_JSON;
    if (isDeclared(bodyType, "java.lang.String")) {
      kind = Binding.Kind.BODY_STRING;
    } else if (bodyType.getKind() == TypeKind.ARRAY
        && ((ArrayType) bodyType).getComponentType().getKind() == TypeKind.BYTE) {
      kind = Binding.Kind.BODY_BYTES;
    }
    return new Binding(parameter, kind, shape, bodyType, null, null, null, false);
  }

  /** Whether a body type can be written as a class literal or a type token without raw types. */
  private boolean concrete(TypeMirror type) {
    switch (type.getKind()) {
      case ARRAY:
        return concrete(((ArrayType) type).getComponentType());
      case DECLARED:
        DeclaredType declared = (DeclaredType) type;
        TypeElement element = (TypeElement) declared.asElement();
        if (declared.getTypeArguments().size() != element.getTypeParameters().size()) {
          return false;
        }
        for (TypeMirror argument : declared.getTypeArguments()) {
          if (!concrete(argument)) {
            return false;
          }
        }
        return true;
      case WILDCARD:
        WildcardType wildcard = (WildcardType) type;
        return (wildcard.getExtendsBound() == null || concrete(wildcard.getExtendsBound()))
            && (wildcard.getSuperBound() == null || concrete(wildcard.getSuperBound()));
      default:
        return type.getKind().isPrimitive();
    }
  }

  private Binding.Kind injectable(TypeMirror type) {
    if (type.getKind() != TypeKind.DECLARED) {
      return null;
    }
    TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
    String name = element.getQualifiedName().toString();
    switch (name) {
      case "dev.portico.api.Request":
        return Binding.Kind.REQUEST;
      case "com.amazonaws.services.lambda.runtime.Context":
        return Binding.Kind.CONTEXT;
      case "dev.portico.api.Authorization":
        return Binding.Kind.AUTHORIZATION;
      default:
        boolean event =
            elements.getPackageOf(element).getQualifiedName().contentEquals(EVENTS_PACKAGE)
                && ((DeclaredType) type).getTypeArguments().isEmpty();
        return event ? Binding.Kind.RAW_EVENT : null;
    }
  }

  private boolean isNullable(VariableElement parameter) {
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

  static boolean isDeclared(TypeMirror type, String qualifiedName) {
    return type.getKind() == TypeKind.DECLARED
        && ((TypeElement) ((DeclaredType) type).asElement())
            .getQualifiedName()
            .contentEquals(qualifiedName);
  }

  /** {@code PetController.list(int limit, List<String> tags)}. */
  static String owner(
      String controllerName, ExecutableElement method, List<? extends TypeMirror> types) {
    StringBuilder owner = new StringBuilder(controllerName).append('.');
    owner.append(method.getSimpleName()).append('(');
    List<? extends VariableElement> parameters = method.getParameters();
    for (int i = 0; i < parameters.size(); i++) {
      if (i > 0) {
        owner.append(", ");
      }
      TypeMirror type = types.get(i);
      if (method.isVarArgs() && i == parameters.size() - 1 && type.getKind() == TypeKind.ARRAY) {
        owner.append(simple(((ArrayType) type).getComponentType())).append("...");
      } else {
        owner.append(simple(type));
      }
      owner.append(' ').append(parameters.get(i).getSimpleName());
    }
    return owner.append(')').toString();
  }

  /** A type with simple names, without annotations: {@code Map<String, List<Pet>>}. */
  static String simple(TypeMirror type) {
    return render(type, false);
  }

  /** A type with qualified names, without annotations: {@code java.util.List<java.lang.String>}. */
  static String qualified(TypeMirror type) {
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
        return name
            + declared.getTypeArguments().stream()
                .map(argument -> render(argument, qualified))
                .collect(Collectors.joining(", ", "<", ">"));
      case WILDCARD:
        WildcardType wildcard = (WildcardType) type;
        if (wildcard.getExtendsBound() != null) {
          return "? extends " + render(wildcard.getExtendsBound(), qualified);
        }
        if (wildcard.getSuperBound() != null) {
          return "? super " + render(wildcard.getSuperBound(), qualified);
        }
        return "?";
      case TYPEVAR:
        return ((javax.lang.model.type.TypeVariable) type).asElement().getSimpleName().toString();
      default:
        return type.getKind().isPrimitive()
            ? type.getKind().name().toLowerCase(Locale.ROOT)
            : type.toString();
    }
  }

  private AnnotationMirror annotation(Element element, String simpleName) {
    String qualifiedName = HTTP_PACKAGE + simpleName;
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (qualifiedName(mirror).equals(qualifiedName)) {
        return mirror;
      }
    }
    return null;
  }

  private static String qualifiedName(AnnotationMirror mirror) {
    return ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
  }

  private static AnnotationValue value(AnnotationMirror mirror) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
        mirror.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals("value")) {
        return entry.getValue();
      }
    }
    return null;
  }

  private static AnnotationValue member(AnnotationMirror mirror, String name) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
        mirror.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(name)) {
        return entry.getValue();
      }
    }
    return null;
  }

  private static String memberString(AnnotationMirror mirror, String name) {
    AnnotationValue value = member(mirror, name);
    return value != null && value.getValue() instanceof String ? (String) value.getValue() : null;
  }

  private static List<String> memberStrings(AnnotationMirror mirror, String name) {
    AnnotationValue value = member(mirror, name);
    List<String> values = new ArrayList<>();
    if (value != null && value.getValue() instanceof List) {
      for (Object item : (List<?>) value.getValue()) {
        Object text = ((AnnotationValue) item).getValue();
        if (text instanceof String) {
          values.add((String) text);
        }
      }
    } else if (value != null && value.getValue() instanceof String) {
      values.add((String) value.getValue());
    }
    return values;
  }

  private static String stringValue(AnnotationMirror mirror) {
    if (mirror == null) {
      return null;
    }
    AnnotationValue value = value(mirror);
    return value != null && value.getValue() instanceof String ? (String) value.getValue() : null;
  }

  private static String stringValueOrEmpty(AnnotationMirror mirror) {
    String value = stringValue(mirror);
    return value == null ? "" : value;
  }

  private static List<String> stringValues(AnnotationMirror mirror) {
    if (mirror == null) {
      return null;
    }
    AnnotationValue value = value(mirror);
    List<String> values = new ArrayList<>();
    if (value != null && value.getValue() instanceof List) {
      for (Object item : (List<?>) value.getValue()) {
        Object text = ((AnnotationValue) item).getValue();
        if (text instanceof String) {
          values.add((String) text);
        }
      }
    } else if (value != null && value.getValue() instanceof String) {
      values.add((String) value.getValue());
    }
    return values;
  }

  private void error(Element element, String message) {
    failed = true;
    // The same mistake seen from a subclass differs only in its owner and path: report it once.
    StringBuilder key =
        new StringBuilder(
            message.substring(message.indexOf(": ") + 2).replaceAll("'/[^']*'", "''"));
    for (Element e = element; e != null; e = e.getEnclosingElement()) {
      key.append('\n').append(e);
    }
    if (reported.add(key.toString())) {
      messager.printMessage(Diagnostic.Kind.ERROR, message, element);
    }
  }
}
