package dev.portico.path;

/**
 * One reason a path template is invalid, with where it is.
 *
 * @param problem the rule the template breaks
 * @param template the template as given
 * @param index where in {@code template} the offending segment (or character, for braces and
 *     literal characters) starts, 0-based
 * @param segment the offending segment as written, or the whole template for {@link
 *     TemplateProblem#NOT_ABSOLUTE} and {@link TemplateProblem#UNBALANCED_BRACES}
 * @param message what is wrong, completing "path '/x' ...": for example {@code "has unbalanced
 *     braces"} or {@code "has {id} more than once"}; the texts the annotation processor reports
 */
public record TemplateError(
    TemplateProblem problem, String template, int index, String segment, String message) {

  /** The whole sentence: {@code path '/pets/{id' has unbalanced braces}. */
  public String describe() {
    return "path '" + template + "' " + message;
  }
}
