package dev.portico.processor;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;

/**
 * The one type renderer: writes a type as Java source text, without type annotations, naming each
 * class through a function. Messages use {@link #simple} and {@link #qualified}; {@link Imports}
 * passes its own naming function, which imports or qualifies. Public only so that the WebSocket
 * analyzer (another package of this jar) shares it; not an API.
 */
public final class TypeNames {
  private TypeNames() {}

  /** The type as source text, classes named by {@code names}. */
  public static String render(TypeMirror type, Function<TypeElement, String> names) {
    switch (type.getKind()) {
      case ARRAY:
        return render(((ArrayType) type).getComponentType(), names) + "[]";
      case DECLARED:
        DeclaredType declared = (DeclaredType) type;
        String name = names.apply((TypeElement) declared.asElement());
        if (declared.getTypeArguments().isEmpty()) {
          return name;
        }
        return name
            + declared.getTypeArguments().stream()
                .map(argument -> render(argument, names))
                .collect(Collectors.joining(", ", "<", ">"));
      case WILDCARD:
        WildcardType wildcard = (WildcardType) type;
        if (wildcard.getExtendsBound() != null) {
          return "? extends " + render(wildcard.getExtendsBound(), names);
        }
        if (wildcard.getSuperBound() != null) {
          return "? super " + render(wildcard.getSuperBound(), names);
        }
        return "?";
      case TYPEVAR:
        return ((TypeVariable) type).asElement().getSimpleName().toString();
      default:
        return type.getKind().isPrimitive() || type.getKind() == TypeKind.VOID
            ? type.getKind().name().toLowerCase(Locale.ROOT)
            : type.toString();
    }
  }

  /** A type with simple names: {@code Map<String, List<Pet>>}. */
  public static String simple(TypeMirror type) {
    return render(type, element -> element.getSimpleName().toString());
  }

  /** A type with qualified names: {@code java.util.List<java.lang.String>}. */
  public static String qualified(TypeMirror type) {
    return render(type, element -> element.getQualifiedName().toString());
  }

  /** {@code PetController.list(int limit, List<String> tags)}: how messages name a method. */
  public static String owner(
      String controllerName, ExecutableElement method, List<? extends TypeMirror> types) {
    StringBuilder owner = new StringBuilder(controllerName).append('.');
    owner.append(method.getSimpleName()).append('(');
    List<? extends VariableElement> parameters = method.getParameters();
    for (int i = 0; i < parameters.size(); i++) {
      if (i > 0) {
        owner.append(", ");
      }
      TypeMirror type = types.get(i);
      if (method.isVarArgs() && i == parameters.size() - 1 && type.getKind() == TypeKind.ARRAY) {
        owner.append(simple(((ArrayType) type).getComponentType())).append("...");
      } else {
        owner.append(simple(type));
      }
      owner.append(' ').append(parameters.get(i).getSimpleName());
    }
    return owner.append(')').toString();
  }

  /** {@code Outer.Inner} for a nested class, the simple name otherwise. */
  public static String displayName(TypeElement type) {
    return nested(type, ".");
  }

  /** {@code Outer_Inner_Routes} for {@code Outer.Inner}. */
  public static String generatedName(TypeElement controller, String suffix) {
    return nested(controller, "_") + suffix;
  }

  private static String nested(TypeElement type, String separator) {
    StringBuilder name = new StringBuilder(type.getSimpleName());
    Element enclosing = type.getEnclosingElement();
    while (enclosing instanceof TypeElement) {
      name.insert(0, enclosing.getSimpleName() + separator);
      enclosing = enclosing.getEnclosingElement();
    }
    return name.toString();
  }

  /** Whether the type is the declared type of that qualified name (any type arguments). */
  public static boolean isDeclared(TypeMirror type, String qualifiedName) {
    return type.getKind() == TypeKind.DECLARED
        && ((TypeElement) ((DeclaredType) type).asElement())
            .getQualifiedName()
            .contentEquals(qualifiedName);
  }

  /** The type argument of an {@code Optional<T>}, or {@code null} for any other type. */
  public static TypeMirror optionalArgument(TypeMirror type) {
    if (isDeclared(type, "java.util.Optional")) {
      List<? extends TypeMirror> arguments = ((DeclaredType) type).getTypeArguments();
      return arguments.size() == 1 ? arguments.get(0) : null;
    }
    return null;
  }

  /** Whether the type is or mentions a type variable or a wildcard (or did not resolve). */
  public static boolean mentionsTypeVariable(TypeMirror type) {
    return switch (type.getKind()) {
      case TYPEVAR, WILDCARD, ERROR -> true;
      case ARRAY -> mentionsTypeVariable(((ArrayType) type).getComponentType());
      case DECLARED -> {
        for (TypeMirror argument : ((DeclaredType) type).getTypeArguments()) {
          if (mentionsTypeVariable(argument)) {
            yield true;
          }
        }
        yield false;
      }
      default -> false;
    };
  }
}
