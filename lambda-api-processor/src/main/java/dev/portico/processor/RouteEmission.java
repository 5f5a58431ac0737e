package dev.portico.processor;

import javax.lang.model.type.PrimitiveType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * What a {@link Binding} needs while the statements of one route are written: the file's imports
 * and names, the route, how the route's name is written, and where to put the statements and
 * constants it declares.
 */
final class RouteEmission {
  private final Imports imports;
  private final Types types;
  private final RouteModel route;
  private final String owner;
  private final NameAllocator locals;
  private final NameAllocator constants;
  private final StringBuilder statements;
  private final StringBuilder fields;

  RouteEmission(
      Imports imports,
      Types types,
      RouteModel route,
      String owner,
      NameAllocator locals,
      NameAllocator constants,
      StringBuilder statements,
      StringBuilder fields) {
    this.imports = imports;
    this.types = types;
    this.route = route;
    this.owner = owner;
    this.locals = locals;
    this.constants = constants;
    this.statements = statements;
    this.fields = fields;
  }

  Imports imports() {
    return imports;
  }

  Types types() {
    return types;
  }

  RouteModel route() {
    return route;
  }

  /** The route's name as an expression: a string literal, or the local holding it. */
  String owner() {
    return owner;
  }

  /** A new local variable name of {@code register}. */
  String local(String base) {
    return locals.newName(base);
  }

  /** Adds a statement (with indentation and final line break) before the route's registration. */
  void declare(String statement) {
    statements.append(statement);
  }

  /** A {@code Type} constant for a generic body type, declared as a field; returns its name. */
  String typeToken(String base, TypeMirror type) {
    String name = constants.newName(base);
    fields
        .append("  private static final ")
        .append(imports.name("java.lang.reflect.Type"))
        .append(' ')
        .append(name)
        .append(" =\n      new ")
        .append(imports.name("com.fasterxml.jackson.core.type.TypeReference"))
        .append('<')
        .append(imports.type(type))
        .append(">() {}.getType();\n\n");
    return name;
  }

  /** {@code Pet.class}, {@code List.class}, {@code long.class}. */
  String classLiteral(TypeMirror type) {
    return imports.type(types.erasure(type)) + ".class";
  }

  /** The type, boxed when primitive. */
  String boxedType(TypeMirror type) {
    return type.getKind().isPrimitive()
        ? imports.name(types.boxedClass((PrimitiveType) type))
        : imports.type(type);
  }
}
