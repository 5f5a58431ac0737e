package dev.portico.authorizer.saml;

import static dev.portico.authorizer.saml.testing.Messages.ACS;
import static dev.portico.authorizer.saml.testing.Messages.NOW;
import static dev.portico.authorizer.saml.testing.Messages.assertion;
import static dev.portico.authorizer.saml.testing.Messages.at;
import static dev.portico.authorizer.saml.testing.Messages.bytes;
import static dev.portico.authorizer.saml.testing.Messages.dom;
import static dev.portico.authorizer.saml.testing.Messages.encrypt;
import static dev.portico.authorizer.saml.testing.Messages.issuer;
import static dev.portico.authorizer.saml.testing.Messages.marshall;
import static dev.portico.authorizer.saml.testing.Messages.marshallAndSign;
import static dev.portico.authorizer.saml.testing.Messages.response;
import static dev.portico.authorizer.saml.testing.Messages.sign;
import static dev.portico.authorizer.saml.testing.Messages.signedXml;
import static dev.portico.authorizer.saml.testing.Messages.xml;
import static dev.portico.authorizer.saml.testing.Tamper.DS;
import static dev.portico.authorizer.saml.testing.Tamper.SAML;
import static dev.portico.authorizer.saml.testing.Tamper.SAMLP;
import static dev.portico.authorizer.saml.testing.Tamper.child;
import static dev.portico.authorizer.saml.testing.Tamper.evilCopy;
import static dev.portico.authorizer.saml.testing.Tamper.first;
import static dev.portico.authorizer.saml.testing.Tamper.insertAfter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.portico.authorizer.saml.testing.TestKeys;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.NameIDType;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.xmlsec.encryption.support.EncryptionConstants;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The attack suite: one test per attack class, each against messages signed by the tests' own IdP
 * key and then tampered with as an attacker holding a captured message would.
 */
class SamlAttackTest {

  private static final String EVIL = "mallory@example.test";

  private final SamlValidator validator = SamlValidatorTest.validator();

  private void assertRejected(String xml, SamlRejection rejection, String message) {
    assertRejected(validator, xml, rejection, message);
  }

  private static void assertRejected(
      SamlValidator validator, String xml, SamlRejection rejection, String message) {
    assertThatThrownBy(() -> validator.validate(bytes(xml)))
        .isInstanceOfSatisfying(
            SamlRejectedException.class, e -> assertThat(e.rejection()).isEqualTo(rejection))
        .hasMessage(message);
  }

  private static Document signedResponseDom() {
    Response r = response("_r1", assertion("_a1"));
    sign(r, TestKeys.IDP);
    return dom(signedXml(r));
  }

  private static Document signedAssertionInResponseDom() {
    Assertion a = assertion("_a1");
    sign(a, TestKeys.IDP);
    marshallAndSign(a);
    return dom(xml(marshall(response("_r1", a))));
  }

  // ---- XML signature wrapping ----

  @Test
  void xswSignedResponseMovedIntoEvilResponseExtensionsIsRejected() {
    Document doc = signedResponseDom();
    Element original = doc.getDocumentElement();
    Element evil = (Element) original.cloneNode(true);
    evil.setAttribute("ID", "_evil");
    evil.removeChild(child(evil, DS, "Signature"));
    Element evilAssertion = first(evil, SAML, "Assertion");
    evil.replaceChild(evilCopy(evilAssertion, "_a2", EVIL), evilAssertion);
    Element extensions = doc.createElementNS(SAMLP, "samlp:Extensions");
    insertAfter(extensions, child(evil, SAML, "Issuer"));
    doc.replaceChild(evil, original);
    extensions.appendChild(original);

    assertRejected(
        xml(doc),
        SamlRejection.STRUCTURE_INVALID,
        "the response has 2 assertions; exactly one is accepted");
  }

  @Test
  void xswSignedResponseConcealedInSignatureObjectIsRejected() {
    Document doc = signedResponseDom();
    Element original = doc.getDocumentElement();
    Element evil = (Element) original.cloneNode(true);
    evil.setAttribute("ID", "_evil");
    Element evilAssertion = first(evil, SAML, "Assertion");
    evil.replaceChild(evilCopy(evilAssertion, "_a2", EVIL), evilAssertion);
    Element object = doc.createElementNS(DS, "ds:Object");
    child(evil, DS, "Signature").appendChild(object);
    doc.replaceChild(evil, original);
    object.appendChild(original);

    assertRejected(
        xml(doc),
        SamlRejection.STRUCTURE_INVALID,
        "the response has 2 assertions; exactly one is accepted");
  }

