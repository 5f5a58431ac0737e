package dev.portico.processor;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Writes the build-time JSON writer classes that {@link JsonWriters} decided on, and their
 * registration lines.
 */
final class JsonWriterEmitter {
  /** The scalar types a component may have, with the statement writing a non-null value. */
  private static final Map<String, String> SCALAR_WRITES =
      Map.ofEntries(
          Map.entry("java.lang.String", "json.writeString(%s)"),
          Map.entry("java.lang.Boolean", "json.writeBoolean(%s.booleanValue())"),
          Map.entry("java.lang.Integer", "json.writeNumber(%s.intValue())"),
          Map.entry("java.lang.Byte", "json.writeNumber(%s.intValue())"),
          Map.entry("java.lang.Short", "json.writeNumber(%s.shortValue())"),
          Map.entry("java.lang.Long", "json.writeNumber(%s.longValue())"),
          Map.entry("java.lang.Double", "json.writeNumber(%s.doubleValue())"),
          Map.entry("java.lang.Float", "json.writeNumber(%s.floatValue())"),
          // The default mapper's java.time support with WRITE_DATES_AS_TIMESTAMPS disabled:
          // toString() where its serializer has no formatter, else its default ISO formatter.
          Map.entry("java.util.UUID", "json.writeString(%s.toString())"),
          Map.entry("java.time.Instant", "json.writeString(%s.toString())"),
          Map.entry("java.time.LocalDate", "json.writeString(%s.toString())"),
          Map.entry(
              "java.time.LocalDateTime", "json.writeString(%f.ISO_LOCAL_DATE_TIME.format(%s))"),
          Map.entry("java.time.LocalTime", "json.writeString(%f.ISO_LOCAL_TIME.format(%s))"),
          Map.entry(
              "java.time.OffsetDateTime", "json.writeString(%f.ISO_OFFSET_DATE_TIME.format(%s))"));

  private static final Set<String> COLLECTIONS =
      Set.of("java.util.List", "java.util.Set", "java.util.Collection");

  private final Elements elements;
  private final Map<TypeElement, String> writers;
  private boolean usesDeprecated;

  JsonWriterEmitter(Elements elements, Map<TypeElement, String> writers) {
    this.elements = elements;
    this.writers = writers;
  }

  /** Whether the written code calls a deprecated accessor (the file must then suppress it). */
  boolean usesDeprecated() {
    return usesDeprecated;
  }

  /**
   * The nested writer classes, and the registration lines for {@code register}.
   *
   * @param classes where the classes go (inside the generated class)
   * @param register where the {@code routes.jsonWriter(...)} calls go
   */
  void write(Imports imports, StringBuilder classes, StringBuilder register) {
    if (writers.isEmpty()) {
      return;
    }
    String jsonWriter = imports.name("dev.portico.api.runtime.JsonWriter");
    String generator = imports.name("com.fasterxml.jackson.core.JsonGenerator");
    String ioException = imports.name("java.io.IOException");
    String override = imports.name("java.lang.Override");
    register.append('\n');
    for (Map.Entry<TypeElement, String> entry : writers.entrySet()) {
      TypeElement record = entry.getKey();
      String className = entry.getValue();
      String recordName = imports.name(record);
      register
          .append("    routes.jsonWriter(")
          .append(recordName)
          .append(".class, ")
          .append(className)
          .append(".INSTANCE);\n");

      classes
          .append("  /** {@link ")
          .append(recordName)
          .append("} as the default mapper writes it, without reflection. */\n")
          .append("  static final class ")
          .append(className)
          .append(" implements ")
          .append(jsonWriter)
          .append('<')
          .append(recordName)
          .append("> {\n")
          .append("    static final ")
          .append(className)
          .append(" INSTANCE = new ")
          .append(className)
          .append("();\n\n");
      if (!usesMapper(record, new HashSet<>())) {
        // Nothing here reaches JsonGenerator.writeObject: the generator needs no codec, and
        // Portico's default mapper lends it none (jackson-core's ObjectCodec never loads).
        classes
            .append("    @")
            .append(override)
            .append('\n')
            .append("    public boolean usesMapper() {\n")
            .append("      return false;\n")
            .append("    }\n\n");
      }
      classes
          .append("    @")
          .append(override)
          .append('\n')
          .append("    public void writeFields(")
          .append(recordName)
          .append(" value, ")
          .append(generator)
          .append(" json) throws ")
          .append(ioException)
          .append(" {\n");
      // Locals must not hide the parameters, the loop variable or a writer class.
      Set<String> reserved = new HashSet<>(Set.of("value", "json", "element"));
      reserved.addAll(writers.values());
      NameAllocator taken = new NameAllocator(NameAllocator.Suffix.UNDERSCORE, reserved);
      for (RecordComponentElement component : record.getRecordComponents()) {
        writeComponent(classes, component, imports, taken);
      }
      classes.append("    }\n  }\n\n");
    }
  }

