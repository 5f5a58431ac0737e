package dev.portico.processor;

import static dev.portico.processor.TypeNames.isDeclared;
import static dev.portico.processor.TypeNames.qualified;
import static dev.portico.processor.TypeNames.simple;

import dev.portico.path.PathTemplate;
import dev.portico.processor.Diagnostics.Problem;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.PrimitiveType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Decides how each parameter of a route method gets its value: from its binding annotation
 * ({@code @PathParam}, ..., {@code @Body}) or, without one, from its type (the request, the Lambda
 * context, the authorization, the raw event). Produces a {@link Binding} or reports why there is
 * none.
 */
final class ParameterBinder {
  private static final String EVENTS_PACKAGE = "com.amazonaws.services.lambda.runtime.events";

  private final Elements elements;
  private final Types types;
  private final ConversionChecks checks;
  private final Diagnostics diagnostics;

  ParameterBinder(
      Elements elements, Types types, TextConversions conversions, Diagnostics diagnostics) {
    this.elements = elements;
    this.types = types;
    this.checks = new ConversionChecks(types, conversions, diagnostics);
    this.diagnostics = diagnostics;
  }

  /**
   * The parameter's binding, or {@code null} after reporting why it has none.
   *
   * @param owner the method as messages name it
   * @param type the parameter's type as a member of the controller
   * @param template the route's path, or {@code null} when it did not parse
   * @param path the route's path as written
   */
  Binding bind(
      String owner,
      VariableElement parameter,
      TypeMirror type,
      PathTemplate template,
      String path) {
    String parameterName = parameter.getSimpleName().toString();
    List<AnnotationMirror> present =
        PorticoAnnotation.presentOn(parameter, PorticoAnnotation.Kind.BINDING);
    if (present.size() > 1) {
      String names =
          String.join(", ", present.stream().map(m -> PorticoAnnotation.of(m).display()).toList());
      diagnostics.error(
          parameter,
          present.get(1),
          null,
          Problem.SEVERAL_BINDINGS,
          owner
              + ": parameter '"
              + parameterName
              + "' has several binding annotations ("
              + names
              + "); keep one",
          parameterName,
          names);
      return null;
    }
    AnnotationMirror defaultAnnotation = PorticoAnnotation.DEFAULT_VALUE.on(parameter);
    String defaultValue = PorticoAnnotation.string(defaultAnnotation, "value");
    boolean nullable = PorticoAnnotation.nullable(parameter);

    if (present.isEmpty()) {
      return injected(owner, parameter, type, defaultAnnotation, defaultValue);
    }
    AnnotationMirror binding = present.get(0);
    PorticoAnnotation annotation = PorticoAnnotation.of(binding);
    if (annotation == PorticoAnnotation.BODY) {
      return body(owner, parameter, binding, type, defaultAnnotation, defaultValue, nullable);
    }

    boolean principal = annotation == PorticoAnnotation.PRINCIPAL;
    String name = principal ? "principal" : PorticoAnnotation.string(binding, "value");
    String label = principal ? "@Principal" : annotation.display() + " '" + name + "'";
    if (name == null || name.isEmpty()) {
      diagnostics.error(
          parameter,
          binding,
          PorticoAnnotation.member(binding, "value"),
          Problem.EMPTY_NAME,
          owner
              + ": "
              + annotation.display()
              + " of parameter '"
              + parameterName
              + "' has an empty name",
          annotation,
          parameterName);
      return null;
    }
    boolean ok = true;
    if (annotation == PorticoAnnotation.PATH_PARAM) {
      if (defaultValue != null) {
        diagnostics.error(
            parameter,
            defaultAnnotation,
            null,
            Problem.DEFAULT_ON_PATH,
            owner
                + ": @DefaultValue does not apply to "
                + label
                + "; a path variable is always present",
            label);
        ok = false;
      }
      if (template != null && !template.variables().contains(name)) {
        diagnostics.error(
            parameter,
            binding,
            PorticoAnnotation.member(binding, "value"),
            Problem.MISSING_PATH_VARIABLE,
            owner + ": " + label + " has no {" + name + "} in path '" + path + "'",
            label);
        ok = false;
      }
    }

    ConversionChecks.Converted converted =
        checks.check(owner, parameter, type, binding, label, defaultAnnotation);
    if (converted == null || !ok) {
      return null;
    }
    Binding.Shape shape =
        switch (converted.shape()) {
          case SINGLE -> Binding.Shape.SINGLE;
          case OPTIONAL -> Binding.Shape.OPTIONAL;
          case LIST -> Binding.Shape.LIST;
        };
    return new Binding.Param(
        parameter,
        shape,
        converted.valueType(),
        annotation.source(),
        name,
        defaultValue,
        converted.optional());
  }

