package dev.portico.api.internal;

import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.deser.KeyDeserializers;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import com.fasterxml.jackson.databind.deser.ValueInstantiators;
import com.fasterxml.jackson.databind.jsontype.TypeDeserializer;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.Serializers;
import com.fasterxml.jackson.databind.type.ReferenceType;
import com.fasterxml.jackson.databind.type.TypeBindings;
import com.fasterxml.jackson.databind.type.TypeFactory;
import com.fasterxml.jackson.databind.type.TypeModifier;
import dev.portico.api.Nullable;
import java.lang.reflect.Proxy;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.BaseStream;

/**
 * A Jackson module that is set up on first use of one of its types instead of at start-up.
 *
 * <p>Registering Jackson's {@code JavaTimeModule} loads over a hundred classes, and {@code
 * Jdk8Module} twenty, on the cold-start path of every API, even one that never touches a date or an
 * {@code Optional}. A lazy module registers small stand-ins that answer "not mine" ({@code null})
 * for every other type and, the first time one of its types is read or written, runs the real
 * module's {@code setupModule} against a recording context and asks what it registered from then
 * on. Output is the real module's, byte for byte (see {@code LazyModuleTest}).
 *
 * <p>Its type id differs from the real module's, so an application that registers the real module
 * itself (for example a customised {@code JavaTimeModule}) gets it: modules registered later are
 * asked first.
 */
public final class LazyModule extends Module {

  /** Which real module stands behind; named by string so the class is not loaded at start-up. */
  private enum Kind {
    JAVA_TIME("com.fasterxml.jackson.datatype.jsr310.JavaTimeModule"),
    JDK8("com.fasterxml.jackson.datatype.jdk8.Jdk8Module");

    final String moduleClass;

    Kind(String moduleClass) {
      this.moduleClass = moduleClass;
    }
  }

  /** What the real module's {@code setupModule} registers, captured once. */
  private static final class Captured {
    final List<Serializers> serializers = new ArrayList<>();
    final List<Serializers> keySerializers = new ArrayList<>();
    final List<Deserializers> deserializers = new ArrayList<>();
    final List<KeyDeserializers> keyDeserializers = new ArrayList<>();
    final List<ValueInstantiators> instantiators = new ArrayList<>();
    final List<TypeModifier> typeModifiers = new ArrayList<>();
    final List<BeanSerializerModifier> serializerModifiers = new ArrayList<>();
  }

  private final Kind kind;
  private volatile @Nullable Captured captured;

  private LazyModule(Kind kind) {
    this.kind = kind;
  }

  /** Jackson's {@code JavaTimeModule} ({@code java.time} types), set up on first use. */
  public static LazyModule javaTime() {
    return new LazyModule(Kind.JAVA_TIME);
  }

  /**
   * Jackson's {@code Jdk8Module} ({@code Optional}, {@code OptionalInt}, {@code OptionalLong},
   * {@code OptionalDouble} and streams), set up on first use.
   */
  public static LazyModule jdk8() {
    return new LazyModule(Kind.JDK8);
  }

  @Override
  public String getModuleName() {
    return "portico-lazy-" + kind.name().toLowerCase(Locale.ROOT);
  }

  @Override
  public Version version() {
    return Version.unknownVersion();
  }

  @Override
  public Object getTypeId() {
    return "portico-lazy:" + kind.moduleClass;
  }

  /** Whether a type is one the real module serves; cheap, asked for every type Jackson meets. */
  boolean handles(Class<?> type) {
    String name = type.getName();
    return switch (kind) {
      case JAVA_TIME -> name.startsWith("java.time.");
      case JDK8 -> name.startsWith("java.util.Optional") || BaseStream.class.isAssignableFrom(type);
    };
  }

  private boolean handles(JavaType type) {
    return handles(type.getRawClass());
  }

  /** Whether the real module has been set up (for tests). */
  boolean isSetUp() {
    return captured != null;
  }

  private Captured captured() {
    Captured c = captured;
    if (c == null) {
      synchronized (this) {
        c = captured;
        if (c == null) {
          c = capture();
          captured = c;
        }
      }
    }
    return c;
  }

