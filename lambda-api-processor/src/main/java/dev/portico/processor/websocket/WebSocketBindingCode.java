package dev.portico.processor.websocket;

import dev.portico.processor.ConversionChecks;
import dev.portico.processor.PorticoAnnotation;
import dev.portico.processor.TypeNames;
import java.util.Locale;
import java.util.Map;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.PrimitiveType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * The generated code of WebSocket parameter bindings the {@link WebSocketParameterBinder} decided
 * on: the expression that reads each argument and the field declared once in {@code register} (a
 * converter {@code Param}, a body reader). Checks nothing; the binder reported every problem.
 */
final class WebSocketBindingCode {
  private static final String WS = PorticoAnnotation.Packages.WEBSOCKET;

  /** Parameters bound by type alone, and the expression that binds them. */
  static final Map<String, String> INJECTABLE =
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

  private WebSocketBindingCode() {}

  /**
   * A parameter's binding.
   *
   * @param declaration a field declared once in {@code register} (a body reader, a parameter
   *     converter); {@code null} or {@code ""} when none is needed
   * @param body whether it is the message body
   */
  record Binding(String expression, String declaration, boolean body) {
    Binding(String expression) {
      this(expression, null, false);
    }
  }

  /**
   * A {@code $connect} header or query parameter read through a core {@code Param} created once.
   *
   * @param paramName the {@code Param} field's name
   * @param name the header or query parameter's name
   * @param defaultValue its {@code @DefaultValue}, or {@code null}
   */
  static Binding param(
      Types types,
      String owner,
      String paramName,
      boolean header,
      String name,
      ConversionChecks.Converted converted,
      String defaultValue) {
    TypeMirror valueType = converted.valueType();
    String literal = WebSocketRoutesWriter.literal(name);
    String classLiteral =
        valueType.getKind().isPrimitive()
            ? valueType.getKind().name().toLowerCase(Locale.ROOT) + ".class"
            : canonical(types.erasure(valueType)) + ".class";
    String declaration =
        "dev.portico.api.runtime.Param<"
            + canonical(box(types, valueType))
            + "> "
            + paramName
            + " = routes.param("
            + WebSocketRoutesWriter.literal(owner)
            + ", dev.portico.api.runtime.ParamSource."
            + (header ? "HEADER" : "QUERY")
            + ", "
            + literal
            + ", "
            + classLiteral
            + ", "
            + (defaultValue == null ? "null" : WebSocketRoutesWriter.literal(defaultValue))
            + ", "
            + converted.optional()
            + ");";
    String expression;
    if (converted.shape() == ConversionChecks.Shape.LIST) {
      expression =
          paramName
              + ".allFromText(request."
              + (header ? "headers()" : "queryParams()")
              + ".getOrDefault("
              + literal
              + ", java.util.List.of()))";
    } else {
      String read =
          paramName + ".fromText(request." + (header ? "header(" : "queryParam(") + literal + "))";
      expression =
          converted.shape() == ConversionChecks.Shape.OPTIONAL
              ? "java.util.Optional.ofNullable(" + read + ")"
              : read;
    }
    return new Binding(expression, declaration, false);
  }

  /**
   * A message body read as JSON by a reader created once.
   *
   * @param target the type read (an {@code Optional}'s argument)
   * @param optionalBody whether an absent body is allowed
   * @param inOptional whether the parameter is an {@code Optional}
   * @param readerName the reader field's name
   */
  static Binding body(
      Types types, TypeMirror target, boolean optionalBody, boolean inOptional, String readerName) {
    String rendered = canonical(target);
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
            + canonical(box(types, target))
            + "> "
            + readerName
            + " = "
            + reader
            + ";";
    String read = readerName + ".read(request)";
    return new Binding(
        inOptional ? "java.util.Optional.ofNullable(" + read + ")" : read, declaration, true);
  }

  private static TypeMirror box(Types types, TypeMirror type) {
    return type.getKind().isPrimitive() ? types.boxedClass((PrimitiveType) type).asType() : type;
  }

  /** A type with canonical names, for generated code. */
  private static String canonical(TypeMirror type) {
    return TypeNames.render(type, element -> element.getQualifiedName().toString());
  }
}
