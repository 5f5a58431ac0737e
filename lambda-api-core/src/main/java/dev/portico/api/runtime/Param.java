package dev.portico.api.runtime;

import dev.portico.api.BadRequestException;
import dev.portico.api.Nullable;
import dev.portico.api.ParamConverter;
import dev.portico.api.Request;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Binds one controller parameter: reads the value from its {@link ParamSource}, applies the
 * default, converts it, and answers 400 naming the parameter when it is missing or does not
 * convert. Generated code creates these once at init through {@link
 * dev.portico.api.RouteRegistry#param} and calls {@link #get} or {@link #all} per request.
 *
 * <pre>{@code
 * int limit = limitParam.get(request);
 * List<String> tags = tagParam.all(request);
 * }</pre>
 *
 * @param <T> the converted type
 */
public final class Param<T> {
  private final ParamSource source;
  private final String name;
  private final String typeName;
  private final ParamConverter<T> converter;
  private final @Nullable String defaultText;
  private final @Nullable T defaultValue;
  private final boolean optional;

  /**
   * Creates a binder; the default value is converted here, once.
   *
   * @throws IllegalArgumentException when the default value does not convert
   */
  public Param(
      ParamSource source,
      String name,
      String typeName,
      ParamConverter<T> converter,
      @Nullable String defaultText,
      boolean optional) {
    this.source = source;
    this.name = name;
    this.typeName = typeName;
    this.converter = converter;
    this.defaultText = defaultText;
    this.optional = optional;
    if (defaultText == null) {
      this.defaultValue = null;
    } else {
      try {
        this.defaultValue = converter.convert(defaultText);
      } catch (Exception e) {
        throw new IllegalArgumentException(
            "@DefaultValue(\""
                + defaultText
                + "\") of "
                + describe()
                + " is not a valid "
                + typeName,
            e);
      }
    }
  }

  /** The source. */
  public ParamSource source() {
    return source;
  }

  /** The name within the source. */
  public String name() {
    return name;
  }

  /**
   * The converted value; the default when absent; {@code null} when absent and optional.
   *
   * @throws BadRequestException when required and absent, or when it does not convert
   */
  public @Nullable T get(Request request) {
    return fromText(read(request));
  }

  /**
   * A binder whose type is named in messages as the built-in converters name it ({@code int},
   * {@code one of [DOG, CAT]}): for generated code outside HTTP routes (WebSocket {@code $connect}
   * headers and query parameters), which reads the text itself.
   *
   * @throws IllegalArgumentException when the default value does not convert
   */
  public static <T> Param<T> of(
      ParamSource source,
      String name,
      Class<T> type,
      ParamConverter<T> converter,
      @Nullable String defaultText,
      boolean optional) {
    return new Param<>(
        source,
        name,
        dev.portico.api.internal.binding.BuiltInConverters.describe(type),
        converter,
        defaultText,
        optional);
  }

  /**
   * Converts text read elsewhere (e.g. a WebSocket {@code $connect} header) exactly as {@link #get}
   * does: the default when {@code null}, {@code null} when absent and optional.
   *
   * @throws BadRequestException when required and absent, or when it does not convert
   */
  public @Nullable T fromText(@Nullable String raw) {
    if (raw == null) {
      if (defaultText != null) {
        return defaultValue;
      }
      if (optional) {
        return null;
      }
      throw new BadRequestException("Missing required " + describe());
    }
    return convert(raw);
  }

  /** Every value converted, in order; the default, or an empty list, when absent. */
  public List<T> all(Request request) {
    List<String> raw;
    if (source == ParamSource.QUERY) {
      raw = request.queryParams(name);
    } else if (source == ParamSource.HEADER) {
      raw = request.headers(name);
    } else {
      String one = read(request);
      raw = one == null ? List.of() : List.of(one);
    }
    return allFromText(raw);
  }

  /**
   * Converts every value read elsewhere, as {@link #all} does (a header's values split into their
   * comma-separated elements); the default, or an empty list, when there is none.
   *
   * @throws BadRequestException when a value does not convert
   */
  public List<T> allFromText(List<String> texts) {
    List<String> raw = source == ParamSource.HEADER ? headerElements(texts) : texts;
    if (raw.isEmpty()) {
      // A list parameter is never required: absent means empty, or the default.
      return defaultValue != null ? List.of(defaultValue) : List.of();
    }
    List<T> values = new ArrayList<>(raw.size());
    for (String value : raw) {
      values.add(convert(value));
    }
    return Collections.unmodifiableList(values);
  }

  /**
   * A list-valued header's elements: HTTP API and function URL events join repeated headers with
   * commas, so every source is split the same way (RFC 9110 list syntax).
   */
  private static List<String> headerElements(List<String> values) {
    List<String> elements = new ArrayList<>(values.size());
    for (String value : values) {
      for (String element : value.split(",")) {
        String trimmed = withoutOptionalWhitespace(element);
        if (!trimmed.isEmpty()) {
          elements.add(trimmed);
        }
      }
    }
    return elements;
  }

  /**
   * The element without the spaces and tabs around it (RFC 9110 OWS); other characters, control
   * characters included, stay and must convert.
   */
  private static String withoutOptionalWhitespace(String element) {
    int start = 0;
    int end = element.length();
    while (start < end && (element.charAt(start) == ' ' || element.charAt(start) == '\t')) {
      start++;
    }
    while (end > start && (element.charAt(end - 1) == ' ' || element.charAt(end - 1) == '\t')) {
      end--;
    }
    return element.substring(start, end);
  }

  // Tests, not switches: a switch on an enum compiles to a synthetic class, one more on every cold
  // start (docs/performance.md, "Classes on the cold path").
  private @Nullable String read(Request request) {
    ParamSource s = source;
    if (s == ParamSource.PATH) {
      return request.pathParam(name);
    } else if (s == ParamSource.QUERY) {
      return request.queryParam(name);
    } else if (s == ParamSource.HEADER) {
      return request.header(name);
    } else if (s == ParamSource.COOKIE) {
      return request.cookie(name);
    } else if (s == ParamSource.STAGE_VARIABLE) {
      return request.stageVariable(name);
    } else if (s == ParamSource.CLAIM) {
      String claim = request.authorization().claim(name);
      return claim != null ? claim : request.authorization().contextValue(name);
    } else if (s == ParamSource.AUTHORIZER) {
      return request.authorization().contextValue(name);
    } else if (s == ParamSource.PRINCIPAL) {
      return request.authorization().principalId();
    }
    throw new IllegalStateException("no reader for " + s);
  }

  private T convert(String raw) {
    try {
      T value = converter.convert(raw);
      if (value == null) {
        throw new IllegalArgumentException("converter returned null");
      }
      return value;
    } catch (Exception e) {
      throw new BadRequestException(
          capitalized(describe())
              + " must be "
              + article(typeName)
              + "; got '"
              + shorten(raw)
              + "'",
          e);
    }
  }

  private String describe() {
    return source == ParamSource.PRINCIPAL
        ? source.description()
        : source.description() + " '" + name + "'";
  }

  private static String capitalized(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  private static String article(String typeName) {
    if (typeName.startsWith("one of ")) {
      return typeName;
    }
    char first = Character.toLowerCase(typeName.charAt(0));
    return ("aeiou".indexOf(first) >= 0 ? "an " : "a ") + typeName;
  }

  private static String shorten(String raw) {
    return raw.length() <= 100 ? raw : raw.substring(0, 100) + "...";
  }
}
