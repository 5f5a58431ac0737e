package dev.portico.authorizer.internal.tree;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the plain YAML most configuration files are written in without loading a YAML library, or
 * answers {@code null} so that the caller reads the text with one ({@link Trees#yaml}). A
 * configuration read at every cold start is small, and SnakeYAML with jackson-dataformat-yaml costs
 * a fresh C1 JVM about 45 ms to load and start (its scanner, its implicit-type regular expressions
 * and the lambda bootstrap they need, {@code java.sql} types); this reader costs a few classes.
 *
 * <p>What it reads is a subset of YAML, and for every text it accepts it must give exactly the tree
 * that {@link Trees#yaml} gives ({@code SimpleYamlTest} and {@code SimpleYamlFuzzTest} check it
 * against jackson-dataformat-yaml). Anything else answers {@code null}, never an error of its own:
 *
 * <ul>
 *   <li>Block mappings whose keys are plain words ({@code [A-Za-z_][A-Za-z0-9_.-]*}) or quoted
 *       ({@link #quoted}), up to {@value #MAX_KEY_CHARS} characters, followed by {@code :} and a
 *       space or the end of the line, each key once; block sequences ({@code - } items: scalars,
 *       nested blocks, or a mapping begun on the item's line); a top level that is a mapping
 *       starting in column 0; nesting up to {@value #MAX_DEPTH} deep.
 *   <li>Flow collections on one line ({@link SimpleYamlFlow}).
 *   <li>Scalars on one line: single-quoted, double-quoted without a backslash, or plain. A plain
 *       scalar starting with none of YAML's indicators and no digit, sign or dot is a string,
 *       except {@code null}, {@code Null}, {@code NULL}, {@code ~} and nothing (null) and {@code
 *       true} or {@code false} in YAML's three spellings (booleans); {@code 0} and integers without
 *       a leading zero up to 18 digits are numbers. Comments ({@code #} at the start of a line or
 *       after a space) are skipped.
 *   <li>Not read (the caller's YAML library decides): tabs, flow collections over several lines,
 *       anchors, aliases, tags, block scalars ({@code |}, {@code >}), scalars continued on the next
 *       line, escapes, documents markers and directives, other numbers and YAML 1.1's {@code yes},
 *       {@code no}, {@code on}, {@code off}, {@code y} and {@code n}, control characters, a byte
 *       order mark, characters outside the Basic Multilingual Plane, and texts over {@value
 *       #MAX_CHARS} characters.
 * </ul>
 */
final class SimpleYaml {

  /** One line that holds content: its indentation, its text after it, and the comment removed. */
  private static final class Line {
    int indent;
    String text;

    Line(int indent, String text) {
      this.indent = indent;
      this.text = text;
    }
  }

  /** Thrown inside the reader when the text leaves the subset; never escapes {@link #read}. */
  static final class NotSimple extends Exception {
    private static final long serialVersionUID = 1L;

    NotSimple() {
      super(null, null, false, false);
    }
  }

  static final NotSimple NOT_SIMPLE = new NotSimple();

  /** The longest text read here; longer ones are left to the library (which has its own limit). */
  static final int MAX_CHARS = 1_000_000;

  /**
   * The deepest nesting of blocks and flow collections read here (the library refuses more than
   * 1,000; a configuration needs a handful), which also keeps the recursion off the stack's limit.
   */
  static final int MAX_DEPTH = 64;

  /**
   * The longest key read here: SnakeYAML refuses an implicit key of 1,024 characters or more
   * anywhere but at the start of a block line.
   */
  static final int MAX_KEY_CHARS = 1_000;

  private final List<Line> lines;
  private int next;
  private int depth;

  private SimpleYaml(List<Line> lines) {
    this.lines = lines;
  }

  /** The document's tree, or {@code null} when the text is not in the subset this class reads. */
  static Node read(String text) {
    if (text.length() > MAX_CHARS) {
      // The YAML library refuses documents over about 3 million characters; none is a config.
      return null;
    }
    try {
      List<Line> lines = lines(text);
      if (lines.isEmpty() || lines.get(0).indent != 0) {
        return null;
      }
      SimpleYaml reader = new SimpleYaml(lines);
      Node root = reader.mapping(0);
      return reader.next == lines.size() ? root : null;
    } catch (NotSimple e) {
      return null;
    }
  }

  /** The lines that hold content, in order; comment lines and blank lines are dropped. */
  private static List<Line> lines(String text) throws NotSimple {
    List<Line> lines = new ArrayList<>();
    int length = text.length();
    int start = 0;
    while (start < length) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = length;
      }
      int stop = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
      int indent = start;
      while (indent < stop && text.charAt(indent) == ' ') {
        indent++;
      }
      for (int i = indent; i < stop; i++) {
        char c = text.charAt(i);
        boolean printable =
            (c >= ' ' && c <= '~') || (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
        // U+2028 and U+2029 end a line in YAML 1.1, as NEL (U+0085, not printable here) does.
        if (!printable || c == 0xFEFF || c == 0x2028 || c == 0x2029) {
          throw NOT_SIMPLE;
        }
      }
      if (indent < stop && text.charAt(indent) != '#') {
        String content = text.substring(indent, stop);
        lines.add(new Line(indent - start, content));
      }
      start = end + 1;
    }
    return lines;
  }

  /** Not simple when {@code level} is deeper than {@link #MAX_DEPTH}. */
  static void checkDepth(int level) throws NotSimple {
    if (level > MAX_DEPTH) {
      throw NOT_SIMPLE;
    }
  }

  /** A block mapping whose keys stand at {@code indent}. */
  private Node mapping(int indent) throws NotSimple {
    checkDepth(++depth);
    Node mapping = Node.object();
    while (next < lines.size()) {
      Line line = lines.get(next);
      if (line.indent < indent) {
        break;
      }
      if (line.indent > indent || isItem(line.text)) {
        throw NOT_SIMPLE;
      }
      int colon = keyEnd(line.text);
      String key = key(line.text, colon);
      if (mapping.has(key)) {
        // A duplicate: the YAML library reports it with its line.
        throw NOT_SIMPLE;
      }
      String rest = withoutComment(line.text.substring(colon + 1));
      next++;
      mapping.put(key, rest.isEmpty() ? nested(indent, true) : scalar(rest, indent));
    }
    depth--;
    return mapping;
  }

  /** A block sequence whose {@code -} stand at {@code indent}. */
  private Node sequence(int indent) throws NotSimple {
    checkDepth(++depth);
    Node sequence = Node.array();
    while (next < lines.size()) {
      Line line = lines.get(next);
      if (line.indent < indent) {
        break;
      }
      if (line.indent > indent || !isItem(line.text)) {
        // At the sequence's own indentation, a key ends it only in a mapping around it.
        if (line.indent == indent && !isItem(line.text)) {
          break;
        }
        throw NOT_SIMPLE;
      }
      int content = 1;
      while (content < line.text.length() && line.text.charAt(content) == ' ') {
        content++;
      }
      String rest = withoutComment(line.text.substring(content));
      if (rest.isEmpty()) {
        next++;
        sequence.add(nested(indent, false));
      } else if (isItem(rest) || startsMapping(rest)) {
        // The item's first line opens a block: read it as if the item's text began the line.
        line.indent = indent + content;
        line.text = line.text.substring(content);
        sequence.add(isItem(rest) ? sequence(line.indent) : mapping(line.indent));
      } else {
        next++;
        sequence.add(scalar(rest, indent));
      }
    }
    depth--;
    return sequence;
  }

  /**
   * The value of a key or item whose line ends after it: the block on the lines below, or null.
   * Under a key, a sequence may stand at the key's own indentation.
   */
  private Node nested(int indent, boolean underKey) throws NotSimple {
    if (next == lines.size()) {
      return Node.nullNode();
    }
    Line line = lines.get(next);
    if (line.indent > indent) {
      return isItem(line.text) ? sequence(line.indent) : mapping(line.indent);
    }
    if (underKey && line.indent == indent && isItem(line.text)) {
      return sequence(indent);
    }
    return Node.nullNode();
  }

  private static boolean isItem(String text) {
    return text.charAt(0) == '-' && (text.length() == 1 || text.charAt(1) == ' ');
  }

  /** Whether {@code text} begins with a key and its colon (a mapping on an item's line). */
  private static boolean startsMapping(String text) throws NotSimple {
    char first = text.charAt(0);
    if (first == '"' || first == '\'') {
      int end = quoted(text, 0, new StringBuilder());
      return end < text.length() && text.charAt(end) == ':' && keyEnd(text) > 0;
    }
    int colon = text.indexOf(':');
    if (colon > 0 && (colon + 1 == text.length() || text.charAt(colon + 1) == ' ')) {
      keyEnd(text);
      return true;
    }
    return false;
  }

  /**
   * Where the key of a mapping line ends (its colon); not simple unless it is a plain word or a
   * quoted key ({@link #quoted}), followed by a colon and a space or the end of the line.
   */
  static int keyEnd(String text) throws NotSimple {
    int i = 0;
    int length = text.length();
    if (length == 0) {
      throw NOT_SIMPLE;
    }
    char first = text.charAt(0);
    if (first == '"' || first == '\'') {
      i = quoted(text, 0, new StringBuilder());
    } else {
      while (i < length && isKeyChar(text.charAt(i), i == 0)) {
        i++;
      }
    }
    if (i == 0
        || i > MAX_KEY_CHARS
        || i == length
        || text.charAt(i) != ':'
        || (i + 1 < length && text.charAt(i + 1) != ' ')) {
      throw NOT_SIMPLE;
    }
    return i;
  }

  /** The key of a mapping line whose colon is at {@code colon} ({@link #keyEnd}), unquoted. */
  static String key(String text, int colon) throws NotSimple {
    char first = text.charAt(0);
    if (first != '"' && first != '\'') {
      return text.substring(0, colon);
    }
    StringBuilder key = new StringBuilder();
    quoted(text, 0, key);
    return key.toString();
  }

  /**
   * Reads the quoted scalar that starts at {@code at} into {@code value} and answers the index
   * after its closing quote: the one reading of quoted scalars, for keys, values and flow
   * collections. In single quotes {@code ''} is a quote; in double quotes a backslash (an escape)
   * is not simple. Not simple either when the quote does not close on this line.
   */
  static int quoted(String text, int at, StringBuilder value) throws NotSimple {
    char quote = text.charAt(at);
    for (int i = at + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == quote) {
        if (quote == '\'' && i + 1 < text.length() && text.charAt(i + 1) == '\'') {
          value.append('\'');
          i++;
          continue;
        }
        return i + 1;
      }
      if (c == '\\' && quote == '"') {
        throw NOT_SIMPLE;
      }
      value.append(c);
    }
    throw NOT_SIMPLE;
  }

  private static boolean isKeyChar(char c, boolean first) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_') {
      return true;
    }
    return !first && ((c >= '0' && c <= '9') || c == '.' || c == '-');
  }

  /** The text without a trailing comment and without the spaces around it. */
  private static String withoutComment(String text) {
    int start = 0;
    while (start < text.length() && text.charAt(start) == ' ') {
      start++;
    }
    if (start < text.length() && text.charAt(start) == '#') {
      return "";
    }
    char first = start < text.length() ? text.charAt(start) : ' ';
    int end = text.length();
    if (first != '\'' && first != '"') {
      int comment = text.indexOf(" #", start);
      if (comment >= 0) {
        end = comment;
      }
    }
    while (end > start && text.charAt(end - 1) == ' ') {
      end--;
    }
    return text.substring(start, end);
  }

  /**
   * A scalar value on one line; the lines below must not continue it (they stand at the indentation
   * of the key or item, or less).
   */
  private Node scalar(String text, int indent) throws NotSimple {
    if (next < lines.size() && lines.get(next).indent > indent) {
      throw NOT_SIMPLE;
    }
    char first = text.charAt(0);
    if (first == '{' || first == '[') {
      SimpleYamlFlow flow = new SimpleYamlFlow(text, depth);
      Node value = flow.value();
      if (flow.at != text.length()) {
        throw NOT_SIMPLE;
      }
      return value;
    }
    if (first == '\'' || first == '"') {
      // The comment and the spaces after the closing quote were removed before: nothing follows.
      StringBuilder value = new StringBuilder();
      if (quoted(text, 0, value) != text.length()) {
        throw NOT_SIMPLE;
      }
      return Node.text(value.toString());
    }
    if (text.indexOf(": ") >= 0 || text.endsWith(":")) {
      throw NOT_SIMPLE;
    }
    return typed(text);
  }

  /**
   * A plain scalar's value: null, a boolean, an integer or a string, as the YAML library types it.
   */
  static Node typed(String text) throws NotSimple {
    char first = text.charAt(0);
    if ("-?:,[]{}#&*!|>'\"%@`+.0123456789".indexOf(first) >= 0) {
      if (isInteger(text)) {
        long value = Long.parseLong(text);
        return Node.number(
            value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE
                ? (Number) Integer.valueOf((int) value)
                : (Number) Long.valueOf(value));
      }
      throw NOT_SIMPLE;
    }
    if (text.equals("~") || text.equals("null") || text.equals("Null") || text.equals("NULL")) {
      return Node.nullNode();
    }
    if (text.equals("true") || text.equals("True") || text.equals("TRUE")) {
      return Node.bool(true);
    }
    if (text.equals("false") || text.equals("False") || text.equals("FALSE")) {
      return Node.bool(false);
    }
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.equals("yes")
        || lower.equals("no")
        || lower.equals("on")
        || lower.equals("off")
        || lower.equals("y")
        || lower.equals("n")) {
      throw NOT_SIMPLE;
    }
    return Node.text(text);
  }

  /**
   * {@code 0}, or a decimal integer without a leading zero, an optional minus, 18 digits at most.
   */
  private static boolean isInteger(String text) {
    int start = text.charAt(0) == '-' ? 1 : 0;
    int digits = text.length() - start;
    if (digits < 1 || digits > 18 || (text.charAt(start) == '0' && digits > 1)) {
      return false;
    }
    if (start == 1 && text.charAt(1) == '0') {
      return false;
    }
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
