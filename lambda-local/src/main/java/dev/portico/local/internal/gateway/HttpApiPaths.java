package dev.portico.local.internal.gateway;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The path an HTTP API routes on and passes to Lambda ({@code rawPath} in payload 2.0, {@code path}
 * in 1.0): HTTP APIs decode the client's percent-encoded path before routing.
 *
 * <p>Live captures (hotsock/voker, {@code vokerhttp/testdata/ingress-paths.json}, an HTTP API with
 * a {@code $default} route) show more than one decoding: {@code /space%20value} arrives as {@code
 * /space value}, {@code /slash%2Fvalue} as {@code /slash/value}, {@code /literal%252Fvalue} as
 * {@code /literal/value}, {@code /literal%2525value} as {@code /literal%value}, {@code
 * /literal%253Fvalue} as {@code /literal?value}, {@code /question%3Fvalue} is cut to {@code
 * /question}, and {@code /percent%25done} is refused with 400. One rule reproduces all of them and
 * is what this class does: decode once, cut at the first {@code ?}, decode again; a malformed
 * escape (or bytes that are not UTF-8) in either pass is a 400. The rule is our reading of those
 * captures; inputs outside them are assumed to follow it.
 *
 * <pre>{@code
 * HttpApiPaths.decode("/pets/caf%C3%A9")  // "/pets/café"
 * HttpApiPaths.decode("/pets/100%")       // null: API Gateway answers 400
 * }</pre>
 */
public final class HttpApiPaths {
  private HttpApiPaths() {}

  /** The decoded path, or {@code null} when API Gateway refuses the request (400). */
  public static String decode(String rawPath) {
    String once = percentDecode(rawPath);
    if (once == null) {
      return null;
    }
    int question = once.indexOf('?');
    if (question >= 0) {
      once = once.substring(0, question);
    }
    return percentDecode(once);
  }

  /** Decodes every {@code %XX}; null for a malformed escape or bytes that are not UTF-8. */
  static String percentDecode(String text) {
    if (text.indexOf('%') < 0) {
      return text;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
    for (int i = 0; i < text.length(); ) {
      char c = text.charAt(i);
      if (c == '%') {
        int hi = i + 1 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
        int lo = i + 2 < text.length() ? Character.digit(text.charAt(i + 2), 16) : -1;
        if (hi < 0 || lo < 0) {
          return null;
        }
        bytes.write(hi * 16 + lo);
        i += 3;
      } else {
        int end = i + 1;
        if (Character.isHighSurrogate(c) && end < text.length()) {
          end++;
        }
        byte[] raw = text.substring(i, end).getBytes(StandardCharsets.UTF_8);
        bytes.write(raw, 0, raw.length);
        i = end;
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
