package dev.portico.local.internal;

import java.util.Locale;

/**
 * Which {@code Host} and {@code Origin} values name this machine's loopback interface: {@code
 * 127.0.0.1}, {@code localhost} and {@code [::1]}, with any port. Used to refuse requests a web
 * page makes through DNS rebinding (its own name, re-pointed at 127.0.0.1, in {@code Host}) or
 * across origins (its own {@code Origin}).
 *
 * <pre>{@code
 * LoopbackNames.isLoopbackHost("localhost:3000");           // true
 * LoopbackNames.isLoopbackHost("evil.example:3000");        // false
 * LoopbackNames.isLoopbackOrigin("http://127.0.0.1:5173");  // true
 * }</pre>
 */
public final class LoopbackNames {
  private LoopbackNames() {}

  /**
   * Whether a {@code Host} header value is {@code 127.0.0.1}, {@code localhost} or {@code [::1]},
   * with an optional port.
   */
  public static boolean isLoopbackHost(String value) {
    if (value == null) {
      return false;
    }
    String name;
    String port = null;
    if (value.startsWith("[")) {
      int close = value.indexOf(']');
      if (close < 0) {
        return false;
      }
      name = value.substring(0, close + 1);
      String rest = value.substring(close + 1);
      if (!rest.isEmpty()) {
        if (!rest.startsWith(":")) {
          return false;
        }
        port = rest.substring(1);
      }
    } else {
      int colon = value.indexOf(':');
      name = colon < 0 ? value : value.substring(0, colon);
      port = colon < 0 ? null : value.substring(colon + 1);
    }
    return isLoopbackHostName(name) && !name.equals("::1") && (port == null || isPort(port));
  }

  /** Whether a bare host name (as in a URI, IPv6 with or without brackets) is a loopback name. */
  public static boolean isLoopbackHostName(String name) {
    return name.equals("127.0.0.1")
        || name.toLowerCase(Locale.ROOT).equals("localhost")
        || name.equals("[::1]")
        || name.equals("::1");
  }

  /**
   * Whether an {@code Origin} value is {@code http(s)://} one of the loopback names, with an
   * optional port.
   */
  public static boolean isLoopbackOrigin(String origin) {
    if (origin == null) {
      return false;
    }
    String rest;
    if (origin.startsWith("http://")) {
      rest = origin.substring("http://".length());
    } else if (origin.startsWith("https://")) {
      rest = origin.substring("https://".length());
    } else {
      return false;
    }
    return isLoopbackHost(rest);
  }

  /** A value shown in an error message: printable ASCII kept, anything else escaped, cut at 200. */
  public static String printable(String value) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < value.length() && i < 200; i++) {
      char c = value.charAt(i);
      if (c >= 0x20 && c < 0x7f) {
        out.append(c);
      } else {
        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      }
    }
    if (value.length() > 200) {
      out.append("...");
    }
    return out.toString();
  }

  private static boolean isPort(String port) {
    if (port.isEmpty() || port.length() > 5) {
      return false;
    }
    for (int i = 0; i < port.length(); i++) {
      char c = port.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return Integer.parseInt(port) <= 65535;
  }
}
