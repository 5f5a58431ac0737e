package dev.portico.processor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * The class hierarchy as routes see it: where route methods and class-level annotations are looked
 * up, which inherited route methods an override replaces, and which classes must get routes of
 * their own because they inherit routes only they can serve.
 */
public final class Hierarchy {
  private Hierarchy() {}

  /** Whether the method has an HTTP method annotation or {@code @Path}. */
  static boolean isRouteMethod(ExecutableElement method) {
    return !PorticoAnnotation.presentOn(method, PorticoAnnotation.Kind.HTTP_METHOD).isEmpty()
        || PorticoAnnotation.PATH.on(method) != null;
  }

  /**
   * The type, its superclasses (nearest first), then every interface they implement, without {@code
   * java.*} types: where route methods and class-level annotations are looked up, in order.
   */
  public static List<TypeElement> supertypes(TypeElement type) {
    List<TypeElement> all = new ArrayList<>();
    for (TypeElement current = type; current != null; current = superclass(current)) {
      all.add(current);
    }
    ArrayDeque<TypeElement> queue = new ArrayDeque<>();
    for (TypeElement current : List.copyOf(all)) {
      for (TypeMirror implemented : current.getInterfaces()) {
        queue.add((TypeElement) ((DeclaredType) implemented).asElement());
      }
    }
    while (!queue.isEmpty()) {
      TypeElement next = queue.remove();
      if (all.contains(next) || next.getQualifiedName().toString().startsWith("java.")) {
        continue;
      }
      all.add(next);
      for (TypeMirror implemented : next.getInterfaces()) {
        queue.add((TypeElement) ((DeclaredType) implemented).asElement());
      }
    }
    return all;
  }

  /**
   * The route methods the controller serves, grouped by the type of {@code chain} that declares
   * them (same order as {@code chain}): an annotated override replaces the method it overrides, an
   * unannotated one keeps its route (and is what the route calls).
   */
  static List<List<ExecutableElement>> routeMethods(
      TypeElement controller, List<TypeElement> chain, Elements elements) {
    return routeMethods(controller, chain, elements, Hierarchy::isRouteMethod);
  }

  /**
   * {@link #routeMethods(TypeElement, List, Elements)} for another kind of route method (the
   * WebSocket processor's {@code @OnConnect}, {@code @OnDisconnect}, {@code @OnMessage}), with the
   * same override rule.
   */
  public static List<List<ExecutableElement>> routeMethods(
      TypeElement controller,
      List<TypeElement> chain,
      Elements elements,
      java.util.function.Predicate<ExecutableElement> isRouteMethod) {
    List<List<ExecutableElement>> declared = new ArrayList<>();
    List<ExecutableElement> lower = new ArrayList<>();
    for (TypeElement type : chain) {
      List<ExecutableElement> own = new ArrayList<>();
      for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
        if (!isRouteMethod.test(method)) {
          continue;
        }
        if (type != controller
            && lower.stream().anyMatch(sub -> elements.overrides(sub, method, controller))) {
          continue;
        }
        own.add(method);
      }
      lower.addAll(own);
      declared.add(own);
    }
    return declared;
  }

  /**
   * Whether the class must get routes of its own because it inherits route methods that only it can
   * serve: from an interface or from a generic superclass, neither of which gets a routes class.
   */
  static boolean inheritsRoutesOnlyItCanServe(TypeElement type) {
    if (type.getKind() != ElementKind.CLASS
            && type.getKind() != ElementKind.RECORD
            && type.getKind() != ElementKind.ENUM
        || type.getModifiers().contains(Modifier.ABSTRACT)
        || !type.getTypeParameters().isEmpty()
        || type.getNestingKind() == NestingKind.LOCAL
        || type.getNestingKind() == NestingKind.ANONYMOUS) {
      return false;
    }
    for (Element enclosing = type;
        enclosing instanceof TypeElement;
        enclosing = enclosing.getEnclosingElement()) {
      if (enclosing.getModifiers().contains(Modifier.PRIVATE)) {
        return false;
      }
    }
    for (TypeElement supertype : supertypes(type)) {
      if (supertype != type
          && (supertype.getKind() == ElementKind.INTERFACE
              || !supertype.getTypeParameters().isEmpty())
          && ElementFilter.methodsIn(supertype.getEnclosedElements()).stream()
              .anyMatch(Hierarchy::isRouteMethod)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a type the class's methods mention does not exist yet (it may be generated). */
  static boolean mentionsMissingTypes(TypeElement controller) {
    for (ExecutableElement method : ElementFilter.methodsIn(controller.getEnclosedElements())) {
      if (isMissing(method.getReturnType())) {
        return true;
      }
      for (VariableElement parameter : method.getParameters()) {
        if (isMissing(parameter.asType())) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isMissing(TypeMirror type) {
    if (type.getKind() == TypeKind.ERROR) {
      return true;
    }
    if (type.getKind() == TypeKind.ARRAY) {
      return isMissing(((ArrayType) type).getComponentType());
    }
    if (type.getKind() == TypeKind.DECLARED) {
      for (TypeMirror argument : ((DeclaredType) type).getTypeArguments()) {
        if (isMissing(argument)) {
          return true;
        }
      }
    }
    return false;
  }

  private static TypeElement superclass(TypeElement type) {
    TypeMirror superclass = type.getSuperclass();
    if (superclass.getKind() != TypeKind.DECLARED) {
      return null;
    }
    TypeElement element = (TypeElement) ((DeclaredType) superclass).asElement();
    return element.getQualifiedName().contentEquals("java.lang.Object")
            || element.getQualifiedName().contentEquals("java.lang.Record")
            || element.getQualifiedName().contentEquals("java.lang.Enum")
        ? null
        : element;
  }
}
