package dev.portico.processor;

import static dev.portico.processor.TypeNames.displayName;
import static dev.portico.processor.TypeNames.simple;

import dev.portico.processor.Diagnostics.Problem;
import dev.portico.processor.ValidationModel.ComponentChecks;
import dev.portico.processor.ValidationModel.ParameterChecks;
import dev.portico.processor.ValidationModel.RecordChecks;
import dev.portico.processor.ValidationModel.RouteChecks;
import dev.portico.processor.ValidationModel.ValueChecks;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The validation phase: after the routes are bound, reads the {@code jakarta.validation}
 * annotations of their parameters and of the records their {@code @Body} parameters hold (through
 * {@link ConstraintReader}), and says what the generated code must check. A {@code @Body} is
 * validated when it is annotated {@code @Valid}, as Jakarta Validation does; a body record with
 * constraints but without {@code @Valid} gets a compile warning, and so does a record component
 * that holds a record with constraints without {@code @Valid}. Constraints are read (and reported
 * when unsupported) on every body record, validated or not.
 */
final class ValidationAnalyzer {
  private final Types types;
  private final Diagnostics diagnostics;
  private final ConstraintReader reader;
  private final Map<TypeElement, RecordChecks> records = new HashMap<>();

  ValidationAnalyzer(Elements elements, Types types, Diagnostics diagnostics) {
    this.types = types;
    this.diagnostics = diagnostics;
    this.reader = new ConstraintReader(elements, types, diagnostics);
  }

  /** The controller's checks; errors and warnings are reported through the diagnostics. */
  ValidationModel analyze(TypeElement controller, List<RouteModel> routes) {
    Map<ExecutableElement, RouteChecks> checked = new LinkedHashMap<>();
    for (RouteModel route : routes) {
      ExecutableElement method = route.method();
      ExecutableType resolved =
          (ExecutableType) types.asMemberOf((DeclaredType) controller.asType(), method);
      List<ParameterChecks> parameters = new ArrayList<>();
      for (Binding binding : route.bindings()) {
        int index = method.getParameters().indexOf(binding.element());
        ParameterChecks checks =
            parameter(route, binding, index, resolved.getParameterTypes().get(index));
        if (checks != null && !checks.value().isEmpty()) {
          parameters.add(checks);
        }
      }
      if (!parameters.isEmpty()) {
        checked.put(
            method,
            new RouteChecks(List.copyOf(resolved.getParameterTypes()), List.copyOf(parameters)));
      }
    }
    if (checked.isEmpty()) {
      return ValidationModel.NONE;
    }
    Map<TypeElement, RecordChecks> needed = new LinkedHashMap<>();
    for (RouteChecks route : checked.values()) {
      for (ParameterChecks parameter : route.parameters()) {
        collect(parameter.value(), needed);
      }
    }
    return new ValidationModel(checked, needed);
  }

