package dev.portico.authorizer.saml.internal;

import dev.portico.authorizer.saml.SamlRejectedException;
import dev.portico.authorizer.saml.SamlRejection;
import java.util.List;
import java.util.Set;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.signature.Reference;
import org.apache.xml.security.signature.SignedInfo;
import org.apache.xml.security.signature.XMLSignature;
import org.opensaml.saml.common.SignableSAMLObject;
import org.opensaml.saml.security.impl.SAMLSignatureProfileValidator;
import org.opensaml.security.credential.Credential;
import org.opensaml.xmlsec.signature.Signature;
import org.opensaml.xmlsec.signature.impl.SignatureImpl;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.opensaml.xmlsec.signature.support.SignatureException;
import org.opensaml.xmlsec.signature.support.SignatureValidator;
import org.w3c.dom.Element;

/**
 * Verifies the enveloped signature of a response or an assertion: algorithms from the allow-list,
 * the SAML signature profile (one reference, to the owner's own ID, enveloped and exclusive
 * canonicalization transforms only), the reference resolving to the owner's element, and the value
 * verified with a pinned IdP credential. The message's {@code KeyInfo} is never used.
 */
public final class SignatureChecks {

  /** Signature algorithms accepted: RSA (PKCS#1 v1.5) and ECDSA with SHA-2. */
  public static final Set<String> SIGNATURE_ALGORITHMS =
      Set.of(
          SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256,
          SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA384,
          SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA512,
          SignatureConstants.ALGO_ID_SIGNATURE_ECDSA_SHA256,
          SignatureConstants.ALGO_ID_SIGNATURE_ECDSA_SHA384,
          SignatureConstants.ALGO_ID_SIGNATURE_ECDSA_SHA512);

  /** Digest algorithms accepted for references: SHA-2. */
  public static final Set<String> DIGEST_ALGORITHMS =
      Set.of(
          SignatureConstants.ALGO_ID_DIGEST_SHA256,
          SignatureConstants.ALGO_ID_DIGEST_SHA384,
          SignatureConstants.ALGO_ID_DIGEST_SHA512);

  private SignatureChecks() {}

  /**
   * Verifies {@code owner}'s signature.
   *
   * @param what "response" or "assertion", for the messages
   * @throws SamlRejectedException if anything does not hold
   */
  public static void verify(SignableSAMLObject owner, List<Credential> keys, String what)
      throws SamlRejectedException {
    Signature signature = owner.getSignature();
    Element ownerElement = owner.getDOM();
    if (signature == null
        || ownerElement == null
        || signature.getDOM() == null
        || signature.getDOM().getParentNode() != ownerElement) {
      throw new SamlRejectedException(
          SamlRejection.STRUCTURE_INVALID, "the " + what + " signature is not enveloped in it");
    }
    String algorithm = signature.getSignatureAlgorithm();
    if (!SIGNATURE_ALGORITHMS.contains(algorithm)) {
      throw new SamlRejectedException(
          SamlRejection.ALG_NOT_ALLOWED,
          "the " + what + " signature algorithm " + Quote.of(algorithm) + " is not allowed");
    }
    checkDigests(signature, what);
    try {
      new SAMLSignatureProfileValidator().validate(signature);
    } catch (SignatureException e) {
      throw new SamlRejectedException(
          SamlRejection.BAD_SIGNATURE,
          "the " + what + " signature does not follow the SAML signature profile");
    }
    // The profile validator checked the reference is "#" + the owner's ID; with unique IDs (see
    // DocumentChecks) it resolves to the owner itself. Check that too, without trusting either.
    String id = owner.getSignatureReferenceID();
    if (id == null || ownerElement.getOwnerDocument().getElementById(id) != ownerElement) {
      throw new SamlRejectedException(
          SamlRejection.STRUCTURE_INVALID,
          "the " + what + " signature reference does not resolve to the " + what);
    }
    for (Credential key : keys) {
      try {
        SignatureValidator.validate(signature, key);
        return;
      } catch (SignatureException e) {
        // try the next pinned key
      }
    }
    throw new SamlRejectedException(
        SamlRejection.BAD_SIGNATURE,
        "the " + what + " signature does not verify with the identity provider's keys");
  }

  private static void checkDigests(Signature signature, String what) throws SamlRejectedException {
    XMLSignature xml = signature instanceof SignatureImpl impl ? impl.getXMLSignature() : null;
    if (xml == null) {
      throw new SamlRejectedException(
          SamlRejection.BAD_SIGNATURE, "the " + what + " signature could not be read");
    }
    SignedInfo signedInfo = xml.getSignedInfo();
    try {
      for (int i = 0; i < signedInfo.getLength(); i++) {
        Reference reference = signedInfo.item(i);
        String digest = reference.getMessageDigestAlgorithm().getAlgorithmURI();
        if (!DIGEST_ALGORITHMS.contains(digest)) {
          throw new SamlRejectedException(
              SamlRejection.ALG_NOT_ALLOWED,
              "the "
                  + what
                  + " signature digest algorithm "
                  + Quote.of(digest)
                  + " is not allowed");
        }
      }
    } catch (XMLSecurityException e) {
      throw new SamlRejectedException(
          SamlRejection.BAD_SIGNATURE, "the " + what + " signature could not be read");
    }
  }
}
