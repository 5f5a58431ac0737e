package dev.portico.authorizer.saml.testing;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.config.XMLObjectProviderRegistrySupport;
import org.opensaml.core.xml.schema.XSString;
import org.opensaml.saml.common.SAMLObjectContentReference;
import org.opensaml.saml.common.SignableSAMLObject;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Attribute;
import org.opensaml.saml.saml2.core.AttributeStatement;
import org.opensaml.saml.saml2.core.AttributeValue;
import org.opensaml.saml.saml2.core.Audience;
import org.opensaml.saml.saml2.core.AudienceRestriction;
import org.opensaml.saml.saml2.core.Conditions;
import org.opensaml.saml.saml2.core.EncryptedAssertion;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.NameID;
import org.opensaml.saml.saml2.core.NameIDType;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.core.Status;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.saml.saml2.core.Subject;
import org.opensaml.saml.saml2.core.SubjectConfirmation;
import org.opensaml.saml.saml2.core.SubjectConfirmationData;
import org.opensaml.saml.saml2.encryption.Encrypter;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.encryption.support.DataEncryptionParameters;
import org.opensaml.xmlsec.encryption.support.EncryptionConstants;
import org.opensaml.xmlsec.encryption.support.KeyEncryptionParameters;
import org.opensaml.xmlsec.keyinfo.KeyInfoSupport;
import org.opensaml.xmlsec.signature.KeyInfo;
import org.opensaml.xmlsec.signature.Signature;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.opensaml.xmlsec.signature.support.Signer;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * SAML messages built with OpenSAML's own builders and signed with keys the tests generate (no real
 * IdP runs here): a valid assertion and response by default, which each test then changes.
 */
public final class Messages {

  /** The IdP's entity ID. */
  public static final String IDP = "https://idp.example.test/saml";

  /** The service provider's entity ID (the audience). */
  public static final String SP = "https://api.example.test";

  /** The assertion consumer service URL (recipient and destination). */
  public static final String ACS = "https://api.example.test/saml/acs";

  /** The instant the tests' clock shows. */
  public static final Instant NOW = Instant.parse("2026-12-07T02:00:00Z");

  /** The subject's NameID. */
  public static final String ALICE = "alice@example.test";

  static {
    // OpenSAML's builders need its initialization, which the validator does once per JVM.
    dev.portico.authorizer.saml.internal.OpenSaml.parserPool();
  }

  private Messages() {}

  /** Builds an OpenSAML object. */
  @SuppressWarnings("unchecked")
  public static <T extends XMLObject> T build(QName name) {
    return (T)
        XMLObjectProviderRegistrySupport.getBuilderFactory()
            .getBuilderOrThrow(name)
            .buildObject(name);
  }

  /** A joda time for OpenSAML. */
  public static DateTime at(Instant instant) {
    return new DateTime(instant.toEpochMilli(), DateTimeZone.UTC);
  }

  /** An issuer element. */
  public static Issuer issuer(String value) {
    Issuer issuer = build(Issuer.DEFAULT_ELEMENT_NAME);
    issuer.setValue(value);
    return issuer;
  }

  /** A valid, unsigned assertion for {@link #ALICE} with email and groups attributes. */
  public static Assertion assertion(String id) {
    return assertion(id, NOW);
  }

  /** A valid, unsigned assertion as {@link #assertion(String)}, issued at {@code now}. */
  public static Assertion assertion(String id, Instant now) {
    Assertion a = build(Assertion.DEFAULT_ELEMENT_NAME);
    a.setID(id);
    a.setIssueInstant(at(now.minusSeconds(5)));
    a.setIssuer(issuer(IDP));

    NameID nameId = build(NameID.DEFAULT_ELEMENT_NAME);
    nameId.setFormat(NameIDType.EMAIL);
    nameId.setValue(ALICE);
    SubjectConfirmationData data = build(SubjectConfirmationData.DEFAULT_ELEMENT_NAME);
    data.setRecipient(ACS);
    data.setNotOnOrAfter(at(now.plusSeconds(300)));
    SubjectConfirmation confirmation = build(SubjectConfirmation.DEFAULT_ELEMENT_NAME);
    confirmation.setMethod(SubjectConfirmation.METHOD_BEARER);
    confirmation.setSubjectConfirmationData(data);
    Subject subject = build(Subject.DEFAULT_ELEMENT_NAME);
    subject.setNameID(nameId);
    subject.getSubjectConfirmations().add(confirmation);
    a.setSubject(subject);

    Conditions conditions = build(Conditions.DEFAULT_ELEMENT_NAME);
    conditions.setNotBefore(at(now.minusSeconds(60)));
    conditions.setNotOnOrAfter(at(now.plusSeconds(600)));
    Audience audience = build(Audience.DEFAULT_ELEMENT_NAME);
    audience.setAudienceURI(SP);
    AudienceRestriction restriction = build(AudienceRestriction.DEFAULT_ELEMENT_NAME);
    restriction.getAudiences().add(audience);
    conditions.getAudienceRestrictions().add(restriction);
    a.setConditions(conditions);

    AttributeStatement statement = build(AttributeStatement.DEFAULT_ELEMENT_NAME);
    statement.getAttributes().add(attribute("email", ALICE));
    statement.getAttributes().add(attribute("groups", "admins", "devs"));
    a.getAttributeStatements().add(statement);
    return a;
  }

