package dev.portico.processor;

import java.util.ArrayList;
import java.util.List;

/**
 * A route's path template: the class prefix and the method path joined with single slashes, then
 * checked segment by segment the way the runtime's router reads it.
 */
final class PathTemplate {
  private final String path;
  private final List<String> variables;
  private final String shape;

  private PathTemplate(String path, List<String> variables, String shape) {
    this.path = path;
    this.variables = variables;
    this.shape = shape;
  }

  /** The template, starting with '/' and without a trailing '/' (except for "/"). */
  String path() {
    return path;
  }

  /** The names of the template's variables, greedy ones without their '+'. */
  List<String> variables() {
    return variables;
  }

  /**
   * The template with every variable name erased ({@code /pets/{}}, {@code /files/{+}}), so that
   * templates routing the same requests compare equal.
   */
  String shape() {
    return shape;
  }

  /** Joins path parts with exactly one '/' between them; the result starts with '/'. */
  static String join(String... parts) {
    StringBuilder joined = new StringBuilder();
    for (String part : parts) {
      int start = 0;
      int end = part.length();
      while (start < end && part.charAt(start) == '/') {
        start++;
      }
      while (end > start && part.charAt(end - 1) == '/') {
        end--;
      }
      if (start < end) {
        joined.append('/').append(part, start, end);
      }
    }
    return joined.length() == 0 ? "/" : joined.toString();
  }

  /**
   * Parses a joined template.
   *
   * @throws IllegalArgumentException with a message completing "path '/x' ..." when it is invalid
   */
  static PathTemplate parse(String path) {
    String problem = braceProblem(path);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    List<String> variables = new ArrayList<>();
    StringBuilder shape = new StringBuilder();
    if (!path.equals("/")) {
      String[] segments = path.substring(1).split("/", -1);
      for (int i = 0; i < segments.length; i++) {
        String segment = segments[i];
        shape.append('/');
        if (segment.isEmpty()) {
          throw new IllegalArgumentException("has an empty segment ('//')");
        }
        if (segment.indexOf('{') < 0) {
          checkLiteral(segment);
          shape.append(segment);
          continue;
        }
        if (segment.charAt(0) != '{'
            || segment.charAt(segment.length() - 1) != '}'
            || segment.indexOf('{', 1) >= 0) {
          throw new IllegalArgumentException(
              "has segment '"
                  + segment
                  + "' that mixes text and a variable; a {variable} must be a"
                  + " whole segment");
        }
        String name = segment.substring(1, segment.length() - 1);
        boolean greedy = name.endsWith("+");
        if (greedy) {
          name = name.substring(0, name.length() - 1);
        }
        if (name.isEmpty()) {
          throw new IllegalArgumentException("has a variable with an empty name: " + segment);
        }
        for (int c = 0; c < name.length(); c++) {
          char ch = name.charAt(c);
          if (!(Character.isLetterOrDigit(ch) || ch == '_' || ch == '-' || ch == '.')) {
            throw new IllegalArgumentException(
                "has variable "
                    + segment
                    + " whose name has "
                    + describe(ch)
                    + "; use letters, digits, '_', '-' and '.'");
          }
        }
        if (greedy && i != segments.length - 1) {
          throw new IllegalArgumentException(
              "has greedy " + segment + " before its last segment; it must be the last segment");
        }
        if (variables.contains(name)) {
          throw new IllegalArgumentException("has {" + name + "} more than once");
        }
        variables.add(name);
        shape.append(greedy ? "{+}" : "{}");
      }
    }
    return new PathTemplate(
        path, List.copyOf(variables), shape.length() == 0 ? "/" : shape.toString());
  }

  private static String braceProblem(String path) {
    boolean open = false;
    for (int i = 0; i < path.length(); i++) {
      char ch = path.charAt(i);
      if (ch == '{') {
        if (open) {
          return "has unbalanced braces";
        }
        open = true;
      } else if (ch == '}') {
        if (!open) {
          return "has unbalanced braces";
        }
        open = false;
      } else if (ch == '/' && open) {
        return "has unbalanced braces";
      }
    }
    return open ? "has unbalanced braces" : null;
  }

  /**
   * Literal segments are compared with the decoded request path, so they hold characters as they
   * are, never percent-encoded; whitespace, control characters and query or fragment delimiters are
   * mistakes.
   */
  private static void checkLiteral(String segment) {
    for (int i = 0; i < segment.length(); i++) {
      char ch = segment.charAt(i);
      if (ch == '%') {
        throw new IllegalArgumentException(
            "has '%', but templates match the decoded path: write the character itself, not its"
                + " percent-encoding");
      }
      if (ch == '?' || ch == '#') {
        throw new IllegalArgumentException(
            "has "
                + describe(ch)
                + ", which cannot be part of a path; bind query values with @QueryParam");
      }
      if (Character.isWhitespace(ch) || Character.isISOControl(ch) || Character.isSpaceChar(ch)) {
        throw new IllegalArgumentException(
            "has " + describe(ch) + ", which is not allowed in a path template");
      }
    }
  }

  private static String describe(char ch) {
    if (ch == ' ') {
      return "a space";
    }
    if (ch < 0x20 || ch > 0x7e) {
      return String.format("character U+%04X", (int) ch);
    }
    return "character '" + ch + "'";
  }
}
