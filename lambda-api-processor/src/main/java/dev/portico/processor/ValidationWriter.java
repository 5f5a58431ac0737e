package dev.portico.processor;

import static dev.portico.processor.RoutesWriter.literal;

import dev.portico.processor.ValidationModel.Check;
import dev.portico.processor.ValidationModel.ComponentChecks;
import dev.portico.processor.ValidationModel.ParameterChecks;
import dev.portico.processor.ValidationModel.RecordChecks;
import dev.portico.processor.ValidationModel.RouteChecks;
import dev.portico.processor.ValidationModel.ValueChecks;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * The emit side of the validation phase: the nested {@code Validation} class of a generated routes
 * class (one method per validated route, one per record it cascades into, the compiled patterns and
 * bounds as constants) and the handler statements that bind the route's arguments to locals, check
 * them and call the controller. Every violation of a request is collected in one {@code
 * dev.portico.api.runtime.Violations} and answered as one 400.
 */
final class ValidationWriter {
  /** The simple name of the nested class. */
  static final String CLASS = "Validation";

  private static final String VIOLATIONS = "dev.portico.api.runtime.Violations";

  private final ValidationModel model;
  private final Imports imports;
  private final Types types;
  private final NameAllocator methods = new NameAllocator(NameAllocator.Suffix.NUMBER, Set.of());
  private final Map<ExecutableElement, String> routeMethods = new HashMap<>();
  private final Map<TypeElement, String> recordMethods = new HashMap<>();
  private final CheckConditions conditions;

  ValidationWriter(ValidationModel model, Imports imports, Types types) {
    this.model = model;
    this.imports = imports;
    this.types = types;
    this.conditions = new CheckConditions(imports);
    model
        .routes()
        .keySet()
        .forEach(m -> routeMethods.put(m, methods.newName(m.getSimpleName() + "")));
    model
        .records()
        .keySet()
        .forEach(r -> recordMethods.put(r, methods.newName("check" + r.getSimpleName())));
  }

  /** Whether any route is validated. */
  boolean isEmpty() {
    return model.routes().isEmpty();
  }

  /**
   * The statements of a validated route's handler (indented for {@code handle}), or {@code null}
   * when the route has no checks.
   *
   * @param arguments the argument expressions, one per parameter
   * @param call {@code controller.create}
   * @param locals names the handler's locals, so that they shadow nothing {@code register} declares
   */
  String handlerBody(
      RouteModel route,
      List<String> arguments,
      String call,
      boolean isVoid,
      Function<String, String> locals) {
    RouteChecks checks = model.routes().get(route.method());
    if (checks == null) {
      return null;
    }
    String indent = "            ";
    StringBuilder out = new StringBuilder();
    String[] names = new String[arguments.size()];
    for (int i = 0; i < arguments.size(); i++) {
      names[i] = locals.apply(route.method().getParameters().get(i).getSimpleName().toString());
      String head = indent + imports.type(checks.parameterTypes().get(i)) + " " + names[i];
      String argument = arguments.get(i);
      out.append(
          argument.contains("\n")
              ? head
                  + " =\n"
                  + indent
                  + "    "
                  + argument.replace("\n", "\n" + indent + "    ")
                  + ";\n"
              : Lines.assignment(head, argument + ";"));
    }
    StringBuilder checked = new StringBuilder();
    for (ParameterChecks parameter : checks.parameters()) {
      checked.append(checked.length() == 0 ? "" : ", ").append(names[parameter.index()]);
    }
    out.append(indent)
        .append(CLASS)
        .append('.')
        .append(routeMethods.get(route.method()))
        .append('(')
        .append(checked)
        .append(");\n");
    out.append(indent)
        .append(isVoid ? "" : "return ")
        .append(call)
        .append('(')
        .append(String.join(", ", names))
        .append(");");
    if (isVoid) {
      out.append('\n').append(indent).append("return null;");
    }
    return out.toString();
  }

  /** The nested class, indented as a member, ending with a blank line. */
  String nestedClass() {
    StringBuilder methodsText = new StringBuilder();
    String violations = imports.name(VIOLATIONS);
    model
        .routes()
        .forEach((method, checks) -> routeMethod(method, checks, violations, methodsText));
    model
        .records()
        .forEach((record, checks) -> recordMethod(record, checks, violations, methodsText));
    StringBuilder out = new StringBuilder();
    out.append(
        "  /** The jakarta.validation constraints of the routes, checked without reflection. */\n");
    out.append("  static final class ").append(CLASS).append(" {\n");
    out.append(conditions.constants());
    if (conditions.constants().length() > 0) {
      out.append('\n');
    }
    out.append("    private ").append(CLASS).append("() {}\n");
    out.append(methodsText);
    out.append("  }\n\n");
    return out.toString();
  }

