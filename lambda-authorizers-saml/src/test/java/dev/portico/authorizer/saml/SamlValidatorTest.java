package dev.portico.authorizer.saml;

import static dev.portico.authorizer.saml.testing.Messages.ACS;
import static dev.portico.authorizer.saml.testing.Messages.ALICE;
import static dev.portico.authorizer.saml.testing.Messages.IDP;
import static dev.portico.authorizer.saml.testing.Messages.NOW;
import static dev.portico.authorizer.saml.testing.Messages.SP;
import static dev.portico.authorizer.saml.testing.Messages.assertion;
import static dev.portico.authorizer.saml.testing.Messages.bytes;
import static dev.portico.authorizer.saml.testing.Messages.encrypt;
import static dev.portico.authorizer.saml.testing.Messages.marshall;
import static dev.portico.authorizer.saml.testing.Messages.marshallAndSign;
import static dev.portico.authorizer.saml.testing.Messages.response;
import static dev.portico.authorizer.saml.testing.Messages.sign;
import static dev.portico.authorizer.saml.testing.Messages.signedXml;
import static dev.portico.authorizer.saml.testing.Messages.xml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.authorizer.replay.InMemoryReplayStore;
import dev.portico.authorizer.saml.testing.TestKeys;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Response;

class SamlValidatorTest {

  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  static SamlValidator.Builder builder() {
    return SamlValidator.builder()
        .idpEntityId(IDP)
        .idpCertificate(TestKeys.IDP.certificate())
        .audience(SP)
        .recipient(ACS)
        .destination(ACS)
        .clock(CLOCK)
        .replayStore(new InMemoryReplayStore(100, CLOCK));
  }

  static SamlValidator validator() {
    return builder().build();
  }

  @Test
  void signedAssertionIsAcceptedWithItsValues() throws Exception {
    Assertion a = assertion("_a1");
    sign(a, TestKeys.IDP);

    SamlAssertion result = validator().validate(bytes(signedXml(a)));

    assertThat(result.id()).isEqualTo("_a1");
    assertThat(result.issuer()).isEqualTo(IDP);
    assertThat(result.nameId()).isEqualTo(ALICE);
    assertThat(result.nameIdFormat())
        .isEqualTo("urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress");
    // the bearer confirmation (NOW+300) ends before the conditions (NOW+600)
    assertThat(result.notOnOrAfter()).isEqualTo(NOW.plusSeconds(300));
    assertThat(result.attributes())
        .isEqualTo(Map.of("email", List.of(ALICE), "groups", List.of("admins", "devs")));
  }

  @Test
  void signedResponseCoversItsUnsignedAssertion() throws Exception {
    Response r = response("_r1", assertion("_a1"));
    sign(r, TestKeys.IDP);

    assertThat(validator().validate(bytes(signedXml(r))).nameId()).isEqualTo(ALICE);
  }

  @Test
  void responseAndAssertionBothSignedAreAccepted() throws Exception {
    Assertion a = assertion("_a1");
    sign(a, TestKeys.IDP);
    Response r = response("_r1", a);
    sign(r, TestKeys.IDP);

    assertThat(validator().validate(bytes(signedXml(r))).id()).isEqualTo("_a1");
  }

  @Test
  void unsignedResponseWithSignedAssertionIsAccepted() throws Exception {
    Assertion a = assertion("_a1");
    sign(a, TestKeys.IDP);
    marshallAndSign(a);
    Response r = response("_r1", a);

    assertThat(validator().validate(bytes(xml(marshall(r)))).id()).isEqualTo("_a1");
  }

  @Test
  void encryptedAssertionIsDecryptedWithTheConfiguredKey() throws Exception {
    Assertion a = assertion("_a1");
    sign(a, TestKeys.IDP);
    marshallAndSign(a);
    Response r = response("_r1");
    r.getEncryptedAssertions().add(encrypt(a, TestKeys.SP.certificate()));
    sign(r, TestKeys.IDP);
    String xml = signedXml(r);
    assertThat(xml).doesNotContain(ALICE);

    SamlValidator validator =
        builder().decryptionKey(TestKeys.SP.privateKey(), TestKeys.SP.certificate()).build();

    assertThat(validator.validate(bytes(xml)).nameId()).isEqualTo(ALICE);
  }

  @Test
  void expectedInResponseToMustMatch() throws Exception {
    Assertion a = assertion("_a1");
    a.getSubject()
        .getSubjectConfirmations()
        .get(0)
        .getSubjectConfirmationData()
        .setInResponseTo("_req1");
    Response r = response("_r1", a);
    r.setInResponseTo("_req1");
    sign(r, TestKeys.IDP);
    byte[] xml = bytes(signedXml(r));

    assertThatThrownBy(() -> validator().validate(xml, "_req2"))
        .isInstanceOfSatisfying(
            SamlRejectedException.class,
            e -> assertThat(e.rejection()).isEqualTo(SamlRejection.IN_RESPONSE_TO_INVALID))
        .hasMessage("the response InResponseTo \"_req1\" is not the request's");
    assertThat(validator().validate(xml, "_req1").id()).isEqualTo("_a1");
  }

  @Test
  void keysAndEntityIdComeFromIdpMetadata() throws Exception {
    String metadata =
        """
        <md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata"
            xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="%s">
          <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
            <md:KeyDescriptor use="encryption"><ds:KeyInfo><ds:X509Data>
              <ds:X509Certificate>%s</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>
            <md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data>
              <ds:X509Certificate>%s</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>
            <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect"
                Location="https://idp.example.test/sso"/>
          </md:IDPSSODescriptor>
        </md:EntityDescriptor>
        """
            .formatted(
                IDP, TestKeys.ATTACKER.certificateBase64(), TestKeys.IDP.certificateBase64());
    IdpMetadata idp = IdpMetadata.parse("idp.xml", bytes(metadata), null);
    assertThat(idp.entityId()).isEqualTo(IDP);
    assertThat(idp.signingCertificates()).containsExactly(TestKeys.IDP.certificate());

    Assertion a = assertion("_a1");
    sign(a, TestKeys.IDP);
    SamlValidator validator = SamlValidator.builder().idp(idp).audience(SP).clock(CLOCK).build();
    assertThat(validator.validate(bytes(signedXml(a))).nameId()).isEqualTo(ALICE);
  }

  @Test
  void weakSettingsAreRefused() {
    TestKeys small = TestKeys.rsa("small", 1024);
    assertThatThrownBy(() -> builder().idpCertificate(small.certificate()).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the IdP certificate has a 1024-bit RSA key; at least 2048 bits are required");
    assertThatThrownBy(() -> SamlValidator.builder().idpEntityId(IDP).audience(SP).build())
        .hasMessage("at least one IdP signing certificate is required");
    assertThatThrownBy(
            () ->
                SamlValidator.builder()
                    .idpEntityId(IDP)
                    .idpCertificate(TestKeys.IDP.certificate())
                    .build())
        .hasMessage("at least one audience is required");
    assertThatThrownBy(() -> builder().clockSkew(java.time.Duration.ofMinutes(10)).build())
        .hasMessage("the clock skew must be between 0 and 300 seconds");
  }
}
