package dev.portico.authorizer.saml;

import dev.portico.authorizer.saml.internal.OpenSaml;
import dev.portico.authorizer.saml.internal.Quote;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import net.shibboleth.utilities.java.support.xml.XMLParserException;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.config.XMLObjectProviderRegistrySupport;
import org.opensaml.core.xml.io.Unmarshaller;
import org.opensaml.core.xml.io.UnmarshallingException;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.metadata.EntitiesDescriptor;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.saml.saml2.metadata.IDPSSODescriptor;
import org.opensaml.saml.saml2.metadata.KeyDescriptor;
import org.opensaml.security.credential.UsageType;
import org.opensaml.xmlsec.keyinfo.KeyInfoSupport;
import org.w3c.dom.Element;

/**
 * An identity provider's entity ID and signing certificates, read from its SAML 2.0 metadata XML
 * (an {@code EntityDescriptor}, or an {@code EntitiesDescriptor} and the entity ID to pick). The
 * certificates of the {@code IDPSSODescriptor}'s {@code KeyDescriptor}s with {@code use="signing"}
 * or no {@code use} are the pinned keys; nothing in a SAML message can add another.
 *
 * <p>The metadata is configuration: it is read from a file the operator deploys, with the same
 * secure parser as messages. Its own signature and {@code validUntil} are not checked; refresh the
 * file when the IdP rolls its keys (list both certificates during a rollover).
 *
 * @param entityId the IdP's entity ID
 * @param signingCertificates its signing certificates, at least one
 */
public record IdpMetadata(String entityId, List<X509Certificate> signingCertificates) {

  /** Copies the list. */
  public IdpMetadata {
    signingCertificates = List.copyOf(signingCertificates);
  }

  /**
   * Reads metadata.
   *
   * @param source names the file in messages
   * @param xml the metadata document
   * @param entityId the entity to pick, or {@code null} when the document has exactly one IdP
   * @throws IllegalArgumentException starting with {@code source}, saying what is wrong
   */
  public static IdpMetadata parse(String source, byte[] xml, String entityId) {
    Element root;
    try {
      root = OpenSaml.parserPool().parse(new ByteArrayInputStream(xml)).getDocumentElement();
    } catch (XMLParserException e) {
      throw new IllegalArgumentException(
          source + ": is not well-formed XML, or has a DOCTYPE (not accepted)");
    }
    XMLObject object;
    try {
      Unmarshaller u =
          XMLObjectProviderRegistrySupport.getUnmarshallerFactory().getUnmarshaller(root);
      if (u == null) {
        throw new UnmarshallingException("no unmarshaller");
      }
      object = u.unmarshall(root);
    } catch (UnmarshallingException e) {
      throw new IllegalArgumentException(source + ": is not SAML 2.0 metadata");
    }
    List<EntityDescriptor> entities = new ArrayList<>();
    if (object instanceof EntityDescriptor e) {
      entities.add(e);
    } else if (object instanceof EntitiesDescriptor all) {
      collect(all, entities);
    } else {
      throw new IllegalArgumentException(
          source + ": is not SAML 2.0 metadata (EntityDescriptor or EntitiesDescriptor)");
    }
    List<EntityDescriptor> idps = new ArrayList<>();
    for (EntityDescriptor e : entities) {
      if (e.getIDPSSODescriptor(SAMLConstants.SAML20P_NS) != null
          && (entityId == null || entityId.equals(e.getEntityID()))) {
        idps.add(e);
      }
    }
    if (idps.size() != 1) {
      throw new IllegalArgumentException(
          source
              + (entityId == null
                  ? ": has " + idps.size() + " SAML 2.0 identity providers; name the one to use"
                  : ": has no SAML 2.0 identity provider " + Quote.of(entityId)));
    }
    EntityDescriptor idp = idps.get(0);
    IDPSSODescriptor sso = idp.getIDPSSODescriptor(SAMLConstants.SAML20P_NS);
    List<X509Certificate> certificates = new ArrayList<>();
    for (KeyDescriptor key : sso.getKeyDescriptors()) {
      UsageType use = key.getUse();
      if (use != null && use != UsageType.SIGNING && use != UsageType.UNSPECIFIED) {
        continue;
      }
      try {
        if (key.getKeyInfo() != null) {
          certificates.addAll(KeyInfoSupport.getCertificates(key.getKeyInfo()));
        }
      } catch (CertificateException e) {
        throw new IllegalArgumentException(
            source + ": a signing certificate of " + Quote.of(idp.getEntityID()) + " is invalid");
      }
    }
    if (certificates.isEmpty()) {
      throw new IllegalArgumentException(
          source
              + ": the identity provider "
              + Quote.of(idp.getEntityID())
              + " has no signing certificate");
    }
    return new IdpMetadata(idp.getEntityID(), certificates);
  }

  private static void collect(EntitiesDescriptor all, List<EntityDescriptor> out) {
    out.addAll(all.getEntityDescriptors());
    for (EntitiesDescriptor nested : all.getEntitiesDescriptors()) {
      collect(nested, out);
    }
  }
}
