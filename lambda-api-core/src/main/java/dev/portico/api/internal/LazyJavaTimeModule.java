package dev.portico.api.internal;

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
import com.fasterxml.jackson.databind.deser.ValueInstantiators;
import com.fasterxml.jackson.databind.ser.Serializers;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.portico.api.Nullable;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

/**
 * Jackson's {@link JavaTimeModule}, set up on first use of a {@code java.time} type instead of at
 * start-up. Registering the real module loads over a hundred classes on the cold-start path even
 * for APIs that never touch a date; this module loads them only when a date is read or written.
 */
public final class LazyJavaTimeModule extends Module {

  /** What {@link JavaTimeModule#setupModule} registers, captured once. */
  private static final class Captured {
    final List<Serializers> serializers = new ArrayList<>();
    final List<Serializers> keySerializers = new ArrayList<>();
    final List<Deserializers> deserializers = new ArrayList<>();
    final List<KeyDeserializers> keyDeserializers = new ArrayList<>();
    final List<ValueInstantiators> instantiators = new ArrayList<>();
  }

  private volatile @Nullable Captured captured;

  @Override
  public String getModuleName() {
    return "portico-lazy-jsr310";
  }

  @Override
  public com.fasterxml.jackson.core.Version version() {
    return com.fasterxml.jackson.core.Version.unknownVersion();
  }

  @Override
  public Object getTypeId() {
    // Registering this and the real module together would apply both; one id keeps one.
    return JavaTimeModule.class.getName();
  }

  private static boolean isJavaTime(Class<?> type) {
    return type.getName().startsWith("java.time.");
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

  private static Captured capture() {
    Captured c = new Captured();
    Module.SetupContext context =
        (Module.SetupContext)
            Proxy.newProxyInstance(
                LazyJavaTimeModule.class.getClassLoader(),
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
                    case "isEnabled" -> {
                      return Boolean.FALSE;
                    }
                    default -> {
                      if (method.getReturnType() == boolean.class) {
                        return Boolean.FALSE;
                      }
                    }
                  }
                  return null;
                });
    new JavaTimeModule().setupModule(context);
    return c;
  }

  /** Value or key serializers of the real module, asked only for java.time types. */
  private final class LazySerializers extends Serializers.Base {
    private final boolean keys;

    LazySerializers(boolean keys) {
      this.keys = keys;
    }

    @Override
    public JsonSerializer<?> findSerializer(
        SerializationConfig config, JavaType type, BeanDescription beanDesc) {
      if (!isJavaTime(type.getRawClass())) {
        return null;
      }
      Captured c = captured();
      for (Serializers s : keys ? c.keySerializers : c.serializers) {
        JsonSerializer<?> found = s.findSerializer(config, type, beanDesc);
        if (found != null) {
          return found;
        }
      }
      return null;
    }
  }

  @Override
  public void setupModule(SetupContext context) {
    context.addSerializers(new LazySerializers(false));
    context.addKeySerializers(new LazySerializers(true));
    context.addDeserializers(
        new Deserializers.Base() {
          @Override
          public JsonDeserializer<?> findBeanDeserializer(
              JavaType type, DeserializationConfig config, BeanDescription beanDesc)
              throws JsonMappingException {
            if (!isJavaTime(type.getRawClass())) {
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
          public JsonDeserializer<?> findEnumDeserializer(
              Class<?> type, DeserializationConfig config, BeanDescription beanDesc)
              throws JsonMappingException {
            if (!isJavaTime(type)) {
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
          public boolean hasDeserializerFor(DeserializationConfig config, Class<?> valueType) {
            return isJavaTime(valueType);
          }
        });
    context.addKeyDeserializers(
        new KeyDeserializers() {
          @Override
          public KeyDeserializer findKeyDeserializer(
              JavaType type, DeserializationConfig config, BeanDescription beanDesc)
              throws JsonMappingException {
            if (!isJavaTime(type.getRawClass())) {
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
        });
    context.addValueInstantiators(
        new ValueInstantiators() {
          @Override
          public com.fasterxml.jackson.databind.deser.ValueInstantiator findValueInstantiator(
              DeserializationConfig config,
              BeanDescription beanDesc,
              com.fasterxml.jackson.databind.deser.ValueInstantiator defaultInstantiator) {
            if (!isJavaTime(beanDesc.getBeanClass())) {
              return defaultInstantiator;
            }
            var instantiator = defaultInstantiator;
            for (ValueInstantiators v : captured().instantiators) {
              instantiator = v.findValueInstantiator(config, beanDesc, instantiator);
            }
            return instantiator;
          }
        });
  }
}
