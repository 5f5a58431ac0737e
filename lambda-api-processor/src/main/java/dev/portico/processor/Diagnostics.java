package dev.portico.processor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * Reports compile errors, each on its element, once per element and problem: a mistake in an
 * inherited method is seen again from every subclass, and is reported only the first time (the
 * subclass's message differs only in its owner and path). Callers say what identifies the mistake
 * ({@link Problem} plus the values that make it a different mistake, such as a parameter's resolved
 * type); nothing is derived from the message text.
 *
 * <p>Every report carries the annotation it concerns (and its value), like Dagger's per-element
 * validation reports, and is printed on them ({@link Messager#printMessage(Diagnostic.Kind,
 * CharSequence, Element, AnnotationMirror, AnnotationValue)}), so that the compiler points at the
 * annotation (or the value) and the IDE underlines it; a report without annotation is printed on
 * its element. The HTTP and the WebSocket analyzers report the same way. Public only so that the
 * WebSocket analyzer shares this class; not an API.
 */
public final class Diagnostics {
  /** The kinds of mistake the analyzers report; a key of the de-duplication. */
  public enum Problem {
    LOCAL_CONTROLLER,
    PRIVATE_CONTROLLER,
    GENERIC_CONTROLLER,
    BAD_PATH,
    NO_ROUTE_METHODS,
    NO_HTTP_METHOD,
    STATIC_INTERFACE_METHOD,
    PRIVATE_METHOD,
    UNREACHABLE_METHOD,
    GENERIC_METHOD,
    BAD_THROWS,
    DUPLICATE_ROUTE,
    SECOND_BODY,
    BAD_MEDIA_TYPE,
    EMPTY_SCOPES,
    BAD_SCOPE,
    EMPTY_CLAIM_NAME,
    EMPTY_CLAIM_VALUES,
    EMPTY_CLAIM_VALUE,
    SEVERAL_BINDINGS,
    UNBOUND_PARAMETER,
    DEFAULT_ON_INJECTED,
    EMPTY_NAME,
    DEFAULT_ON_PATH,
    MISSING_PATH_VARIABLE,
    UNCONVERTIBLE,
    NULLABLE_PRIMITIVE,
    BAD_DEFAULT,
    DEFAULT_ON_BODY,
    RAW_BODY,
    /** A body or result left to jackson-databind under {@code portico.requireGeneratedJson}. */
    GENERATED_JSON_REQUIRED,
    /** A constraint annotation the processor does not check (never silently ignored). */
    VALIDATION_UNSUPPORTED,
    /** A repeated constraint (its {@code List} container). */
    VALIDATION_REPEATED,
    /** {@code @Valid} on something that is not a record or a list of records. */
    VALIDATION_MISPLACED_VALID,
    /** A constraint on a type argument of something other than a {@code List}. */
    VALIDATION_TYPE_ARGUMENT,
    /** Non-default {@code groups} or {@code payload}. */
    VALIDATION_GROUPS_OR_PAYLOAD,
    /** A constraint on a type it cannot apply to, such as {@code @Size} on an {@code int}. */
    VALIDATION_NOT_APPLICABLE,
    /** A constraint attribute out of its range or not parseable. */
    VALIDATION_BAD_ATTRIBUTE,
    /** A {@code message} the processor cannot interpolate at build time. */
    VALIDATION_BAD_MESSAGE,
    /** A constraint on an injected parameter. */
    VALIDATION_ON_INJECTED,
    /** A constraint directly on a {@code @Body} parameter. */
    VALIDATION_ON_BODY,
    /** A WebSocket controller that is not a class (an interface, enum, record, annotation). */
    WEBSOCKET_NOT_A_CLASS,
    WEBSOCKET_LOCAL_CONTROLLER,
    WEBSOCKET_PRIVATE_CONTROLLER,
    WEBSOCKET_INNER_CONTROLLER,
    WEBSOCKET_GENERIC_CONTROLLER,
    /** A method with two of {@code @OnConnect}, {@code @OnDisconnect}, {@code @OnMessage}. */
    WEBSOCKET_SEVERAL_ROUTES,
    /** Two methods of one hierarchy for one route key. */
    WEBSOCKET_DUPLICATE_ROUTE,
    WEBSOCKET_UNREACHABLE_METHOD,
    WEBSOCKET_EMPTY_ROUTE_KEY,
    WEBSOCKET_RESERVED_ROUTE_KEY,
    WEBSOCKET_PRIVATE_METHOD,
    WEBSOCKET_STATIC_METHOD,
    WEBSOCKET_GENERIC_METHOD,
    WEBSOCKET_BAD_THROWS,
    WEBSOCKET_BAD_RETURN,
    WEBSOCKET_SECOND_BODY,
    /** An HTTP-only binding annotation on a WebSocket parameter. */
    WEBSOCKET_HTTP_BINDING,
    WEBSOCKET_SEVERAL_BINDINGS,
    WEBSOCKET_MISPLACED_DEFAULT,
    /** A {@code CloseStatus} parameter outside {@code @OnDisconnect}. */
    WEBSOCKET_MISPLACED_CLOSE_STATUS,
    WEBSOCKET_UNBOUND_PARAMETER,
    /** A header or query parameter outside {@code @OnConnect}. */
    WEBSOCKET_CONNECT_ONLY,
    /** A parameter whose type its binding cannot give. */
    WEBSOCKET_BAD_TYPE,
    /** A body on {@code $connect} or {@code $disconnect}. */
    WEBSOCKET_NO_BODY,
    WEBSOCKET_RAW_BODY,
    WEBSOCKET_NULLABLE_PRIMITIVE_BODY
  }

