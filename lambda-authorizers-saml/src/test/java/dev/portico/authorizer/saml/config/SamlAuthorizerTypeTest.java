package dev.portico.authorizer.saml.config;

import static dev.portico.authorizer.saml.testing.Messages.ALICE;
import static dev.portico.authorizer.saml.testing.Messages.IDP;
import static dev.portico.authorizer.saml.testing.Messages.assertion;
import static dev.portico.authorizer.saml.testing.Messages.encrypt;
import static dev.portico.authorizer.saml.testing.Messages.marshallAndSign;
import static dev.portico.authorizer.saml.testing.Messages.response;
import static dev.portico.authorizer.saml.testing.Messages.sign;
import static dev.portico.authorizer.saml.testing.Messages.signedXml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.authorizer.AuthorizationRequest;
import dev.portico.authorizer.Decision;
import dev.portico.authorizer.EventType;
import dev.portico.authorizer.config.AuthorizerConfig;
import dev.portico.authorizer.config.ConfigException;
import dev.portico.authorizer.policy.MethodArn;
import dev.portico.authorizer.saml.testing.TestKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Response;

/** {@code type: saml} through lambda-authorizers' configuration loader and ServiceLoader. */
class SamlAuthorizerTypeTest {

  static final String FILE = "portico-authorizer.yaml";

  @TempDir Path dir;
  final Map<String, String> env = new HashMap<>();
  Path metadata;
  Path idpPem;

  @BeforeEach
  void files() throws Exception {
    metadata = dir.resolve("idp-metadata.xml");
    Files.writeString(
        metadata,
        """
        <md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata"
            xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="%s">
          <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
            <md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data>
              <ds:X509Certificate>%s</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>
          </md:IDPSSODescriptor>
        </md:EntityDescriptor>
        """
            .formatted(IDP, TestKeys.IDP.certificateBase64()));
    idpPem = dir.resolve("idp.pem");
    Files.writeString(idpPem, TestKeys.IDP.certificatePem());
  }

  AuthorizerConfig parse(String yaml) {
    return AuthorizerConfig.parse(FILE, yaml, env::get);
  }

  void assertProblems(String yaml, String... problems) {
    assertThatThrownBy(() -> parse(yaml))
        .isInstanceOf(ConfigException.class)
        .satisfies(e -> assertThat(((ConfigException) e).problems()).containsExactly(problems));
  }

