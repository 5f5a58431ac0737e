package dev.portico.authorizer.oauth2.internal;

import com.nimbusds.jose.util.X509CertUtils;
import com.nimbusds.oauth2.sdk.auth.X509CertificateConfirmation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;

/**
 * Checks a certificate-bound token (RFC 8705): the SHA-256 thumbprint of the client certificate
 * that API Gateway's mutual TLS verified must equal the token's {@code cnf.x5t#S256}.
 *
 * <pre>{@code
 * String problem = CertificateBinding.check(x5tS256, clientCertPem); // null when bound to it
 * }</pre>
 */
public final class CertificateBinding {

  private CertificateBinding() {}

  /**
   * Checks the binding.
   *
   * @return {@code null} when the certificate is the one the token is bound to, else a reason code
   */
  public static String check(String x5tS256, String clientCertPem) {
    if (clientCertPem == null) {
      return "client_certificate_missing";
    }
    X509Certificate cert = X509CertUtils.parse(clientCertPem);
    if (cert == null) {
      return "client_certificate_unreadable";
    }
    String actual = X509CertificateConfirmation.of(cert).getValue().toString();
    return MessageDigest.isEqual(
            actual.getBytes(StandardCharsets.US_ASCII), x5tS256.getBytes(StandardCharsets.UTF_8))
        ? null
        : "client_certificate_mismatch";
  }
}