  @Test
  void xswSignedAssertionConcealedInEvilAssertionAdviceIsRejected() {
    Document doc = signedAssertionInResponseDom();
    Element signed = first(doc, SAML, "Assertion");
    Element evil = evilCopy(signed, "_evil", EVIL);
    Element advice = doc.createElementNS(SAML, "saml:Advice");
    insertAfter(advice, child(evil, SAML, "Conditions"));
    signed.getParentNode().replaceChild(evil, signed);
    advice.appendChild(signed);

    assertRejected(
        xml(doc),
        SamlRejection.STRUCTURE_INVALID,
        "the response has 2 assertions; exactly one is accepted");
  }

  @Test
  void xswSignedAssertionMovedIntoSignatureObjectIsRejected() {
    Document doc = signedAssertionInResponseDom();
    Element signed = first(doc, SAML, "Assertion");
    Element evil = evilCopy(signed, "_evil", EVIL);
    Element signatureCopy = (Element) child(signed, DS, "Signature").cloneNode(true);
    insertAfter(signatureCopy, child(evil, SAML, "Issuer"));
    Element object = doc.createElementNS(DS, "ds:Object");
    signatureCopy.appendChild(object);
    signed.getParentNode().replaceChild(evil, signed);
    object.appendChild(signed);

    assertRejected(
        xml(doc),
        SamlRejection.STRUCTURE_INVALID,
        "the response has 2 assertions; exactly one is accepted");
  }

  @Test
  void xswSignedAssertionMovedIntoResponseExtensionsIsRejected() {
    Document doc = signedAssertionInResponseDom();
    Element response = doc.getDocumentElement();
    Element signed = first(doc, SAML, "Assertion");
    Element evil = evilCopy(signed, "_evil", EVIL);
    Element extensions = doc.createElementNS(SAMLP, "samlp:Extensions");
    insertAfter(extensions, child(response, SAML, "Issuer"));
    response.replaceChild(evil, signed);
    extensions.appendChild(signed);

    assertRejected(
        xml(doc),
        SamlRejection.STRUCTURE_INVALID,
        "the response has 2 assertions; exactly one is accepted");
  }

  @Test
  void xswUnsignedEvilAssertionNextToSignedOneIsRejected() {
    Document doc = signedAssertionInResponseDom();
    Element signed = first(doc, SAML, "Assertion");
    signed.getParentNode().insertBefore(evilCopy(signed, "_evil", EVIL), signed);

    assertRejected(
        xml(doc),
        SamlRejection.STRUCTURE_INVALID,
        "the response has 2 assertions; exactly one is accepted");
  }

  @Test
  void xswSignedAssertionDuplicatedIsRejected() {
    Document doc = signedAssertionInResponseDom();
    Element signed = first(doc, SAML, "Assertion");
    insertAfter(signed.cloneNode(true), signed);

    assertRejected(
        xml(doc),
        SamlRejection.STRUCTURE_INVALID,
        "the ID \"_a1\" appears more than once in the document");
  }

  @Test
  void xswDuplicateIdEvilAssertionCarryingTheSignedIdIsRejected() {
    Document doc = signedAssertionInResponseDom();
    Element response = doc.getDocumentElement();
    Element signed = first(doc, SAML, "Assertion");
    Element evil = evilCopy(signed, "_a1", EVIL);
    evil.appendChild(child(signed, DS, "Signature").cloneNode(true));
    Element extensions = doc.createElementNS(SAMLP, "samlp:Extensions");
    insertAfter(extensions, child(response, SAML, "Issuer"));
    response.replaceChild(evil, signed);
    extensions.appendChild(signed);

    assertRejected(
        xml(doc),
        SamlRejection.STRUCTURE_INVALID,
        "the ID \"_a1\" appears more than once in the document");
  }

