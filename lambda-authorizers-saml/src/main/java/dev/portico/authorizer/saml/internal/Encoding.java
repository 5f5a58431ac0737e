package dev.portico.authorizer.saml.internal;

import dev.portico.authorizer.saml.SamlRejectedException;
import dev.portico.authorizer.saml.SamlRejection;
import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Base64 and optional raw DEFLATE (as in the SAML HTTP-Redirect binding), with the size limits
 * applied before decoding and while inflating, so neither a huge header nor a compression bomb is
 * ever held in memory.
 */
public final class Encoding {

  private Encoding() {}

  /**
   * Decodes {@code value}.
   *
   * @param maxEncoded the longest base64 text accepted, in characters
   * @param maxXml the largest document accepted after decoding and inflating, in bytes
   */
  public static byte[] decode(String value, boolean deflated, int maxEncoded, int maxXml)
      throws SamlRejectedException {
    if (value.length() > maxEncoded) {
      throw new SamlRejectedException(
          SamlRejection.TOO_LARGE,
          "the encoded document has "
              + value.length()
              + " characters, more than the limit of "
              + maxEncoded);
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(value);
    } catch (IllegalArgumentException e) {
      throw new SamlRejectedException(SamlRejection.MALFORMED, "the document is not base64");
    }
    if (!deflated) {
      return bytes;
    }
    Inflater inflater = new Inflater(true);
    try {
      inflater.setInput(bytes);
      ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(maxXml, bytes.length * 4));
      byte[] buffer = new byte[4096];
      while (!inflater.finished()) {
        int n = inflater.inflate(buffer);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          throw new SamlRejectedException(
              SamlRejection.MALFORMED, "the document is not complete DEFLATE data");
        }
        if (out.size() + n > maxXml) {
          throw new SamlRejectedException(
              SamlRejection.TOO_LARGE,
              "the inflated document is larger than the limit of " + maxXml + " bytes");
        }
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    } catch (DataFormatException e) {
      throw new SamlRejectedException(SamlRejection.MALFORMED, "the document is not DEFLATE data");
    } finally {
      inflater.end();
    }
  }
}
