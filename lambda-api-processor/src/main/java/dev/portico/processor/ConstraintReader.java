package dev.portico.processor;

import static dev.portico.processor.TypeNames.simple;

import dev.portico.processor.Diagnostics.Problem;
import dev.portico.processor.ValidationModel.Check;
import dev.portico.processor.ValidationModel.ValueChecks;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads the {@code jakarta.validation} annotations of one value (a record component or a route
 * parameter, and the elements of a {@code List}) into {@link ValueChecks}: each supported
 * constraint's attributes checked and its message interpolated at compile time. Anything it does
 * not check is a compile error naming the annotation and where it is: a constraint outside {@link
 * ConstraintKind}, {@code groups} or {@code payload}, a constraint on a type it cannot apply to, a
 * bad attribute, {@code @Valid} on something that is not a record or a {@code List} of records.
 */
final class ConstraintReader {
  private final Elements elements;
  private final Types types;
  private final Diagnostics diagnostics;

  ConstraintReader(Elements elements, Types types, Diagnostics diagnostics) {
    this.elements = elements;
    this.types = types;
    this.diagnostics = diagnostics;
  }

  /**
   * Reports on the annotation where javac can place it (a parameter's), else on the element: the
   * implicit field of a record component, whose annotations javac cannot locate.
   */
  private void error(Element element, AnnotationMirror mirror, Problem problem, String message) {
    diagnostics.error(
        element,
        element.getKind() == ElementKind.FIELD ? null : mirror,
        null,
        problem,
        message,
        mirror);
  }

  /** Whether the annotation is a constraint or {@code @Valid}: something validation must handle. */
  boolean isValidationAnnotation(AnnotationMirror mirror) {
    TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
    return type.getQualifiedName().contentEquals(ConstraintKind.VALID)
        || isConstraint(type)
        || type.getEnclosingElement() instanceof TypeElement
            && isConstraint((TypeElement) type.getEnclosingElement());
  }