  private Captured capture() {
    Module real;
    try {
      real =
          (Module)
              Class.forName(kind.moduleClass, true, LazyModule.class.getClassLoader())
                  .getDeclaredConstructor()
                  .newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(kind.moduleClass + " is not on the class path", e);
    }
    Captured c = new Captured();
    Module.SetupContext context =
        (Module.SetupContext)
            Proxy.newProxyInstance(
                LazyModule.class.getClassLoader(),
                new Class<?>[] {Module.SetupContext.class},
                (proxy, method, args) -> {
                  switch (method.getName()) {
                    case "addSerializers" -> c.serializers.add((Serializers) args[0]);
                    case "addKeySerializers" -> c.keySerializers.add((Serializers) args[0]);
                    case "addDeserializers" -> c.deserializers.add((Deserializers) args[0]);
                    case "addKeyDeserializers" ->
                        c.keyDeserializers.add((KeyDeserializers) args[0]);
                    case "addValueInstantiators" ->
                        c.instantiators.add((ValueInstantiators) args[0]);
                    case "addTypeModifier" -> c.typeModifiers.add((TypeModifier) args[0]);
                    case "addBeanSerializerModifier" ->
                        c.serializerModifiers.add((BeanSerializerModifier) args[0]);
                    case "getMapperVersion" -> {
                      return Version.unknownVersion();
                    }
                    case "toString" -> {
                      return "capturing context of " + kind.moduleClass;
                    }
                    case "hashCode" -> {
                      return System.identityHashCode(proxy);
                    }
                    case "equals" -> {
                      return proxy == args[0];
                    }
                    default -> {
                      if (method.getReturnType() == boolean.class) {
                        return Boolean.FALSE;
                      }
                      if (method.getReturnType() != void.class) {
                        throw new UnsupportedOperationException(
                            kind.moduleClass + " asked the lazy module for " + method.getName());
                      }
                    }
                  }
                  return null;
                });
    real.setupModule(context);
    return c;
  }

  @Override
  public void setupModule(SetupContext context) {
    context.addSerializers(new LazySerializers(false));
    context.addKeySerializers(new LazySerializers(true));
    context.addDeserializers(new LazyDeserializers());
    context.addKeyDeserializers(new LazyKeyDeserializers());
    context.addValueInstantiators(new LazyValueInstantiators());
    if (kind == Kind.JDK8) {
      // Only Jdk8Module turns types into reference types and changes bean properties.
      context.addTypeModifier(new LazyTypeModifier());
      context.addBeanSerializerModifier(new LazyBeanSerializerModifier());
    }
  }

  /** Asks the real module's serializers, for its own types only. */
  private final class LazySerializers extends Serializers.Base {
    private final boolean keys;

    LazySerializers(boolean keys) {
      this.keys = keys;
    }

    private List<Serializers> real() {
      Captured c = captured();
      return keys ? c.keySerializers : c.serializers;
    }

    @Override
    public @Nullable JsonSerializer<?> findSerializer(
        SerializationConfig config, JavaType type, BeanDescription beanDesc) {
      if (!handles(type)) {
        return null;
      }
      for (Serializers s : real()) {
        JsonSerializer<?> found = s.findSerializer(config, type, beanDesc);
        if (found != null) {
          return found;
        }
      }
      return null;
    }

    @Override
    public @Nullable JsonSerializer<?> findReferenceSerializer(
        SerializationConfig config,
        ReferenceType type,
        BeanDescription beanDesc,
        TypeSerializer contentTypeSerializer,
        JsonSerializer<Object> contentValueSerializer) {
      if (!handles(type)) {
        return null;
      }
      for (Serializers s : real()) {
        JsonSerializer<?> found =
            s.findReferenceSerializer(
                config, type, beanDesc, contentTypeSerializer, contentValueSerializer);
        if (found != null) {
          return found;
        }
      }
      return null;
    }
  }

  /** Asks the real module's deserializers, for its own types only. */
  private final class LazyDeserializers extends Deserializers.Base {
    @Override
    public @Nullable JsonDeserializer<?> findBeanDeserializer(
        JavaType type, DeserializationConfig config, BeanDescription beanDesc)
        throws JsonMappingException {
      if (!handles(type)) {
        return null;
      }
      for (Deserializers d : captured().deserializers) {
        JsonDeserializer<?> found = d.findBeanDeserializer(type, config, beanDesc);
        if (found != null) {
          return found;
        }
      }
      return null;
    }