  /**
   * Whether the record's writer may hand a value to the generator's codec: it has a collection
   * component (an application's own collection class is written by the mapper), or a record
   * component whose writer may.
   */
  private boolean usesMapper(TypeElement record, Set<TypeElement> seen) {
    if (!seen.add(record)) {
      return false;
    }
    for (RecordComponentElement component : record.getRecordComponents()) {
      if (component.asType() instanceof DeclaredType declared
          && declared.asElement() instanceof TypeElement type) {
        if (COLLECTIONS.contains(type.getQualifiedName().toString())) {
          return true;
        }
        if (writers.containsKey(type) && usesMapper(type, seen)) {
          return true;
        }
      }
    }
    return false;
  }

  private void writeComponent(
      StringBuilder out, RecordComponentElement component, Imports imports, NameAllocator taken) {
    String name = component.getSimpleName().toString();
    if (elements.isDeprecated(component) || elements.isDeprecated(component.getAccessor())) {
      usesDeprecated = true;
    }
    String field = RoutesWriter.literal(name);
    String access = "value." + name + "()";
    TypeMirror type = component.asType();
    switch (type.getKind()) {
      case BOOLEAN:
        out.append("      json.writeBooleanField(").append(field).append(", ").append(access);
        out.append(");\n");
        return;
      case INT:
      case LONG:
      case SHORT:
      case BYTE:
      case DOUBLE:
      case FLOAT:
        out.append("      json.writeNumberField(").append(field).append(", ").append(access);
        out.append(");\n");
        return;
      default:
        break;
    }
    String local = taken.newName(name);
    out.append("      json.writeFieldName(").append(field).append(");\n");
    out.append("      ")
        .append(imports.type(type))
        .append(' ')
        .append(local)
        .append(" = ")
        .append(access)
        .append(";\n");
    out.append("      if (").append(local).append(" == null) {\n");
    out.append("        json.writeNull();\n");
    DeclaredType declared = (DeclaredType) type;
    TypeElement element = (TypeElement) declared.asElement();
    if (COLLECTIONS.contains(element.getQualifiedName().toString())) {
      TypeMirror elementType = declared.getTypeArguments().get(0);
      // A collection class of the application's own may be written its own way (a shape, a
      // JsonSerializable): the mapper writes those, exactly as it would have.
      out.append("      } else if (!")
          .append(local)
          .append(".getClass().getName().startsWith(\"java.util.\")) {\n");
      out.append("        json.writeObject(").append(local).append(");\n");
      out.append("      } else {\n");
      out.append("        json.writeStartArray();\n");
      out.append("        for (")
          .append(imports.type(elementType))
          .append(" element : ")
          .append(local)
          .append(") {\n");
      out.append("          if (element == null) {\n");
      out.append("            json.writeNull();\n");
      out.append("          } else {\n");
      out.append("            ").append(value(elementType, "element", imports)).append(";\n");
      out.append("          }\n");
      out.append("        }\n");
      out.append("        json.writeEndArray();\n");
    } else {
      out.append("      } else {\n");
      out.append("        ").append(value(type, local, imports)).append(";\n");
    }
    out.append("      }\n");
  }

  /** The statement writing a non-null value of a scalar, enum or record type. */
  private String value(TypeMirror type, String variable, Imports imports) {
    TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
    String scalar = SCALAR_WRITES.get(element.getQualifiedName().toString());
    if (scalar != null) {
      if (scalar.contains("%f")) {
        scalar = scalar.replace("%f", imports.name("java.time.format.DateTimeFormatter"));
      }
      return scalar.replace("%s", variable);
    }
    if (element.getKind() == ElementKind.ENUM) {
      return "json.writeString(" + variable + ".name())";
    }
    return writers.get(element) + ".INSTANCE.write(" + variable + ", json)";
  }
}
