package dev.portico.api.internal.binding;

import dev.portico.api.Nullable;
import dev.portico.api.ParamConverter;
import dev.portico.path.text.EnumConstants;
import dev.portico.path.text.Scalar;
import dev.portico.path.text.TextFactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * Converters for the types Portico knows; asked after the user's factories. Every rule comes from
 * the shared table in {@code dev.portico.path.text} (the annotation processor checks the same
 * table): {@link Scalar} for the JDK's types, {@link EnumConstants} for enums, {@link TextFactory}
 * for any other type's factory method or constructor.
 */
public final class BuiltInConverters implements ParamConverter.Factory {

  /** A new instance, typed as the factory interface ({@code ParamConverter.builtIns()}). */
  public static ParamConverter.Factory factory() {
    return new BuiltInConverters();
  }

  @Override
  public @Nullable ParamConverter<?> create(Class<?> type) {
    ScalarConverter scalar = ScalarConverter.forType(type);
    if (scalar != null) {
      return scalar;
    }
    if (type.isEnum()) {
      return new EnumConverter(type.getEnumConstants());
    }
    return factoryMethod(type);
  }

  /** How error messages name a type, e.g. {@code int} or {@code one of [DOG, CAT]}. */
  public static String describe(Class<?> type) {
    if (type.isEnum()) {
      List<String> names = new ArrayList<>();
      for (Object constant : type.getEnumConstants()) {
        names.add(String.valueOf(constant));
      }
      return EnumConstants.runtimeWording(names);
    }
    ScalarConverter scalar = ScalarConverter.forType(type);
    return scalar != null ? scalar.describe(type) : type.getSimpleName();
  }

  /** An enum constant by name, exact first, then ignoring case. */
  private static final class EnumConverter implements ParamConverter<Object> {
    private final Object[] constants;
    private final List<String> names;

    EnumConverter(Object[] constants) {
      this.constants = constants;
      List<String> list = new ArrayList<>(constants.length);
      for (Object constant : constants) {
        list.add(((Enum<?>) constant).name());
      }
      this.names = List.copyOf(list);
    }

    @Override
    public Object convert(String value) {
      int index = EnumConstants.indexOf(names, value);
      if (index < 0) {
        throw new IllegalArgumentException("no such constant");
      }
      return constants[index];
    }
  }

  /** A static factory method or constructor taking the text. */
  private static final class HandleConverter implements ParamConverter<Object> {
    private final MethodHandle handle;

    HandleConverter(MethodHandle handle) {
      this.handle = handle;
    }

    @Override
    public Object convert(String value) throws Exception {
      try {
        return handle.invoke(value);
      } catch (Exception | Error e) {
        throw e;
      } catch (Throwable t) {
        throw new IllegalArgumentException(t);
      }
    }
  }

  /**
   * The first {@link TextFactory} the type has, in the table's order, resolved once into a
   * MethodHandle; {@code null} when it has none or is not public.
   */
  private static @Nullable ParamConverter<?> factoryMethod(Class<?> type) {
    if (!Modifier.isPublic(type.getModifiers())) {
      return null;
    }
    MethodHandles.Lookup lookup = MethodHandles.publicLookup();
    for (TextFactory factory : TextFactory.values()) {
      Class<?> parameter =
          factory.parameterType().equals("java.lang.CharSequence")
              ? CharSequence.class
              : String.class;
      try {
        MethodHandle handle =
            factory.isStaticMethod()
                ? lookup.findStatic(
                    type, factory.methodName(), MethodType.methodType(type, parameter))
                : lookup.findConstructor(type, MethodType.methodType(void.class, parameter));
        return new HandleConverter(handle);
      } catch (NoSuchMethodException | IllegalAccessException e) {
        // not this one; try the next factory
      }
    }
    return null;
  }
}