  @Test
  void xswSignatureOverADifferentElementIsRejected() {
    // The response is signed; its signature is moved into the (unsigned) assertion, where it
    // still verifies but references the response, not the assertion that carries it.
    Document doc = signedResponseDom();
    Element response = doc.getDocumentElement();
    Element signature = child(response, DS, "Signature");
    Element assertion = first(doc, SAML, "Assertion");
    response.removeChild(signature);
    insertAfter(signature, child(assertion, SAML, "Issuer"));

    assertRejected(
        xml(doc),
        SamlRejection.BAD_SIGNATURE,
        "the assertion signature does not follow the SAML signature profile");
  }

  @Test
  void xswTwoSignaturesOnTheAssertionAreRejected() {
    Document doc = signedAssertionInResponseDom();
    Element signature = first(doc, DS, "Signature");
    insertAfter(signature.cloneNode(true), signature);

    assertRejected(
        xml(doc),
        SamlRejection.STRUCTURE_INVALID,
        "the document has 2 signatures; only the response's and the assertion's own are accepted");
  }

  @Test
  void xswNestedSignatureInsideTheAssertionIsRejected() {
    // A second, valid signature hidden below the assertion (in its Advice) is not the assertion's.
    Document doc = signedAssertionInResponseDom();
    Element assertion = first(doc, SAML, "Assertion");
    Element advice = doc.createElementNS(SAML, "saml:Advice");
    insertAfter(advice, child(assertion, SAML, "Conditions"));
    advice.appendChild(child(assertion, DS, "Signature").cloneNode(true));

    assertRejected(
        xml(doc),
        SamlRejection.STRUCTURE_INVALID,
        "the document has 2 signatures; only the response's and the assertion's own are accepted");
  }

  // ---- signatures and keys ----

  @Test
  void unsignedAssertionIsRejected() {
    assertRejected(
        xml(marshall(assertion("_a1"))), SamlRejection.UNSIGNED, "the assertion is not signed");
  }

  @Test
  void unsignedResponseWithUnsignedAssertionIsRejected() {
    assertRejected(
        xml(marshall(response("_r1", assertion("_a1")))),
        SamlRejection.UNSIGNED,
        "neither the response nor the assertion is signed");
  }

  @Test
  void signatureByAnotherKeyIsRejected() {
    Assertion a = assertion("_a1");
    sign(a, TestKeys.ATTACKER);
    assertRejected(
        signedXml(a),
        SamlRejection.BAD_SIGNATURE,
        "the assertion signature does not verify with the identity provider's keys");
  }

  @Test
  void keyInfoKeySubstitutionIsRejected() {
    // The attacker signs with their own key and puts their certificate in KeyInfo.
    Assertion a = assertion("_a1");
    sign(
        a,
        TestKeys.ATTACKER,
        SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256,
        SignatureConstants.ALGO_ID_DIGEST_SHA256,
        true);
    String xml = signedXml(a);
    assertThat(xml).contains(TestKeys.ATTACKER.certificateBase64().substring(0, 40));

    assertRejected(
        xml,
        SamlRejection.BAD_SIGNATURE,
        "the assertion signature does not verify with the identity provider's keys");
  }

  @Test
  void alteredSignedContentIsRejected() {
    Assertion a = assertion("_a1");
    sign(a, TestKeys.IDP);
    Document doc = dom(signedXml(a));
    first(doc, SAML, "NameID").setTextContent(EVIL);

    assertRejected(
        xml(doc),
        SamlRejection.BAD_SIGNATURE,
        "the assertion signature does not verify with the identity provider's keys");
  }

  @Test
  void multipleAssertionsAreRejected() {
    Assertion a1 = assertion("_a1");
    sign(a1, TestKeys.IDP);
    marshallAndSign(a1);
    Assertion a2 = assertion("_a2");
    sign(a2, TestKeys.IDP);
    marshallAndSign(a2);

    assertRejected(
        xml(marshall(response("_r1", a1, a2))),
        SamlRejection.STRUCTURE_INVALID,
        "the response has 2 assertions; exactly one is accepted");
  }

