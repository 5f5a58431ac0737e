package dev.portico.authorizer.saml.sso.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The state of an SP-initiated login, kept by the browser: {@code ID.EXPIRY.MAC} where ID is the
 * AuthnRequest ID ({@code _} + 32 hex digits), EXPIRY the epoch second after which it is refused
 * and MAC the base64url HMAC-SHA256 of {@code ID.EXPIRY} under a secret of at least 32 bytes. The
 * ACS passes the ID to the validator as the expected {@code InResponseTo}, so a response answers a
 * request this browser started (the login CSRF defence).
 */
public final class LoginState {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private final byte[] secret;

  /**
   * A state signer.
   *
   * @throws IllegalArgumentException when the secret is shorter than 32 bytes
   */
  public LoginState(byte[] secret) {
    if (secret.length < 32) {
      throw new IllegalArgumentException(
          "the login state secret has " + secret.length + " bytes; at least 32 are required");
    }
    this.secret = secret.clone();
  }

  /** A fresh AuthnRequest ID. */
  public static String newRequestId() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return "_" + HexFormat.of().formatHex(bytes);
  }

  /** The cookie value for a request ID that expires at {@code expiry}. */
  public String seal(String requestId, Instant expiry) {
    String body = requestId + "." + expiry.getEpochSecond();
    return body + "." + B64.encodeToString(mac(body));
  }

  /** The request ID of a cookie value whose MAC is right and which has not expired. */
  public Optional<String> open(String value, Instant now) {
    if (value == null) {
      return Optional.empty();
    }
    String[] parts = value.split("\\.", -1);
    if (parts.length != 3
        || !parts[0].matches("_[0-9a-f]{32}")
        || !parts[1].matches("[0-9]{1,12}")) {
      return Optional.empty();
    }
    byte[] given;
    try {
      given = Base64.getUrlDecoder().decode(parts[2]);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (!MessageDigest.isEqual(given, mac(parts[0] + "." + parts[1]))) {
      return Optional.empty();
    }
    if (!now.isBefore(Instant.ofEpochSecond(Long.parseLong(parts[1])))) {
      return Optional.empty();
    }
    return Optional.of(parts[0]);
  }

  private byte[] mac(String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return mac.doFinal(body.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
