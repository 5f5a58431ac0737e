package dev.portico.processor;

import java.util.EnumSet;
import java.util.Set;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** What kind of value a constrained element holds, which decides the checks that apply to it. */
enum ValueKind {
  /** A {@code CharSequence}. */
  TEXT,
  /** {@code byte}, {@code short}, {@code int} or {@code long}. */
  INTEGRAL,
  /** {@code Byte}, {@code Short}, {@code Integer} or {@code Long}. */
  BOXED_INTEGRAL,
  BIG_INTEGER,
  BIG_DECIMAL,
  /** {@code float}, {@code double}, {@code Float} or {@code Double}. */
  FLOATING,
  /**
   * {@code Instant}, {@code LocalDate}, {@code LocalDateTime}, {@code LocalTime} or {@code
   * OffsetDateTime}.
   */
  TEMPORAL,
  /** A {@code java.util.Collection}. */
  COLLECTION,
  /** A {@code java.util.Map}. */
  MAP,
  ARRAY,
  /** {@code boolean} and {@code char}. */
  OTHER_PRIMITIVE,
  OTHER;

  static final Set<ValueKind> SIZED = EnumSet.of(TEXT, COLLECTION, MAP, ARRAY);
  static final Set<ValueKind> NUMBERS =
      EnumSet.of(INTEGRAL, BOXED_INTEGRAL, BIG_INTEGER, BIG_DECIMAL, FLOATING);
  static final Set<ValueKind> TEMPORALS = EnumSet.of(TEMPORAL);

  static ValueKind of(TypeMirror type, Elements elements, Types types) {
    switch (type.getKind()) {
      case BYTE:
      case SHORT:
      case INT:
      case LONG:
        return INTEGRAL;
      case FLOAT:
      case DOUBLE:
        return FLOATING;
      case ARRAY:
        return ARRAY;
      case DECLARED:
        break;
      default:
        return type.getKind().isPrimitive() ? OTHER_PRIMITIVE : OTHER;
    }
    String name = ((DeclaredType) type).asElement().toString();
    switch (name) {
      case "java.lang.Byte":
      case "java.lang.Short":
      case "java.lang.Integer":
      case "java.lang.Long":
        return BOXED_INTEGRAL;
      case "java.math.BigInteger":
        return BIG_INTEGER;
      case "java.math.BigDecimal":
        return BIG_DECIMAL;
      case "java.lang.Float":
      case "java.lang.Double":
        return FLOATING;
      case "java.time.Instant":
      case "java.time.LocalDate":
      case "java.time.LocalDateTime":
      case "java.time.LocalTime":
      case "java.time.OffsetDateTime":
        return TEMPORAL;
      default:
        break;
    }
    TypeMirror erased = types.erasure(type);
    if (assignable(erased, "java.lang.CharSequence", elements, types)) {
      return TEXT;
    }
    if (assignable(erased, "java.util.Collection", elements, types)) {
      return COLLECTION;
    }
    if (assignable(erased, "java.util.Map", elements, types)) {
      return MAP;
    }
    return OTHER;
  }

  private static boolean assignable(
      TypeMirror type, String qualifiedName, Elements elements, Types types) {
    var element = elements.getTypeElement(qualifiedName);
    return element != null
        && type.getKind() != TypeKind.ERROR
        && types.isAssignable(type, types.erasure(element.asType()));
  }
}
