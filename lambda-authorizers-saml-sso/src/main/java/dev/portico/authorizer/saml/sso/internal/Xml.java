package dev.portico.authorizer.saml.sso.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.zip.Deflater;

/** The two small SAML documents the SP writes: its metadata and an AuthnRequest. */
public final class Xml {

  private static final String MD = "urn:oasis:names:tc:SAML:2.0:metadata";
  private static final String DS = "http://www.w3.org/2000/09/xmldsig#";
  private static final String PROTOCOL = "urn:oasis:names:tc:SAML:2.0:protocol";
  private static final String ASSERTION = "urn:oasis:names:tc:SAML:2.0:assertion";

  /** The HTTP-POST binding, the only one the ACS accepts. */
  public static final String POST_BINDING = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST";

  private Xml() {}

  /**
   * The SP's {@code EntityDescriptor}: entity ID, the ACS with the HTTP-POST binding, and the
   * signing and encryption certificates when given.
   */
  public static String spMetadata(
      String entityId, String acsUrl, X509Certificate signing, X509Certificate encryption) {
    StringBuilder b = new StringBuilder();
    b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    b.append("<md:EntityDescriptor xmlns:md=\"").append(MD).append("\" xmlns:ds=\"").append(DS);
    b.append("\" entityID=\"").append(attr(entityId)).append("\">\n");
    b.append("  <md:SPSSODescriptor AuthnRequestsSigned=\"false\" WantAssertionsSigned=\"true\"");
    b.append(" protocolSupportEnumeration=\"").append(PROTOCOL).append("\">\n");
    key(b, "signing", signing);
    key(b, "encryption", encryption);
    b.append("    <md:AssertionConsumerService Binding=\"").append(POST_BINDING);
    b.append("\" Location=\"").append(attr(acsUrl)).append("\" index=\"0\" isDefault=\"true\"/>\n");
    b.append("  </md:SPSSODescriptor>\n</md:EntityDescriptor>\n");
    return b.toString();
  }

  private static void key(StringBuilder b, String use, X509Certificate certificate) {
    if (certificate == null) {
      return;
    }
    String der;
    try {
      der = Base64.getEncoder().encodeToString(certificate.getEncoded());
    } catch (CertificateEncodingException e) {
      throw new IllegalArgumentException("the " + use + " certificate cannot be encoded", e);
    }
    b.append("    <md:KeyDescriptor use=\"").append(use).append("\"><ds:KeyInfo><ds:X509Data>");
    b.append("<ds:X509Certificate>").append(der).append("</ds:X509Certificate>");
    b.append("</ds:X509Data></ds:KeyInfo></md:KeyDescriptor>\n");
  }

  /** An unsigned AuthnRequest asking for a POST-binding response to the ACS. */
  public static String authnRequest(
      String id, Instant issueInstant, String destination, String acsUrl, String entityId) {
    return "<samlp:AuthnRequest xmlns:samlp=\""
        + PROTOCOL
        + "\" xmlns:saml=\""
        + ASSERTION
        + "\" ID=\""
        + attr(id)
        + "\" Version=\"2.0\" IssueInstant=\""
        + issueInstant.truncatedTo(ChronoUnit.SECONDS)
        + "\" Destination=\""
        + attr(destination)
        + "\" AssertionConsumerServiceURL=\""
        + attr(acsUrl)
        + "\" ProtocolBinding=\""
        + POST_BINDING
        + "\"><saml:Issuer>"
        + attr(entityId)
        + "</saml:Issuer></samlp:AuthnRequest>";
  }

  /** The HTTP-Redirect binding's encoding: raw DEFLATE, then base64. */
  public static String deflateBase64(String xml) {
    Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    deflater.setInput(xml.getBytes(StandardCharsets.UTF_8));
    deflater.finish();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[1024];
    while (!deflater.finished()) {
      out.write(buffer, 0, deflater.deflate(buffer));
    }
    deflater.end();
    return Base64.getEncoder().encodeToString(out.toByteArray());
  }

  /** Escapes text for an attribute value or element content. */
  static String attr(String value) {
    StringBuilder b = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&apos;");
        default -> {
          if (c < 0x20) {
            b.append("&#").append((int) c).append(';');
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }
}
