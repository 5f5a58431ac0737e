package dev.portico.processor;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * Hands out names for one scope of generated code (the locals of {@code register}, the constants of
 * the class, the locals of a JSON writer): each name is a valid Java identifier, never a keyword,
 * and never one already taken in the scope; a taken name gets a suffix.
 */
final class NameAllocator {
  /** How a taken name is made unique. */
  enum Suffix {
    /** {@code name}, {@code name2}, {@code name3}, ... */
    NUMBER,
    /**
     * {@code name}, {@code name_}, {@code name__}, ... (JSON writers' locals, which mirror
     * components).
     */
    UNDERSCORE
  }

  private final Set<String> taken = new HashSet<>();
  private final Suffix suffix;

  /** An allocator whose names avoid the reserved ones. */
  NameAllocator(Suffix suffix, Set<String> reserved) {
    this.suffix = suffix;
    taken.addAll(reserved);
  }

  /** Marks a name as taken without handing it out. */
  void reserve(String name) {
    taken.add(name);
  }

  /** A new name based on {@code base}: {@code base} itself when free, else with a suffix. */
  String newName(String base) {
    String start = SourceVersion.isIdentifier(base) ? base : sanitized(base);
    if (SourceVersion.isKeyword(start)) {
      start = start + "_";
    }
    String candidate = start;
    for (int i = 2; !taken.add(candidate); i++) {
      candidate = suffix == Suffix.NUMBER ? start + i : candidate + "_";
    }
    return candidate;
  }

  private static String sanitized(String base) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < base.length(); i++) {
      char ch = base.charAt(i);
      boolean ok =
          i == 0 ? Character.isJavaIdentifierStart(ch) : Character.isJavaIdentifierPart(ch);
      out.append(ok ? ch : '_');
    }
    return out.length() == 0 ? "_name" : out.toString();
  }

  /** {@code id} becomes {@code Id}. */
  static String capitalized(String name) {
    return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  /** {@code createPet} becomes {@code CREATE_PET}. */
  static String constantCase(String name) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char ch = name.charAt(i);
      if (Character.isUpperCase(ch) && i > 0 && !Character.isUpperCase(name.charAt(i - 1))) {
        out.append('_');
      }
      out.append(Character.toUpperCase(ch));
    }
    return out.toString().toUpperCase(Locale.ROOT);
  }
}
