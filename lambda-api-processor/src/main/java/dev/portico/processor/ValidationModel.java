package dev.portico.processor;

import java.util.List;
import java.util.Map;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/**
 * What the validation phase found for one controller: the checks of each route that has any, and
 * the records those checks cascade into. {@link ValidationWriter} turns it into code.
 *
 * @param routes per route method with checks, in route order
 * @param records every record some route cascades into, with its components' checks
 */
record ValidationModel(
    Map<ExecutableElement, RouteChecks> routes, Map<TypeElement, RecordChecks> records) {
  static final ValidationModel NONE = new ValidationModel(Map.of(), Map.of());

  /**
   * One constraint to check, its attributes read and its message interpolated at compile time.
   *
   * @param kind which constraint
   * @param message the violation's detail
   * @param low {@code @Size}'s min, {@code @Min}'s or {@code @Max}'s value
   * @param high {@code @Size}'s max
   * @param decimal {@code @DecimalMin}'s or {@code @DecimalMax}'s value, as written
   * @param inclusive {@code @DecimalMin}'s or {@code @DecimalMax}'s inclusive
   * @param regexp {@code @Pattern}'s or {@code @Email}'s regexp ({@code null} for {@code .*})
   * @param flags the {@code java.util.regex.Pattern} flags of {@code regexp}
   */
  record Check(
      ConstraintKind kind,
      String message,
      long low,
      long high,
      String decimal,
      boolean inclusive,
      String regexp,
      int flags) {}

  /**
   * The checks of one value: its constraints, the record it cascades into ({@code @Valid}) and, for
   * a {@code List}, the checks of each element.
   *
   * @param type the value's type
   * @param kind its kind
   * @param checks its constraints in declaration order
   * @param cascade the record to validate inside it, or {@code null}
   * @param element the checks of each element of a {@code List}, or {@code null}
   */
  record ValueChecks(
      TypeMirror type,
      ValueKind kind,
      List<Check> checks,
      TypeElement cascade,
      ValueChecks element) {
    /** Whether nothing is checked. */
    boolean isEmpty() {
      return checks.isEmpty() && cascade == null && (element == null || element.isEmpty());
    }
  }

  /**
   * A record's components' checks.
   *
   * @param type the record type
   * @param components the components with checks, in declaration order
   */
  record RecordChecks(DeclaredType type, List<ComponentChecks> components) {}

  /** One component's checks. */
  record ComponentChecks(String name, ValueChecks value) {}

  /**
   * One route method's checks.
   *
   * @param parameterTypes every parameter's type as a member of the controller
   * @param parameters the parameters with checks
   */
  record RouteChecks(List<TypeMirror> parameterTypes, List<ParameterChecks> parameters) {}

  /**
   * One parameter's checks.
   *
   * @param index its position
   * @param in where its value comes from, as {@code FieldProblem} names it ({@code body}, {@code
   *     query}, ...)
   * @param name the parameter's name in its source ({@code ""} for the body: its fields' paths
   *     start at the root)
   * @param shape how the binding wraps the value (a body may be {@code Optional})
   * @param value the checks
   */
  record ParameterChecks(
      int index, String in, String name, Binding.Shape shape, ValueChecks value) {}
}