  /**
   * One reported error.
   *
   * @param element where it is reported
   * @param annotation the annotation it concerns, or {@code null}
   * @param value the annotation's value it concerns, or {@code null}
   * @param problem what kind of mistake
   * @param message the message, word for word
   */
  record Report(
      Element element,
      AnnotationMirror annotation,
      AnnotationValue value,
      Problem problem,
      String message) {}

  private final Messager messager;
  private final Set<List<Object>> reported = new HashSet<>();
  private final List<Report> reports = new ArrayList<>();
  private int errors;

  /** Reports through the messager. */
  public Diagnostics(Messager messager) {
    this.messager = messager;
  }

  /** Reports an error on the element unless the same problem was reported there already. */
  public void error(Element element, Problem problem, String message, Object... identity) {
    error(element, null, null, problem, message, identity);
  }

  /**
   * Reports an error concerning an annotation (and one of its values), printed on the value when
   * given, else on the annotation when given, else on the element; unless the same problem with the
   * same identifying values was reported on the element already.
   */
  public void error(
      Element element,
      AnnotationMirror annotation,
      AnnotationValue value,
      Problem problem,
      String message,
      Object... identity) {
    errors++;
    List<Object> key = new ArrayList<>();
    key.add(problem);
    key.add(Arrays.asList(identity));
    for (Element e = element; e != null; e = e.getEnclosingElement()) {
      key.add(e);
    }
    if (reported.add(key)) {
      reports.add(new Report(element, annotation, value, problem, message));
      if (annotation == null) {
        messager.printMessage(Diagnostic.Kind.ERROR, message, element);
      } else if (value == null) {
        messager.printMessage(Diagnostic.Kind.ERROR, message, element, annotation);
      } else {
        messager.printMessage(Diagnostic.Kind.ERROR, message, element, annotation, value);
      }
    }
  }

  /**
   * Prints a note on the element, once per element and message (an inherited method is seen from
   * every subclass).
   */
  void note(Element element, String message) {
    List<Object> key = new ArrayList<>(List.of("note", message));
    key.add(element);
    if (reported.add(key)) {
      messager.printMessage(Diagnostic.Kind.NOTE, message, element);
    }
  }

  /**
   * Reports a warning on the element (a mistake that does not stop generation, such as validation
   * constraints that are not checked), once per element and message.
   */
  public void warning(Element element, String message) {
    List<Object> key = new ArrayList<>(List.of(Diagnostic.Kind.WARNING, message));
    for (Element e = element; e != null; e = e.getEnclosingElement()) {
      key.add(e);
    }
    if (reported.add(key)) {
      messager.printMessage(Diagnostic.Kind.WARNING, message, element);
    }
  }

  /** How many errors were raised (reported or seen before) so far. */
  public int errorCount() {
    return errors;
  }

  /** What was printed, in order. */
  List<Report> reports() {
    return List.copyOf(reports);
  }
}
