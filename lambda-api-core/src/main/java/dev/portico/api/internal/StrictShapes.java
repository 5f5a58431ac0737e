package dev.portico.api.internal;

import com.fasterxml.jackson.core.JsonParser;
import dev.portico.api.Nullable;
import dev.portico.api.runtime.JsonInput;
import dev.portico.api.runtime.JsonReader;
import dev.portico.api.runtime.JsonScalars;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Strict binding on the mapper path: a checker for a body type, run over the body before the mapper
 * reads it, that reports every problem with the same {@link JsonInput} rules and words as the
 * generated readers. It knows the shapes the generated readers know (records read from their
 * canonical constructor alone, scalars, {@code UUID}, six java.time types, enums, {@code List},
 * {@code Set}, {@code Collection}, {@code Map<String, V>}, {@code Optional<V>}); every other value
 * (other java.time types, other maps, classes, records with Jackson annotations) is skipped here
 * and judged by the mapper alone, which then reports its first problem.
 */
final class StrictShapes {
  /** What a checker returns for a value it accepted (never built: the mapper builds it). */
  private static final Object CHECKED = new Object();

  private static final Map<Class<?>, JsonReader<?>> SCALARS =
      Map.ofEntries(
          Map.entry(String.class, JsonScalars.STRING),
          Map.entry(Boolean.class, JsonScalars.BOOLEAN),
          Map.entry(Integer.class, JsonScalars.INTEGER),
          Map.entry(Long.class, JsonScalars.LONG),
          Map.entry(Short.class, JsonScalars.SHORT),
          Map.entry(Byte.class, JsonScalars.BYTE),
          Map.entry(Double.class, JsonScalars.DOUBLE),
          Map.entry(Float.class, JsonScalars.FLOAT),
          Map.entry(boolean.class, JsonScalars.BOOLEAN),
          Map.entry(int.class, JsonScalars.INTEGER),
          Map.entry(long.class, JsonScalars.LONG),
          Map.entry(short.class, JsonScalars.SHORT),
          Map.entry(byte.class, JsonScalars.BYTE),
          Map.entry(double.class, JsonScalars.DOUBLE),
          Map.entry(float.class, JsonScalars.FLOAT),
          Map.entry(BigDecimal.class, JsonScalars.BIG_DECIMAL),
          Map.entry(BigInteger.class, JsonScalars.BIG_INTEGER),
          Map.entry(java.util.UUID.class, JsonScalars.UUID_TEXT),
          Map.entry(java.time.Instant.class, JsonScalars.INSTANT),
          Map.entry(java.time.LocalDate.class, JsonScalars.LOCAL_DATE),
          Map.entry(java.time.LocalDateTime.class, JsonScalars.LOCAL_DATE_TIME),
          Map.entry(java.time.LocalTime.class, JsonScalars.LOCAL_TIME),
          Map.entry(java.time.OffsetDateTime.class, JsonScalars.OFFSET_DATE_TIME),
          Map.entry(java.time.Duration.class, JsonScalars.DURATION));

  /** Skips a value the mapper judges alone. */
  private static final JsonReader<Object> SKIP =
      (json, input) -> {
        json.skipChildren();
        return CHECKED;
      };

  private final Map<Type, JsonReader<?>> made = new HashMap<>();

  private StrictShapes() {}

  /** The checker of a body type; {@code null} when the mapper alone judges the whole body. */
  static @Nullable JsonReader<?> checker(Type type) {
    JsonReader<?> checker = new StrictShapes().of(type);
    return checker == SKIP ? null : checker;
  }