  private ParameterChecks parameter(RouteModel route, Binding binding, int index, TypeMirror type) {
    VariableElement element = binding.element();
    String where = route.owner() + ", parameter '" + element.getSimpleName() + "'";
    List<AnnotationMirror> annotations = new ArrayList<>();
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (reader.isValidationAnnotation(mirror)) {
        annotations.add(mirror);
      }
    }
    if (binding instanceof Binding.Param) {
      Binding.Param param = (Binding.Param) binding;
      ValueChecks value = reader.read(element, where, annotations, element.asType(), type);
      return value == null
          ? null
          : new ParameterChecks(index, in(param.source()), param.name(), param.shape(), value);
    }
    if (binding instanceof Binding.Injected) {
      if (!annotations.isEmpty()) {
        diagnostics.error(
            element,
            annotations.get(0),
            null,
            Problem.VALIDATION_ON_INJECTED,
            where
                + ": is injected, not bound from the request; constraints apply to bound"
                + " parameters and to @Body",
            annotations.get(0));
      }
      return null;
    }
    Binding.Body body = (Binding.Body) binding;
    AnnotationMirror valid = null;
    for (AnnotationMirror mirror : annotations) {
      if (((TypeElement) mirror.getAnnotationType().asElement())
          .getQualifiedName()
          .contentEquals(ConstraintKind.VALID)) {
        valid = mirror;
      } else {
        diagnostics.error(
            element,
            mirror,
            null,
            Problem.VALIDATION_ON_BODY,
            where
                + ": constraints on a @Body parameter are not supported; annotate it with @Valid"
                + " and put them on the record's components",
            mirror);
        return null;
      }
    }
    TypeMirror valueType = body.valueType();
    TypeElement record = ConstraintReader.record(valueType);
    if (record == null && ConstraintReader.listElement(valueType) != null) {
      record = ConstraintReader.record(ConstraintReader.listElement(valueType));
    }
    if (record != null) {
      DeclaredType recordType =
          (DeclaredType)
              (ConstraintReader.record(valueType) != null
                  ? valueType
                  : ConstraintReader.listElement(valueType));
      RecordChecks checks = record(record, recordType);
      if (valid == null && !checks.components().isEmpty()) {
        diagnostics.warning(
            element,
            where
                + ": "
                + simple(recordType)
                + " has constraints but the @Body parameter is not annotated @Valid, so they"
                + " are not checked; add @Valid");
      }
    }
    if (valid == null) {
      return null;
    }
    ValueChecks value = reader.read(element, where, List.of(valid), valueType, valueType);
    return value == null ? null : new ParameterChecks(index, "body", "", body.shape(), value);
  }

  /** The checks of a record's components, read once per record. */
  private RecordChecks record(TypeElement record, DeclaredType type) {
    RecordChecks known = records.get(record);
    if (known != null) {
      return known;
    }
    records.put(record, new RecordChecks(type, List.of()));
    List<ComponentChecks> components = new ArrayList<>();
    for (RecordComponentElement component :
        ElementFilter.recordComponentsIn(record.getEnclosedElements())) {
      String name = component.getSimpleName().toString();
      VariableElement field =
          ElementFilter.fieldsIn(record.getEnclosedElements()).stream()
              .filter(f -> f.getSimpleName().contentEquals(name))
              .findFirst()
              .orElseThrow();
      TypeMirror componentType = types.asMemberOf(type, field);
      String where = displayName(record) + "." + name;
      ValueChecks value =
          reader.read(field, where, field.getAnnotationMirrors(), field.asType(), componentType);
      TypeMirror nested =
          ConstraintReader.record(componentType) != null
              ? componentType
              : ConstraintReader.listElement(componentType);
      TypeElement nestedRecord = nested == null ? null : ConstraintReader.record(nested);
      if (nestedRecord != null && !nestedRecord.getQualifiedName().toString().startsWith("java.")) {
        RecordChecks inner = record(nestedRecord, (DeclaredType) nested);
        boolean cascades =
            value != null
                && (value.cascade() != null
                    || value.element() != null && value.element().cascade() != null);
        if (!cascades && value != null && !inner.components().isEmpty()) {
          diagnostics.warning(
              field,
              where
                  + ": "
                  + simple(nested)
                  + " has constraints but "
                  + name
                  + " is not annotated @Valid, so they are not checked; add @Valid");
        }
      }
      if (value != null && !value.isEmpty()) {
        components.add(new ComponentChecks(name, value));
      }
    }
    RecordChecks checks = new RecordChecks(type, List.copyOf(components));
    records.put(record, checks);
    return checks;
  }

  /** Adds the records the value cascades into, and theirs. */
  private void collect(ValueChecks value, Map<TypeElement, RecordChecks> needed) {
    if (value == null) {
      return;
    }
    if (value.cascade() != null && !needed.containsKey(value.cascade())) {
      RecordChecks checks = records.get(value.cascade());
      if (checks == null) {
        checks = record(value.cascade(), (DeclaredType) value.type());
      }
      needed.put(value.cascade(), checks);
      for (ComponentChecks component : checks.components()) {
        collect(component.value(), needed);
      }
    }
    collect(value.element(), needed);
  }

  /** How a {@code FieldProblem} names the source: {@code query} for {@code QUERY}. */
  private static String in(String source) {
    switch (source) {
      case "STAGE_VARIABLE":
        return "stageVariable";
      default:
        return source.toLowerCase(java.util.Locale.ROOT);
    }
  }
}
