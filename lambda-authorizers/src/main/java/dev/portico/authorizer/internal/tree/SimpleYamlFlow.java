package dev.portico.authorizer.internal.tree;

/**
 * {@link SimpleYaml}'s reader of a flow collection on one line: {@code { key: value, ... }} or
 * {@code [ value, ... ]}, whose values are flow collections, quoted scalars ({@link
 * SimpleYaml#quoted}), or plain scalars that end at {@code , [ ] { }}, hold only letters, digits,
 * spaces and {@code -_./:$=+~@*}, and no colon followed by a space or one of those.
 */
final class SimpleYamlFlow {
  private final String text;
  private final int depth;
  int at;

  /** A reader of {@code text}, a flow collection that starts {@code depth} blocks deep. */
  SimpleYamlFlow(String text, int depth) {
    this.text = text;
    this.depth = depth;
  }

  /** The collection (or, inside one, the value) at {@link #at}. */
  Node value() throws SimpleYaml.NotSimple {
    return value(depth);
  }

  private Node value(int level) throws SimpleYaml.NotSimple {
    spaces();
    if (at >= text.length()) {
      throw SimpleYaml.NOT_SIMPLE;
    }
    char c = text.charAt(at);
    if (c == '{') {
      return mapping(level + 1);
    }
    if (c == '[') {
      return sequence(level + 1);
    }
    if (c == '"' || c == '\'') {
      StringBuilder value = new StringBuilder();
      at = SimpleYaml.quoted(text, at, value);
      return Node.text(value.toString());
    }
    int start = at;
    while (at < text.length() && ",[]{}".indexOf(text.charAt(at)) < 0) {
      char here = text.charAt(at);
      if (here == ':' && (at + 1 == text.length() || " ,[]{}".indexOf(text.charAt(at + 1)) >= 0)) {
        throw SimpleYaml.NOT_SIMPLE;
      }
      // In a flow collection the YAML library refuses some characters a block scalar may hold
      // (a '?' for one): only these are read here.
      boolean plain =
          (here >= 'a' && here <= 'z')
              || (here >= 'A' && here <= 'Z')
              || (here >= '0' && here <= '9')
              || here >= 0xA0
              || " -_./:$=+~@*".indexOf(here) >= 0;
      if (!plain) {
        throw SimpleYaml.NOT_SIMPLE;
      }
      at++;
    }
    // Only spaces around it: YAML keeps other whitespace (U+3000, say) as part of the scalar.
    int from = start;
    int to = at;
    while (from < to && text.charAt(from) == ' ') {
      from++;
    }
    while (to > from && text.charAt(to - 1) == ' ') {
      to--;
    }
    String plain = text.substring(from, to);
    if (plain.isEmpty()) {
      throw SimpleYaml.NOT_SIMPLE;
    }
    return SimpleYaml.typed(plain);
  }

  private Node mapping(int level) throws SimpleYaml.NotSimple {
    SimpleYaml.checkDepth(level);
    Node mapping = Node.object();
    at++;
    spaces();
    if (next('}')) {
      return mapping;
    }
    while (true) {
      spaces();
      String rest = text.substring(at);
      int colon = SimpleYaml.keyEnd(rest);
      String key = SimpleYaml.key(rest, colon);
      if (mapping.has(key)) {
        throw SimpleYaml.NOT_SIMPLE;
      }
      at += colon + 1;
      mapping.put(key, value(level));
      spaces();
      if (next('}')) {
        return mapping;
      }
      if (!next(',')) {
        throw SimpleYaml.NOT_SIMPLE;
      }
    }
  }

  private Node sequence(int level) throws SimpleYaml.NotSimple {
    SimpleYaml.checkDepth(level);
    Node sequence = Node.array();
    at++;
    spaces();
    if (next(']')) {
      return sequence;
    }
    while (true) {
      sequence.add(value(level));
      spaces();
      if (next(']')) {
        return sequence;
      }
      if (!next(',')) {
        throw SimpleYaml.NOT_SIMPLE;
      }
    }
  }

  private boolean next(char c) {
    if (at < text.length() && text.charAt(at) == c) {
      at++;
      return true;
    }
    return false;
  }

  private void spaces() {
    while (at < text.length() && text.charAt(at) == ' ') {
      at++;
    }
  }
}