  @Test
  void rsaSha1SignatureIsRejected() {
    Assertion a = assertion("_a1");
    sign(
        a,
        TestKeys.IDP,
        SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA1,
        SignatureConstants.ALGO_ID_DIGEST_SHA256,
        false);
    assertRejected(
        signedXml(a),
        SamlRejection.ALG_NOT_ALLOWED,
        "the assertion signature algorithm \"http://www.w3.org/2000/09/xmldsig#rsa-sha1\" is not"
            + " allowed");
  }

  @Test
  void sha1DigestIsRejected() {
    Assertion a = assertion("_a1");
    sign(
        a,
        TestKeys.IDP,
        SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256,
        SignatureConstants.ALGO_ID_DIGEST_SHA1,
        false);
    assertRejected(
        signedXml(a),
        SamlRejection.ALG_NOT_ALLOWED,
        "the assertion signature digest algorithm \"http://www.w3.org/2000/09/xmldsig#sha1\" is"
            + " not allowed");
  }

  @Test
  void dsaSignatureIsRejected() {
    Assertion a = assertion("_a1");
    sign(
        a,
        TestKeys.dsa("dsa"),
        SignatureConstants.ALGO_ID_SIGNATURE_DSA_SHA256,
        SignatureConstants.ALGO_ID_DIGEST_SHA256,
        false);
    assertRejected(
        signedXml(a),
        SamlRejection.ALG_NOT_ALLOWED,
        "the assertion signature algorithm \"http://www.w3.org/2009/xmldsig11#dsa-sha256\" is not"
            + " allowed");
  }

  // ---- XML parser attacks ----

  @Test
  void doctypeIsRejected() {
    Assertion a = assertion("_a1");
    sign(a, TestKeys.IDP);
    assertRejected(
        "<!DOCTYPE saml:Assertion>" + signedXml(a),
        SamlRejection.MALFORMED,
        "the document is not well-formed XML or has a DOCTYPE");
  }

  @Test
  void xxeExternalEntityIsRejectedAndNeverFetched() throws Exception {
    AtomicInteger fetches = new AtomicInteger();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          fetches.incrementAndGet();
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/x";
      String xml =
          "<!DOCTYPE a [<!ENTITY % remote SYSTEM \""
              + url
              + "\"> %remote; <!ENTITY xxe SYSTEM \"file:///etc/hostname\">]>"
              + "<saml:Assertion xmlns:saml=\""
              + SAML
              + "\" ID=\"_a1\" Version=\"2.0\"><saml:Issuer>&xxe;</saml:Issuer></saml:Assertion>";
      assertRejected(
          xml, SamlRejection.MALFORMED, "the document is not well-formed XML or has a DOCTYPE");
      assertThat(fetches).hasValue(0);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void billionLaughsIsRejected() {
    StringBuilder dtd = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol0 \"lol\">");
    for (int i = 1; i < 10; i++) {
      dtd.append("<!ENTITY lol").append(i).append(" \"");
      dtd.append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
    }
    dtd.append("]>");
    String xml = dtd + "<saml:Assertion xmlns:saml=\"" + SAML + "\">&lol9;</saml:Assertion>";
    assertRejected(
        xml, SamlRejection.MALFORMED, "the document is not well-formed XML or has a DOCTYPE");
  }

  @Test
  void otherDocumentElementIsRejected() {
    assertRejected(
        "<samlp:AuthnRequest xmlns:samlp=\"" + SAMLP + "\"/>",
        SamlRejection.NOT_SAML,
        "the document element \"AuthnRequest\" is not a SAML 2.0 Response or Assertion");
  }

  // ---- issuer, audience, recipient, destination, status, time ----

  @Test
  void wrongAssertionIssuerIsRejected() {
    Assertion a = assertion("_a1");
    a.setIssuer(issuer("https://evil.example.test"));
    sign(a, TestKeys.IDP);
    assertRejected(
        signedXml(a),
        SamlRejection.ISSUER_INVALID,
        "the assertion Issuer \"https://evil.example.test\" is not"
            + " \"https://idp.example.test/saml\"");
  }

  @Test
  void wrongResponseIssuerIsRejected() {
    Response r = response("_r1", assertion("_a1"));
    r.setIssuer(issuer("https://evil.example.test"));
    sign(r, TestKeys.IDP);
    assertRejected(
        signedXml(r),
        SamlRejection.ISSUER_INVALID,
        "the response Issuer \"https://evil.example.test\" is not"
            + " \"https://idp.example.test/saml\"");
  }

