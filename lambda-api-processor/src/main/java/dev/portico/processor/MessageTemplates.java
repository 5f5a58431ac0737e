package dev.portico.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.VariableElement;

/**
 * Interpolates a constraint's message at compile time as Jakarta Validation does at run time:
 * {@code {min}} becomes the annotation's attribute, {@code
 * {jakarta.validation.constraints.Size.message}} the standard message, {@code \{ \} \$ \\} the
 * character escaped. Expressions ({@code ${...}}) and other keys (a user's {@code
 * ValidationMessages} bundle) are not supported: {@link #interpolate} says so, for a compile error.
 */
final class MessageTemplates {
  private MessageTemplates() {}

  /**
   * The message.
   *
   * @throws IllegalArgumentException saying what cannot be interpolated
   */
  static String interpolate(
      String template,
      ConstraintKind constraint,
      boolean inclusive,
      Map<String, ? extends AnnotationValue> values) {
    return interpolate(template, constraint, inclusive, values, 0);
  }

  private static String interpolate(
      String template,
      ConstraintKind constraint,
      boolean inclusive,
      Map<String, ? extends AnnotationValue> values,
      int depth) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      if (c == '\\' && i + 1 < template.length() && "{}$\\".indexOf(template.charAt(i + 1)) >= 0) {
        out.append(template.charAt(i + 1));
        i += 2;
      } else if (c == '$' && i + 1 < template.length() && template.charAt(i + 1) == '{') {
        throw new IllegalArgumentException(
            "uses an expression (${...}); Portico interpolates {attribute} parameters and the"
                + " standard message keys only");
      } else if (c == '{') {
        int end = template.indexOf('}', i);
        if (end < 0) {
          throw new IllegalArgumentException("has a { without its }");
        }
        String name = template.substring(i + 1, end);
        out.append(parameter(name, constraint, inclusive, values, depth));
        i = end + 1;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static String parameter(
      String name,
      ConstraintKind constraint,
      boolean inclusive,
      Map<String, ? extends AnnotationValue> values,
      int depth) {
    for (ConstraintKind kind : ConstraintKind.values()) {
      if (kind.messageKey().equals(name) && depth == 0) {
        return interpolate(kind.template(inclusive), constraint, inclusive, values, depth + 1);
      }
    }
    AnnotationValue value = values.get(name);
    if (value == null || name.equals("message")) {
      throw new IllegalArgumentException(
          "names {"
              + name
              + "}, which is neither an attribute of "
              + constraint.display()
              + " nor a standard message key (Portico does not read ValidationMessages bundles)");
    }
    return format(value.getValue());
  }

  private static String format(Object value) {
    if (value instanceof List) {
      List<String> items = new ArrayList<>();
      for (Object item : (List<?>) value) {
        items.add(format(((AnnotationValue) item).getValue()));
      }
      return "[" + String.join(", ", items) + "]";
    }
    if (value instanceof VariableElement) {
      return ((VariableElement) value).getSimpleName().toString();
    }
    return String.valueOf(value);
  }
}
