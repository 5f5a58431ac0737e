package dev.portico.processor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * The one table of Portico's annotations that the processors read: each one's qualified name, what
 * kind of annotation it is and, for parameter bindings, where the value comes from. Analyzers look
 * annotations up here instead of spelling their names; {@link RoutesProcessor} and the WebSocket
 * processor claim exactly the names listed here.
 *
 * <p>The order of the {@link Kind#BINDING} constants is the order in which messages list them.
 * Public only so that the WebSocket analyzer (another package of this jar) shares it; not an API.
 */
public enum PorticoAnnotation {
  GET(Kind.HTTP_METHOD),
  POST(Kind.HTTP_METHOD),
  PUT(Kind.HTTP_METHOD),
  PATCH(Kind.HTTP_METHOD),
  DELETE(Kind.HTTP_METHOD),
  HEAD(Kind.HTTP_METHOD),
  OPTIONS(Kind.HTTP_METHOD),
  ANY(Kind.HTTP_METHOD),
  PATH("Path", Kind.PATH),
  PATH_PARAM("PathParam", "PATH"),
  QUERY_PARAM("QueryParam", "QUERY"),
  HEADER_PARAM("HeaderParam", "HEADER"),
  COOKIE_PARAM("CookieParam", "COOKIE"),
  STAGE_VARIABLE("StageVariable", "STAGE_VARIABLE"),
  BODY("Body", (String) null),
  CLAIM("Claim", "CLAIM"),
  AUTHORIZER_PARAM("AuthorizerParam", "AUTHORIZER"),
  PRINCIPAL("Principal", "PRINCIPAL"),
  DEFAULT_VALUE("DefaultValue", Kind.PARAMETER_MODIFIER),
  CONSUMES("Consumes", Kind.MEDIA_TYPE),
  PRODUCES("Produces", Kind.MEDIA_TYPE),
  REQUIRES_SCOPES("RequiresScopes", Kind.REQUIREMENT),
  REQUIRES_CLAIM("RequiresClaim", Kind.REQUIREMENT),
  /**
   * Portico's own {@code @Nullable}. Any annotation simply named {@code Nullable} (JSpecify,
   * JetBrains, ...) makes a parameter optional too; only Portico's is claimed.
   */
  NULLABLE(Packages.API + "Nullable", Kind.PARAMETER_MODIFIER, null, true),
  ON_CONNECT(Packages.WEBSOCKET + "OnConnect", Kind.WEBSOCKET_ROUTE, null, true),
  ON_DISCONNECT(Packages.WEBSOCKET + "OnDisconnect", Kind.WEBSOCKET_ROUTE, null, true),
  ON_MESSAGE(Packages.WEBSOCKET + "OnMessage", Kind.WEBSOCKET_ROUTE, null, true),
  CONNECTION_ID(Packages.WEBSOCKET + "ConnectionId", Kind.WEBSOCKET_BINDING, null, true),
  REQUEST_TIME(Packages.WEBSOCKET + "RequestTime", Kind.WEBSOCKET_BINDING, null, true);

  /** What an annotation does. */
  public enum Kind {
    /** {@code @GET}, ..., {@code @ANY}: one route per annotation. */
    HTTP_METHOD,
    /** {@code @Path} on a class or method. */
    PATH,
    /** Binds a parameter to a value of the request ({@link #source} says where from). */
    BINDING,
    /** Changes how a bound parameter behaves ({@code @DefaultValue}, {@code @Nullable}). */
    PARAMETER_MODIFIER,
    /** {@code @Consumes}, {@code @Produces}. */
    MEDIA_TYPE,
    /** {@code @RequiresScopes}, {@code @RequiresClaim}. */
    REQUIREMENT,
    /** {@code @OnConnect}, {@code @OnDisconnect}, {@code @OnMessage}. */
    WEBSOCKET_ROUTE,
    /** Binds a WebSocket parameter to a property of the connection. */
    WEBSOCKET_BINDING
  }

  /** The package of the HTTP annotations. */
  public static final String HTTP_PACKAGE = Packages.HTTP;

  private final String qualifiedName;
  private final String simpleName;
  private final Kind kind;
  private final String source;

  PorticoAnnotation(Kind kind) {
    this(Packages.HTTP, kind, null, false);
  }

  PorticoAnnotation(String simpleName, Kind kind) {
    this(Packages.HTTP + simpleName, kind, null, true);
  }

  PorticoAnnotation(String simpleName, String source) {
    this(Packages.HTTP + simpleName, Kind.BINDING, source, true);
  }

  PorticoAnnotation(String qualifiedName, Kind kind, String source, boolean named) {
    this.qualifiedName = named ? qualifiedName : qualifiedName + name();
    this.simpleName = this.qualifiedName.substring(this.qualifiedName.lastIndexOf('.') + 1);
    this.kind = kind;
    this.source = source;
  }

  /** The packages of Portico's annotations (a holder: enum constants cannot use the enum's). */
  public static final class Packages {
    /** Portico's API package, with a final dot. */
    public static final String API = "dev.portico.api.";

    /** The HTTP annotations' package, with a final dot. */
    public static final String HTTP = API + "http.";

    /** The WebSocket package, with a final dot. */
    public static final String WEBSOCKET = "dev.portico.websocket.";

    private Packages() {}
  }

  /** The qualified name, e.g. {@code dev.portico.api.http.PathParam}. */
  public String qualifiedName() {
    return qualifiedName;
  }

  /** The simple name, e.g. {@code PathParam}. */
  public String simpleName() {
    return simpleName;
  }

  /** How messages write it: {@code @PathParam}. */
  public String display() {
    return "@" + simpleName;
  }

  /** What kind of annotation it is. */
  public Kind kind() {
    return kind;
  }

  /** For a {@link Kind#BINDING}, the {@code ParamSource} constant; {@code null} for the body. */
  public String source() {
    return source;
  }

  /** The constants of one kind, in table order. */
  public static List<PorticoAnnotation> ofKind(Kind kind) {
    return Arrays.stream(values()).filter(a -> a.kind == kind).toList();
  }

  /** The HTTP method names, {@code GET} ... {@code ANY}. */
  static final List<String> HTTP_METHODS =
      ofKind(Kind.HTTP_METHOD).stream().map(PorticoAnnotation::simpleName).toList();

  /** {@code @PathParam, @QueryParam, ..., @Principal}: how messages list the HTTP bindings. */
  static final String BINDING_LIST =
      ofKind(Kind.BINDING).stream()
          .map(PorticoAnnotation::display)
          .collect(Collectors.joining(", "));

  /** The qualified names of the annotations the HTTP routes processor claims. */
  public static Set<String> httpProcessorNames() {
    Set<String> names = new LinkedHashSet<>();
    for (PorticoAnnotation annotation : values()) {
      if (annotation.kind != Kind.WEBSOCKET_ROUTE && annotation.kind != Kind.WEBSOCKET_BINDING) {
        names.add(annotation.qualifiedName);
      }
    }
    return names;
  }

  /** The qualified names of the WebSocket package's annotations. */
  public static Set<String> webSocketProcessorNames() {
    Set<String> names = new LinkedHashSet<>();
    for (PorticoAnnotation annotation : values()) {
      if (annotation.kind == Kind.WEBSOCKET_ROUTE || annotation.kind == Kind.WEBSOCKET_BINDING) {
        names.add(annotation.qualifiedName);
      }
    }
    return names;
  }

  /** The table entry for an annotation mirror, or {@code null} for someone else's annotation. */
  public static PorticoAnnotation of(AnnotationMirror mirror) {
    String name =
        ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
    for (PorticoAnnotation annotation : values()) {
      if (annotation.qualifiedName.equals(name)) {
        return annotation;
      }
    }
    return null;
  }

  /** Whether the mirror is this annotation. */
  public boolean is(AnnotationMirror mirror) {
    return ((TypeElement) mirror.getAnnotationType().asElement())
        .getQualifiedName()
        .contentEquals(qualifiedName);
  }

  /** This annotation on the element, or {@code null}. */
  public AnnotationMirror on(Element element) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (is(mirror)) {
        return mirror;
      }
    }
    return null;
  }

  /** Whether the parameter or its type carries an annotation simply named {@code Nullable}. */
  public static boolean nullable(VariableElement parameter) {
    List<AnnotationMirror> mirrors = new ArrayList<>(parameter.getAnnotationMirrors());
    mirrors.addAll(parameter.asType().getAnnotationMirrors());
    for (AnnotationMirror mirror : mirrors) {
      if (mirror.getAnnotationType().asElement().getSimpleName().contentEquals("Nullable")) {
        return true;
      }
    }
    return false;
  }

  /** The table's annotations of one kind present on the element, in the element's order. */
  public static List<AnnotationMirror> presentOn(Element element, Kind kind) {
    List<AnnotationMirror> present = new ArrayList<>();
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      PorticoAnnotation annotation = of(mirror);
      if (annotation != null && annotation.kind == kind) {
        present.add(mirror);
      }
    }
    return present;
  }

  /** The explicitly given member of an annotation, or {@code null}. */
  public static AnnotationValue member(AnnotationMirror mirror, String name) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
        mirror.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(name)) {
        return entry.getValue();
      }
    }
    return null;
  }

  /** A string member, or {@code null} (also for a {@code null} mirror). */
  public static String string(AnnotationMirror mirror, String name) {
    if (mirror == null) {
      return null;
    }
    AnnotationValue value = member(mirror, name);
    return value != null && value.getValue() instanceof String text ? text : null;
  }

  /** A string or string-array member as a list, or {@code null} for a {@code null} mirror. */
  public static List<String> strings(AnnotationMirror mirror, String name) {
    if (mirror == null) {
      return null;
    }
    AnnotationValue value = member(mirror, name);
    List<String> values = new ArrayList<>();
    if (value != null && value.getValue() instanceof List<?> items) {
      for (Object item : items) {
        if (((AnnotationValue) item).getValue() instanceof String text) {
          values.add(text);
        }
      }
    } else if (value != null && value.getValue() instanceof String text) {
      values.add(text);
    }
    return values;
  }
}