  @Test
  void wrongAudienceIsRejected() {
    Assertion a = assertion("_a1");
    a.getConditions()
        .getAudienceRestrictions()
        .get(0)
        .getAudiences()
        .get(0)
        .setAudienceURI("https://other.example.test");
    sign(a, TestKeys.IDP);
    assertRejected(
        signedXml(a),
        SamlRejection.AUDIENCE_INVALID,
        "an AudienceRestriction names none of the accepted audiences [https://api.example.test]");
  }

  @Test
  void missingAudienceRestrictionIsRejected() {
    Assertion a = assertion("_a1");
    a.getConditions().getAudienceRestrictions().clear();
    sign(a, TestKeys.IDP);
    assertRejected(
        signedXml(a), SamlRejection.AUDIENCE_INVALID, "the assertion has no AudienceRestriction");
  }

  @Test
  void wrongRecipientIsRejected() {
    Assertion a = assertion("_a1");
    a.getSubject()
        .getSubjectConfirmations()
        .get(0)
        .getSubjectConfirmationData()
        .setRecipient("https://other.example.test/acs");
    sign(a, TestKeys.IDP);
    assertRejected(
        signedXml(a),
        SamlRejection.RECIPIENT_INVALID,
        "the bearer Recipient \"https://other.example.test/acs\" is not"
            + " \"https://api.example.test/saml/acs\"");
  }

  @Test
  void wrongDestinationIsRejected() {
    Response r = response("_r1", assertion("_a1"));
    r.setDestination("https://other.example.test/acs");
    sign(r, TestKeys.IDP);
    assertRejected(
        signedXml(r),
        SamlRejection.DESTINATION_INVALID,
        "the response Destination \"https://other.example.test/acs\" is not \"" + ACS + "\"");
  }

  @Test
  void failedStatusIsRejected() {
    Response r = response("_r1", assertion("_a1"));
    r.getStatus().getStatusCode().setValue(StatusCode.REQUESTER);
    sign(r, TestKeys.IDP);
    assertRejected(
        signedXml(r),
        SamlRejection.STATUS_NOT_SUCCESS,
        "the response status is \"urn:oasis:names:tc:SAML:2.0:status:Requester\"");
  }

  @Test
  void expiredAssertionIsRejected() {
    Assertion a = assertion("_a1");
    a.getConditions().setNotOnOrAfter(at(NOW.minusSeconds(61)));
    sign(a, TestKeys.IDP);
    assertRejected(
        signedXml(a), SamlRejection.EXPIRED, "the assertion expired at 2026-12-07T01:58:59Z");
  }

  @Test
  void expiredBearerConfirmationIsRejected() {
    Assertion a = assertion("_a1");
    a.getSubject()
        .getSubjectConfirmations()
        .get(0)
        .getSubjectConfirmationData()
        .setNotOnOrAfter(at(NOW.minusSeconds(61)));
    sign(a, TestKeys.IDP);
    assertRejected(
        signedXml(a),
        SamlRejection.EXPIRED,
        "the bearer confirmation expired at 2026-12-07T01:58:59Z");
  }

  @Test
  void expiryWithinTheClockSkewIsAccepted() throws Exception {
    Assertion a = assertion("_a1");
    a.getConditions().setNotOnOrAfter(at(NOW.minusSeconds(59)));
    sign(a, TestKeys.IDP);
    assertThat(validator.validate(bytes(signedXml(a))).id()).isEqualTo("_a1");
  }

  @Test
  void notYetValidAssertionIsRejected() {
    Assertion a = assertion("_a1");
    a.getConditions().setNotBefore(at(NOW.plusSeconds(61)));
    sign(a, TestKeys.IDP);
    assertRejected(
        signedXml(a),
        SamlRejection.NOT_YET_VALID,
        "the assertion is not valid before 2026-12-07T02:01:01Z");
  }

  // ---- replay, NameID, encryption ----

  @Test
  void replayedAssertionIsRejectedInMemory() throws Exception {
    Assertion a = assertion("_a1");
    sign(a, TestKeys.IDP);
    String xml = signedXml(a);
    assertThat(validator.validate(bytes(xml)).id()).isEqualTo("_a1");

    assertRejected(xml, SamlRejection.REPLAYED, "the assertion \"_a1\" was used before");
  }

