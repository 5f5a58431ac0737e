package dev.portico.processor;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Writes the build-time JSON reader classes that {@link JsonWriters#forReading} decided on, and
 * their registration lines. A reader reads a record's fields in any order with {@code
 * dev.portico.api.runtime.JsonInput}, which applies strict binding's rules and collects every
 * problem, then calls the canonical constructor, as Jackson's default mapper does.
 */
final class JsonReaderEmitter {
  /** The scalar types a component may have, with the {@code JsonScalars} reader of each. */
  private static final Map<String, String> SCALAR_READERS =
      Map.ofEntries(
          Map.entry("java.lang.String", "STRING"),
          Map.entry("java.lang.Boolean", "BOOLEAN"),
          Map.entry("java.lang.Integer", "INTEGER"),
          Map.entry("java.lang.Byte", "BYTE"),
          Map.entry("java.lang.Short", "SHORT"),
          Map.entry("java.lang.Long", "LONG"),
          Map.entry("java.lang.Double", "DOUBLE"),
          Map.entry("java.lang.Float", "FLOAT"),
          Map.entry("java.math.BigDecimal", "BIG_DECIMAL"),
          Map.entry("java.math.BigInteger", "BIG_INTEGER"),
          Map.entry("java.util.UUID", "UUID_TEXT"),
          Map.entry("java.time.Instant", "INSTANT"),
          Map.entry("java.time.LocalDate", "LOCAL_DATE"),
          Map.entry("java.time.LocalDateTime", "LOCAL_DATE_TIME"),
          Map.entry("java.time.LocalTime", "LOCAL_TIME"),
          Map.entry("java.time.OffsetDateTime", "OFFSET_DATE_TIME"),
          Map.entry("java.time.Duration", "DURATION"));

  private static final String NULLABLE = "dev.portico.api.Nullable";

  private final Map<TypeElement, String> readers;

  JsonReaderEmitter(Map<TypeElement, String> readers) {
    this.readers = readers;
  }

  /**
   * The nested reader classes, and the registration lines for {@code register}.
   *
   * @param classes where the classes go (inside the generated class)
   * @param register where the {@code routes.jsonReader(...)} calls go
   */
  void write(Imports imports, StringBuilder classes, StringBuilder register) {
    if (readers.isEmpty()) {
      return;
    }
    register.append('\n');
    for (Map.Entry<TypeElement, String> entry : readers.entrySet()) {
      String recordName = imports.name(entry.getKey());
      register
          .append("    routes.jsonReader(")
          .append(recordName)
          .append(".class, ")
          .append(entry.getValue())
          .append(".INSTANCE);\n");
      writeClass(imports, classes, entry.getKey(), entry.getValue());
    }
  }

