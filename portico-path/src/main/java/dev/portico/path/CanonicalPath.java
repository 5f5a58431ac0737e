package dev.portico.path;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A request path in the one form that Portico's router, its authorizers and its local gateway agree
 * on. Two components that decide about the same request (an authorizer that allows a resource, a
 * router that picks a route) must see the same path; a path that one of them would normalise and
 * the other would not is how a token reaches a route it may not call. So a path is either
 * canonical, and then it has exactly one spelling, or it is refused.
 *
 * <p>A path is canonical when all of these hold ({@code /} alone is canonical):
 *
 * <ol>
 *   <li>it starts with {@code /} and has no empty segment: no {@code //}, no trailing {@code /};
 *   <li>no segment is, after decoding, {@code .} or {@code ..};
 *   <li>no {@code ;} (matrix parameters), no backslash and no control character (C0, DEL, C1)
 *       appears, raw or encoded, and no {@code /} is encoded inside a segment ({@code %2F});
 *   <li>for a {@linkplain PathEncoding#PERCENT_ENCODED percent-encoded} path: every {@code %}
 *       starts an escape with two uppercase hexadecimal digits; an escape never encodes an
 *       unreserved character ({@code A-Z a-z 0-9 - . _ ~}, so {@code /p%65ts} is refused); the
 *       characters allowed unencoded are the unreserved ones, the sub-delimiters except {@code ;}
 *       ({@code ! $ & ' ( ) * + , =}), {@code :} and {@code @}; everything else (space, non-ASCII,
 *       quotes...) is encoded; escaped bytes are UTF-8. For a {@linkplain PathEncoding#DECODED
 *       decoded} path, {@code %} is an ordinary character and rules 1–3 apply to the text;
 *   <li>matching is case-sensitive, as API Gateway's resources and IAM's ARNs are: {@code /PETS} is
 *       canonical and is not {@code /pets}.
 * </ol>
 *
 * <p>A route's literal segments use unreserved characters only; since an escape of an unreserved
 * character is refused, a literal segment has exactly one spelling. Other characters in a request's
 * segment are data (for example {@code alice%40example.com} for a path parameter).
 *
 * <p>{@link #parseLenient} is the opt-in for APIs that must accept what clients send loosely: it
 * drops empty segments ({@code /pets/} and {@code //pets} become {@code /pets}) and decodes
 * non-canonical escapes; every other rule still holds.
 */
public final class CanonicalPath {
  private static final CanonicalPath ROOT = new CanonicalPath(List.of());

  private final List<String> segments;

  private CanonicalPath(List<String> segments) {
    this.segments = segments;
  }

  /**
   * Reads a path that must be canonical.
   *
   * @throws NonCanonicalPathException naming the first rule it breaks and where
   */
  public static CanonicalPath parse(String path, PathEncoding encoding)
      throws NonCanonicalPathException {
    return read(path, encoding, false);
  }

  /**
   * Reads a path leniently: empty segments are dropped and non-canonical escapes decoded; every
   * other rule of {@link CanonicalPath} still holds.
   *
   * @throws NonCanonicalPathException naming the first rule it breaks and where
   */
  public static CanonicalPath parseLenient(String path, PathEncoding encoding)
      throws NonCanonicalPathException {
    return read(path, encoding, true);
  }

  /** The root path {@code /}. */
  public static CanonicalPath root() {
    return ROOT;
  }

  /** The decoded segments; the root has none. */
  public List<String> segments() {
    return segments;
  }

  /** Whether this is {@code /}. */
  public boolean isRoot() {
    return segments.isEmpty();
  }

  /** The decoded path: {@code /} followed by the segments joined with {@code /}. */
  public String decoded() {
    return segments.isEmpty() ? "/" : "/" + String.join("/", segments);
  }

  /** The one canonical percent-encoded spelling of this path. */
  public String encoded() {
    if (segments.isEmpty()) {
      return "/";
    }
    StringBuilder out = new StringBuilder();
    for (String segment : segments) {
      out.append('/');
      encodeSegment(segment, out);
    }
    return out.toString();
  }

  /**
   * Encodes one decoded segment in canonical form: unreserved characters, sub-delimiters other than
   * {@code ;}, {@code :} and {@code @} as they are, every other byte of its UTF-8 form as an
   * uppercase escape.
   */
  public static String encodeSegment(String segment) {
    StringBuilder out = new StringBuilder(segment.length() + 8);
    encodeSegment(segment, out);
    return out.toString();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CanonicalPath that && segments.equals(that.segments);
  }

  @Override
  public int hashCode() {
    return segments.hashCode();
  }

  /** The canonical encoded spelling. */
  @Override
  public String toString() {
    return encoded();
  }

  private static void encodeSegment(String segment, StringBuilder out) {
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      if (c < 0x80 && allowedRaw(c)) {
        out.append(c);
      } else {
        int end = i + (Character.isHighSurrogate(c) && i + 1 < segment.length() ? 2 : 1);
        for (byte b : segment.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
          out.append('%').append(Quoting.HEX[(b >> 4) & 0xF]).append(Quoting.HEX[b & 0xF]);
        }
        i = end - 1;
      }
    }
  }

  private static CanonicalPath read(String path, PathEncoding encoding, boolean lenient)
      throws NonCanonicalPathException {
    if (path == null || path.isEmpty() || path.charAt(0) != '/') {
      throw new NonCanonicalPathException(path, Violation.NOT_ABSOLUTE, 0);
    }
    if (path.length() == 1) {
      return ROOT;
    }
    List<String> segments = new ArrayList<>(4);
    int start = 1;
    while (true) {
      int slash = path.indexOf('/', start);
      int end = slash < 0 ? path.length() : slash;
      if (start == end) {
        if (!lenient) {
          throw new NonCanonicalPathException(path, Violation.EMPTY_SEGMENT, start);
        }
      } else {
        String segment =
            encoding == PathEncoding.DECODED
                ? checkDecoded(path, start, end)
                : decode(path, start, end, lenient);
        if (segment.equals(".") || segment.equals("..")) {
          throw new NonCanonicalPathException(path, Violation.DOT_SEGMENT, start);
        }
        segments.add(segment);
      }
      if (slash < 0) {
        break;
      }
      start = slash + 1;
    }
    return segments.isEmpty() ? ROOT : new CanonicalPath(List.copyOf(segments));
  }

  private static String checkDecoded(String path, int start, int end)
      throws NonCanonicalPathException {
    for (int i = start; i < end; i++) {
      char c = path.charAt(i);
      Violation violation = forbidden(c);
      if (violation == null && Character.isSurrogate(c)) {
        boolean paired =
            Character.isHighSurrogate(c)
                && i + 1 < end
                && Character.isLowSurrogate(path.charAt(i + 1));
        if (!paired) {
          violation = Violation.INVALID_UTF8;
        } else {
          i++;
        }
      }
      if (violation != null) {
        throw new NonCanonicalPathException(path, violation, i);
      }
    }
    return path.substring(start, end);
  }

  private static String decode(String path, int start, int end, boolean lenient)
      throws NonCanonicalPathException {
    StringBuilder decoded = null;
    for (int i = start; i < end; i++) {
      char c = path.charAt(i);
      if (c == '%') {
        if (decoded == null) {
          decoded = new StringBuilder(end - start).append(path, start, i);
        }
        i = decodeEscapes(path, i, end, lenient, decoded) - 1;
        continue;
      }
      Violation violation = forbidden(c);
      if (violation == null && !(c < 0x80 && allowedRaw(c))) {
        violation = Violation.ILLEGAL_CHARACTER;
      }
      if (violation != null) {
        throw new NonCanonicalPathException(path, violation, i);
      }
      if (decoded != null) {
        decoded.append(c);
      }
    }
    return decoded == null ? path.substring(start, end) : decoded.toString();
  }

  /** Decodes a run of escapes starting at {@code from}; returns the index after the run. */
  private static int decodeEscapes(
      String path, int from, int end, boolean lenient, StringBuilder into)
      throws NonCanonicalPathException {
    byte[] bytes = new byte[(end - from) / 3 + 1];
    int count = 0;
    int i = from;
    while (i < end && path.charAt(i) == '%') {
      int high = i + 2 < end ? hexValue(path.charAt(i + 1)) : -1;
      int low = i + 2 < end ? hexValue(path.charAt(i + 2)) : -1;
      if (high < 0 || low < 0) {
        throw new NonCanonicalPathException(path, Violation.MALFORMED_ESCAPE, i);
      }
      int value = (high << 4) | low;
      Violation violation = value < 0x80 ? forbiddenEscaped((char) value) : null;
      if (violation == null
          && !lenient
          && (isLowerHex(path.charAt(i + 1))
              || isLowerHex(path.charAt(i + 2))
              || (value < 0x80 && unreserved((char) value)))) {
        violation = Violation.NON_CANONICAL_ESCAPE;
      }
      if (violation != null) {
        throw new NonCanonicalPathException(path, violation, i);
      }
      bytes[count++] = (byte) value;
      i += 3;
    }
    String text;
    try {
      CharsetDecoder decoder =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT);
      CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes, 0, count));
      text = chars.toString();
    } catch (IOException e) {
      // Only a CharacterCodingException can arrive here; caught as its superclass, which the JVM
      // has loaded already (a caught type loads when this class is verified, on every cold start).
      throw new NonCanonicalPathException(path, Violation.INVALID_UTF8, from);
    }
    for (int k = 0; k < text.length(); k++) {
      if (isC1(text.charAt(k))) {
        throw new NonCanonicalPathException(path, Violation.CONTROL_CHARACTER, from);
      }
    }
    into.append(text);
    return i;
  }

  /** A rule that a character breaks wherever it appears, raw or decoded; null when none. */
  private static Violation forbidden(char c) {
    if (c == ';') {
      return Violation.MATRIX_PARAMETER;
    }
    if (c == '\\') {
      return Violation.BACKSLASH;
    }
    if (c < 0x20 || c == 0x7F || isC1(c)) {
      return Violation.CONTROL_CHARACTER;
    }
    return null;
  }

  private static Violation forbiddenEscaped(char c) {
    return c == '/' ? Violation.ENCODED_SLASH : forbidden(c);
  }

  private static boolean isC1(char c) {
    return c >= 0x80 && c <= 0x9F;
  }

  private static boolean unreserved(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '~';
  }

  /** Characters an encoded canonical segment carries unencoded (ASCII only). */
  private static boolean allowedRaw(char c) {
    if (unreserved(c)) {
      return true;
    }
    switch (c) {
      case '!', '$', '&', '\'', '(', ')', '*', '+', ',', '=', ':', '@':
        return true;
      default:
        return false;
    }
  }

  private static boolean isLowerHex(char c) {
    return c >= 'a' && c <= 'f';
  }

  private static int hexValue(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    return -1;
  }
}
