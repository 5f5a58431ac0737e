package dev.portico.path.text;

import java.util.ArrayList;
import java.util.List;

/**
 * How text converts to a type that is not a {@link Scalar} or an enum: the static factory methods
 * and the constructor Portico looks for, in the order it tries them. The first that exists wins; a
 * factory method must be public and static, take exactly the parameter type given here and return
 * the type itself; the constructor must be public. The type must be public.
 */
public enum TextFactory {
  /** {@code static T valueOf(String)}. */
  VALUE_OF("valueOf", "java.lang.String"),
  /** {@code static T of(String)}. */
  OF("of", "java.lang.String"),
  /** {@code static T parse(CharSequence)}, as {@code java.time} types have. */
  PARSE_CHAR_SEQUENCE("parse", "java.lang.CharSequence"),
  /** {@code static T parse(String)}. */
  PARSE("parse", "java.lang.String"),
  /** {@code static T fromString(String)}. */
  FROM_STRING("fromString", "java.lang.String"),
  /** A public {@code T(String)} constructor. */
  CONSTRUCTOR(null, "java.lang.String");

  private final String methodName;
  private final String parameterType;

  TextFactory(String methodName, String parameterType) {
    this.methodName = methodName;
    this.parameterType = parameterType;
  }

  /** The static method's name, or {@code null} for {@link #CONSTRUCTOR}. */
  public String methodName() {
    return methodName;
  }

  /** The qualified name of the one parameter's type. */
  public String parameterType() {
    return parameterType;
  }

  /** Whether this is a static method (every constant except {@link #CONSTRUCTOR}). */
  public boolean isStaticMethod() {
    return methodName != null;
  }

  /** The factory as written in messages: {@code valueOf(String)}, {@code parse(CharSequence)}. */
  public String signature() {
    String simple = parameterType.substring(parameterType.lastIndexOf('.') + 1);
    return methodName == null ? "constructor(" + simple + ")" : methodName + "(" + simple + ")";
  }

  /** The static methods of a name, in the order they are tried. */
  public static List<TextFactory> staticMethods() {
    List<TextFactory> methods = new ArrayList<>();
    for (TextFactory factory : values()) {
      if (factory.isStaticMethod()) {
        methods.add(factory);
      }
    }
    return List.copyOf(methods);
  }

  /**
   * What to add to a type that does not convert, completing "give it ...": every factory of the
   * table, in its order: {@code a static valueOf(String), of(String), parse(CharSequence),
   * parse(String) or fromString(String), or a public constructor taking a String}.
   */
  public static String hint() {
    List<String> methods = new ArrayList<>();
    for (TextFactory factory : values()) {
      if (factory.isStaticMethod()) {
        methods.add(factory.signature());
      }
    }
    StringBuilder out = new StringBuilder("a static ");
    for (int i = 0; i < methods.size(); i++) {
      if (i > 0) {
        out.append(i == methods.size() - 1 ? " or " : ", ");
      }
      out.append(methods.get(i));
    }
    return out.append(", or a public constructor taking a String").toString();
  }
}
