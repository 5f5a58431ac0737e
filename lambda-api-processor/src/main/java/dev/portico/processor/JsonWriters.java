package dev.portico.processor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Which records that routes return get a build-time JSON writer, and which {@code @Body} records a
 * build-time JSON reader ({@link #forReading}), decided while the controller is analysed (the
 * emitters only write what was decided here), with the reason when a type is left to
 * jackson-databind (the processor's note, or error under {@code portico.requireGeneratedJson}). A
 * record qualifies only when Jackson's default mapper would write it from its components alone, in
 * declaration order, with no customisation: no Jackson annotation on it, its members or its
 * interfaces (nor on annotations that bundle Jackson ones), no other getter-like method, and every
 * component a primitive (but {@code char}), a box, a {@code String}, a {@code UUID}, an {@code
 * Instant}, {@code LocalDate}, {@code LocalDateTime}, {@code LocalTime} or {@code OffsetDateTime},
 * a qualifying enum or record, or a {@code List}, {@code Set} or {@code Collection} of those.
 * Readers also read {@code BigDecimal}, {@code BigInteger}, {@code Duration}, and {@code
 * Map<String, V>} and {@code Optional<V>} of a value they read. Anything else is left to Jackson at
 * run time, as before.
 */
final class JsonWriters {
  /** The scalar types a component may have, with the statement writing a non-null value. */
  private static final Map<String, String> SCALAR_WRITES =
      Map.of(
          "java.lang.String", "json.writeString(%s)",
          "java.lang.Boolean", "json.writeBoolean(%s.booleanValue())",
          "java.lang.Integer", "json.writeNumber(%s.intValue())",
          "java.lang.Byte", "json.writeNumber(%s.intValue())",
          "java.lang.Short", "json.writeNumber(%s.shortValue())",
          "java.lang.Long", "json.writeNumber(%s.longValue())",
          "java.lang.Double", "json.writeNumber(%s.doubleValue())",
          "java.lang.Float", "json.writeNumber(%s.floatValue())");

  private static final Set<String> COLLECTIONS =
      Set.of("java.util.List", "java.util.Set", "java.util.Collection");

  /**
   * Values written and read as JSON strings: the default mapper's text for writers, the strict
   * ISO-8601 forms of {@code dev.portico.api.runtime.JsonScalars} for readers.
   */
  private static final Set<String> TEXT_SCALARS =
      Set.of(
          "java.util.UUID",
          "java.time.Instant",
          "java.time.LocalDate",
          "java.time.LocalDateTime",
          "java.time.LocalTime",
          "java.time.OffsetDateTime");

  /**
   * Scalars a reader reads but writers leave to the mapper: the numbers (a {@code BigDecimal}'s
   * text depends on the mapper's features), and {@code Duration}, which the default mapper writes
   * as a number of seconds (its {@code WRITE_DURATIONS_AS_TIMESTAMPS}) and readers read as text.
   */
  private static final Set<String> READ_ONLY_SCALARS =
      Set.of("java.math.BigDecimal", "java.math.BigInteger", "java.time.Duration");

  private static final String MAP = "java.util.Map";

  private static final String OPTIONAL = "java.util.Optional";

  private final boolean reading;
  private final Elements elements;
  private final JacksonShapes jackson;
  private final String packageName;

  /** Verdicts so far; {@code true} while a record is being examined, so cycles qualify. */
  private final Map<TypeElement, Boolean> verdicts = new HashMap<>();

  /** The records to write, in the order found, with their writer class names. */
  private final Map<TypeElement, String> writers = new LinkedHashMap<>();

  private final NameAllocator names = new NameAllocator(NameAllocator.Suffix.NUMBER, Set.of());

  /** Decides for the routes class generated into {@code packageName}. */
  JsonWriters(Elements elements, Types types, String packageName) {
    this(elements, types, packageName, false);
  }

  private JsonWriters(Elements elements, Types types, String packageName, boolean reading) {
    this.elements = elements;
    this.jackson = new JacksonShapes(elements, types);
    this.packageName = packageName;
    this.reading = reading;
  }

  /** Decides the build-time readers of {@code @Body} records, under the same rules. */
  static JsonWriters forReading(Elements elements, Types types, String packageName) {
    return new JsonWriters(elements, types, packageName, true);
  }

  /**
   * Adds the readers a JSON body needs (the record, or the record elements of a {@code List},
   * {@code Set} or {@code Collection}), or says why the body is left to jackson-databind.
   *
   * @return {@code null} when generated code reads the body, else the reason it does not
   */
  String addBody(TypeMirror type) {
    if (type.getKind() != TypeKind.DECLARED) {
      return "it is not a record";
    }
    DeclaredType declared = (DeclaredType) type;
    TypeElement element = (TypeElement) declared.asElement();
    if (COLLECTIONS.contains(element.getQualifiedName().toString())
        && declared.getTypeArguments().size() == 1
        && declared.getTypeArguments().get(0).getKind() == TypeKind.DECLARED) {
      element = (TypeElement) ((DeclaredType) declared.getTypeArguments().get(0)).asElement();
    }
    if (element.getKind() != ElementKind.RECORD) {
      return "it is not a record";
    }
    if (!qualifies(element)) {
      return whyNot(element, new HashSet<>());
    }
    addWithComponents(element);
    return null;
  }

  /**
   * Why a route's result is left to jackson-databind, or {@code null} when generated code writes
   * it, or when it is a JDK type whose writing depends on its content at run time (text, bytes,
   * maps and lists of scalars are written without databind).
   */
  String resultFallback(TypeMirror type) {
    if (type.getKind() != TypeKind.DECLARED) {
      return null;
    }
    DeclaredType declared = (DeclaredType) type;
    TypeElement element = (TypeElement) declared.asElement();
    String name = element.getQualifiedName().toString();
    if ((name.equals("dev.portico.api.Response") || COLLECTIONS.contains(name))
        && declared.getTypeArguments().size() == 1) {
      return resultFallback(declared.getTypeArguments().get(0));
    }
    if (name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("dev.portico.")) {
      return null;
    }
    if (element.getKind() != ElementKind.RECORD) {
      return "it is not a record";
    }
    return qualifies(element) ? null : whyNot(element, new HashSet<>());
  }

  /** The reason a record does not qualify: its own, or that of a record it holds. */
  private String whyNot(TypeElement record, Set<TypeElement> seen) {
    seen.add(record);
    String own = reasonAlone(record);
    if (own != null) {
      return own;
    }
    for (RecordComponentElement component : record.getRecordComponents()) {
      TypeElement nested = recordIn(component.asType());
      if (nested != null && !qualifies(nested) && !seen.contains(nested)) {
        return "component '"
            + component.getSimpleName()
            + "' holds "
            + TypeNames.displayName(nested)
            + ": "
            + whyNot(nested, seen);
      }
    }
    return "a record it holds does not qualify";
  }

  /**
   * Adds the writers a route's result needs: the type itself, the body of a {@code Response}, or
   * the elements of a collection.
   */
  void addResult(TypeMirror type) {
    if (type.getKind() != TypeKind.DECLARED) {
      return;
    }
    DeclaredType declared = (DeclaredType) type;
    TypeElement element = (TypeElement) declared.asElement();
    String name = element.getQualifiedName().toString();
    if ((name.equals("dev.portico.api.Response") || COLLECTIONS.contains(name))
        && declared.getTypeArguments().size() == 1) {
      addResult(declared.getTypeArguments().get(0));
      return;
    }
    if (element.getKind() == ElementKind.RECORD && qualifies(element)) {
      addWithComponents(element);
    }
  }

  private void addWithComponents(TypeElement record) {
    if (writers.containsKey(record)) {
      return;
    }
    writers.put(record, names.newName((reading ? "Read_" : "Json_") + path(record)));
    for (RecordComponentElement component : record.getRecordComponents()) {
      TypeMirror type = component.asType();
      TypeElement nested = recordIn(type);
      if (nested != null) {
        if (!qualifies(nested)) {
          throw new IllegalStateException(nested + " held by a qualifying " + record);
        }
        addWithComponents(nested);
      }
    }
  }

  /** The record a component writes through a writer: itself, or its collection's element. */
  private TypeElement recordIn(TypeMirror type) {
    if (type.getKind() != TypeKind.DECLARED) {
      return null;
    }
    DeclaredType declared = (DeclaredType) type;
    TypeElement element = (TypeElement) declared.asElement();
    if (COLLECTIONS.contains(element.getQualifiedName().toString())) {
      // A raw collection holds no record we could name (and the record does not qualify).
      return declared.getTypeArguments().size() == 1
          ? recordIn(declared.getTypeArguments().get(0))
          : null;
    }
    if (element.getQualifiedName().contentEquals(MAP)) {
      return declared.getTypeArguments().size() == 2
          ? recordIn(declared.getTypeArguments().get(1))
          : null;
    }
    if (element.getQualifiedName().contentEquals(OPTIONAL)) {
      return declared.getTypeArguments().size() == 1
          ? recordIn(declared.getTypeArguments().get(0))
          : null;
    }
    return element.getKind() == ElementKind.RECORD ? element : null;
  }

  /** The writer class names, by record, in the order found. */
  Map<TypeElement, String> writers() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(writers));
  }

  private static String path(TypeElement type) {
    List<String> names = new ArrayList<>();
    for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
      names.add(0, e.getSimpleName().toString());
    }
    return String.join("_", names);
  }

  // ---- which types qualify ----

  /**
   * Whether a record qualifies: it qualifies on its own (below) and so does every record it holds.
   * Records may hold each other in cycles, so this is decided for everything reachable from the
   * record at once, as a greatest fixed point: start from all that qualify on their own, then drop
   * any that holds a dropped one, until nothing changes. Every verdict found is final.
   */
  private boolean qualifies(TypeElement root) {
    Boolean known = verdicts.get(root);
    if (known != null) {
      return known;
    }
    Map<TypeElement, List<TypeElement>> holds = new LinkedHashMap<>();
    List<TypeElement> queue = new ArrayList<>(List.of(root));
    while (!queue.isEmpty()) {
      TypeElement record = queue.remove(queue.size() - 1);
      if (holds.containsKey(record) || verdicts.containsKey(record)) {
        continue;
      }
      List<TypeElement> held = new ArrayList<>();
      for (RecordComponentElement component : record.getRecordComponents()) {
        TypeElement nested = recordIn(component.asType());
        if (nested != null) {
          held.add(nested);
          queue.add(nested);
        }
      }
      holds.put(record, held);
    }
    Set<TypeElement> ok = new HashSet<>();
    for (TypeElement record : holds.keySet()) {
      if (qualifiesAlone(record)) {
        ok.add(record);
      }
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Map.Entry<TypeElement, List<TypeElement>> entry : holds.entrySet()) {
        if (!ok.contains(entry.getKey())) {
          continue;
        }
        for (TypeElement nested : entry.getValue()) {
          boolean nestedOk =
              verdicts.containsKey(nested) ? verdicts.get(nested) : ok.contains(nested);
          if (!nestedOk) {
            ok.remove(entry.getKey());
            changed = true;
            break;
          }
        }
      }
    }
    for (TypeElement record : holds.keySet()) {
      verdicts.put(record, ok.contains(record));
    }
    return verdicts.get(root);
  }

  /** The record's own conditions; the records among its components are judged by the caller. */
  private boolean qualifiesAlone(TypeElement record) {
    return reasonAlone(record) == null;
  }

  /** Why the record fails its own conditions, or {@code null}. */
  private String reasonAlone(TypeElement record) {
    if (!record.getTypeParameters().isEmpty()) {
      return "it is generic";
    }
    if (!Imports.canName(elements, packageName, record)) {
      return "it is not accessible from the generated class";
    }
    if (jackson.jacksonCustomised(record)) {
      return "it, a member or an interface carries a Jackson annotation";
    }
    if (jackson.implementsJdkShape(record)) {
      return "it implements a JDK interface Jackson may read and write it by";
    }
    if (!jackson.onlyComponentGetters(record)) {
      return "it declares a getter that is not a component";
    }
    if (reading && record.getRecordComponents().size() > 64) {
      return "it has more than 64 components";
    }
    for (RecordComponentElement component : record.getRecordComponents()) {
      if (!writable(component.asType(), true)) {
        return "component '"
            + component.getSimpleName()
            + "' has type "
            + TypeNames.simple(component.asType())
            + ", which generated code does not "
            + (reading ? "read" : "write");
      }
    }
    return null;
  }

  private static boolean isString(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED
        && ((TypeElement) ((DeclaredType) type).asElement())
            .getQualifiedName()
            .contentEquals("java.lang.String");
  }

  private boolean writable(TypeMirror type, boolean collectionAllowed) {
    TypeKind kind = type.getKind();
    if (kind.isPrimitive()) {
      return kind != TypeKind.CHAR;
    }
    if (kind != TypeKind.DECLARED) {
      return false;
    }
    DeclaredType declared = (DeclaredType) type;
    TypeElement element = (TypeElement) declared.asElement();
    String name = element.getQualifiedName().toString();
    if (SCALAR_WRITES.containsKey(name)
        || TEXT_SCALARS.contains(name)
        || (reading && READ_ONLY_SCALARS.contains(name))) {
      return true;
    }
    if (COLLECTIONS.contains(name)) {
      return collectionAllowed
          && declared.getTypeArguments().size() == 1
          && writable(declared.getTypeArguments().get(0), false);
    }
    if (name.equals(OPTIONAL)) {
      // Read only: Optional<V> with V a value a reader reads (not a collection, map or Optional).
      return reading
          && collectionAllowed
          && declared.getTypeArguments().size() == 1
          && writable(declared.getTypeArguments().get(0), false);
    }
    if (name.equals(MAP)) {
      // Read only: Map<String, V> with V a value a reader reads (not another collection or map).
      return reading
          && collectionAllowed
          && declared.getTypeArguments().size() == 2
          && isString(declared.getTypeArguments().get(0))
          && writable(declared.getTypeArguments().get(1), false);
    }
    if (element.getKind() == ElementKind.ENUM) {
      // An enum with constant bodies is not final; a body could hold a @JsonValue we cannot see.
      return Imports.canName(elements, packageName, element)
          && element.getModifiers().contains(Modifier.FINAL)
          && !jackson.jacksonCustomised(element);
    }
    return element.getKind() == ElementKind.RECORD;
  }
}
