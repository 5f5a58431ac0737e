package dev.portico.path;

/**
 * Why a path template is invalid; one constant per rule of {@link PathTemplate}'s grammar, in the
 * order the rules are checked.
 */
public enum TemplateProblem {
  /** The template does not start with {@code /}. */
  NOT_ABSOLUTE,
  /**
   * A <code>{</code> without its <code>}</code>, a <code>}</code> without its <code>{</code>, or
   * braces around a {@code /}.
   */
  UNBALANCED_BRACES,
  /** Two {@code /} in a row or a trailing {@code /}. */
  EMPTY_SEGMENT,
  /** A {@code %} in a literal segment: templates match the decoded path. */
  PERCENT_ENCODING,
  /** A {@code ?} or {@code #} in a literal segment. */
  QUERY_OR_FRAGMENT,
  /** Whitespace or a control character in a literal segment. */
  ILLEGAL_LITERAL_CHARACTER,
  /** A segment with text and a variable, such as <code>id-{id}</code>. */
  MIXED_SEGMENT,
  /** A variable without a name: <code>{}</code> or <code>{+}</code>. */
  EMPTY_NAME,
  /**
   * A variable name with a character other than letters, digits, {@code _}, {@code -}, {@code .}.
   */
  ILLEGAL_NAME_CHARACTER,
  /** A greedy <code>{name+}</code> that is not the last segment. */
  GREEDY_NOT_LAST,
  /** The same variable name twice. */
  DUPLICATE_NAME
}
