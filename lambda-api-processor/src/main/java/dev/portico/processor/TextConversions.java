package dev.portico.processor;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;

/**
 * What the runtime's built-in converters turn text into, checked at compile time: which parameter
 * types convert, and whether a {@code @DefaultValue} does.
 */
final class TextConversions {
  /** What messages tell users to give a type that does not convert from text. */
  static final String HOW_TO_CONVERT =
      "give it a static valueOf(String), of(String) or parse(CharSequence), or a public constructor"
          + " taking a String";

  private static final Set<String> TEXT_TYPES =
      Set.of(
          "java.lang.String",
          "java.lang.Boolean",
          "java.lang.Byte",
          "java.lang.Short",
          "java.lang.Integer",
          "java.lang.Long",
          "java.lang.Character",
          "java.lang.Float",
          "java.lang.Double",
          "java.util.UUID",
          "java.math.BigDecimal",
          "java.math.BigInteger");

  private final Types types;
  private final List<String> convertibleTypes;

  /**
   * Creates the checks.
   *
   * @param convertibleTypes types converted by user-registered converters: qualified names, or
   *     packages as {@code com.example.*}
   */
  TextConversions(Types types, List<String> convertibleTypes) {
    this.types = types;
    this.convertibleTypes = List.copyOf(convertibleTypes);
  }