  private void writeClass(Imports imports, StringBuilder out, TypeElement record, String name) {
    String recordName = imports.name(record);
    String jsonReader = imports.name("dev.portico.api.runtime.JsonReader");
    String parser = imports.name("com.fasterxml.jackson.core.JsonParser");
    String input = imports.name("dev.portico.api.runtime.JsonInput");
    String ioException = imports.name("java.io.IOException");
    String override = imports.name("java.lang.Override");
    List<? extends RecordComponentElement> components = record.getRecordComponents();

    // Enum readers are made once per enum type, as constants of the class.
    Set<String> reservedConstants = new HashSet<>(Set.of("INSTANCE", "FIELDS"));
    reservedConstants.addAll(readers.values());
    NameAllocator constantNames = new NameAllocator(NameAllocator.Suffix.NUMBER, reservedConstants);
    Map<TypeElement, String> enums = new LinkedHashMap<>();
    for (RecordComponentElement component : components) {
      TypeElement element = valueElement(component.asType());
      if (element != null && element.getKind() == ElementKind.ENUM && !enums.containsKey(element)) {
        enums.put(
            element,
            constantNames.newName(NameAllocator.constantCase(element.getSimpleName().toString())));
      }
    }

    out.append("  /** {@link ")
        .append(recordName)
        .append("} as the default mapper reads it, strictly, without reflection. */\n")
        .append("  static final class ")
        .append(name)
        .append(" implements ")
        .append(jsonReader)
        .append('<')
        .append(recordName)
        .append("> {\n")
        .append("    static final ")
        .append(name)
        .append(" INSTANCE = new ")
        .append(name)
        .append("();\n\n");
    StringBuilder fields = new StringBuilder();
    for (RecordComponentElement component : components) {
      fields.append(fields.length() == 0 ? "" : ", ");
      fields.append(RoutesWriter.literal(component.getSimpleName().toString()));
    }
    out.append(Lines.assignment("    private static final String[] FIELDS", "{" + fields + "};"));
    String scalars = enums.isEmpty() ? null : imports.name("dev.portico.api.runtime.JsonScalars");
    for (Map.Entry<TypeElement, String> e : enums.entrySet()) {
      String enumName = imports.name(e.getKey());
      out.append(
          Lines.assignment(
              "    private static final " + jsonReader + "<" + enumName + "> " + e.getValue(),
              scalars + ".enumReader(" + enumName + ".class);"));
    }
    out.append('\n')
        .append("    @")
        .append(override)
        .append('\n')
        .append("    public ")
        .append(recordName)
        .append(" read(")
        .append(parser)
        .append(" json, ")
        .append(input)
        .append(" input) throws ")
        .append(ioException)
        .append(" {\n")
        .append("      if (!input.startObject(json)) {\n")
        .append("        return null;\n")
        .append("      }\n");

    Set<String> reserved = new HashSet<>(Set.of("json", "input", "field", "seen", "e"));
    reserved.addAll(readers.values());
    reserved.addAll(enums.values());
    NameAllocator locals = new NameAllocator(NameAllocator.Suffix.UNDERSCORE, reserved);
    String[] localNames = new String[components.size()];
    long required = 0;
    for (int i = 0; i < components.size(); i++) {
      RecordComponentElement component = components.get(i);
      TypeMirror type = component.asType();
      localNames[i] = locals.newName(component.getSimpleName().toString());
      out.append("      ")
          .append(imports.type(type))
          .append(' ')
          .append(localNames[i])
          .append(" = ")
          // An absent Optional is empty, as the default mapper's Jdk8Module makes it.
          .append(
              optional(type)
                  ? imports.name("java.util.Optional") + ".empty()"
                  : initial(type.getKind()))
          .append(";\n");
      if (!nullable(component) && !optional(type)) {
        required |= 1L << i;
      }
    }
    out.append("      long seen = 0L;\n")
        .append(
            "      for (String field = input.nextField(json); field != null;"
                + " field = input.nextField(json)) {\n")
        .append("        switch (field) {\n");
    for (int i = 0; i < components.size(); i++) {
      RecordComponentElement component = components.get(i);
      String bit = "1L << " + i;
      out.append("          case ")
          .append(RoutesWriter.literal(component.getSimpleName().toString()))
          .append(":\n")
          .append("            if (input.once(json, seen, ")
          .append(bit)
          .append(", field)) {\n")
          .append(
              Lines.assignment(
                  "              " + localNames[i], read(component, imports, enums) + ";"))
          .append("            }\n")
          .append("            seen |= ")
          .append(bit)
          .append(";\n")
          .append("            break;\n");
    }
    out.append("          default:\n")
        .append("            json.skipChildren();\n")
        .append("            break;\n")
        .append("        }\n")
        .append("      }\n")
        .append("      if (!input.complete(json, seen, 0x")
        .append(Long.toHexString(required))
        .append("L, FIELDS)) {\n")
        .append("        return null;\n")
        .append("      }\n")
        .append("      try {\n")
        .append(Lines.wrap("        return new " + recordName + "(", arguments(localNames)))
        .append("      } catch (RuntimeException e) {\n")
        .append("        return input.refused(e);\n")
        .append("      }\n")
        .append("    }\n")
        .append("  }\n\n");
  }

