package dev.portico.processor;

import java.util.HashSet;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Whether Jackson would read or write a type other than from its components: Jackson annotations
 * (or bundles of them) anywhere on it, Jackson or JDK interfaces it may be handled by, getters that
 * are not components. {@link JsonWriters}' conditions for build-time writers and readers.
 */
final class JacksonShapes {
  private final Elements elements;
  private final Types types;

  JacksonShapes(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  /**
   * Whether the record implements a JDK interface Jackson may write by instead of as a bean ({@code
   * Map.Entry}, {@code Collection}, {@code Map}, {@code Path}...): any but {@code Serializable} and
   * {@code Comparable}.
   */
  boolean implementsJdkShape(TypeElement type) {
    for (TypeMirror supertype : type.getInterfaces()) {
      TypeElement element = (TypeElement) types.asElement(supertype);
      String name = element.getQualifiedName().toString();
      if ((name.startsWith("java.") || name.startsWith("javax."))
          && !name.equals("java.io.Serializable")
          && !name.equals("java.lang.Comparable")) {
        return true;
      }
      if (implementsJdkShape(element)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether Jackson would write the type other than from its components: an annotation Jackson
   * reads (its own, a bundle of its own, or {@code java.beans} ones such as {@code @Transient}) on
   * the type, its members and their parameters, or its interfaces; or a Jackson interface such as
   * {@code JsonSerializable} among its supertypes.
   */
  boolean jacksonCustomised(TypeElement type) {
    if (hasJackson(type)) {
      return true;
    }
    for (Element member : type.getEnclosedElements()) {
      if (hasJackson(member)) {
        return true;
      }
      if (member instanceof ExecutableElement executable) {
        for (VariableElement parameter : executable.getParameters()) {
          if (hasJackson(parameter)) {
            return true;
          }
        }
      }
    }
    if (type.getKind() == ElementKind.RECORD) {
      for (RecordComponentElement component : type.getRecordComponents()) {
        if (hasJackson(component)) {
          return true;
        }
      }
    }
    for (TypeMirror supertype : type.getInterfaces()) {
      TypeElement supertypeElement = (TypeElement) types.asElement(supertype);
      if (isJackson(supertypeElement) || jacksonCustomised(supertypeElement)) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasJackson(Element element) {
    for (AnnotationMirror annotation : element.getAnnotationMirrors()) {
      TypeElement annotationType = (TypeElement) annotation.getAnnotationType().asElement();
      if (isJackson(annotationType)) {
        return true;
      }
      // A bundle: an annotation of the application's own, meta-annotated with Jackson ones.
      for (AnnotationMirror meta : annotationType.getAnnotationMirrors()) {
        if (isJackson((TypeElement) meta.getAnnotationType().asElement())) {
          return true;
        }
      }
    }
    return false;
  }

  /** A Jackson type, or a {@code java.beans} annotation that Jackson honours. */
  private static boolean isJackson(TypeElement type) {
    String name = type.getQualifiedName().toString();
    return name.startsWith("com.fasterxml.jackson.") || name.startsWith("java.beans.");
  }

  /**
   * Whether the only getters Jackson would find are the component accessors: any other public
   * {@code getX()} or {@code isX()} (declared or inherited from an interface) adds a property.
   */
  boolean onlyComponentGetters(TypeElement record) {
    Set<String> components = new HashSet<>();
    for (RecordComponentElement component : record.getRecordComponents()) {
      components.add(component.getSimpleName().toString());
    }
    for (Element member : elements.getAllMembers(record)) {
      if (member.getKind() != ElementKind.METHOD
          || member.getModifiers().contains(Modifier.STATIC)
          || !member.getModifiers().contains(Modifier.PUBLIC)) {
        continue;
      }
      ExecutableElement method = (ExecutableElement) member;
      String owner = ((TypeElement) method.getEnclosingElement()).getQualifiedName().toString();
      String name = method.getSimpleName().toString();
      if (owner.equals("java.lang.Object")
          || owner.equals("java.lang.Record")
          || components.contains(name)
          || !method.getParameters().isEmpty()
          || method.getReturnType().getKind() == TypeKind.VOID) {
        continue;
      }
      if ((name.startsWith("get") && name.length() > 3)
          || (name.startsWith("is") && name.length() > 2)) {
        return false;
      }
    }
    return true;
  }
}
