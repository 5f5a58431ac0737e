package dev.portico.processor;

import java.util.HashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * The imports of one generated file. Every type the file mentions goes through {@link #name}, which
 * answers the simple name when it is unambiguous (importing it when needed) and the qualified name
 * otherwise, so generated code compiles whatever the user's types are called.
 */
final class Imports {
  private final String packageName;
  private final Elements elements;
  private final Map<String, String> claimed = new HashMap<>();
  private final SortedSet<String> imports = new TreeSet<>();
  private boolean deprecatedTypeUsed;
  private final String generatedName;

  Imports(String packageName, Elements elements, String generatedSimpleName) {
    this.packageName = packageName;
    this.elements = elements;
    claimed.put(generatedSimpleName, qualify(packageName, generatedSimpleName));
    this.generatedName = qualify(packageName, generatedSimpleName);
  }

  /**
   * Reserves the simple name of a class nested in the generated one, so a type of the same simple
   * name is written qualified; call before naming anything else.
   */
  void reserveNested(String simpleName) {
    claimed.putIfAbsent(simpleName, generatedName + "." + simpleName);
  }

  /** The name to write for a type given by qualified name; it must be a top-level type. */
  String name(String qualifiedName) {
    TypeElement type = elements.getTypeElement(qualifiedName);
    if (type != null) {
      return name(type);
    }
    int dot = qualifiedName.lastIndexOf('.');
    return topLevel(qualifiedName.substring(0, Math.max(dot, 0)), qualifiedName);
  }

  /** The name to write for a type, nested or not. */
  String name(TypeElement type) {
    if (elements.isDeprecated(type)) {
      deprecatedTypeUsed = true;
    }
    Element enclosing = type.getEnclosingElement();
    if (enclosing.getKind() == ElementKind.PACKAGE) {
      return topLevel(
          ((PackageElement) enclosing).getQualifiedName().toString(),
          type.getQualifiedName().toString());
    }
    if (enclosing instanceof TypeElement) {
      return name((TypeElement) enclosing) + "." + type.getSimpleName();
    }
    return type.getQualifiedName().toString();
  }

  /** A type as source code, with type arguments and without type annotations. */
  String type(TypeMirror type) {
    return TypeNames.render(type, this::name);
  }

  /** Whether a deprecated type was named, so that the file must suppress deprecation warnings. */
  boolean deprecatedTypeUsed() {
    return deprecatedTypeUsed;
  }

  /** Whether code in the generated file's package can name the type (and its enclosing ones). */
  boolean canName(TypeElement type) {
    return canName(elements, packageName, type);
  }

  /** Whether code in {@code packageName} can name the type (and its enclosing ones). */
  static boolean canName(Elements elements, String packageName, TypeElement type) {
    for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
      boolean visible =
          e.getModifiers().contains(Modifier.PUBLIC)
              || (!e.getModifiers().contains(Modifier.PRIVATE)
                  && elements.getPackageOf(e).getQualifiedName().contentEquals(packageName));
      if (!visible) {
        return false;
      }
    }
    return true;
  }

  /** The import declarations, sorted, one per line. */
  String declarations() {
    StringBuilder out = new StringBuilder();
    for (String qualifiedName : imports) {
      out.append("import ").append(qualifiedName).append(";\n");
    }
    return out.toString();
  }

  private String topLevel(String typePackage, String qualifiedName) {
    String simpleName =
        typePackage.isEmpty() ? qualifiedName : qualifiedName.substring(typePackage.length() + 1);
    String owner = claimed.get(simpleName);
    if (owner != null) {
      return owner.equals(qualifiedName) ? simpleName : qualifiedName;
    }
    if (typePackage.equals("java.lang")
        && !packageName.equals("java.lang")
        && elements.getTypeElement(qualify(packageName, simpleName)) != null) {
      // A type of the generated file's own package would shadow java.lang's.
      return qualifiedName;
    }
    claimed.put(simpleName, qualifiedName);
    if (!typePackage.equals(packageName) && !typePackage.equals("java.lang")) {
      imports.add(qualifiedName);
    }
    return simpleName;
  }

  private static String qualify(String packageName, String simpleName) {
    return packageName.isEmpty() ? simpleName : packageName + "." + simpleName;
  }
}
