package dev.portico.authorizer.oauth2.internal;

import dev.portico.authorizer.AuthorizationRequest;
import dev.portico.authorizer.EventType;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The access token as the client presented it: {@code Authorization: Bearer <token>} or {@code
 * Authorization: DPoP <token>} (for {@code TOKEN} events, {@code authorizationToken}), or why it
 * cannot be used.
 *
 * <pre>{@code
 * PresentedToken t = PresentedToken.of(request, 8192);
 * if (t.problem() != null) return Decision.unauthorized().withReason(t.problem());
 * }</pre>
 *
 * @param token the token, or {@code null} with a problem
 * @param dpopScheme whether the {@code DPoP} scheme was used
 * @param problem a reason code, or {@code null}
 */
public record PresentedToken(String token, boolean dpopScheme, String problem) {

  /** RFC 6750 {@code b64token}. */
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");

  /** Reads the token of a request. */
  public static PresentedToken of(AuthorizationRequest request, int maxTokenLength) {
    String value;
    if (request.eventType() == EventType.TOKEN) {
      value = request.authorizationToken().orElse(null);
    } else {
      List<String> values = request.headerValues("Authorization");
      if (values.size() > 1) {
        return refused("multiple_authorization_headers");
      }
      value = values.isEmpty() ? null : values.get(0);
    }
    if (value == null || value.isBlank()) {
      return refused("missing_token");
    }
    String v = value.strip();
    int space = v.indexOf(' ');
    if (space < 0) {
      return refused("missing_token");
    }
    String scheme = v.substring(0, space).toLowerCase(Locale.ROOT);
    String token = v.substring(space + 1).strip();
    boolean dpop;
    if (scheme.equals("bearer")) {
      dpop = false;
    } else if (scheme.equals("dpop")) {
      dpop = true;
    } else {
      return refused("missing_token");
    }
    if (token.length() > maxTokenLength) {
      return refused("token_too_long");
    }
    if (!TOKEN.matcher(token).matches()) {
      return refused("malformed_token");
    }
    return new PresentedToken(token, dpop, null);
  }

  private static PresentedToken refused(String problem) {
    return new PresentedToken(null, false, problem);
  }
}