  /** A parameter without binding annotation: bound by its type, or reported. */
  private Binding injected(
      String owner,
      VariableElement parameter,
      TypeMirror type,
      AnnotationMirror defaultAnnotation,
      String defaultValue) {
    String parameterName = parameter.getSimpleName().toString();
    Binding.Injected.Source kind = injectable(type);
    if (kind == null) {
      diagnostics.error(
          parameter,
          Problem.UNBOUND_PARAMETER,
          owner
              + ": parameter '"
              + parameterName
              + "' of type "
              + qualified(type)
              + " has no binding annotation ("
              + PorticoAnnotation.BINDING_LIST
              + ") and is not an injectable type (Request, Context, Authorization,"
              + " aws-lambda-java-events types)",
          parameterName,
          qualified(type));
      return null;
    }
    if (defaultValue != null) {
      diagnostics.error(
          parameter,
          defaultAnnotation,
          null,
          Problem.DEFAULT_ON_INJECTED,
          owner
              + ": @DefaultValue does not apply to parameter '"
              + parameterName
              + "', which is injected, not bound",
          parameterName);
      return null;
    }
    return new Binding.Injected(parameter, kind, type);
  }

  private Binding body(
      String owner,
      VariableElement parameter,
      AnnotationMirror annotation,
      TypeMirror type,
      AnnotationMirror defaultAnnotation,
      String defaultValue,
      boolean nullable) {
    String parameterName = parameter.getSimpleName().toString();
    if (defaultValue != null) {
      diagnostics.error(
          parameter,
          defaultAnnotation,
          null,
          Problem.DEFAULT_ON_BODY,
          owner
              + ": @DefaultValue does not apply to @Body parameter '"
              + parameterName
              + "'; use Optional or @Nullable for a body that may be absent",
          parameterName);
      return null;
    }
    Binding.Shape shape = nullable ? Binding.Shape.NULLABLE : Binding.Shape.SINGLE;
    TypeMirror bodyType = type;
    if (isDeclared(type, "java.util.Optional")
        && ((DeclaredType) type).getTypeArguments().size() == 1) {
      shape = Binding.Shape.OPTIONAL;
      bodyType = ((DeclaredType) type).getTypeArguments().get(0);
    }
    if (shape == Binding.Shape.NULLABLE && bodyType.getKind().isPrimitive()) {
      diagnostics.error(
          parameter,
          annotation,
          null,
          Problem.NULLABLE_PRIMITIVE,
          owner
              + ": @Body parameter '"
              + parameterName
              + "' is @Nullable but has primitive type "
              + simple(bodyType)
              + ", which cannot be null; use "
              + types.boxedClass((PrimitiveType) bodyType).getSimpleName(),
          "@Body",
          parameterName,
          simple(bodyType));
      return null;
    }
    if (!concrete(bodyType)) {
      diagnostics.error(
          parameter,
          annotation,
          null,
          Problem.RAW_BODY,
          owner
              + ": @Body parameter '"
              + parameterName
              + "' has type "
              + qualified(type)
              + ", which mentions a type variable or is raw; give the body a concrete type",
          parameterName,
          qualified(type));
      return null;
    }
    Binding.BodyKind kind = Binding.BodyKind.JSON;
    if (isDeclared(bodyType, "java.lang.String")) {
      kind = Binding.BodyKind.STRING;
    } else if (bodyType.getKind() == TypeKind.ARRAY
        && ((ArrayType) bodyType).getComponentType().getKind() == TypeKind.BYTE) {
      kind = Binding.BodyKind.BYTES;
    }
    return new Binding.Body(parameter, kind, shape, bodyType);
  }

  /** Whether a body type can be written as a class literal or a type token without raw types. */
  private static boolean concrete(TypeMirror type) {
    switch (type.getKind()) {
      case ARRAY:
        return concrete(((ArrayType) type).getComponentType());
      case DECLARED:
        DeclaredType declared = (DeclaredType) type;
        TypeElement element = (TypeElement) declared.asElement();
        if (declared.getTypeArguments().size() != element.getTypeParameters().size()) {
          return false;
        }
        for (TypeMirror argument : declared.getTypeArguments()) {
          if (!concrete(argument)) {
            return false;
          }
        }
        return true;
      case WILDCARD:
        WildcardType wildcard = (WildcardType) type;
        return (wildcard.getExtendsBound() == null || concrete(wildcard.getExtendsBound()))
            && (wildcard.getSuperBound() == null || concrete(wildcard.getSuperBound()));
      default:
        return type.getKind().isPrimitive();
    }
  }

  private Binding.Injected.Source injectable(TypeMirror type) {
    if (type.getKind() != TypeKind.DECLARED) {
      return null;
    }
    TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
    switch (element.getQualifiedName().toString()) {
      case "dev.portico.api.Request":
        return Binding.Injected.Source.REQUEST;
      case "com.amazonaws.services.lambda.runtime.Context":
        return Binding.Injected.Source.CONTEXT;
      case "dev.portico.api.Authorization":
        return Binding.Injected.Source.AUTHORIZATION;
      default:
        boolean event =
            elements.getPackageOf(element).getQualifiedName().contentEquals(EVENTS_PACKAGE)
                && ((DeclaredType) type).getTypeArguments().isEmpty();
        return event ? Binding.Injected.Source.RAW_EVENT : null;
    }
  }
}