  /** The constructor's arguments as {@link Lines#wrap} groups: {@code "a,"}, ..., {@code "z);"}. */
  private static List<String> arguments(String[] names) {
    List<String> groups = new java.util.ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      groups.add(names[i] + (i == names.length - 1 ? ");" : ","));
    }
    if (groups.isEmpty()) {
      groups.add(");");
    }
    return groups;
  }

  private static String initial(TypeKind kind) {
    switch (kind) {
      case BOOLEAN:
        return "false";
      case INT:
      case SHORT:
      case BYTE:
        return "0";
      case LONG:
        return "0L";
      case DOUBLE:
        return "0.0";
      case FLOAT:
        return "0.0f";
      default:
        return "null";
    }
  }

  /** The expression reading one component's value at the current token. */
  private String read(
      RecordComponentElement component, Imports imports, Map<TypeElement, String> enums) {
    TypeMirror type = component.asType();
    switch (type.getKind()) {
      case BOOLEAN:
        return "input.booleanValue(json, field)";
      case INT:
        return "input.intValue(json, field)";
      case LONG:
        return "input.longValue(json, field)";
      case SHORT:
        return "input.shortValue(json, field)";
      case BYTE:
        return "input.byteValue(json, field)";
      case DOUBLE:
        return "input.doubleValue(json, field)";
      case FLOAT:
        return "input.floatValue(json, field)";
      default:
        break;
    }
    boolean nullable = nullable(component);
    DeclaredType declared = (DeclaredType) type;
    String name = ((TypeElement) declared.asElement()).getQualifiedName().toString();
    if (name.equals("java.util.List")
        || name.equals("java.util.Collection")
        || name.equals("java.util.Set")) {
      TypeMirror element = declared.getTypeArguments().get(0);
      return "input."
          + (name.equals("java.util.Set") ? "set" : "list")
          + "(json, field, "
          + reader(element, imports, enums)
          + ", "
          + nullable
          + ", "
          + hasNullable(element.getAnnotationMirrors())
          + ")";
    }
    if (name.equals("java.util.Optional")) {
      return "input.optional(json, field, "
          + reader(declared.getTypeArguments().get(0), imports, enums)
          + ")";
    }
    if (name.equals("java.util.Map")) {
      TypeMirror value = declared.getTypeArguments().get(1);
      return "input.map(json, field, "
          + reader(value, imports, enums)
          + ", "
          + nullable
          + ", "
          + hasNullable(value.getAnnotationMirrors())
          + ")";
    }
    return "input.value(json, field, " + reader(type, imports, enums) + ", " + nullable + ")";
  }

  /** The reader of a scalar, enum or record value. */
  private String reader(TypeMirror type, Imports imports, Map<TypeElement, String> enums) {
    TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
    String scalar = SCALAR_READERS.get(element.getQualifiedName().toString());
    if (scalar != null) {
      return imports.name("dev.portico.api.runtime.JsonScalars") + "." + scalar;
    }
    if (element.getKind() == ElementKind.ENUM) {
      return enums.get(element);
    }
    return readers.get(element) + ".INSTANCE";
  }

  /** The enum or record a component holds (itself, or its collection's element), or null. */
  private static TypeElement valueElement(TypeMirror type) {
    if (type.getKind() != TypeKind.DECLARED) {
      return null;
    }
    DeclaredType declared = (DeclaredType) type;
    if (declared.getTypeArguments().size() == 1) {
      return valueElement(declared.getTypeArguments().get(0));
    }
    if (declared.getTypeArguments().size() == 2) {
      return valueElement(declared.getTypeArguments().get(1));
    }
    return (TypeElement) declared.asElement();
  }

  /** Whether a type is an {@code Optional}: never required, JSON {@code null} is empty. */
  private static boolean optional(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED
        && ((TypeElement) ((DeclaredType) type).asElement())
            .getQualifiedName()
            .contentEquals("java.util.Optional");
  }

  /** Whether a component is marked with Portico's {@code @Nullable} (on it or on its type). */
  static boolean nullable(RecordComponentElement component) {
    return hasNullable(component.getAnnotationMirrors())
        || hasNullable(component.asType().getAnnotationMirrors());
  }

  private static boolean hasNullable(List<? extends AnnotationMirror> mirrors) {
    for (AnnotationMirror mirror : mirrors) {
      TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
      if (type.getQualifiedName().contentEquals(NULLABLE)) {
        return true;
      }
    }
    return false;
  }
}
