package dev.portico.processor;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The emit phase: writes the Java source of a controller's generated {@code RouteProvider} from its
 * checked {@link ControllerModel}. Generated code talks to the runtime only through {@code
 * dev.portico.api.runtime.GeneratedRoutes}, opened with {@link #SPI_VERSION}.
 */
final class RoutesWriter {
  private static final String PROCESSOR = "dev.portico.processor.RoutesProcessor";

  /** The version of the runtime's {@code GeneratedRoutes} contract the generated code uses. */
  static final int SPI_VERSION = 2;

  /** The simple name of the local class every route's handler is an instance of. */
  static final String HANDLERS = "Handlers";

  /**
   * Where one route's code goes: its parameters into {@code register}, its handler's body into
   * {@code cases}, its registration into {@code registrations} (after the handlers' class).
   */
  private record Emitted(
      StringBuilder register, StringBuilder cases, StringBuilder registrations) {}

  private final Elements elements;
  private final Types types;

  RoutesWriter(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  /** The whole compilation unit. */
  String write(ControllerModel model) {
    Imports imports = new Imports(model.packageName(), elements, model.generatedName());
    // Build-time JSON writers' class names are reserved before anything else is named.
    for (String nested : model.jsonWriters().values()) {
      imports.reserveNested(nested);
    }
    for (String nested : model.jsonReaders().values()) {
      imports.reserveNested(nested);
    }
    ValidationWriter validation = new ValidationWriter(model.validation(), imports, types);
    if (!validation.isEmpty()) {
      imports.reserveNested(ValidationWriter.CLASS);
    }
    // The local class of the route handlers: reserved so that an application type of the same
    // simple name is written qualified rather than shadowed.
    imports.reserveNested(HANDLERS);
    String controller = imports.name(model.type());
    NameAllocator locals =
        new NameAllocator(
            NameAllocator.Suffix.NUMBER, Set.of("routes", "request", "controller", "registry"));
    NameAllocator constants = new NameAllocator(NameAllocator.Suffix.NUMBER, Set.of());
    StringBuilder fields = new StringBuilder();
    StringBuilder register = new StringBuilder();
    boolean deprecated = isDeprecated(model.type());

    String spi = imports.name("dev.portico.api.runtime.GeneratedRoutes");
    register
        .append("    ")
        .append(spi)
        .append(" routes = ")
        .append(spi)
        .append(".open(registry, ")
        .append(SPI_VERSION)
        .append(", this);\n");
    StringBuilder cases = new StringBuilder();
    StringBuilder registrations = new StringBuilder();
    int index = 0;
    for (RouteModel route : model.routes()) {
      deprecated |= elements.isDeprecated(route.method());
      int before = register.length();
      register.append('\n');
      route(
          route,
          index++,
          imports,
          controller,
          locals,
          constants,
          fields,
          new Emitted(register, cases, registrations),
          validation);
      if (register.length() == before + 1) {
        // A route without parameters or a name local: no blank line of its own.
        register.setLength(before);
      }
    }
    if (index > 0) {
      register.append('\n');
      handlers(
          register,
          cases,
          imports.name("dev.portico.api.Handler"),
          imports.name("dev.portico.api.Request"),
          imports.name("java.lang.Override"),
          imports.name("java.lang.IllegalArgumentException"));
      register.append(registrations);
    }

    JsonWriterEmitter json = new JsonWriterEmitter(elements, model.jsonWriters());
    StringBuilder writerClasses = new StringBuilder();
    if (!validation.isEmpty()) {
      writerClasses.append(validation.nestedClass());
    }
    json.write(imports, writerClasses, register);
    new JsonReaderEmitter(model.jsonReaders()).write(imports, writerClasses, register);
    deprecated |= json.usesDeprecated();

    StringBuilder out = new StringBuilder();
    StringBuilder body = new StringBuilder();
    String generated =
        elements.getTypeElement("javax.annotation.processing.Generated") == null
            ? null
            : imports.name("javax.annotation.processing.Generated");
    String routeProvider = imports.name("dev.portico.api.RouteProvider");
    String routeRegistry = imports.name("dev.portico.api.RouteRegistry");
    String objects = imports.name("java.util.Objects");
    String override = imports.name("java.lang.Override");
    String suppressWarnings = imports.name("java.lang.SuppressWarnings");
    deprecated |= imports.deprecatedTypeUsed();

    body.append("/** Routes of {@link ").append(controller).append("}, generated by Portico. */\n");
    if (generated != null) {
      body.append('@').append(generated).append('(').append(literal(PROCESSOR)).append(")\n");
    }
    if (deprecated) {
      body.append('@').append(suppressWarnings).append("({\"deprecation\", \"removal\"})\n");
    }
    body.append("public final class ")
        .append(model.generatedName())
        .append(" implements ")
        .append(routeProvider)
        .append(" {\n");
    body.append(fields);
    body.append("  private final ").append(controller).append(" controller;\n\n");
    body.append("  /** Serves the routes of the given controller instance. */\n");
    body.append("  public ")
        .append(model.generatedName())
        .append('(')
        .append(controller)
        .append(" controller) {\n");
    body.append("    this.controller = ")
        .append(objects)
        .append(".requireNonNull(controller, \"controller\");\n");
    body.append("  }\n\n");
    body.append("  @").append(override).append('\n');
    body.append("  public void register(").append(routeRegistry).append(" registry) {\n");
    body.append(register);
    body.append("  }\n");
    if (writerClasses.length() > 0) {
      body.append('\n').append(writerClasses, 0, writerClasses.length() - 1);
    }
    body.append("}\n");

    if (!model.packageName().isEmpty()) {
      out.append("package ").append(model.packageName()).append(";\n\n");
    }
    String declarations = imports.declarations();
    if (!declarations.isEmpty()) {
      out.append(declarations).append('\n');
    }
    return out.append(body).toString();
  }

  /**
   * The statements registering one route method: its name and parameters, its handler's case
   * ({@code index}), and one registration per HTTP method.
   */
  private void route(
      RouteModel route,
      int index,
      Imports imports,
      String controller,
      NameAllocator locals,
      NameAllocator constants,
      StringBuilder fields,
      Emitted emitted,
      ValidationWriter validation) {
    StringBuilder register = emitted.register();
    ExecutableElement method = route.method();
    long params = route.bindings().stream().filter(b -> b instanceof Binding.Param).count();
    String owner = literal(route.owner());
    if (params + route.httpMethods().size() >= 3) {
      // The route's name is used at least three times: say it once.
      String local = locals.newName(method.getSimpleName() + "Name");
      register.append(
          Lines.assignment("    " + imports.name("java.lang.String") + " " + local, owner + ";"));
      owner = local;
    }
    RouteEmission emission =
        new RouteEmission(imports, types, route, owner, locals, constants, register, fields);
    List<String> arguments = new ArrayList<>();
    for (Binding binding : route.bindings()) {
      arguments.add(binding.argument(emission));
    }
    String target = method.getModifiers().contains(Modifier.STATIC) ? controller : "controller";
    String call = target + "." + method.getSimpleName();
    boolean isVoid = method.getReturnType().getKind() == TypeKind.VOID;
    String validated = validation.handlerBody(route, arguments, call, isVoid, locals::newName);
    Set<String> warm = new LinkedHashSet<>();
    warmTypes(method.getReturnType(), imports, warm);
    for (Binding binding : route.bindings()) {
      if (RouteAnalyzer.isJsonBody(binding)) {
        warmTypes(((Binding.Body) binding).valueType(), imports, warm);
      }
    }
    handlerCase(emitted.cases(), index, validated, call, arguments, isVoid);
    StringBuilder registrations = emitted.registrations();
    String handler = "new " + HANDLERS + "(" + index + "))";
    for (String httpMethod : route.httpMethods()) {
      String head = "    routes.route(" + literal(httpMethod) + ", " + literal(route.path()) + ",";
      if (Lines.fits(head + " " + owner + ", " + handler)) {
        registrations.append(head).append(' ').append(owner).append(", ").append(handler);
      } else {
        registrations
            .append(head)
            .append(Lines.fits(head + " " + owner + ",") ? " " : "\n        ")
            .append(owner)
            .append(",\n        ")
            .append(handler);
      }
      if (!route.consumes().isEmpty()) {
        registrations
            .append("\n        .consumes(")
            .append(
                String.join(", ", route.consumes().stream().map(RoutesWriter::literal).toList()))
            .append(')');
      }
      if (route.produces() != null) {
        registrations.append("\n        .produces(").append(literal(route.produces())).append(')');
      }
      if (!warm.isEmpty()) {
        registrations.append("\n        .warmTypes(").append(String.join(", ", warm)).append(')');
      }
      if (!route.requiredScopes().isEmpty() || !route.requiredClaims().isEmpty()) {
        String required = requirements(route, imports.name("dev.portico.api.Requirements"));
        if (!Lines.fits("        .requires(" + required + ")")) {
          // One claim a line when the whole does not fit.
          required = required.replace(".andClaim(", "\n            .andClaim(");
        }
        registrations.append("\n        .requires(").append(required).append(')');
      }
      registrations.append("\n        .add();\n");
    }
  }

  /**
   * One route's case in the handlers' {@code switch}: its arguments bound, checked when it has
   * constraints, and the call.
   */
  private static void handlerCase(
      StringBuilder out,
      int index,
      String validated,
      String call,
      List<String> arguments,
      boolean isVoid) {
    String indent = "            ";
    out.append("          case ").append(index).append(": {\n");
    if (validated != null) {
      // Arguments bound to locals, checked by the nested Validation class, then the call.
      out.append(validated).append("\n          }\n");
      return;
    }
    out.append(indent);
    String prefix = isVoid ? "" : "return ";
    String oneLine = prefix + call + "(" + String.join(", ", arguments) + ");";
    boolean multiLine = arguments.stream().anyMatch(argument -> argument.contains("\n"));
    if (!multiLine && Lines.fits(indent + oneLine) || arguments.isEmpty()) {
      out.append(oneLine);
    } else {
      out.append(prefix).append(call).append('(');
      for (int i = 0; i < arguments.size(); i++) {
        String argument = arguments.get(i).replace("\n", "\n" + indent + "    ");
        out.append('\n').append(indent).append("    ").append(argument);
        out.append(i < arguments.size() - 1 ? "," : ");");
      }
    }
    if (isVoid) {
      out.append('\n').append(indent).append("return null;");
    }
    out.append("\n          }\n");
  }

  /**
   * The local class every route's handler is an instance of, a {@code switch} on the route's index:
   * one class for the controller rather than one per route (an anonymous class each, or a lambda
   * each, spun at start-up by the {@code LambdaMetafactory}), since every class loaded costs a
   * Lambda cold start about 0.2 ms plus 0.04 ms per KB. Local, so it reads the parameters declared
   * before it in {@code register}.
   */
  private static void handlers(
      StringBuilder out,
      StringBuilder cases,
      String handlerType,
      String requestType,
      String override,
      String illegalArgument) {
    out.append("    final class ")
        .append(HANDLERS)
        .append(" implements ")
        .append(handlerType)
        .append(" {\n");
    out.append("      private final int route;\n\n");
    out.append("      ").append(HANDLERS).append("(int route) {\n");
    out.append("        this.route = route;\n");
    out.append("      }\n\n");
    out.append("      @").append(override).append('\n');
    out.append("      public Object handle(")
        .append(requestType)
        .append(" request) throws Exception {\n");
    out.append("        switch (route) {\n");
    out.append(cases);
    out.append("          default:\n");
    // A JDK exception every JVM has loaded at start-up: the one thrown here loads when the class
    // is verified, even though this branch never runs.
    out.append("            throw new ").append(illegalArgument).append("(\"no such route\");\n");
    out.append("        }\n");
    out.append("      }\n");
    out.append("    }\n\n");
  }

  /**
   * The class literals of the user's types in a body or result type ({@code Response<List<Pet>>}
   * gives {@code Pet.class}), for SnapStart priming; JDK and Portico types are left out, and so are
   * types the generated class could not name.
   */
  private void warmTypes(TypeMirror type, Imports imports, Set<String> out) {
    if (type.getKind() == TypeKind.ARRAY) {
      warmTypes(((javax.lang.model.type.ArrayType) type).getComponentType(), imports, out);
      return;
    }
    if (type.getKind() != TypeKind.DECLARED) {
      return;
    }
    javax.lang.model.type.DeclaredType declared = (javax.lang.model.type.DeclaredType) type;
    for (TypeMirror argument : declared.getTypeArguments()) {
      warmTypes(argument, imports, out);
    }
    TypeElement element = (TypeElement) declared.asElement();
    String name = element.getQualifiedName().toString();
    if (name.startsWith("java.")
        || name.startsWith("javax.")
        || name.startsWith("dev.portico.api")) {
      return;
    }
    if (imports.canName(element)) {
      out.add(imports.type(types.erasure(declared)) + ".class");
    }
  }

  private boolean isDeprecated(TypeElement type) {
    for (Element element = type;
        element instanceof TypeElement;
        element = element.getEnclosingElement()) {
      if (elements.isDeprecated(element)) {
        return true;
      }
    }
    return false;
  }

  /** {@code Requirements.scopes("a").andClaim("groups", "admins")}, or from {@code NONE}. */
  private static String requirements(RouteModel route, String requirements) {
    StringBuilder out = new StringBuilder(requirements);
    if (route.requiredScopes().isEmpty()) {
      out.append(".NONE");
    } else {
      out.append(".scopes(")
          .append(
              String.join(
                  ", ", route.requiredScopes().stream().map(RoutesWriter::literal).toList()))
          .append(')');
    }
    for (RouteModel.RequiredClaim claim : route.requiredClaims()) {
      out.append(".andClaim(").append(literal(claim.name()));
      for (String value : claim.anyOf()) {
        out.append(", ").append(literal(value));
      }
      out.append(')');
    }
    return out.toString();
  }

  /** A Java string literal; non-ASCII characters are written as unicode escapes. */
  static String literal(String value) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < value.length(); i++) {
      char ch = value.charAt(i);
      switch (ch) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        case '\t':
          out.append("\\t");
          break;
        default:
          if (ch < 0x20) {
            out.append(String.format("\\%03o", (int) ch));
          } else if (ch > 0x7e) {
            out.append(String.format("\\u%04x", (int) ch));
          } else {
            out.append(ch);
          }
      }
    }
    return out.append('"').toString();
  }
}
