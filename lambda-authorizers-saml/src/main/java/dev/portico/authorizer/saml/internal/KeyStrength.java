package dev.portico.authorizer.saml.internal;

import java.security.PublicKey;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;

/** Refuses configured keys too weak to trust: RSA under 2,048 bits, EC under 256, DSA, others. */
public final class KeyStrength {

  private KeyStrength() {}

  /**
   * Checks a key.
   *
   * @param what names the key in the message, e.g. "the IdP certificate"
   * @throws IllegalArgumentException naming the key and why
   */
  public static void check(PublicKey key, String what) {
    if (key instanceof RSAKey rsa) {
      if (rsa.getModulus().bitLength() < 2048) {
        throw new IllegalArgumentException(
            what
                + " has a "
                + rsa.getModulus().bitLength()
                + "-bit RSA key; at least 2048 bits are required");
      }
    } else if (key instanceof ECKey ec) {
      if (ec.getParams().getCurve().getField().getFieldSize() < 256) {
        throw new IllegalArgumentException(what + " has an EC key under 256 bits");
      }
    } else {
      throw new IllegalArgumentException(
          what + " has a " + key.getAlgorithm() + " key; only RSA and EC keys are accepted");
    }
  }
}