  private static boolean isConstraint(TypeElement annotationType) {
    for (AnnotationMirror meta : annotationType.getAnnotationMirrors()) {
      if (((TypeElement) meta.getAnnotationType().asElement())
          .getQualifiedName()
          .contentEquals(ConstraintKind.CONSTRAINT)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The checks of a value.
   *
   * @param element where errors are reported
   * @param where how messages name the value, e.g. {@code PetController.NewPet.name}
   * @param annotations the value's declaration annotations
   * @param declared the type as declared, carrying the type arguments' annotations
   * @param type the type as the generated code sees it
   * @return the checks, or {@code null} after reporting an error
   */
  ValueChecks read(
      Element element,
      String where,
      List<? extends AnnotationMirror> annotations,
      TypeMirror declared,
      TypeMirror type) {
    int errorsBefore = diagnostics.errorCount();
    ValueKind kind = ValueKind.of(type, elements, types);
    List<Check> checks = new ArrayList<>();
    AnnotationMirror valid = null;
    for (AnnotationMirror mirror : annotations) {
      TypeElement annotationType = (TypeElement) mirror.getAnnotationType().asElement();
      String name = annotationType.getQualifiedName().toString();
      ConstraintKind constraint = ConstraintKind.of(name);
      if (name.equals(ConstraintKind.VALID)) {
        valid = mirror;
      } else if (constraint != null) {
        Check check = check(element, where, mirror, constraint, kind, type);
        if (check != null) {
          checks.add(check);
        }
      } else if (isConstraint(annotationType)) {
        error(
            element,
            mirror,
            Problem.VALIDATION_UNSUPPORTED,
            where
                + ": @"
                + annotationType.getSimpleName()
                + " ("
                + name
                + ") is a constraint that Portico does not check; it checks "
                + ConstraintKind.supportedList()
                + " and @Valid");
      } else if (annotationType.getEnclosingElement() instanceof TypeElement
          && isConstraint((TypeElement) annotationType.getEnclosingElement())) {
        String outer =
            ((TypeElement) annotationType.getEnclosingElement()).getSimpleName().toString();
        error(
            element,
            mirror,
            Problem.VALIDATION_REPEATED,
            where + ": repeated @" + outer + " is not supported; use one @" + outer);
      }
    }
    ValueChecks elementChecks = elementChecks(element, where, declared, type, kind);
    TypeElement cascade = null;
    if (valid != null) {
      TypeElement record = record(type);
      TypeMirror listElement = listElement(type);
      if (record != null) {
        cascade = record;
      } else if (listElement != null && record(listElement) != null) {
        ValueChecks base =
            elementChecks != null
                ? elementChecks
                : new ValueChecks(
                    listElement, ValueKind.of(listElement, elements, types), List.of(), null, null);
        elementChecks =
            new ValueChecks(base.type(), base.kind(), base.checks(), record(listElement), null);
      } else {
        error(
            element,
            valid,
            Problem.VALIDATION_MISPLACED_VALID,
            where + ": @Valid applies to records and Lists of records, not to " + simple(type));
      }
    }
    if (diagnostics.errorCount() != errorsBefore) {
      return null;
    }
    return new ValueChecks(type, kind, List.copyOf(checks), cascade, elementChecks);
  }

  /** The checks of a {@code List}'s elements ({@code List<@NotBlank String>}), or {@code null}. */
  private ValueChecks elementChecks(
      Element element, String where, TypeMirror declared, TypeMirror type, ValueKind kind) {
    if (declared.getKind() != TypeKind.DECLARED) {
      return null;
    }
    List<? extends TypeMirror> arguments = ((DeclaredType) declared).getTypeArguments();
    for (int i = 0; i < arguments.size(); i++) {
      List<AnnotationMirror> relevant = new ArrayList<>();
      for (AnnotationMirror mirror : arguments.get(i).getAnnotationMirrors()) {
        if (isValidationAnnotation(mirror)) {
          relevant.add(mirror);
        }
      }
      if (relevant.isEmpty()) {
        continue;
      }
      TypeMirror listElement = listElement(type);
      if (listElement == null) {
        error(
            element,
            relevant.get(0),
            Problem.VALIDATION_TYPE_ARGUMENT,
            where
                + ": constraints on type arguments apply to the elements of a List only, not to "
                + simple(type));
        return null;
      }
      return read(element, where + " element", relevant, arguments.get(i), listElement);
    }
    return null;
  }

  /** The record type, or {@code null} when the type is not a record. */
  static TypeElement record(TypeMirror type) {
    if (type.getKind() != TypeKind.DECLARED) {
      return null;
    }
    Element element = ((DeclaredType) type).asElement();
    return element.getKind() == ElementKind.RECORD ? (TypeElement) element : null;
  }

  /** {@code X} of {@code List<X>}, or {@code null}. */
  static TypeMirror listElement(TypeMirror type) {
    if (TypeNames.isDeclared(type, "java.util.List")) {
      List<? extends TypeMirror> arguments = ((DeclaredType) type).getTypeArguments();
      if (arguments.size() == 1 && arguments.get(0).getKind() == TypeKind.DECLARED) {
        return arguments.get(0);
      }
    }
    return null;
  }

  private Check check(
      Element element,
      String where,
      AnnotationMirror mirror,
      ConstraintKind constraint,
      ValueKind kind,
      TypeMirror type) {
    String display = constraint.display();
    Map<String, AnnotationValue> values = new LinkedHashMap<>();
    elements
        .getElementValuesWithDefaults(mirror)
        .forEach((member, value) -> values.put(member.getSimpleName().toString(), value));
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> explicit :
        mirror.getElementValues().entrySet()) {
      String member = explicit.getKey().getSimpleName().toString();
      if ((member.equals("groups") || member.equals("payload"))
          && !((List<?>) explicit.getValue().getValue()).isEmpty()) {
        error(
            element,
            mirror,
            Problem.VALIDATION_GROUPS_OR_PAYLOAD,
            where
                + ": "
                + display
                + " has "
                + member
                + "; Portico checks the default group only, without payloads");
        return null;
      }
    }
    if (!constraint.appliesTo(kind)) {
      error(
          element,
          mirror,
          Problem.VALIDATION_NOT_APPLICABLE,
          where
              + ": "
              + display
              + " does not apply to "
              + simple(type)
              + "; Portico checks it on "
              + constraint.applicability());
      return null;
    }
    long low = 0;
    long high = 0;
    String decimal = null;
    boolean inclusive = true;
    String regexp = null;
    int flags = 0;
    switch (constraint) {
      case SIZE:
        low = ((Number) values.get("min").getValue()).longValue();
        high = ((Number) values.get("max").getValue()).longValue();
        if (low < 0 || high < low) {
          error(
              element,
              mirror,
              Problem.VALIDATION_BAD_ATTRIBUTE,
              where + ": @Size(min = " + low + ", max = " + high + ") needs 0 <= min <= max");
          return null;
        }
        break;
      case MIN:
      case MAX:
        low = ((Number) values.get("value").getValue()).longValue();
        break;
      case DECIMAL_MIN:
      case DECIMAL_MAX:
        decimal = (String) values.get("value").getValue();
        inclusive = (Boolean) values.get("inclusive").getValue();
        try {
          new BigDecimal(decimal);
        } catch (NumberFormatException e) {
          error(
              element,
              mirror,
              Problem.VALIDATION_BAD_ATTRIBUTE,
              where + ": " + display + "(\"" + decimal + "\") is not a decimal number");
          return null;
        }
        break;
      case PATTERN:
      case EMAIL:
        regexp = (String) values.get("regexp").getValue();
        flags = flags(values.get("flags"));
        try {
          Pattern.compile(regexp, flags);
        } catch (PatternSyntaxException e) {
          error(
              element,
              mirror,
              Problem.VALIDATION_BAD_ATTRIBUTE,
              where
                  + ": "
                  + display
                  + "(regexp = \""
                  + regexp
                  + "\") is not a valid regular expression: "
                  + e.getDescription()
                  + " at index "
                  + e.getIndex());
          return null;
        }
        if (constraint == ConstraintKind.EMAIL && regexp.equals(".*")) {
          regexp = null;
        }
        break;
      default:
        break;
    }
    String template = (String) values.get("message").getValue();
    String message;
    try {
      message = MessageTemplates.interpolate(template, constraint, inclusive, values);
    } catch (IllegalArgumentException e) {
      error(
          element,
          mirror,
          Problem.VALIDATION_BAD_MESSAGE,
          where + ": " + display + "(message = \"" + template + "\") " + e.getMessage());
      return null;
    }
    return new Check(constraint, message, low, high, decimal, inclusive, regexp, flags);
  }

  /** The {@code java.util.regex.Pattern} flags of {@code Pattern.Flag} constants. */
  private static int flags(AnnotationValue value) {
    int flags = 0;
    for (Object item : (List<?>) value.getValue()) {
      String name =
          ((VariableElement) ((AnnotationValue) item).getValue()).getSimpleName().toString();
      switch (name) {
        case "UNIX_LINES":
          flags |= Pattern.UNIX_LINES;
          break;
        case "CASE_INSENSITIVE":
          flags |= Pattern.CASE_INSENSITIVE;
          break;
        case "COMMENTS":
          flags |= Pattern.COMMENTS;
          break;
        case "MULTILINE":
          flags |= Pattern.MULTILINE;
          break;
        case "DOTALL":
          flags |= Pattern.DOTALL;
          break;
        case "UNICODE_CASE":
          flags |= Pattern.UNICODE_CASE;
          break;
        case "CANON_EQ":
          flags |= Pattern.CANON_EQ;
          break;
        default:
          throw new IllegalStateException("unknown Pattern.Flag " + name);
      }
    }
    return flags;
  }
}
