package dev.portico.processor;

import dev.portico.path.text.EnumConstants;
import dev.portico.path.text.Scalar;
import dev.portico.path.text.TextFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
 * What the runtime's built-in converters turn text into, checked at compile time against the same
 * table the runtime uses (portico-path's {@link Scalar}, {@link TextFactory} and {@link
 * EnumConstants}): which parameter types convert, and whether a {@code @DefaultValue} does.
 *
 * <p>One deliberate difference: {@link Scalar#STRING} also lists {@code CharSequence} and {@code
 * Object}, which the runtime binds to the text; the processor accepts only {@code String} for them,
 * because an {@code Object} parameter is nearly always a type variable resolved to {@code Object}
 * (a {@code Crud<Object>}) and a compile error is the better answer.
 */
public final class TextConversions {
  /** What messages tell users to give a type that does not convert from text. */
  public static final String HOW_TO_CONVERT = "give it " + TextFactory.hint();

  private final Types types;
  private final List<String> convertibleTypes;

  /**
   * The checks with the types the {@code -Aportico.convertibleTypes} option names (what the
   * WebSocket processor uses; HTTP's {@code ControllerAnalyzer} reads the same option).
   */
  public static TextConversions fromOptions(javax.annotation.processing.ProcessingEnvironment env) {
    String option = env.getOptions().get(ControllerAnalyzer.CONVERTIBLE_TYPES_OPTION);
    return new TextConversions(
        env.getTypeUtils(),
        option == null
            ? List.of()
            : java.util.Arrays.stream(option.split(","))
                .map(String::trim)
                .filter(name -> !name.isEmpty())
                .toList());
  }

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

  /** The table's entry for a primitive or a scalar's main class; empty for anything else. */
  static Optional<Scalar> scalar(TypeMirror type) {
    if (type.getKind().isPrimitive()) {
      return Scalar.forTypeName(type.getKind().name().toLowerCase(Locale.ROOT));
    }
    if (type.getKind() != TypeKind.DECLARED) {
      return Optional.empty();
    }
    String name = ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().toString();
    return Scalar.forTypeName(name).filter(scalar -> scalar.classNames().get(0).equals(name));
  }

  /** Whether Portico's runtime converts text to this type. */
  public boolean convertible(TypeMirror type) {
    if (scalar(type).isPresent()) {
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
    if (element.getKind() == ElementKind.ENUM) {
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
    for (TextFactory factory : TextFactory.values()) {
      if (factory.isStaticMethod() ? hasMethod(element, factory) : hasConstructor(element)) {
        return true;
      }
    }
    return false;
  }

  private boolean hasMethod(TypeElement element, TextFactory factory) {
    TypeMirror erased = types.erasure(element.asType());
    for (ExecutableElement method : ElementFilter.methodsIn(element.getEnclosedElements())) {
      if (method.getSimpleName().contentEquals(factory.methodName())
          && method.getModifiers().contains(javax.lang.model.element.Modifier.PUBLIC)
          && method.getModifiers().contains(javax.lang.model.element.Modifier.STATIC)
          && method.getParameters().size() == 1
          && TypeNames.isDeclared(method.getParameters().get(0).asType(), factory.parameterType())
          && types.isSameType(types.erasure(method.getReturnType()), erased)) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasConstructor(TypeElement element) {
    if (element.getKind() != ElementKind.CLASS
        || element.getModifiers().contains(javax.lang.model.element.Modifier.ABSTRACT)) {
      return false;
    }
    for (ExecutableElement constructor :
        ElementFilter.constructorsIn(element.getEnclosedElements())) {
      if (constructor.getModifiers().contains(javax.lang.model.element.Modifier.PUBLIC)
          && constructor.getParameters().size() == 1
          && TypeNames.isDeclared(
              constructor.getParameters().get(0).asType(),
              TextFactory.CONSTRUCTOR.parameterType())) {
        return true;
      }
    }
    return false;
  }

  /**
   * What a default value should have been ("int", "Color (one of RED, GREEN)"), in the table's
   * wording, or {@code null} when it converts or cannot be checked at compile time.
   */
  public String defaultProblem(TypeMirror type, String text) {
    Optional<Scalar> scalar = scalar(type);
    if (scalar.isPresent()) {
      String typeName =
          type.getKind().isPrimitive()
              ? type.getKind().name().toLowerCase(Locale.ROOT)
              : ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().toString();
      return scalar.get().accepts(text) ? null : scalar.get().defaultValueWording(typeName);
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
              .toList();
      return EnumConstants.indexOf(constants, text) >= 0
          ? null
          : EnumConstants.defaultValueWording(element.getSimpleName().toString(), constants);
    }
    String kind = element.getQualifiedName().toString();
    if (kind.startsWith("java.") && !kind.equals("java.lang.String")) {
      return jdkParses(kind, text) ? null : element.getSimpleName().toString();
    }
    return null;
  }

  /**
   * Whether a JDK type outside the table (java.time, ...) reads the text through the first of the
   * table's factories it has, tried with the processor's own JDK; {@code true} when it cannot tell.
   */
  private static boolean jdkParses(String className, String text) {
    Class<?> type;
    try {
      type = Class.forName(className, false, ClassLoader.getPlatformClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      return true;
    }
    try {
      for (TextFactory factory : TextFactory.values()) {
        Class<?> parameter =
            factory.parameterType().equals("java.lang.CharSequence")
                ? CharSequence.class
                : String.class;
        if (!factory.isStaticMethod()) {
          type.getConstructor(parameter).newInstance(text);
          return true;
        }
        Method method;
        try {
          method = type.getMethod(factory.methodName(), parameter);
        } catch (NoSuchMethodException e) {
          continue;
        }
        if (Modifier.isStatic(method.getModifiers())
            && type.isAssignableFrom(method.getReturnType())) {
          method.invoke(null, text);
          return true;
        }
      }
      return true;
    } catch (InvocationTargetException e) {
      return false;
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return !(e instanceof IllegalArgumentException);
    }
  }
}