  /** Whether Portico's runtime converts text to this type. */
  boolean convertible(TypeMirror type) {
    if (type.getKind().isPrimitive()) {
      return true;
    }
    if (type.getKind() != TypeKind.DECLARED) {
      return false;
    }
    DeclaredType declared = (DeclaredType) type;
    TypeElement element = (TypeElement) declared.asElement();
    if (!element.getTypeParameters().isEmpty()) {
      return false;
    }
    if (TEXT_TYPES.contains(element.getQualifiedName().toString())
        || element.getKind() == ElementKind.ENUM) {
      return true;
    }
    String qualifiedName = element.getQualifiedName().toString();
    for (String allowed : convertibleTypes) {
      if (allowed.endsWith(".*")
          ? qualifiedName.startsWith(allowed.substring(0, allowed.length() - 1))
          : qualifiedName.equals(allowed)) {
        return true;
      }
    }
    // The runtime finds these through a public lookup, so the type must be public throughout.
    for (Element enclosing = element;
        enclosing instanceof TypeElement;
        enclosing = enclosing.getEnclosingElement()) {
      if (!enclosing.getModifiers().contains(javax.lang.model.element.Modifier.PUBLIC)) {
        return false;
      }
    }
    TypeMirror erased = types.erasure(type);
    for (ExecutableElement method : ElementFilter.methodsIn(element.getEnclosedElements())) {
      String name = method.getSimpleName().toString();
      if ((name.equals("valueOf")
              || name.equals("of")
              || name.equals("parse")
              || name.equals("fromString"))
          && method.getModifiers().contains(javax.lang.model.element.Modifier.PUBLIC)
          && method.getModifiers().contains(javax.lang.model.element.Modifier.STATIC)
          && method.getParameters().size() == 1
          && acceptsText(method.getParameters().get(0).asType(), name.equals("parse"))
          && types.isSameType(types.erasure(method.getReturnType()), erased)) {
        return true;
      }
    }
    if (element.getKind() == ElementKind.CLASS
        && !element.getModifiers().contains(javax.lang.model.element.Modifier.ABSTRACT)) {
      for (ExecutableElement constructor :
          ElementFilter.constructorsIn(element.getEnclosedElements())) {
        if (constructor.getModifiers().contains(javax.lang.model.element.Modifier.PUBLIC)
            && constructor.getParameters().size() == 1
            && TypeNames.isDeclared(
                constructor.getParameters().get(0).asType(), "java.lang.String")) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean acceptsText(TypeMirror parameterType, boolean charSequenceToo) {
    return TypeNames.isDeclared(parameterType, "java.lang.String")
        || (charSequenceToo && TypeNames.isDeclared(parameterType, "java.lang.CharSequence"));
  }

  /**
   * What a default value should have been ("int", "Color (one of RED, GREEN)"), or {@code null}
   * when it converts or cannot be checked at compile time.
   */
  String defaultProblem(TypeMirror type, String text) {
    String kind =
        type.getKind().isPrimitive()
            ? type.getKind().name().toLowerCase(Locale.ROOT)
            : type.getKind() == TypeKind.DECLARED
                ? ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().toString()
                : "";
    try {
      switch (kind) {
        case "boolean":
        case "java.lang.Boolean":
          if (!text.trim().equalsIgnoreCase("true") && !text.trim().equalsIgnoreCase("false")) {
            return simpleKind(type) + " (true or false)";
          }
          return null;
        case "byte":
        case "java.lang.Byte":
          Byte.parseByte(text.trim());
          return null;
        case "short":
        case "java.lang.Short":
          Short.parseShort(text.trim());
          return null;
        case "int":
        case "java.lang.Integer":
          Integer.parseInt(text.trim());
          return null;
        case "long":
        case "java.lang.Long":
          Long.parseLong(text.trim());
          return null;
        case "float":
        case "java.lang.Float":
          return Float.isFinite(Float.parseFloat(text.trim())) ? null : simpleKind(type);
        case "double":
        case "java.lang.Double":
          return Double.isFinite(Double.parseDouble(text.trim())) ? null : simpleKind(type);
        case "char":
        case "java.lang.Character":
          return text.length() == 1 ? null : simpleKind(type) + " (one character)";
        default:
          break;
      }
    } catch (NumberFormatException e) {
      return simpleKind(type);
    }
    if (type.getKind() != TypeKind.DECLARED) {
      return null;
    }
    TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
    if (element.getKind() == ElementKind.ENUM) {
      List<String> constants =
          element.getEnclosedElements().stream()
              .filter(e -> e.getKind() == ElementKind.ENUM_CONSTANT)
              .map(e -> e.getSimpleName().toString())
              .collect(Collectors.toList());
      for (String constant : constants) {
        if (constant.equalsIgnoreCase(text)) {
          return null;
        }
      }
      return element.getSimpleName() + " (one of " + String.join(", ", constants) + ")";
    }
    if (kind.startsWith("java.") && !kind.equals("java.lang.String")) {
      return jdkParses(kind, text) ? null : element.getSimpleName().toString();
    }
    return null;
  }

  private static String simpleKind(TypeMirror type) {
    return type.getKind().isPrimitive()
        ? type.getKind().name().toLowerCase(Locale.ROOT)
        : ((DeclaredType) type).asElement().getSimpleName().toString();
  }

  /**
   * Whether a JDK type (UUID, BigDecimal, java.time) reads the text, tried with the processor's own
   * JDK; {@code true} when it cannot tell.
   */
  private static boolean jdkParses(String className, String text) {
    Class<?> type;
    try {
      type = Class.forName(className, false, ClassLoader.getPlatformClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      return true;
    }
    try {
      if (type == java.util.UUID.class) {
        java.util.UUID.fromString(text);
        return true;
      }
      for (String name : List.of("parse", "valueOf", "of")) {
        for (Class<?> parameter : List.of(CharSequence.class, String.class)) {
          Method method;
          try {
            method = type.getMethod(name, parameter);
          } catch (NoSuchMethodException e) {
            continue;
          }
          if (Modifier.isStatic(method.getModifiers())
              && type.isAssignableFrom(method.getReturnType())) {
            method.invoke(null, text);
            return true;
          }
        }
      }
      type.getConstructor(String.class).newInstance(text);
      return true;
    } catch (InvocationTargetException e) {
      return false;
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return !(e instanceof IllegalArgumentException);
    }
  }
}
