package dev.portico.authorizer.saml.internal;

import java.io.ByteArrayInputStream;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** PEM certificates and PKCS#8 private keys, with messages that name what is wrong. */
public final class Pem {

  private Pem() {}

  /**
   * The X.509 certificates of a PEM (or DER) file; at least one.
   *
   * @throws IllegalArgumentException if there is none or one is invalid
   */
  public static List<X509Certificate> certificates(byte[] pem) {
    try {
      List<X509Certificate> out = new ArrayList<>();
      for (var c :
          CertificateFactory.getInstance("X.509")
              .generateCertificates(new ByteArrayInputStream(pem))) {
        out.add((X509Certificate) c);
      }
      if (out.isEmpty()) {
        throw new IllegalArgumentException("has no X.509 certificate");
      }
      return out;
    } catch (CertificateException e) {
      throw new IllegalArgumentException("is not a PEM or DER X.509 certificate");
    }
  }

  /**
   * A PKCS#8 private key ({@code -----BEGIN PRIVATE KEY-----}), RSA or EC.
   *
   * @throws IllegalArgumentException if it is not one
   */
  public static PrivateKey privateKey(String pem) {
    String body =
        pem.replace("-----BEGIN PRIVATE KEY-----", "")
            .replace("-----END PRIVATE KEY-----", "")
            .replaceAll("\\s", "");
    byte[] der;
    try {
      der = Base64.getDecoder().decode(body);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("privateKey is not a PKCS#8 PEM private key");
    }
    for (String algorithm : List.of("RSA", "EC")) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (Exception e) {
        // try the next algorithm
      }
    }
    throw new IllegalArgumentException("privateKey is not a PKCS#8 PEM private key (RSA or EC)");
  }
}
