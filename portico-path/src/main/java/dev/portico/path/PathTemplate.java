package dev.portico.path;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one grammar of Portico's path templates, shared by the annotation processor (compile time),
 * the router (run time) and the local gateway. A template is {@code /} or a sequence of segments,
 * each {@code /} followed by one of:
 *
 * <ul>
 *   <li>a <b>literal</b>: characters as they appear in the <em>decoded</em> request path; no {@code
 *       %} (write the character itself), no {@code ?} or {@code #}, no whitespace or control
 *       character, no brace;
 *   <li>a <b>variable</b> <code>{name}</code> matching one whole segment;
 *   <li>a <b>greedy variable</b> <code>{name+}</code> matching the rest of the path; only as the
 *       last segment.
 * </ul>
 *
 * <p>A name is letters, digits, {@code _}, {@code -} and {@code .}, and appears once per template.
 * Segments are never empty (no {@code //}, no trailing {@code /}). Matching precedence (literal,
 * then variable, then greedy) is the matcher's business; {@link #shape()} says which templates
 * route the same requests.
 *
 * <pre>{@code
 * PathTemplate template = PathTemplate.parse(PathTemplate.join("/pets", "{id}"));
 * template.variables(); // [id]
 * template.shape();     // /pets/{}
 * }</pre>
 *
 * <p>An invalid template throws {@link InvalidPathTemplateException} carrying a {@link
 * TemplateError}: the first rule broken in reading order (braces are checked over the whole
 * template first).
 */
public final class PathTemplate {
  private static final PathTemplate ROOT = new PathTemplate("/", List.of(), List.of(), "/");

  private final String path;
  private final List<Segment> segments;
  private final List<String> variables;
  private final String shape;

  private PathTemplate(String path, List<Segment> segments, List<String> variables, String shape) {
    this.path = path;
    this.segments = segments;
    this.variables = variables;
    this.shape = shape;
  }

  /** What a segment of a template is. */
  public enum Kind {
    /** Literal text, compared with the decoded request segment. */
    LITERAL,
    /** <code>{name}</code>: one whole segment. */
    VARIABLE,
    /** <code>{name+}</code>: the rest of the path, one or more segments; always last. */
    GREEDY
  }

  /**
   * One segment of a template.
   *
   * @param kind literal, variable or greedy variable
   * @param text the literal text, or the variable's name (without braces and {@code +})
   */
  public record Segment(Kind kind, String text) {
    /** Whether this is a variable, greedy or not. */
    public boolean isVariable() {
      return kind != Kind.LITERAL;
    }
  }

  /**
   * Joins path parts with exactly one {@code /} between them, dropping {@code /} at the ends of
   * each part; the result starts with {@code /} and is {@code /} when every part is empty. Use it
   * to combine a class prefix or base path with a method's path before {@link #parse}.
   */
  public static String join(String... parts) {
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
   * Reads a template.
   *
   * @throws InvalidPathTemplateException naming the first rule it breaks, where, and in words
   */
  public static PathTemplate parse(String template) {
    if (template.isEmpty() || template.charAt(0) != '/') {
      throw fail(TemplateProblem.NOT_ABSOLUTE, template, 0, template, "does not start with '/'");
    }
    int brace = unbalancedBrace(template);
    if (brace >= 0) {
      throw fail(
          TemplateProblem.UNBALANCED_BRACES, template, brace, template, "has unbalanced braces");
    }
    if (template.length() == 1) {
      return ROOT;
    }
    List<Segment> segments = new ArrayList<>();
    List<String> variables = new ArrayList<>();
    StringBuilder shape = new StringBuilder();
    int start = 1;
    while (true) {
      int slash = template.indexOf('/', start);
      int end = slash < 0 ? template.length() : slash;
      boolean last = slash < 0;
      String segment = template.substring(start, end);
      shape.append('/');
      if (segment.isEmpty()) {
        throw fail(
            TemplateProblem.EMPTY_SEGMENT, template, start, segment, "has an empty segment ('//')");
      }
      if (segment.indexOf('{') < 0) {
        checkLiteral(template, start, segment);
        segments.add(new Segment(Kind.LITERAL, segment));
        shape.append(segment);
      } else {
        Segment variable = variable(template, start, segment, last);
        if (variables.contains(variable.text())) {
          throw fail(
              TemplateProblem.DUPLICATE_NAME,
              template,
              start,
              segment,
              "has {" + variable.text() + "} more than once");
        }
        variables.add(variable.text());
        segments.add(variable);
        shape.append(variable.kind() == Kind.GREEDY ? "{+}" : "{}");
      }
      if (last) {
        break;
      }
      start = slash + 1;
    }
    return new PathTemplate(
        template, List.copyOf(segments), List.copyOf(variables), shape.toString());
  }

  /**
   * The template as parsed: starts with {@code /}, no trailing {@code /} (except for {@code /}).
   */
  public String path() {
    return path;
  }

  /** The segments in order; none for {@code /}. */
  public List<Segment> segments() {
    return segments;
  }

  /** The variables' names in order, greedy ones without their {@code +}. */
  public List<String> variables() {
    return variables;
  }

  /** Whether the last segment is a greedy variable. */
  public boolean greedy() {
    return !segments.isEmpty() && segments.get(segments.size() - 1).kind() == Kind.GREEDY;
  }

  /**
   * The template with every variable name erased (<code>/pets/{}</code>, <code>/files/{+}</code>),
   * so that two templates routing the same requests compare equal.
   */
  public String shape() {
    return shape;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PathTemplate that && path.equals(that.path);
  }

  @Override
  public int hashCode() {
    return path.hashCode();
  }

  /** The template as written. */
  @Override
  public String toString() {
    return path;
  }

  private static Segment variable(String template, int start, String segment, boolean last) {
    if (segment.charAt(0) != '{'
        || segment.charAt(segment.length() - 1) != '}'
        || segment.indexOf('{', 1) >= 0) {
      throw fail(
          TemplateProblem.MIXED_SEGMENT,
          template,
          start,
          segment,
          "has segment '"
              + segment
              + "' that mixes text and a variable; a {variable} must be a whole segment");
    }
    String name = segment.substring(1, segment.length() - 1);
    boolean greedy = name.endsWith("+");
    if (greedy) {
      name = name.substring(0, name.length() - 1);
    }
    if (name.isEmpty()) {
      throw fail(
          TemplateProblem.EMPTY_NAME,
          template,
          start,
          segment,
          "has a variable with an empty name: " + segment);
    }
    for (int c = 0; c < name.length(); c++) {
      char ch = name.charAt(c);
      if (!nameCharacter(ch)) {
        throw fail(
            TemplateProblem.ILLEGAL_NAME_CHARACTER,
            template,
            start,
            segment,
            "has variable "
                + segment
                + " whose name has "
                + describe(ch)
                + "; use letters, digits, '_', '-' and '.'");
      }
    }
    if (greedy && !last) {
      throw fail(
          TemplateProblem.GREEDY_NOT_LAST,
          template,
          start,
          segment,
          "has greedy " + segment + " before its last segment; it must be the last segment");
    }
    return new Segment(greedy ? Kind.GREEDY : Kind.VARIABLE, name);
  }

  /** Whether a character may appear in a variable's name. */
  public static boolean nameCharacter(char ch) {
    return Character.isLetterOrDigit(ch) || ch == '_' || ch == '-' || ch == '.';
  }

  /** The index of the first brace that does not balance, or -1. */
  private static int unbalancedBrace(String template) {
    int open = -1;
    for (int i = 0; i < template.length(); i++) {
      char ch = template.charAt(i);
      if (ch == '{') {
        if (open >= 0) {
          return i;
        }
        open = i;
      } else if (ch == '}') {
        if (open < 0) {
          return i;
        }
        open = -1;
      } else if (ch == '/' && open >= 0) {
        return open;
      }
    }
    return open;
  }

  /**
   * Literal segments are compared with the decoded request path, so they hold characters as they
   * are, never percent-encoded; whitespace, control characters and query or fragment delimiters are
   * mistakes.
   */
  private static void checkLiteral(String template, int start, String segment) {
    for (int i = 0; i < segment.length(); i++) {
      char ch = segment.charAt(i);
      if (ch == '%') {
        throw fail(
            TemplateProblem.PERCENT_ENCODING,
            template,
            start + i,
            segment,
            "has '%', but templates match the decoded path: write the character itself, not its"
                + " percent-encoding");
      }
      if (ch == '?' || ch == '#') {
        throw fail(
            TemplateProblem.QUERY_OR_FRAGMENT,
            template,
            start + i,
            segment,
            "has "
                + describe(ch)
                + ", which cannot be part of a path; bind query values with @QueryParam");
      }
      if (Character.isWhitespace(ch) || Character.isISOControl(ch) || Character.isSpaceChar(ch)) {
        throw fail(
            TemplateProblem.ILLEGAL_LITERAL_CHARACTER,
            template,
            start + i,
            segment,
            "has " + describe(ch) + ", which is not allowed in a path template");
      }
    }
  }

  private static String describe(char ch) {
    if (ch == ' ') {
      return "a space";
    }
    if (ch < 0x20 || ch > 0x7e) {
      return String.format(Locale.ROOT, "character U+%04X", (int) ch);
    }
    return "character '" + ch + "'";
  }

  // Typed as the JDK superclass, built by the exception's own factory: parsing a valid template
  // then loads neither the exception nor its problem types (docs/performance.md).
  private static IllegalArgumentException fail(
      TemplateProblem problem, String template, int index, String segment, String message) {
    return InvalidPathTemplateException.of(
        new TemplateError(problem, template, index, segment, message));
  }
}
