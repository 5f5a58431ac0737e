package dev.portico.authorizer.saml.sso;

import static dev.portico.authorizer.saml.testing.Messages.ACS;
import static dev.portico.authorizer.saml.testing.Messages.IDP;
import static dev.portico.authorizer.saml.testing.Messages.NOW;
import static dev.portico.authorizer.saml.testing.Messages.SP;

import dev.portico.api.Api;
import dev.portico.api.ApiHandler;
import dev.portico.authorizer.replay.InMemoryReplayStore;
import dev.portico.authorizer.saml.SamlValidator;
import dev.portico.authorizer.saml.testing.Messages;
import dev.portico.authorizer.saml.testing.TestKeys;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.Response;

/** Test wiring: validator (IdP test key, fixed clock), session tokens (SP test key) and the SSO. */
final class SsoFixture {
  static final Clock SAML_CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
  static final String AUDIENCE = "example-web";
  static final SessionKey KEY =
      SessionKey.of("session-1", TestKeys.SP.privateKey(), TestKeys.SP.keyPair().getPublic());

  private SsoFixture() {}

  static SamlValidator validator() {
    return SamlValidator.builder()
        .idpEntityId(IDP)
        .idpCertificate(TestKeys.IDP.certificate())
        .audience(SP)
        .recipient(ACS)
        .destination(ACS)
        .clock(SAML_CLOCK)
        .replayStore(new InMemoryReplayStore(100, SAML_CLOCK))
        .build();
  }

  static SessionTokens tokens(String issuer, Clock clock) {
    return SessionTokens.builder()
        .issuer(issuer)
        .audience(AUDIENCE)
        .key(KEY)
        .clock(clock)
        .claim("email", "email")
        .claim("groups", "groups")
        .build();
  }

  static SamlSso.Builder sso(String issuer) {
    return SamlSso.builder()
        .validator(validator())
        .tokens(tokens(issuer, Clock.systemUTC()))
        .entityId(SP)
        .acsUrl(ACS)
        .idpSsoUrl(IDP + "/sso")
        .loginStateSecret(SECRET)
        .redirectTargets(List.of("/", "/app", "https://app.example.test/home"));
  }

  static ApiHandler handler(SamlSso sso) {
    return new ApiHandler(Api.builder().routes(sso).build()) {};
  }

  /** A response signed by the IdP test key answering {@code inResponseTo} (null: unsolicited). */
  static String signedResponse(String id, String inResponseTo) {
    return signedResponse(id, inResponseTo, TestKeys.IDP);
  }

  static String signedResponse(String id, String inResponseTo, TestKeys signer) {
    Assertion assertion = Messages.assertion("_a" + id, NOW);
    if (inResponseTo != null) {
      assertion
          .getSubject()
          .getSubjectConfirmations()
          .get(0)
          .getSubjectConfirmationData()
          .setInResponseTo(inResponseTo);
    }
    Messages.sign(assertion, signer);
    Response response = Messages.response("_r" + id, assertion);
    response.setInResponseTo(inResponseTo);
    return Base64.getEncoder().encodeToString(Messages.bytes(Messages.signedXml(response)));
  }

  static String form(String samlResponse, String relayState) {
    String body = "SAMLResponse=" + encode(samlResponse);
    return relayState == null ? body : body + "&RelayState=" + encode(relayState);
  }

  static String encode(String value) {
    return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  static Instant now() {
    return Instant.now();
  }
}
