package dev.portico.benchmarks.coldstart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The classes a fresh JVM loaded, counted by package group, from its {@code -Xlog:class+load} log:
 * where a variant's class-loading time goes (issue 13's "classes loaded by package group" table).
 *
 * @param counts classes per group, every group present
 */
public record ClassGroups(Map<Group, Integer> counts) {

  /** The package groups, in table order; the first whose prefixes match a class name wins. */
  public enum Group {
    /** The JDK itself. */
    JDK("JDK", "java.", "javax.", "jdk.", "sun.", "com.sun."),
    /** Jackson's streaming core. */
    JACKSON_CORE("jackson-core", "com.fasterxml.jackson.core."),
    /** Jackson's data binding ({@code ObjectMapper}). */
    DATABIND("databind", "com.fasterxml.jackson.databind."),
    /** Jackson's annotations, data formats and modules. */
    JACKSON_OTHER("other Jackson", "com.fasterxml.jackson."),
    /** Portico's classes and the sample's. */
    PORTICO("Portico", "dev.portico."),
    /** SLF4J and its binding. */
    SLF4J("SLF4J", "org.slf4j."),
    /** The AWS Lambda libraries. */
    AWS("AWS", "com.amazonaws.", "software.amazon."),
    /** Anything else (java-jwt, SnakeYAML, the benchmark's harness, ...). */
    OTHER("other");

    private final String label;
    private final List<String> prefixes;

    Group(String label, String... prefixes) {
      this.label = label;
      this.prefixes = List.of(prefixes);
    }

    /** The column heading. */
    public String label() {
      return label;
    }

    static Group of(String className) {
      for (Group g : values()) {
        for (String prefix : g.prefixes) {
          if (className.startsWith(prefix)) {
            return g;
          }
        }
      }
      return OTHER;
    }
  }

  /** Counts the classes named in a {@code -Xlog:class+load=info} log. */
  public static ClassGroups of(Path log) throws IOException {
    try (Stream<String> lines = Files.lines(log)) {
      return of(lines.toList());
    }
  }

  /**
   * Counts the classes named in log lines such as {@code [0.1s][info][class,load] java.lang.Object
   * source: shared objects file}; other lines are skipped.
   */
  public static ClassGroups of(List<String> lines) {
    Map<Group, Integer> counts = new EnumMap<>(Group.class);
    for (Group g : Group.values()) {
      counts.put(g, 0);
    }
    for (String line : lines) {
      int source = line.indexOf(" source: ");
      int start = line.indexOf("] ", line.indexOf("[class,load]"));
      if (source < 0 || start < 0 || start + 2 > source) {
        continue;
      }
      counts.merge(Group.of(line.substring(start + 2, source)), 1, Integer::sum);
    }
    return new ClassGroups(counts);
  }

  /** All classes counted. */
  public int total() {
    return counts.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** A Markdown table, a row per variant (JVM variants only), a column per group. */
  static String table(Map<String, ClassGroups> variants) {
    if (variants.isEmpty()) {
      return "";
    }
    StringBuilder t = new StringBuilder("Classes loaded by package group:\n\n| variant |");
    StringBuilder rule = new StringBuilder("|---|");
    for (Group g : Group.values()) {
      t.append(' ').append(g.label()).append(" |");
      rule.append("---:|");
    }
    t.append(" total |\n").append(rule).append("---:|\n");
    for (Map.Entry<String, ClassGroups> e : variants.entrySet()) {
      List<String> cells = new ArrayList<>();
      for (Group g : Group.values()) {
        cells.add(String.valueOf(e.getValue().counts().get(g)));
      }
      t.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %d |%n",
              e.getKey(),
              String.join(" | ", cells),
              e.getValue().total()));
    }
    return t.append('\n').toString();
  }
}
