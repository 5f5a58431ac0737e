package dev.portico.authorizer.config.internal;

import dev.portico.authorizer.internal.tree.Node;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${env:NAME}} in every string of a YAML tree.
 *
 * <pre>{@code
 * EnvSubstitution.apply("portico-authorizer.yaml", root, "", System::getenv, problems);
 * }</pre>
 */
public final class EnvSubstitution {

  private static final Pattern REFERENCE = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)}");
  private static final Pattern ANY_REFERENCE = Pattern.compile("\\$\\{[^}]*}");

  private EnvSubstitution() {}

  /** Whether {@code text} is exactly one {@code ${env:NAME}} reference and nothing else. */
  public static boolean isSingleReference(String text) {
    return REFERENCE.matcher(text).matches();
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
    Matcher m = REFERENCE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = env.apply(m.group(1));
      if (value == null || value.isEmpty()) {
        problems.add(file + ": " + key + ": environment variable " + m.group(1) + " is not set");
        value = "";
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    Matcher leftover = ANY_REFERENCE.matcher(REFERENCE.matcher(text).replaceAll(""));
    if (leftover.find()) {
      problems.add(
          file
              + ": "
              + key
              + ": "
              + leftover.group()
              + " is not a valid reference (use ${env:NAME})");
    }
    return Node.text(out.toString());
  }
}
