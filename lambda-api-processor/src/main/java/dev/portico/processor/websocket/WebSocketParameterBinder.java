package dev.portico.processor.websocket;

import dev.portico.processor.ConversionChecks;
import dev.portico.processor.Diagnostics;
import dev.portico.processor.Diagnostics.Problem;
import dev.portico.processor.PorticoAnnotation;
import dev.portico.processor.TextConversions;
import dev.portico.processor.TypeNames;
import dev.portico.processor.websocket.WebSocketBindingCode.Binding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * Decides how each parameter of a WebSocket route method gets its value: from its binding
 * annotation (Portico's annotation table), or from its type; reports why a parameter cannot be
 * bound.
 */
final class WebSocketParameterBinder {
  private static final String WS = PorticoAnnotation.Packages.WEBSOCKET;

  /** The binding annotations WebSocket routes take, in the order messages list them. */
  static final List<PorticoAnnotation> BINDINGS =
      List.of(
          PorticoAnnotation.BODY,
          PorticoAnnotation.CONNECTION_ID,
          PorticoAnnotation.HEADER_PARAM,
          PorticoAnnotation.QUERY_PARAM,
          PorticoAnnotation.AUTHORIZER_PARAM,
          PorticoAnnotation.PRINCIPAL,
          PorticoAnnotation.REQUEST_TIME);

  private static final String BINDING_LIST =
      BINDINGS.stream().map(PorticoAnnotation::display).collect(Collectors.joining(", "));

  private final Types types;
  private final Diagnostics diagnostics;
  private final ConversionChecks checks;

  WebSocketParameterBinder(Types types, Diagnostics diagnostics, TextConversions conversions) {
    this.types = types;
    this.diagnostics = diagnostics;
    this.checks = new ConversionChecks(types, conversions, diagnostics);
  }

  /**
   * The parameter's binding, or {@code null} after reporting why it has none.
   *
   * @param routeKey {@code $connect}, {@code $disconnect} or the message route key
   * @param readerName the name for a body reader field, if one is needed
   */
  Binding bind(
      VariableElement parameter,
      String routeKey,
      String owner,
      String readerName,
      String paramName) {
    String name = parameter.getSimpleName().toString();
    TypeMirror type = parameter.asType();
    List<AnnotationMirror> bindings = new ArrayList<>();
    for (AnnotationMirror mirror : parameter.getAnnotationMirrors()) {
      PorticoAnnotation known = PorticoAnnotation.of(mirror);
      if (known != null && BINDINGS.contains(known)) {
        bindings.add(mirror);
      } else if (known == PorticoAnnotation.DEFAULT_VALUE) {
        // Read by the header and query bindings; refused below on the others.
        continue;
      } else if (known != null
          && known.qualifiedName().startsWith(PorticoAnnotation.HTTP_PACKAGE)) {
        error(
            parameter,
            mirror,
            Problem.WEBSOCKET_HTTP_BINDING,
            owner
                + ": "
                + simpleName(mirror)
                + " is not available on WebSocket routes; use "
                + BINDING_LIST,
            simpleName(mirror));
        return null;
      }
    }
    if (bindings.size() > 1) {
      error(
          parameter,
          bindings.get(1),
          Problem.WEBSOCKET_SEVERAL_BINDINGS,
          owner
              + ": parameter '"
              + name
              + "' has "
              + simpleName(bindings.get(0))
              + " and "
              + simpleName(bindings.get(1))
              + "; use one",
          simpleName(bindings.get(0)),
          simpleName(bindings.get(1)));
      return null;
    }
    AnnotationMirror defaultValue = PorticoAnnotation.DEFAULT_VALUE.on(parameter);
    if (defaultValue != null
        && (bindings.isEmpty()
            || !List.of(PorticoAnnotation.HEADER_PARAM, PorticoAnnotation.QUERY_PARAM)
                .contains(PorticoAnnotation.of(bindings.get(0))))) {
      error(
          parameter,
          defaultValue,
          Problem.WEBSOCKET_MISPLACED_DEFAULT,
          owner
              + ": @DefaultValue does not apply to parameter '"
              + name
              + "'; only @HeaderParam and @QueryParam parameters of @OnConnect take one");
      return null;
    }
    if (bindings.isEmpty()) {
      for (Map.Entry<String, String> injectable : WebSocketBindingCode.INJECTABLE.entrySet()) {
        if (TypeNames.isDeclared(type, injectable.getKey())) {
          if (injectable.getKey().equals(WS + "CloseStatus") && !routeKey.equals("$disconnect")) {
            error(
                parameter,
                null,
                Problem.WEBSOCKET_MISPLACED_CLOSE_STATUS,
                owner
                    + ": parameter '"
                    + name
                    + "' is a CloseStatus, which only @OnDisconnect methods receive");
            return null;
          }
          return new Binding(injectable.getValue());
        }
      }
      error(
          parameter,
          null,
          Problem.WEBSOCKET_UNBOUND_PARAMETER,
          owner
              + ": parameter '"
              + name
              + "' has no binding annotation and is not injectable; annotate it ("
              + BINDING_LIST
              + ") or declare it as Connection, Connections, WebSocketRequest, CloseStatus or"
              + " Context",
          TypeNames.qualified(type));
      return null;
    }
    AnnotationMirror mirror = bindings.get(0);
    PorticoAnnotation kind = PorticoAnnotation.of(mirror);
    String annotation = kind.display();
    String value = Objects.toString(PorticoAnnotation.string(mirror, "value"), "");
    switch (kind) {
      case CONNECTION_ID -> {
        if (!TypeNames.isDeclared(type, "java.lang.String")) {
          return wrongType(parameter, mirror, owner, annotation, "a String");
        }
        return new Binding("request.connectionId()");
      }
      case REQUEST_TIME -> {
        if (type.getKind() == TypeKind.LONG) {
          return new Binding("dev.portico.websocket.runtime.Bind.epochMillis(request)");
        }
        if (TypeNames.isDeclared(type, "java.time.Instant")) {
          return new Binding(
              "dev.portico.websocket.runtime.Bind.required(request.requestTime(), \"request time\")");
        }
        return wrongType(parameter, mirror, owner, annotation, "an Instant or a long");
      }
      case HEADER_PARAM, QUERY_PARAM -> {
        if (!routeKey.equals("$connect")) {
          error(
              parameter,
              mirror,
              Problem.WEBSOCKET_CONNECT_ONLY,
              owner
                  + ": "
                  + annotation
                  + " '"
                  + value
                  + "' is available on @OnConnect methods only (API Gateway sends headers and"
                  + " query parameters with $connect alone)",
              annotation,
              value);
          return null;
        }
        boolean header = kind == PorticoAnnotation.HEADER_PARAM;
        if (converts(parameter)) {
          return converted(parameter, mirror, owner, kind, value, paramName);
        }
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
      case AUTHORIZER_PARAM -> {
        return text(
            parameter,
            mirror,
            owner,
            annotation + " '" + value + "'",
            "request.authorizerValue(" + WebSocketRoutesWriter.literal(value) + ")",
            "authorizer context entry '" + value + "'");
      }
      case PRINCIPAL -> {
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
    if (TypeNames.isDeclared(type, "java.lang.String")) {
      return new Binding(
          PorticoAnnotation.nullable(parameter)
              ? read
              : "dev.portico.websocket.runtime.Bind.required("
                  + read
                  + ", "
                  + WebSocketRoutesWriter.literal(what)
                  + ")");
    }
    TypeMirror optional = TypeNames.optionalArgument(type);
    if (optional != null && TypeNames.isDeclared(optional, "java.lang.String")) {
      return new Binding("java.util.Optional.ofNullable(" + read + ")");
    }
    error(
        parameter,
        mirror,
        Problem.WEBSOCKET_BAD_TYPE,
        owner
            + ": "
            + label
            + " has type "
            + TypeNames.simple(type)
            + "; WebSocket routes bind it as a String or Optional<String>",
        label,
        TypeNames.qualified(type));
    return null;
  }

  /**
   * Whether a {@code $connect} header or query parameter goes through the conversion table: any
   * type but {@code String} and {@code Optional<String>}, and any with a {@code @DefaultValue}.
   * Plain text keeps its direct read (what generated code did before conversions).
   */
  private static boolean converts(VariableElement parameter) {
    TypeMirror type = parameter.asType();
    if (PorticoAnnotation.DEFAULT_VALUE.on(parameter) != null) {
      return true;
    }
    if (TypeNames.isDeclared(type, "java.lang.String")) {
      return false;
    }
    TypeMirror optional = TypeNames.optionalArgument(type);
    return optional == null || !TypeNames.isDeclared(optional, "java.lang.String");
  }

  /**
   * A header or query parameter converted like an HTTP one (same table, same checks and wording as
   * the HTTP {@code ParameterBinder}), through a {@code Param} created once in {@code register}.
   */
  private Binding converted(
      VariableElement parameter,
      AnnotationMirror mirror,
      String owner,
      PorticoAnnotation kind,
      String name,
      String paramName) {
    AnnotationMirror defaultAnnotation = PorticoAnnotation.DEFAULT_VALUE.on(parameter);
    ConversionChecks.Converted converted =
        checks.check(
            owner,
            parameter,
            parameter.asType(),
            mirror,
            kind.display() + " '" + name + "'",
            defaultAnnotation);
    if (converted == null) {
      return null;
    }
    return WebSocketBindingCode.param(
        types,
        owner,
        paramName,
        kind == PorticoAnnotation.HEADER_PARAM,
        name,
        converted,
        PorticoAnnotation.string(defaultAnnotation, "value"));
  }

  private Binding body(
      VariableElement parameter,
      AnnotationMirror mirror,
      String routeKey,
      String owner,
      String readerName) {
    if (routeKey.equals("$connect") || routeKey.equals("$disconnect")) {
      error(
          parameter,
          mirror,
          Problem.WEBSOCKET_NO_BODY,
          owner + ": @Body on " + routeKey + ", which carries no message body",
          routeKey);
      return null;
    }
    TypeMirror type = parameter.asType();
    if (TypeNames.isDeclared(type, "java.lang.String")) {
      return new Binding("request.bodyText()", "", true);
    }
    if (type.getKind() == TypeKind.ARRAY
        && ((ArrayType) type).getComponentType().getKind() == TypeKind.BYTE) {
      return new Binding("request.body()", "", true);
    }
    TypeMirror optional = TypeNames.optionalArgument(type);
    boolean optionalBody = optional != null || PorticoAnnotation.nullable(parameter);
    TypeMirror target = optional != null ? optional : type;
    if (target.getKind() == TypeKind.WILDCARD || TypeNames.mentionsTypeVariable(target)) {
      error(
          parameter,
          mirror,
          Problem.WEBSOCKET_RAW_BODY,
          owner
              + ": @Body has type "
              + TypeNames.simple(type)
              + ", which names no concrete type to read",
          TypeNames.qualified(type));
      return null;
    }
    if (target.getKind().isPrimitive() && optionalBody) {
      error(
          parameter,
          mirror,
          Problem.WEBSOCKET_NULLABLE_PRIMITIVE_BODY,
          owner + ": @Body " + TypeNames.simple(type) + " cannot be null; use its box",
          TypeNames.qualified(type));
      return null;
    }
    return WebSocketBindingCode.body(types, target, optionalBody, optional != null, readerName);
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
        Problem.WEBSOCKET_BAD_TYPE,
        owner
            + ": "
            + annotation
            + " parameter '"
            + parameter.getSimpleName()
            + "' has type "
            + TypeNames.simple(parameter.asType())
            + "; it must be "
            + expected,
        annotation,
        TypeNames.qualified(parameter.asType()));
    return null;
  }

  private void error(
      VariableElement parameter,
      AnnotationMirror annotation,
      Problem problem,
      String message,
      Object... identity) {
    diagnostics.error(parameter, annotation, null, problem, message, identity);
  }

  private static String simpleName(AnnotationMirror mirror) {
    return "@" + mirror.getAnnotationType().asElement().getSimpleName();
  }
}