  static AuthorizationRequest request(String header, String xml) {
    return AuthorizationRequest.builder(
            EventType.REQUEST,
            MethodArn.parse("arn:aws:execute-api:eu-west-1:123456789012:abc123/prod/GET/pets"))
        .header(header, Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8)))
        .build();
  }

  static String signedNow(String id) {
    Assertion a = assertion(id, Instant.now());
    sign(a, TestKeys.IDP);
    return signedXml(a);
  }

  @Test
  void metadataFileConfigurationAuthorizes() throws Exception {
    AuthorizerConfig config =
        parse(
            """
            type: saml
            saml:
              idp:
                metadataFile: %s
              audiences: https://api.example.test
              recipient: https://api.example.test/saml/acs
              clockSkewSeconds: 30
              assertion:
                header: X-SAML
              context:
                mail: email
                groups: groups
              multiValue: first
            """
                .formatted(metadata));
    String xml = signedNow("_c1");

    Decision d = config.authorizer().authorize(request("X-SAML", xml));
    assertThat(d.outcome()).isEqualTo(Decision.Outcome.ALLOW);
    assertThat(d.principalId()).isEqualTo(ALICE);
    assertThat(d.context().values()).containsEntry("mail", ALICE).containsEntry("groups", "admins");

    Decision replay = config.authorizer().authorize(request("X-SAML", xml));
    assertThat(replay.outcome()).isEqualTo(Decision.Outcome.UNAUTHORIZED);
    assertThat(replay.reason()).isEqualTo("replayed");
  }

  @Test
  void certificateFileWithEntityIdAndDecryptionKey() throws Exception {
    Path spPem = dir.resolve("sp.pem");
    Files.writeString(spPem, TestKeys.SP.certificatePem());
    env.put("SP_KEY", TestKeys.SP.privateKeyPem());
    AuthorizerConfig config =
        parse(
            """
            type: saml
            saml:
              idp:
                entityId: %s
                certificateFile: %s
              audiences: [https://api.example.test]
              decryption:
                privateKey: ${env:SP_KEY}
                certificateFile: %s
            """
                .formatted(IDP, idpPem, spPem));
    Assertion a = assertion("_c2", Instant.now());
    sign(a, TestKeys.IDP);
    marshallAndSign(a);
    Response r = response("_r2");
    r.setIssueInstant(a.getIssueInstant());
    r.getEncryptedAssertions().add(encrypt(a, TestKeys.SP.certificate()));
    sign(r, TestKeys.IDP);

    Decision d =
        config
            .authorizer()
            .authorize(
                AuthorizationRequest.builder(
                        EventType.TOKEN,
                        MethodArn.parse(
                            "arn:aws:execute-api:eu-west-1:123456789012:abc123/prod/GET/pets"))
                    .authorizationToken(
                        "SAML "
                            + Base64.getEncoder()
                                .encodeToString(signedXml(r).getBytes(StandardCharsets.UTF_8)))
                    .build());
    assertThat(d.principalId()).isEqualTo(ALICE);
  }

  @Test
  void missingAndConflictingSettingsAreReportedWithFileAndKey() {
    assertProblems("type: saml\n", FILE + ": saml is required with type: saml");
    assertProblems(
        """
        type: saml
        saml:
          idp:
            metadataFile: %s
            certificateFile: %s
          clockSkewSeconds: 600
          audience: x
        """
            .formatted(metadata, idpPem),
        FILE + ": saml.idp give exactly one of metadataFile and certificateFile",
        FILE + ": saml.audiences is required (this service provider's entity ID)",
        FILE + ": saml.clockSkewSeconds must be between 0 and 300",
        FILE + ": unknown key saml.audience");
  }

  @Test
  void unreadableOrInvalidFilesAreReported() throws Exception {
    assertProblems(
        """
        type: saml
        saml:
          idp: { metadataFile: %s }
          audiences: x
        """
            .formatted(dir.resolve("missing.xml")),
        FILE
            + ": saml.idp.metadataFile cannot be read: "
            + dir.resolve("missing.xml")
            + " (NoSuchFileException)");
    Path doctype = dir.resolve("doctype.xml");
    Files.writeString(
        doctype, "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>");
    assertProblems(
        """
        type: saml
        saml:
          idp: { metadataFile: %s }
          audiences: x
        """
            .formatted(doctype),
        FILE
            + ": saml.idp.metadataFile "
            + doctype
            + ": is not well-formed XML, or has a DOCTYPE (not accepted)");
  }

  @Test
  void weakSettingsAreRefused() throws Exception {
    Path weak = dir.resolve("weak.pem");
    Files.writeString(weak, TestKeys.rsa("weak", 1024).certificatePem());
    assertProblems(
        """
        type: saml
        saml:
          idp: { entityId: %s, certificateFile: %s }
          audiences: x
        """
            .formatted(IDP, weak),
        FILE
            + ": saml the IdP certificate has a 1024-bit RSA key; at least 2048 bits are required");
    assertProblems(
        """
        type: saml
        saml:
          idp: { entityId: %s, certificateFile: %s }
          audiences: x
          decryption:
            privateKey: "-----BEGIN PRIVATE KEY-----"
            certificateFile: %s
        """
            .formatted(IDP, idpPem, idpPem),
        FILE
            + ": saml.decryption.privateKey must be a reference to an environment variable"
            + " (${env:NAME}), not written in the file");
  }
}
