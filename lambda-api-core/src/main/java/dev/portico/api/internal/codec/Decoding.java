package dev.portico.api.internal.codec;

import dev.portico.api.BadRequestException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Percent-decoding of paths and query strings. */
public final class Decoding {
  private Decoding() {}

  /** Splits a path into segments, dropping empty ones, percent-decoding each when asked. */
  public static List<String> segments(String path, boolean decode) {
    List<String> segments = new ArrayList<>();
    int start = 0;
    int length = path.length();
    while (start <= length) {
      int slash = path.indexOf('/', start);
      int end = slash < 0 ? length : slash;
      if (end > start) {
        String segment = path.substring(start, end);
        segments.add(decode ? decode(segment, false) : segment);
      }
      if (slash < 0) {
        break;
      }
      start = slash + 1;
    }
    return segments;
  }

  /** Parses a raw query string ({@code a=1&b=x%20y&a=2}) into decoded parameters, in order. */
  public static Map<String, List<String>> query(String rawQuery) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    if (rawQuery.isEmpty()) {
      return query;
    }
    int start = 0;
    while (start <= rawQuery.length()) {
      int amp = rawQuery.indexOf('&', start);
      int end = amp < 0 ? rawQuery.length() : amp;
      if (end > start) {
        int eq = rawQuery.indexOf('=', start);
        String name;
        String value;
        if (eq < 0 || eq > end) {
          name = decode(rawQuery.substring(start, end), true);
          value = "";
        } else {
          name = decode(rawQuery.substring(start, eq), true);
          value = decode(rawQuery.substring(eq + 1, end), true);
        }
        query.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
      }
      if (amp < 0) {
        break;
      }
      start = amp + 1;
    }
    return query;
  }

  /**
   * Percent-decodes UTF-8; {@code +} is a space only in query strings.
   *
   * @throws BadRequestException for a malformed escape or invalid UTF-8
   */
  public static String decode(String text, boolean plusIsSpace) {
    int percent = text.indexOf('%');
    int plus = plusIsSpace ? text.indexOf('+') : -1;
    if (percent < 0 && plus < 0) {
      return text;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '%') {
        if (i + 2 >= text.length()) {
          throw malformed(text);
        }
        int hi = Character.digit(text.charAt(i + 1), 16);
        int lo = Character.digit(text.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) {
          throw malformed(text);
        }
        bytes.write((hi << 4) | lo);
        i += 3;
      } else if (c == '+' && plusIsSpace) {
        bytes.write(' ');
        i++;
      } else if (c < 0x80) {
        bytes.write(c);
        i++;
      } else {
        int cp = text.codePointAt(i);
        byte[] encoded = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
        bytes.write(encoded, 0, encoded.length);
        i += Character.charCount(cp);
      }
    }
    byte[] raw = bytes.toByteArray();
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(raw)).toString();
    } catch (CharacterCodingException e) {
      throw new BadRequestException(
          "Malformed percent-encoding (not UTF-8) in '" + shorten(text) + "'");
    }
  }

  private static BadRequestException malformed(String text) {
    return new BadRequestException("Malformed percent-encoding in '" + shorten(text) + "'");
  }

  private static String shorten(String text) {
    return text.length() <= 100 ? text : text.substring(0, 100) + "...";
  }
}