    @Override
    public @Nullable JsonDeserializer<?> findEnumDeserializer(
        Class<?> type, DeserializationConfig config, BeanDescription beanDesc)
        throws JsonMappingException {
      if (!handles(type)) {
        return null;
      }
      for (Deserializers d : captured().deserializers) {
        JsonDeserializer<?> found = d.findEnumDeserializer(type, config, beanDesc);
        if (found != null) {
          return found;
        }
      }
      return null;
    }

    @Override
    public @Nullable JsonDeserializer<?> findReferenceDeserializer(
        ReferenceType type,
        DeserializationConfig config,
        BeanDescription beanDesc,
        TypeDeserializer contentTypeDeserializer,
        JsonDeserializer<?> contentDeserializer)
        throws JsonMappingException {
      if (!handles(type)) {
        return null;
      }
      for (Deserializers d : captured().deserializers) {
        JsonDeserializer<?> found =
            d.findReferenceDeserializer(
                type, config, beanDesc, contentTypeDeserializer, contentDeserializer);
        if (found != null) {
          return found;
        }
      }
      return null;
    }

    @Override
    public boolean hasDeserializerFor(DeserializationConfig config, Class<?> valueType) {
      if (!handles(valueType)) {
        return false;
      }
      for (Deserializers d : captured().deserializers) {
        if (d.hasDeserializerFor(config, valueType)) {
          return true;
        }
      }
      return false;
    }
  }

  /** Asks the real module's key deserializers, for its own types only. */
  private final class LazyKeyDeserializers implements KeyDeserializers {
    @Override
    public @Nullable KeyDeserializer findKeyDeserializer(
        JavaType type, DeserializationConfig config, BeanDescription beanDesc)
        throws JsonMappingException {
      if (!handles(type)) {
        return null;
      }
      for (KeyDeserializers k : captured().keyDeserializers) {
        KeyDeserializer found = k.findKeyDeserializer(type, config, beanDesc);
        if (found != null) {
          return found;
        }
      }
      return null;
    }
  }

  /** Lets the real module's value instantiators adjust its own types only. */
  private final class LazyValueInstantiators implements ValueInstantiators {
    @Override
    public ValueInstantiator findValueInstantiator(
        DeserializationConfig config,
        BeanDescription beanDesc,
        ValueInstantiator defaultInstantiator) {
      if (!handles(beanDesc.getBeanClass())) {
        return defaultInstantiator;
      }
      ValueInstantiator instantiator = defaultInstantiator;
      for (ValueInstantiators v : captured().instantiators) {
        instantiator = v.findValueInstantiator(config, beanDesc, instantiator);
      }
      return instantiator;
    }
  }

  /** Turns {@code Optional}s into reference types the way the real module does. */
  private final class LazyTypeModifier extends TypeModifier {
    @Override
    public JavaType modifyType(
        JavaType type, Type jdkType, TypeBindings context, TypeFactory typeFactory) {
      if (!handles(type)) {
        return type;
      }
      JavaType modified = type;
      for (TypeModifier m : captured().typeModifiers) {
        modified = m.modifyType(modified, jdkType, context, typeFactory);
      }
      return modified;
    }
  }

  /** Lets the real module adjust beans that have a property of one of its types. */
  private final class LazyBeanSerializerModifier extends BeanSerializerModifier {
    @Override
    public List<BeanPropertyWriter> changeProperties(
        SerializationConfig config,
        BeanDescription beanDesc,
        List<BeanPropertyWriter> beanProperties) {
      boolean any = false;
      for (BeanPropertyWriter property : beanProperties) {
        if (handles(property.getType())) {
          any = true;
          break;
        }
      }
      if (!any) {
        return beanProperties;
      }
      List<BeanPropertyWriter> changed = beanProperties;
      for (BeanSerializerModifier m : captured().serializerModifiers) {
        changed = m.changeProperties(config, beanDesc, changed);
      }
      return changed;
    }
  }
}
