package dev.portico.path.text;

import java.util.List;

/**
 * How text names an enum constant: the exact name first, then the name ignoring case (so {@code
 * dog} is {@code DOG} unless a constant is spelled {@code dog}).
 */
public final class EnumConstants {
  private EnumConstants() {}

  /**
   * The index of the constant the text names, or -1.
   *
   * @param names the constants' names in declaration order
   */
  public static int indexOf(List<String> names, String text) {
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i).equals(text)) {
        return i;
      }
    }
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i).equalsIgnoreCase(text)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * How messages name an enum type's values: {@code one of [DOG, CAT]} at run time.
   *
   * @param names the constants' names in declaration order
   */
  public static String runtimeWording(List<String> names) {
    return "one of " + names;
  }

  /**
   * How a compile-time {@code @DefaultValue} error names an enum type: {@code Color (one of RED,
   * GREEN)}.
   */
  public static String defaultValueWording(String simpleName, List<String> names) {
    return simpleName + " (one of " + String.join(", ", names) + ")";
  }
}
