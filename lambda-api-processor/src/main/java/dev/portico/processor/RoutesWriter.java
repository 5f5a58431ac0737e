package dev.portico.processor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.PrimitiveType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Writes the Java source of a controller's generated {@code RouteProvider}. */
final class RoutesWriter {
  private static final String PROCESSOR = "dev.portico.processor.RoutesProcessor";
  private static final int WIDTH = 100;

  private final Elements elements;
  private final Types types;

  RoutesWriter(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  /** The whole compilation unit. */
  String write(ControllerModel model) {
    Imports imports = new Imports(model.packageName(), elements, model.generatedName());
    String controller = imports.name(model.type());
    Set<String> locals = new HashSet<>(Set.of("routes", "request", "controller"));
    Set<String> constants = new HashSet<>();
    StringBuilder fields = new StringBuilder();
    StringBuilder register = new StringBuilder();
    boolean deprecated = isDeprecated(model.type());

    // Build-time JSON writers for the records routes return; their names are reserved first.
    JsonWriterGenerator json = new JsonWriterGenerator(elements, types, imports);
    for (RouteModel route : model.routes()) {
      json.addResult(route.method().getReturnType());
    }
    for (String nested : json.writers().values()) {
      imports.reserveNested(nested);
    }
    StringBuilder writerClasses = new StringBuilder();

    String list = imports.name("java.util.List");
    for (RouteModel route : model.routes()) {
      ExecutableElement method = route.method();
      deprecated |= elements.isDeprecated(method);
      if (register.length() > 0) {
        register.append('\n');
      }
      long params = route.bindings().stream().filter(b -> b.kind() == Binding.Kind.PARAM).count();
      String owner = literal(route.owner());
      if (params + route.httpMethods().size() >= 3) {
        // The route's name is used at least three times: say it once.
        String local = unique(method.getSimpleName() + "Name", locals);
        register
            .append("    ")
            .append(imports.name("java.lang.String"))
            .append(' ')
            .append(local)
            .append(local.length() + owner.length() + 17 <= WIDTH ? " = " : " =\n        ")
            .append(owner)
            .append(";\n");
        owner = local;
      }
      List<String> arguments = new ArrayList<>();
      for (Binding binding : route.bindings()) {
        arguments.add(
            argument(route, owner, binding, imports, locals, constants, fields, register));
      }
      String target = method.getModifiers().contains(Modifier.STATIC) ? controller : "controller";
      String call = target + "." + method.getSimpleName();
      String consumes =
          route.consumes().isEmpty()
              ? list + ".of()"
              : list
                  + ".of("
                  + String.join(", ", route.consumes().stream().map(RoutesWriter::literal).toList())
                  + ")";
      String produces = route.produces() == null ? "null" : literal(route.produces());
      boolean isVoid = method.getReturnType().getKind() == TypeKind.VOID;
      Set<String> warm = new LinkedHashSet<>();
      warmTypes(method.getReturnType(), imports, warm);
      for (Binding binding : route.bindings()) {
        if (binding.kind() == Binding.Kind.BODY_JSON) {
          warmTypes(binding.valueType(), imports, warm);
        }
      }
      for (String httpMethod : route.httpMethods()) {
        register
            .append("    routes.add(new ")
            .append(imports.name("dev.portico.api.Route"))
            .append('(')
            .append(literal(httpMethod))
            .append(", ")
            .append(literal(route.path()))
            .append(',');
        int lineStart = register.lastIndexOf("\n", register.length() - 2) + 1;
        if (register.length() - lineStart + owner.length() + 2 > WIDTH) {
          register.append("\n        ");
        } else {
          register.append(' ');
        }
        register.append(owner).append(",\n");
        handler(
            register,
            call,
            arguments,
            isVoid,
            imports.name("dev.portico.api.Handler"),
            imports.name("dev.portico.api.Request"));
        register
            .append(",\n        ")
            .append(consumes)
            .append(", ")
            .append(produces)
            .append(", ")
            .append(list)
            .append(".of())");
        if (!warm.isEmpty()) {
          register
              .append("\n        .withWarmTypes(")
              .append(list)
              .append(".of(")
              .append(String.join(", ", warm))
              .append("))");
        }
        if (!route.requiredScopes().isEmpty() || !route.requiredClaims().isEmpty()) {
          String required = requirements(route, imports.name("dev.portico.api.Requirements"));
          if (8 + ".withRequirements(".length() + required.length() + 3 > WIDTH) {
            // One claim a line when the whole does not fit.
            required = required.replace(".andClaim(", "\n            .andClaim(");
          }
          register.append("\n        .withRequirements(").append(required).append(')');
        }
        register.append(");\n");
      }
    }

    json.write(imports, writerClasses, register);
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
    body.append("  public void register(").append(routeRegistry).append(" routes) {\n");
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

  private String argument(
      RouteModel route,
      String owner,
      Binding binding,
      Imports imports,
      Set<String> locals,
      Set<String> constants,
      StringBuilder fields,
      StringBuilder register) {
    String methodName = route.method().getSimpleName().toString();
    String parameterName = binding.element().getSimpleName().toString();
    switch (binding.kind()) {
      case REQUEST:
        return "request";
      case CONTEXT:
        return "request.lambdaContext()";
      case AUTHORIZATION:
        return "request.authorization()";
      case RAW_EVENT:
        return "request.rawEvent(" + classLiteral(binding.valueType(), imports) + ")";
      case PARAM:
        String variable = unique(methodName + capitalized(parameterName), locals);
        TypeMirror valueType = binding.valueType();
        String boxed =
            valueType.getKind().isPrimitive()
                ? imports.name(types.boxedClass((PrimitiveType) valueType))
                : imports.type(valueType);
        String declaration =
            "    "
                + imports.name("dev.portico.api.runtime.Param")
                + "<"
                + boxed
                + "> "
                + variable
                + " = routes.param(";
        String ownerArgument = owner + ", ";
        String rest =
            imports.name("dev.portico.api.runtime.ParamSource")
                + "."
                + binding.source()
                + ", "
                + literal(binding.name())
                + ", "
                + classLiteral(valueType, imports)
                + ", "
                + (binding.defaultValue() == null ? "null" : literal(binding.defaultValue()))
                + ", "
                + binding.optional()
                + ");\n";
        if (declaration.length() + ownerArgument.length() + rest.length() <= WIDTH + 1) {
          declaration += ownerArgument + rest;
        } else if (8 + ownerArgument.length() + rest.length() <= WIDTH + 1) {
          declaration += "\n        " + ownerArgument + rest;
        } else {
          declaration += "\n        " + ownerArgument.trim() + "\n        " + rest;
        }
        register.append(declaration);
        switch (binding.shape()) {
          case LIST:
            return variable + ".all(request)";
          case OPTIONAL:
            return imports.name("java.util.Optional")
                + ".ofNullable("
                + variable
                + ".get(request))";
          default:
            return variable + ".get(request)";
        }
      default:
        return body(route, binding, imports, constants, fields);
    }
  }

  private String body(
      RouteModel route,
      Binding binding,
      Imports imports,
      Set<String> constants,
      StringBuilder fields) {
    TypeMirror type = binding.valueType();
    String read;
    switch (binding.kind()) {
      case BODY_STRING:
        read = "request.bodyAsString()";
        break;
      case BODY_BYTES:
        read = "request.body()";
        break;
      default:
        boolean witness = route.overloaded() || type.getKind().isPrimitive();
        String token;
        if (!type.getKind().isPrimitive() && !types.isSameType(type, types.erasure(type))) {
          // Generic somewhere (List<Pet>, Map<String, Pet>[]): a class literal would lose that.
          token =
              unique(
                  constantCase(route.method().getSimpleName().toString())
                      + "_"
                      + constantCase(binding.element().getSimpleName().toString())
                      + "_TYPE",
                  constants);
          fields
              .append("  private static final ")
              .append(imports.name("java.lang.reflect.Type"))
              .append(' ')
              .append(token)
              .append(" =\n      new ")
              .append(imports.name("com.fasterxml.jackson.core.type.TypeReference"))
              .append('<')
              .append(imports.type(type))
              .append(">() {}.getType();\n\n");
          witness = witness || binding.shape() != Binding.Shape.SINGLE;
        } else {
          token = classLiteral(type, imports);
        }
        read =
            "request."
                + (witness ? "<" + boxedType(type, imports) + ">" : "")
                + "bodyAs("
                + token
                + ")";
        break;
    }
    switch (binding.shape()) {
      case OPTIONAL:
        String optional = imports.name("java.util.Optional");
        String element = boxedType(type, imports);
        return "request.body().length == 0\n    ? "
            + optional
            + ".<"
            + element
            + ">empty()\n    : "
            + optional
            + ".of("
            + read
            + ")";
      case NULLABLE:
        return "request.body().length == 0\n    ? null\n    : " + read;
      default:
        return read;
    }
  }

  /**
   * The route's handler as an anonymous class rather than a lambda: a class is loaded from the jar,
   * while every lambda is spun at start-up by the LambdaMetafactory, which a Lambda cold start pays
   * for.
   */
  private static void handler(
      StringBuilder out,
      String call,
      List<String> arguments,
      boolean isVoid,
      String handlerType,
      String requestType) {
    String indent = "            ";
    out.append("        new ")
        .append(handlerType)
        .append("() {\n          @Override\n          public Object handle(")
        .append(requestType)
        .append(" request) throws Exception {\n")
        .append(indent);
    String prefix = isVoid ? "" : "return ";
    String oneLine = prefix + call + "(" + String.join(", ", arguments) + ");";
    boolean multiLine = arguments.stream().anyMatch(argument -> argument.contains("\n"));
    if (!multiLine && indent.length() + oneLine.length() <= WIDTH || arguments.isEmpty()) {
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
    out.append("\n          }\n        }");
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
      out.add(classLiteral(declared, imports));
    }
  }

  private String classLiteral(TypeMirror type, Imports imports) {
    return imports.type(types.erasure(type)) + ".class";
  }

  private String boxedType(TypeMirror type, Imports imports) {
    return type.getKind().isPrimitive()
        ? imports.name(types.boxedClass((PrimitiveType) type))
        : imports.type(type);
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

  private static String unique(String name, Set<String> taken) {
    String candidate = name;
    for (int i = 2; !taken.add(candidate); i++) {
      candidate = name + i;
    }
    return candidate;
  }

  private static String capitalized(String name) {
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  /** {@code createPet} becomes {@code CREATE_PET}. */
  private static String constantCase(String name) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char ch = name.charAt(i);
      if (Character.isUpperCase(ch) && i > 0 && !Character.isUpperCase(name.charAt(i - 1))) {
        out.append('_');
      }
      out.append(Character.toUpperCase(ch));
    }
    return out.toString().toUpperCase(Locale.ROOT);
  }

  /** A Java string literal; non-ASCII characters are written as unicode escapes. */
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
