package dev.portico.authorizer.config.internal;

import dev.portico.authorizer.internal.tree.Node;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Replaces {@code ${env:NAME}} in every string of a YAML tree.
 *
 * <pre>{@code
 * EnvSubstitution.apply("portico-authorizer.yaml", root, "", System::getenv, problems);
 * }</pre>
 */
public final class EnvSubstitution {

  private EnvSubstitution() {}

  /** Whether {@code text} is exactly one {@code ${env:NAME}} reference and nothing else. */
  public static boolean isSingleReference(String text) {
    return referenceEnd(text, 0) == text.length();
  }

  /**
   * Where the reference {@code ${env:NAME}} that starts at {@code at} ends (the index after its
   * {@code }}), or -1 when none starts there; {@code NAME} is {@code [A-Za-z_][A-Za-z0-9_]*}. The
   * one statement of the reference syntax, read by hand: a regular expression would load {@code
   * java.util.regex} and the lambdas it spins on every cold start.
   */
  static int referenceEnd(String text, int at) {
    if (!text.startsWith("${env:", at)) {
      return -1;
    }
    int i = at + 6;
    while (i < text.length() && isNameChar(text.charAt(i), i == at + 6)) {
      i++;
    }
    return i > at + 6 && i < text.length() && text.charAt(i) == '}' ? i + 1 : -1;
  }

  private static boolean isNameChar(char c, boolean first) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || c == '_'
        || (!first && c >= '0' && c <= '9');
  }

  /** Substitutes in place; problems name the file and key of each unset or malformed reference. */
  public static void apply(
      String file, Node node, String path, Function<String, String> env, List<String> problems) {
    if (node.isObject()) {
      Node object = node;
      for (Map.Entry<String, Node> e : List.copyOf(object.properties())) {
        String key = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
        Node value = e.getValue();
        if (value.isTextual()) {
          object.set(e.getKey(), substitute(file, value.asText(), key, env, problems));
        } else {
          apply(file, value, key, env, problems);
        }
      }
    } else if (node.isArray()) {
      Node array = node;
      for (int i = 0; i < array.size(); i++) {
        String key = path + "[" + i + "]";
        if (array.get(i).isTextual()) {
          array.set(i, substitute(file, array.get(i).asText(), key, env, problems));
        } else {
          apply(file, array.get(i), key, env, problems);
        }
      }
    }
  }

  private static Node substitute(
      String file, String text, String key, Function<String, String> env, List<String> problems) {
    StringBuilder out = new StringBuilder();
    // The text with every valid reference removed: what is left must hold no other ${...}.
    StringBuilder rest = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      int end = referenceEnd(text, i);
      if (end < 0) {
        out.append(text.charAt(i));
        rest.append(text.charAt(i));
        i++;
        continue;
      }
      String name = text.substring(i + 6, end - 1);
      String value = env.apply(name);
      if (value == null || value.isEmpty()) {
        problems.add(file + ": " + key + ": environment variable " + name + " is not set");
        value = "";
      }
      out.append(value);
      i = end;
    }
    int open = rest.indexOf("${");
    int close = open < 0 ? -1 : rest.indexOf("}", open + 2);
    if (close >= 0) {
      problems.add(
          file
              + ": "
              + key
              + ": "
              + rest.substring(open, close + 1)
              + " is not a valid reference (use ${env:NAME})");
    }
    return Node.text(out.toString());
  }
}
