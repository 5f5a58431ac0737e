package dev.portico.processor;

import java.util.List;

/**
 * The one line-wrapping rule of generated code: lines of at most {@link #WIDTH} characters where
 * that is possible, continuation lines indented four more than the statement.
 */
final class Lines {
  /** The widest line generated code aims for (google-java-format's). */
  static final int WIDTH = 100;

  private Lines() {}

  /** Whether the line (without its line break) fits. */
  static boolean fits(String line) {
    return line.length() <= WIDTH;
  }

  /**
   * A statement that starts with {@code head} and continues with {@code groups}: on one line when
   * it fits; else the groups together on one continuation line; else one group a line.
   *
   * @param head the start, with its indentation, e.g. {@code " int x = call("}
   * @param groups the rest, each ending as it should end a line, e.g. {@code "a,"}, {@code "b);"}
   * @return the statement with a final line break
   */
  static String wrap(String head, List<String> groups) {
    String indent = " ".repeat(indentOf(head) + 4);
    String together = String.join(" ", groups);
    if (fits(head + together)) {
      return head + together + "\n";
    }
    if (fits(indent + together)) {
      return head.stripTrailing() + "\n" + indent + together + "\n";
    }
    StringBuilder out = new StringBuilder(head.stripTrailing());
    for (String group : groups) {
      out.append('\n').append(indent).append(group);
    }
    return out.append('\n').toString();
  }

  /** {@code declaration = value;} on one line, or with the value on a continuation line. */
  static String assignment(String head, String value) {
    return wrap(head + " = ", List.of(value));
  }

  private static int indentOf(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) == ' ') {
      i++;
    }
    return i;
  }
}