  @Test
  void commentInjectedNameIdIsReadWholeNotTruncated() throws Exception {
    Assertion a = assertion("_a1");
    a.getSubject().getNameID().setValue("alice@example.test.evil.test");
    sign(a, TestKeys.IDP);
    Document doc = dom(signedXml(a));
    Element nameId = first(doc, SAML, "NameID");
    nameId.setTextContent("");
    nameId.appendChild(doc.createTextNode("alice@example.test"));
    nameId.appendChild(doc.createComment(""));
    nameId.appendChild(doc.createTextNode(".evil.test"));
    String xml = xml(doc);
    assertThat(xml).contains("alice@example.test<!---->.evil.test");

    // Exclusive canonicalization drops comments, so the signature still verifies: the principal
    // must be the whole text, never the part before the comment.
    assertThat(validator.validate(bytes(xml)).nameId()).isEqualTo("alice@example.test.evil.test");
  }

  @Test
  void nameIdOfAnotherFormatThanConfiguredIsRejected() {
    Assertion a = assertion("_a1");
    a.getSubject().getNameID().setFormat(NameIDType.TRANSIENT);
    sign(a, TestKeys.IDP);
    SamlValidator emailOnly = SamlValidatorTest.builder().nameIdFormat(NameIDType.EMAIL).build();
    assertRejected(
        emailOnly,
        signedXml(a),
        SamlRejection.NAME_ID_INVALID,
        "the NameID format \"urn:oasis:names:tc:SAML:2.0:nameid-format:transient\" is not"
            + " \"urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress\"");
  }

  @Test
  void encryptedAssertionWithoutAConfiguredKeyIsRejected() {
    Assertion a = assertion("_a1");
    sign(a, TestKeys.IDP);
    marshallAndSign(a);
    Response r = response("_r1");
    r.getEncryptedAssertions().add(encrypt(a, TestKeys.SP.certificate()));
    sign(r, TestKeys.IDP);
    assertRejected(
        signedXml(r),
        SamlRejection.DECRYPTION_FAILED,
        "the assertion is encrypted and no decryption key is configured");
  }

  @Test
  void encryptedAssertionWithCbcIsRejected() {
    Assertion a = assertion("_a1");
    sign(a, TestKeys.IDP);
    marshallAndSign(a);
    Response r = response("_r1");
    r.getEncryptedAssertions()
        .add(
            encrypt(
                a,
                TestKeys.SP.certificate(),
                EncryptionConstants.ALGO_ID_BLOCKCIPHER_AES128,
                EncryptionConstants.ALGO_ID_KEYTRANSPORT_RSAOAEP));
    sign(r, TestKeys.IDP);
    SamlValidator decrypting =
        SamlValidatorTest.builder()
            .decryptionKey(TestKeys.SP.privateKey(), TestKeys.SP.certificate())
            .build();
    assertRejected(
        decrypting,
        signedXml(r),
        SamlRejection.DECRYPTION_FAILED,
        "the encrypted assertion cannot be decrypted with the configured key and algorithms");
  }

  @Test
  void oversizeDocumentIsRejectedBeforeParsing() {
    String xml = "<" + "a".repeat(SamlValidator.DEFAULT_MAX_XML_BYTES) + "/>";
    assertRejected(
        xml, SamlRejection.TOO_LARGE, "the document has 65539 bytes, more than the limit of 65536");
  }

  @Test
  void xswSignatureUnderAnotherNamespacePrefixIsStillCounted() {
    Document doc = signedAssertionInResponseDom();
    Element assertion = first(doc, SAML, "Assertion");
    Element extensions = doc.createElementNS(SAMLP, "samlp:Extensions");
    insertAfter(extensions, child(doc.getDocumentElement(), SAML, "Issuer"));
    Element copy = (Element) child(assertion, DS, "Signature").cloneNode(true);
    copy.setPrefix("x");
    extensions.appendChild(copy);
    assertThat(xml(doc)).contains("<x:Signature");

    assertRejected(
        xml(doc),
        SamlRejection.STRUCTURE_INVALID,
        "the document has 2 signatures; only the response's and the assertion's own are accepted");
  }
}
