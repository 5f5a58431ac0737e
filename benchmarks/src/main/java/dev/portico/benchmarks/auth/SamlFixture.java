package dev.portico.benchmarks.auth;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.XMLConstants;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/**
 * What the SAML authorizer's cold start answers, prepared once per benchmark run with test keys: an
 * IdP key pair and self-signed certificate (made by the JDK's {@code keytool}), a SAML 2.0
 * assertion signed with it (RSA-SHA256, exclusive C14N, enveloped, referenced by its ID, no {@code
 * KeyInfo}: the JDK's XML signature API, so the driver needs no OpenSAML), the {@code type: saml}
 * configuration pinning that certificate, and a REST {@code TOKEN} event carrying {@code SAML
 * <base64>}. The assertion is valid for an hour; each cold start is a fresh container, so the
 * in-memory replay check accepts it once per run.
 */
public final class SamlFixture {
  /** The IdP's entity ID. */
  public static final String IDP = "https://idp.example.test/saml";

  /** The service provider's entity ID (the audience). */
  public static final String SP = "https://api.example.test";

  /** The bearer recipient (the service provider's assertion consumer service). */
  public static final String ACS = "https://api.example.test/saml/acs";

  private static final String SAML = "urn:oasis:names:tc:SAML:2.0:assertion";
  private static final String PASSWORD = "bench-only";

  private SamlFixture() {}

  /**
   * Writes {@code saml-idp.pem}, {@code saml.yaml} and {@code events_authorizer-saml.json} into
   * {@code dir}; {@code java} locates the JDK whose {@code keytool} makes the key.
   */
  public static void write(Path dir, String java) throws IOException, InterruptedException {
    Path store = dir.resolve("saml-idp.p12");
    Files.deleteIfExists(store);
    Path keytool = Path.of(java).resolveSibling("keytool");
    Process p =
        new ProcessBuilder(
                keytool.toString(),
                "-genkeypair",
                "-alias",
                "idp",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-sigalg",
                "SHA256withRSA",
                "-dname",
                "CN=bench-idp",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                store.toString(),
                "-storepass",
                PASSWORD,
                "-keypass",
                PASSWORD)
            .redirectErrorStream(true)
            .start();
    String keytoolOutput = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("keytool failed: " + keytoolOutput);
    }
    try (InputStream in = Files.newInputStream(store)) {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(in, PASSWORD.toCharArray());
      PrivateKey key = (PrivateKey) ks.getKey("idp", PASSWORD.toCharArray());
      X509Certificate certificate = (X509Certificate) ks.getCertificate("idp");
      Path pem = dir.resolve("saml-idp.pem");
      Files.writeString(
          pem,
          "-----BEGIN CERTIFICATE-----\n"
              + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                  .encodeToString(certificate.getEncoded())
              + "\n-----END CERTIFICATE-----\n");
      Files.writeString(dir.resolve("saml.yaml"), config(pem));
      String assertion = signedAssertion(key, Instant.now());
      Files.writeString(
          dir.resolve("events_authorizer-saml.json"),
          "{\"type\":\"TOKEN\",\"authorizationToken\":\"SAML "
              + Base64.getEncoder().encodeToString(assertion.getBytes(StandardCharsets.UTF_8))
              + "\",\"methodArn\":\"arn:aws:execute-api:us-east-1:123456789012:1234567890/prod/GET/pets/1\"}");
    } catch (GeneralSecurityException e) {
      throw new IOException("could not read the IdP key made by keytool", e);
    }
  }

  /** The {@code type: saml} configuration file pinning the certificate in {@code pem}. */
  static String config(Path pem) {
    return "type: saml\n"
        + "saml:\n"
        + "  idp:\n"
        + "    certificateFile: "
        + pem.toAbsolutePath()
        + "\n"
        + "    entityId: "
        + IDP
        + "\n"
        + "  audiences: "
        + SP
        + "\n"
        + "  recipient: "
        + ACS
        + "\n"
        + "  context:\n"
        + "    email: email\n";
  }

  /** A SAML 2.0 assertion for user-1, valid for an hour from {@code now}, signed by {@code key}. */
  static String signedAssertion(PrivateKey key, Instant now) throws GeneralSecurityException {
    Instant issued = now.truncatedTo(ChronoUnit.SECONDS);
    String id = "_bench" + Long.toHexString(System.nanoTime());
    String xml =
        "<saml:Assertion xmlns:saml=\""
            + SAML
            + "\" ID=\""
            + id
            + "\" IssueInstant=\""
            + issued
            + "\" Version=\"2.0\">"
            + "<saml:Issuer>"
            + IDP
            + "</saml:Issuer>"
            + "<saml:Subject>"
            + "<saml:NameID Format=\"urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress\">"
            + "user-1@example.com</saml:NameID>"
            + "<saml:SubjectConfirmation Method=\"urn:oasis:names:tc:SAML:2.0:cm:bearer\">"
            + "<saml:SubjectConfirmationData NotOnOrAfter=\""
            + issued.plusSeconds(3600)
            + "\" Recipient=\""
            + ACS
            + "\"/></saml:SubjectConfirmation>"
            + "</saml:Subject>"
            + "<saml:Conditions NotBefore=\""
            + issued.minusSeconds(60)
            + "\" NotOnOrAfter=\""
            + issued.plusSeconds(3600)
            + "\"><saml:AudienceRestriction><saml:Audience>"
            + SP
            + "</saml:Audience></saml:AudienceRestriction></saml:Conditions>"
            + "<saml:AttributeStatement><saml:Attribute Name=\"email\">"
            + "<saml:AttributeValue>user-1@example.com</saml:AttributeValue>"
            + "</saml:Attribute></saml:AttributeStatement>"
            + "</saml:Assertion>";
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      Document doc = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
      Element assertion = doc.getDocumentElement();
      Element subject = (Element) assertion.getElementsByTagNameNS(SAML, "Subject").item(0);

      XMLSignatureFactory f = XMLSignatureFactory.getInstance("DOM");
      Reference reference =
          f.newReference(
              "#" + id,
              f.newDigestMethod(DigestMethod.SHA256, null),
              List.of(
                  f.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null),
                  f.newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null)),
              null,
              null);
      SignedInfo signedInfo =
          f.newSignedInfo(
              f.newCanonicalizationMethod(
                  CanonicalizationMethod.EXCLUSIVE, (C14NMethodParameterSpec) null),
              f.newSignatureMethod("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256", null),
              List.of(reference));
      // The signature goes right after Issuer, where the SAML schema puts it.
      DOMSignContext context = new DOMSignContext(key, assertion, subject);
      context.setIdAttributeNS(assertion, null, "ID");
      context.setDefaultNamespacePrefix("ds");
      f.newXMLSignature(signedInfo, null).sign(context);

      StringWriter out = new StringWriter();
      var transformer = TransformerFactory.newInstance().newTransformer();
      transformer.setOutputProperty(javax.xml.transform.OutputKeys.OMIT_XML_DECLARATION, "yes");
      transformer.transform(new DOMSource(doc), new StreamResult(out));
      return out.toString();
    } catch (GeneralSecurityException e) {
      throw e;
    } catch (Exception e) {
      throw new GeneralSecurityException("could not sign the benchmark assertion", e);
    }
  }
}
