package dev.portico.authorizer.saml.internal;

import dev.portico.authorizer.saml.SamlRejectedException;
import dev.portico.authorizer.saml.SamlRejection;
import java.util.List;
import java.util.Set;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.EncryptedAssertion;
import org.opensaml.saml.saml2.encryption.Decrypter;
import org.opensaml.saml.saml2.encryption.EncryptedElementTypeEncryptedKeyResolver;
import org.opensaml.security.credential.Credential;
import org.opensaml.xmlsec.DecryptionParameters;
import org.opensaml.xmlsec.encryption.support.ChainingEncryptedKeyResolver;
import org.opensaml.xmlsec.encryption.support.DecryptionException;
import org.opensaml.xmlsec.encryption.support.EncryptionConstants;
import org.opensaml.xmlsec.encryption.support.InlineEncryptedKeyResolver;
import org.opensaml.xmlsec.keyinfo.impl.StaticKeyInfoCredentialResolver;
import org.opensaml.xmlsec.signature.support.SignatureConstants;

/**
 * Decrypts an {@code EncryptedAssertion} with the configured service-provider key only (never a key
 * named by the message), with an allow-list of algorithms: RSA-OAEP key transport (RSA PKCS#1 v1.5
 * is refused: Bleichenbacher) and AES-GCM content encryption (AES-CBC is refused: XML Encryption's
 * CBC mode is open to padding-oracle attacks).
 */
public final class Decryption {

  /** The algorithms an encrypted assertion may use. */
  public static final Set<String> ALGORITHMS =
      Set.of(
          EncryptionConstants.ALGO_ID_KEYTRANSPORT_RSAOAEP,
          EncryptionConstants.ALGO_ID_KEYTRANSPORT_RSAOAEP11,
          EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES128_GCM,
          EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES192_GCM,
          EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES256_GCM,
          // The digest inside RSA-OAEP (its default is SHA-1, which is not weak in OAEP).
          SignatureConstants.ALGO_ID_DIGEST_SHA1,
          SignatureConstants.ALGO_ID_DIGEST_SHA256,
          EncryptionConstants.ALGO_ID_MGF1_SHA1,
          EncryptionConstants.ALGO_ID_MGF1_SHA256);

  private final DecryptionParameters parameters;

  /** A decrypter for {@code key} (a credential with the private key). */
  public Decryption(Credential key) {
    parameters = new DecryptionParameters();
    parameters.setKEKKeyInfoCredentialResolver(new StaticKeyInfoCredentialResolver(key));
    parameters.setEncryptedKeyResolver(
        new ChainingEncryptedKeyResolver(
            List.of(
                new InlineEncryptedKeyResolver(), new EncryptedElementTypeEncryptedKeyResolver())));
    parameters.setWhitelistedAlgorithms(ALGORITHMS);
  }

  /** Decrypts; the assertion is the root of a new document. */
  public Assertion decrypt(EncryptedAssertion encrypted) throws SamlRejectedException {
    Decrypter decrypter = new Decrypter(parameters);
    decrypter.setRootInNewDocument(true);
    try {
      return decrypter.decrypt(encrypted);
    } catch (DecryptionException | RuntimeException e) {
      throw new SamlRejectedException(
          SamlRejection.DECRYPTION_FAILED,
          "the encrypted assertion cannot be decrypted with the configured key and algorithms");
    }
  }
}
