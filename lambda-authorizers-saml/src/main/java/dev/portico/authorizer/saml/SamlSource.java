package dev.portico.authorizer.saml;

import dev.portico.authorizer.AuthorizationRequest;
import dev.portico.authorizer.EventType;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the base64 SAML document is in a request: {@code Authorization: SAML <base64>} (the scheme
 * case-insensitive), another header holding only the base64 value, or a cookie. For a REST {@code
 * TOKEN} authorizer the value is the event's {@code authorizationToken} (API Gateway copied it from
 * the configured header).
 *
 * <pre>{@code
 * SamlSource.authorizationHeader();   // Authorization: SAML PHNhbWxwOlJlc3...
 * SamlSource.header("X-SAML");        // X-SAML: PHNhbWxwOlJlc3...
 * SamlSource.cookie("saml");          // Cookie: saml=PHNhbWxwOlJlc3...
 * }</pre>
 */
public final class SamlSource {

  private static final String SCHEME = "saml ";

  private enum Kind {
    AUTHORIZATION,
    HEADER,
    COOKIE
  }

  private final Kind kind;
  private final String name;

  private SamlSource(Kind kind, String name) {
    this.kind = kind;
    this.name = name;
  }

  /** {@code Authorization: SAML <base64>}; other schemes give nothing. */
  public static SamlSource authorizationHeader() {
    return new SamlSource(Kind.AUTHORIZATION, "Authorization");
  }

  /** A header whose whole value is the base64 document. */
  public static SamlSource header(String name) {
    return new SamlSource(Kind.HEADER, requireName(name));
  }

  /** A cookie whose value is the base64 document. */
  public static SamlSource cookie(String name) {
    return new SamlSource(Kind.COOKIE, requireName(name));
  }

  /** The encoded document in {@code request}, if any. */
  public Optional<String> extract(AuthorizationRequest request) {
    Optional<String> value;
    if (request.eventType() == EventType.TOKEN) {
      value = request.authorizationToken();
      if (kind == Kind.AUTHORIZATION) {
        value = value.flatMap(SamlSource::withoutScheme);
      }
    } else {
      value =
          switch (kind) {
            case AUTHORIZATION -> request.header(name).flatMap(SamlSource::withoutScheme);
            case HEADER -> request.header(name);
            case COOKIE -> request.cookie(name);
          };
    }
    return value.map(String::strip).filter(v -> !v.isEmpty());
  }

  @Override
  public String toString() {
    return kind.name().toLowerCase(Locale.ROOT) + " " + name;
  }

  private static Optional<String> withoutScheme(String value) {
    String v = value.strip();
    if (v.length() > SCHEME.length()
        && v.substring(0, SCHEME.length()).toLowerCase(Locale.ROOT).equals(SCHEME)) {
      return Optional.of(v.substring(SCHEME.length()));
    }
    return Optional.empty();
  }

  private static String requireName(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("the header or cookie name must not be empty");
    }
    return name;
  }
}