  /** An attribute with string values. */
  public static Attribute attribute(String name, String... values) {
    Attribute attribute = build(Attribute.DEFAULT_ELEMENT_NAME);
    attribute.setName(name);
    for (String v : values) {
      XSString value =
          XMLObjectProviderRegistrySupport.getBuilderFactory()
              .<XSString>getBuilderOrThrow(XSString.TYPE_NAME)
              .buildObject(AttributeValue.DEFAULT_ELEMENT_NAME, XSString.TYPE_NAME);
      value.setValue(v);
      attribute.getAttributeValues().add(value);
    }
    return attribute;
  }

  /** A successful response to the ACS containing {@code assertions}. */
  public static Response response(String id, Assertion... assertions) {
    Response r = build(Response.DEFAULT_ELEMENT_NAME);
    r.setID(id);
    r.setIssueInstant(at(NOW.minusSeconds(5)));
    r.setIssuer(issuer(IDP));
    r.setDestination(ACS);
    StatusCode code = build(StatusCode.DEFAULT_ELEMENT_NAME);
    code.setValue(StatusCode.SUCCESS);
    Status status = build(Status.DEFAULT_ELEMENT_NAME);
    status.setStatusCode(code);
    r.setStatus(status);
    r.getAssertions().addAll(List.of(assertions));
    return r;
  }

  /** Prepares an RSA-SHA256 / SHA-256 signature by {@code keys}, without KeyInfo. */
  public static void sign(SignableSAMLObject object, TestKeys keys) {
    sign(
        object,
        keys,
        SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256,
        SignatureConstants.ALGO_ID_DIGEST_SHA256,
        false);
  }

  /** Prepares a signature; {@link #marshallAndSign} computes it. */
  public static void sign(
      SignableSAMLObject object,
      TestKeys keys,
      String signatureAlgorithm,
      String digestAlgorithm,
      boolean withKeyInfo) {
    Signature signature = build(Signature.DEFAULT_ELEMENT_NAME);
    BasicX509Credential credential = keys.credential();
    signature.setSigningCredential(credential);
    signature.setSignatureAlgorithm(signatureAlgorithm);
    signature.setCanonicalizationAlgorithm(SignatureConstants.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
    if (withKeyInfo) {
      KeyInfo keyInfo = build(KeyInfo.DEFAULT_ELEMENT_NAME);
      try {
        KeyInfoSupport.addCertificate(keyInfo, keys.certificate());
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      signature.setKeyInfo(keyInfo);
    }
    object.setSignature(signature);
    ((SAMLObjectContentReference) signature.getContentReferences().get(0))
        .setDigestAlgorithm(digestAlgorithm);
  }

  /** Marshalls {@code root} and computes its signatures, innermost first; returns its element. */
  public static Element marshallAndSign(XMLObject root) {
    try {
      Element element =
          XMLObjectProviderRegistrySupport.getMarshallerFactory()
              .getMarshaller(root)
              .marshall(root);
      List<Signature> signatures = new ArrayList<>();
      if (root instanceof Response r) {
        for (Assertion a : r.getAssertions()) {
          if (a.getSignature() != null) {
            signatures.add(a.getSignature());
          }
        }
      }
      if (root instanceof SignableSAMLObject s && s.getSignature() != null) {
        signatures.add(s.getSignature());
      }
      Signer.signObjects(signatures);
      return element;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Marshalls {@code root} without computing any signature (they were computed before). */
  public static Element marshall(XMLObject root) {
    try {
      return XMLObjectProviderRegistrySupport.getMarshallerFactory()
          .getMarshaller(root)
          .marshall(root);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Signed XML of {@code root}, as text. */
  public static String signedXml(XMLObject root) {
    return xml(marshallAndSign(root));
  }

  /** Encrypts a (signed, marshalled) assertion for {@code recipient} with RSA-OAEP and AES-GCM. */
  public static EncryptedAssertion encrypt(Assertion assertion, X509Certificate recipient) {
    return encrypt(
        assertion,
        recipient,
        EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES256_GCM,
        EncryptionConstants.ALGO_ID_KEYTRANSPORT_RSAOAEP);
  }

  /** Encrypts with the given algorithms. */
  public static EncryptedAssertion encrypt(
      Assertion assertion, X509Certificate recipient, String dataAlgorithm, String keyAlgorithm) {
    DataEncryptionParameters data = new DataEncryptionParameters();
    data.setAlgorithm(dataAlgorithm);
    KeyEncryptionParameters key = new KeyEncryptionParameters();
    key.setEncryptionCredential(new BasicX509Credential(recipient));
    key.setAlgorithm(keyAlgorithm);
    Encrypter encrypter = new Encrypter(data, key);
    encrypter.setKeyPlacement(Encrypter.KeyPlacement.INLINE);
    try {
      return encrypter.encrypt(assertion);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Serializes a node without changing it. */
  public static String xml(Node node) {
    try {
      var t = TransformerFactory.newInstance().newTransformer();
      t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
      StringWriter w = new StringWriter();
      t.transform(new DOMSource(node), new StreamResult(w));
      return w.toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Parses text into a plain DOM for tampering (namespace aware; comments kept). */
  public static Document dom(String xml) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      return f.newDocumentBuilder()
          .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** UTF-8 bytes. */
  public static byte[] bytes(String xml) {
    return xml.getBytes(StandardCharsets.UTF_8);
  }
}
