package dev.portico.authorizer.saml.sso.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where the ACS may redirect after a login: a {@code RelayState} is followed only when it equals,
 * character for character, one configured entry. An entry is either an absolute {@code https} URL
 * (or {@code http} on a loopback host) or a same-origin path beginning with a single {@code /}.
 * Nothing is decoded, normalised or matched by prefix, so encoded, backslashed, protocol-relative
 * and scheme tricks can never match; entries that are themselves unsafe are refused when the list
 * is built.
 */
public final class RedirectAllowList {

  private final Set<String> targets;

  private RedirectAllowList(Set<String> targets) {
    this.targets = targets;
  }

  /**
   * Builds the list.
   *
   * @throws IllegalArgumentException naming the first entry that is not a safe redirect target
   */
  public static RedirectAllowList of(List<String> entries) {
    Set<String> targets = new LinkedHashSet<>();
    for (String entry : entries) {
      String problem = problem(entry);
      if (problem != null) {
        throw new IllegalArgumentException("redirect target \"" + entry + "\" " + problem);
      }
      targets.add(entry);
    }
    return new RedirectAllowList(Set.copyOf(targets));
  }

  /** The target to redirect to, when {@code relayState} is exactly an allowed entry. */
  public Optional<String> match(String relayState) {
    return relayState != null && targets.contains(relayState)
        ? Optional.of(relayState)
        : Optional.empty();
  }

  private static String problem(String entry) {
    if (entry == null || entry.isEmpty()) {
      return "is empty";
    }
    for (int i = 0; i < entry.length(); i++) {
      char c = entry.charAt(i);
      if (c <= 0x20 || c >= 0x7f || c == '\\' || c == '%') {
        return "must be printable ASCII without spaces, backslashes or percent-escapes";
      }
    }
    if (entry.startsWith("/")) {
      return entry.startsWith("//") ? "must not begin with // (a protocol-relative URL)" : null;
    }
    URI uri;
    try {
      uri = new URI(entry);
    } catch (URISyntaxException e) {
      return "is not a URL";
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme();
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    boolean loopback = host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]");
    if (!scheme.equals("https") && !(scheme.equals("http") && loopback)) {
      return "must be a path beginning with / or an https URL";
    }
    if (host.isEmpty() || uri.getUserInfo() != null) {
      return "must name a host and no user information";
    }
    return null;
  }
}
