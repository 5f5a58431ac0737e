package dev.portico.processor;

import static dev.portico.processor.TypeNames.isDeclared;
import static dev.portico.processor.TypeNames.qualified;
import static dev.portico.processor.TypeNames.simple;

import dev.portico.processor.Diagnostics.Problem;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.PrimitiveType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * The checks of a parameter whose text converts to its type through the conversion table ({@link
 * TextConversions}), shared by the HTTP {@code ParameterBinder} and the WebSocket binder: the
 * {@code Optional<T>} / {@code List<T>} wrapper, a type the table converts, {@code @Nullable} on a
 * primitive, a {@code @DefaultValue} the type accepts. One wording, one set of problems.
 */
public final class ConversionChecks {
  private final Types types;
  private final TextConversions conversions;
  private final Diagnostics diagnostics;

  /** Reports through the diagnostics. */
  public ConversionChecks(Types types, TextConversions conversions, Diagnostics diagnostics) {
    this.types = types;
    this.conversions = conversions;
    this.diagnostics = diagnostics;
  }

  /** How the values of a parameter are gathered. */
  public enum Shape {
    /** The value itself. */
    SINGLE,
    /** The value in an {@code Optional}. */
    OPTIONAL,
    /** Every value, as a {@code List}. */
    LIST
  }

  /**
   * A parameter that converts.
   *
   * @param shape how its values are gathered
   * @param valueType the type each value converts to (the wrapper's argument)
   * @param optional whether the value may be absent ({@code Optional}, {@code List}, {@code
   *     Nullable})
   */
  public record Converted(Shape shape, TypeMirror valueType, boolean optional) {}

  /**
   * The parameter's shape and value type, or {@code null} after reporting every problem found.
   *
   * @param owner the method as messages name it
   * @param type the parameter's type (as a member of the controller)
   * @param binding the binding annotation, where a type problem is reported
   * @param label the binding as messages name it: {@code @QueryParam 'limit'}
   * @param defaultAnnotation the parameter's {@code @DefaultValue}, or {@code null}
   */
  public Converted check(
      String owner,
      VariableElement parameter,
      TypeMirror type,
      AnnotationMirror binding,
      String label,
      AnnotationMirror defaultAnnotation) {
    String defaultValue = PorticoAnnotation.string(defaultAnnotation, "value");
    boolean nullable = PorticoAnnotation.nullable(parameter);
    Shape shape = Shape.SINGLE;
    TypeMirror valueType = type;
    boolean optional = nullable;
    if (isDeclared(type, "java.util.Optional") || isDeclared(type, "java.util.List")) {
      List<? extends TypeMirror> arguments = ((DeclaredType) type).getTypeArguments();
      if (arguments.size() == 1) {
        valueType = arguments.get(0);
        shape = isDeclared(type, "java.util.Optional") ? Shape.OPTIONAL : Shape.LIST;
        optional = true;
      }
    }
    if (!conversions.convertible(valueType)) {
      diagnostics.error(
          parameter,
          binding,
          null,
          Problem.UNCONVERTIBLE,
          owner
              + ": "
              + label
              + " has type "
              + qualified(type)
              + ", which Portico cannot convert from text; "
              + TextConversions.HOW_TO_CONVERT,
          label,
          qualified(type));
      return null;
    }
    boolean ok = true;
    if (nullable
        && shape == Shape.SINGLE
        && valueType.getKind().isPrimitive()
        && defaultValue == null) {
      diagnostics.error(
          parameter,
          binding,
          null,
          Problem.NULLABLE_PRIMITIVE,
          owner
              + ": "
              + label
              + " is @Nullable but has primitive type "
              + simple(valueType)
              + ", which cannot be null; use "
              + types.boxedClass((PrimitiveType) valueType).getSimpleName(),
          label,
          simple(valueType));
      ok = false;
    }
    if (defaultValue != null) {
      String problem = conversions.defaultProblem(valueType, defaultValue);
      if (problem != null) {
        diagnostics.error(
            parameter,
            defaultAnnotation,
            PorticoAnnotation.member(defaultAnnotation, "value"),
            Problem.BAD_DEFAULT,
            owner
                + ": @DefaultValue(\""
                + defaultValue
                + "\") of "
                + label
                + " is not a valid "
                + problem,
            defaultValue,
            label,
            problem);
        ok = false;
      }
    }
    return ok ? new Converted(shape, valueType, optional) : null;
  }
}