  private JsonReader<?> of(Type type) {
    JsonReader<?> known = made.get(type);
    if (known != null) {
      return known;
    }
    if (collection(type)) {
      JsonReader<?> element = of(((ParameterizedType) type).getActualTypeArguments()[0]);
      return (json, input) -> input.list(json, element, false) == null ? null : CHECKED;
    }
    if (!(type instanceof Class<?> c)) {
      return SKIP;
    }
    JsonReader<?> scalar = SCALARS.get(c);
    if (scalar != null) {
      return scalar;
    }
    if (c.isEnum() && !jacksonCustomised(c) && allConstantsPlain(c)) {
      return enumReader(c);
    }
    if (c.isRecord() && readable(c)) {
      RecordChecker checker = new RecordChecker(c.getRecordComponents().length);
      made.put(type, checker);
      checker.fill(c.getRecordComponents(), this);
      return checker;
    }
    return SKIP;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static JsonReader<?> enumReader(Class<?> type) {
    return JsonScalars.enumReader((Class) type);
  }

  /** A record's fields, checked as a generated reader reads them. */
  private static final class RecordChecker implements JsonReader<Object> {
    private final Map<String, Integer> index = new HashMap<>();
    private final String[] fields;
    private final Component[] components;
    private long required;

    RecordChecker(int size) {
      fields = new String[size];
      components = new Component[size];
    }

    void fill(RecordComponent[] recordComponents, StrictShapes shapes) {
      for (int i = 0; i < recordComponents.length; i++) {
        RecordComponent component = recordComponents[i];
        boolean primitive = component.getType().isPrimitive();
        boolean nullable = component.isAnnotationPresent(Nullable.class);
        boolean optional = component.getType().getName().startsWith("java.util.Optional");
        fields[i] = component.getName();
        index.put(component.getName(), i);
        if (!nullable && !optional) {
          required |= 1L << i;
        }
        Type type = component.getGenericType();
        boolean collection = collection(type);
        boolean map = false;
        JsonReader<?> reader;
        if (collection) {
          reader = shapes.of(((ParameterizedType) type).getActualTypeArguments()[0]);
        } else if (stringMap(type)) {
          reader = shapes.of(((ParameterizedType) type).getActualTypeArguments()[1]);
          // A map of values the checker does not read is the mapper's alone, entries and all.
          map = reader != SKIP;
        } else if (optional
            && type instanceof ParameterizedType parameterized
            && parameterized.getActualTypeArguments()[0] instanceof Class<?>) {
          // Optional<T>: null is empty, any other value is checked as a T.
          reader = shapes.of(parameterized.getActualTypeArguments()[0]);
        } else {
          reader = shapes.of(type);
        }
        components[i] =
            new Component(
                reader,
                (nullable && !primitive) || optional,
                collection,
                map,
                nullElements(component.getAnnotatedType(), map ? 1 : 0));
      }
    }

    @Override
    public @Nullable Object read(JsonParser json, JsonInput input) throws IOException {
      if (!input.startObject(json)) {
        return null;
      }
      long seen = 0;
      for (String field = input.nextField(json); field != null; field = input.nextField(json)) {
        Integer i = index.get(field);
        if (i == null) {
          json.skipChildren();
          continue;
        }
        long bit = 1L << i;
        if (input.once(json, seen, bit, field)) {
          Component component = components[i];
          if (component.collection) {
            input.list(json, field, component.reader, component.nullable, component.nullElements);
          } else if (component.map) {
            input.map(json, field, component.reader, component.nullable, component.nullElements);
          } else {
            input.value(json, field, component.reader, component.nullable);
          }
        }
        seen |= bit;
      }
      input.complete(json, seen, required, fields);
      return CHECKED;
    }
  }

  private record Component(
      JsonReader<?> reader,
      boolean nullable,
      boolean collection,
      boolean map,
      boolean nullElements) {}

  /** Whether a component is a collection the checker reads element by element. */
  private static boolean collection(Type type) {
    return type instanceof ParameterizedType parameterized
        && parameterized.getActualTypeArguments().length == 1
        && (parameterized.getRawType() == List.class
            || parameterized.getRawType() == Set.class
            || parameterized.getRawType() == java.util.Collection.class);
  }

  /**
   * Whether a component is a {@code Map} with {@code String} keys and values of a class (a map of
   * collections or of generic values is the mapper's alone, as it has no generated reader).
   */
  private static boolean stringMap(Type type) {
    return type instanceof ParameterizedType parameterized
        && parameterized.getRawType() == Map.class
        && parameterized.getActualTypeArguments().length == 2
        && parameterized.getActualTypeArguments()[0] == String.class
        && parameterized.getActualTypeArguments()[1] instanceof Class<?>;
  }

  /**
   * Whether the type argument at {@code index} (a collection's element, a map's value)
   * is @Nullable.
   */
  private static boolean nullElements(AnnotatedType type, int index) {
    return type instanceof AnnotatedParameterizedType parameterized
        && parameterized.getAnnotatedActualTypeArguments().length > index
        && parameterized.getAnnotatedActualTypeArguments()[index].isAnnotationPresent(
            Nullable.class);
  }

  // ---- which records the checker reads: the processor's rules for generated readers ----

  private static boolean readable(Class<?> record) {
    if (record.getTypeParameters().length > 0
        || record.getRecordComponents().length > 64
        || jacksonCustomised(record)
        || implementsJdkShape(record)) {
      return false;
    }
    Set<String> names = new HashSet<>();
    for (RecordComponent component : record.getRecordComponents()) {
      names.add(component.getName());
      if (jacksonAnnotated(component) || jacksonAnnotated(component.getAccessor())) {
        return false;
      }
    }
    for (Method method : record.getMethods()) {
      String name = method.getName();
      if (Modifier.isStatic(method.getModifiers())
          || method.getParameterCount() > 0
          || method.getReturnType() == void.class
          || method.getDeclaringClass() == Object.class
          || method.getDeclaringClass() == Record.class
          || names.contains(name)) {
        continue;
      }
      if ((name.startsWith("get") && name.length() > 3)
          || (name.startsWith("is") && name.length() > 2)) {
        return false;
      }
    }
    return true;
  }

  private static boolean jacksonCustomised(Class<?> type) {
    if (jacksonAnnotated(type)) {
      return true;
    }
    for (var field : type.getDeclaredFields()) {
      if (jacksonAnnotated(field)) {
        return true;
      }
    }
    for (Method method : type.getDeclaredMethods()) {
      if (jacksonAnnotated(method) || parametersAnnotated(method.getParameterAnnotations())) {
        return true;
      }
    }
    for (Constructor<?> constructor : type.getDeclaredConstructors()) {
      if (jacksonAnnotated(constructor)
          || parametersAnnotated(constructor.getParameterAnnotations())) {
        return true;
      }
    }
    for (Class<?> supertype : type.getInterfaces()) {
      if (isJackson(supertype) || jacksonCustomised(supertype)) {
        return true;
      }
    }
    return false;
  }

  private static boolean allConstantsPlain(Class<?> type) {
    for (Object constant : type.getEnumConstants()) {
      if (constant.getClass() != type) {
        return false;
      }
    }
    return true;
  }

  private static boolean implementsJdkShape(Class<?> type) {
    for (Class<?> supertype : type.getInterfaces()) {
      String name = supertype.getName();
      if ((name.startsWith("java.") || name.startsWith("javax."))
          && supertype != java.io.Serializable.class
          && supertype != Comparable.class) {
        return true;
      }
      if (implementsJdkShape(supertype)) {
        return true;
      }
    }
    return false;
  }

  private static boolean parametersAnnotated(Annotation[][] parameters) {
    for (Annotation[] annotations : parameters) {
      for (Annotation annotation : annotations) {
        if (isJacksonAnnotation(annotation)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean jacksonAnnotated(AnnotatedElement element) {
    for (Annotation annotation : element.getAnnotations()) {
      if (isJacksonAnnotation(annotation)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isJacksonAnnotation(Annotation annotation) {
    Class<?> type = annotation.annotationType();
    if (isJackson(type)) {
      return true;
    }
    for (Annotation meta : type.getAnnotations()) {
      if (isJackson(meta.annotationType())) {
        return true;
      }
    }
    return false;
  }

  private static boolean isJackson(Class<?> type) {
    return type.getName().startsWith("com.fasterxml.jackson.")
        || type.getName().startsWith("java.beans.");
  }
}
