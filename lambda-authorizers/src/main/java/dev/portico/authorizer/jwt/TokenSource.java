package dev.portico.authorizer.jwt;

import dev.portico.authorizer.AuthorizationRequest;
import dev.portico.authorizer.EventType;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the token is in a request: the {@code Authorization} header with the {@code Bearer} scheme
 * (case-insensitive), another header, a cookie or a query parameter. For {@code TOKEN} events the
 * token is always the event's {@code authorizationToken} (API Gateway took it from the configured
 * header already).
 *
 * <pre>{@code
 * TokenSource.authorizationHeader();      // Authorization: Bearer eyJ...
 * TokenSource.cookie("session");          // Cookie: session=eyJ...
 * TokenSource.queryParameter("token");    // WebSocket $connect?token=eyJ...
 * }</pre>
 */
public final class TokenSource {

  private enum Kind {
    AUTHORIZATION,
    HEADER,
    COOKIE,
    QUERY
  }

  private final Kind kind;
  private final String name;

  private TokenSource(Kind kind, String name) {
    this.kind = kind;
    this.name = name;
  }

  /** {@code Authorization: Bearer <token>}; other schemes give no token. */
  public static TokenSource authorizationHeader() {
    return new TokenSource(Kind.AUTHORIZATION, "Authorization");
  }

  /** A header holding the token, with or without the {@code Bearer} scheme. */
  public static TokenSource header(String name) {
    return new TokenSource(Kind.HEADER, requireName(name));
  }

  /** A cookie holding the token. */
  public static TokenSource cookie(String name) {
    return new TokenSource(Kind.COOKIE, requireName(name));
  }

  /** A query parameter holding the token (WebSocket clients cannot set headers). */
  public static TokenSource queryParameter(String name) {
    return new TokenSource(Kind.QUERY, requireName(name));
  }

  /** The token in {@code request}, if any. */
  public Optional<String> extract(AuthorizationRequest request) {
    if (request.eventType() == EventType.TOKEN) {
      return kind == Kind.AUTHORIZATION
          ? request.bearerToken()
          : request.authorizationToken().map(TokenSource::withoutBearer);
    }
    Optional<String> token =
        switch (kind) {
          case AUTHORIZATION -> request.bearerToken();
          case HEADER -> request.header(name).map(TokenSource::withoutBearer);
          case COOKIE -> request.cookie(name);
          case QUERY -> request.queryParameter(name);
        };
    return token.filter(t -> !t.isEmpty());
  }

  @Override
  public String toString() {
    return kind.name().toLowerCase(Locale.ROOT) + " " + name;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TokenSource t && t.kind == kind && t.name.equals(name);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, name);
  }

  private static String withoutBearer(String value) {
    String v = value.strip();
    if (v.length() > 7 && v.substring(0, 7).equalsIgnoreCase("bearer ")) {
      return v.substring(7).strip();
    }
    return v;
  }

  private static String requireName(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("token source name must not be empty");
    }
    return name;
  }
}