  private void routeMethod(
      ExecutableElement method, RouteChecks checks, String violations, StringBuilder out) {
    NameAllocator names = new NameAllocator(NameAllocator.Suffix.NUMBER, Set.of("violations"));
    StringBuilder parameters = new StringBuilder();
    StringBuilder body = new StringBuilder();
    for (ParameterChecks parameter : checks.parameters()) {
      VariableElement element = method.getParameters().get(parameter.index());
      String name = names.newName(element.getSimpleName().toString());
      TypeMirror type = checks.parameterTypes().get(parameter.index());
      parameters
          .append(parameters.length() == 0 ? "" : ", ")
          .append(imports.type(type))
          .append(' ')
          .append(name);
      String value = name;
      if (parameter.shape() == Binding.Shape.OPTIONAL) {
        value = name + ".orElse(null)";
      }
      String field = parameter.in().equals("body") ? literal("") : literal(parameter.name());
      conditions.subject(method.getSimpleName() + "_" + element.getSimpleName());
      value(body, "    ", value, parameter.value(), literal(parameter.in()), field, names);
    }
    out.append("\n    static void ")
        .append(routeMethods.get(method))
        .append('(')
        .append(parameters)
        .append(") {\n");
    out.append("      ")
        .append(violations)
        .append(" violations = new ")
        .append(violations)
        .append("();\n");
    out.append(body);
    out.append("      violations.throwIfAny();\n    }\n");
  }

  private void recordMethod(
      TypeElement record, RecordChecks checks, String violations, StringBuilder out) {
    NameAllocator names =
        new NameAllocator(NameAllocator.Suffix.NUMBER, Set.of("violations", "path", "value"));
    StringBuilder body = new StringBuilder();
    for (ComponentChecks component : checks.components()) {
      String local = names.newName(component.name());
      body.append("      ")
          .append(imports.type(component.value().type()))
          .append(' ')
          .append(local)
          .append(" = value.")
          .append(component.name())
          .append("();\n");
      String field = violations + ".field(path, " + literal(component.name()) + ")";
      conditions.subject(record.getSimpleName() + "_" + component.name());
      value(body, "    ", local, component.value(), literal("body"), field, names);
    }
    out.append("\n    static void ")
        .append(recordMethods.get(record))
        .append('(')
        .append(violations)
        .append(" violations, String path, ")
        .append(imports.type(checks.type()))
        .append(" value) {\n")
        .append(body)
        .append("    }\n");
  }

  /** The checks of one value held in {@code x}; {@code indent} is the enclosing block's. */
  private void value(
      StringBuilder out,
      String indent,
      String x,
      ValueChecks value,
      String in,
      String field,
      NameAllocator names) {
    String inner = indent + "  ";
    if (x.endsWith(")")) {
      // An expression such as body.orElse(null): evaluate it once.
      String local = names.newName("value");
      out.append(inner)
          .append(imports.type(value.type()))
          .append(' ')
          .append(local)
          .append(" = ")
          .append(x)
          .append(";\n");
      x = local;
    }
    for (Check check : value.checks()) {
      String condition = conditions.condition(check, x, value);
      if (condition == null) {
        continue;
      }
      out.append(inner).append("if (").append(condition).append(") {\n");
      out.append(
          Lines.wrap(
              inner + "  violations.add(",
              List.of(in + ",", field + ",", literal(check.message()) + ");")));
      out.append(inner).append("}\n");
    }
    if (value.cascade() != null) {
      out.append(inner).append("if (").append(x).append(" != null) {\n");
      out.append(inner)
          .append("  ")
          .append(recordMethods.get(value.cascade()))
          .append("(violations, ")
          .append(field)
          .append(", ")
          .append(x)
          .append(");\n");
      out.append(inner).append("}\n");
    }
    ValueChecks element = value.element();
    if (element != null && !element.isEmpty()) {
      String index = names.newName("i");
      String item = names.newName("element");
      out.append(inner).append("if (").append(x).append(" != null) {\n");
      out.append(inner).append("  int ").append(index).append(" = 0;\n");
      out.append(inner)
          .append("  for (")
          .append(imports.type(element.type()))
          .append(' ')
          .append(item)
          .append(" : ")
          .append(x)
          .append(") {\n");
      String elementField = imports.name(VIOLATIONS) + ".index(" + field + ", " + index + ")";
      value(out, inner + "  ", item, element, in, elementField, names);
      out.append(inner).append("    ").append(index).append("++;\n");
      out.append(inner).append("  }\n");
      out.append(inner).append("}\n");
    }
  }
}
