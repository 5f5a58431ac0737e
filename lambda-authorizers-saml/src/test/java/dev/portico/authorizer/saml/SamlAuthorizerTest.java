package dev.portico.authorizer.saml;

import static dev.portico.authorizer.saml.testing.Messages.ALICE;
import static dev.portico.authorizer.saml.testing.Messages.assertion;
import static dev.portico.authorizer.saml.testing.Messages.sign;
import static dev.portico.authorizer.saml.testing.Messages.signedXml;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.authorizer.AuthorizationRequest;
import dev.portico.authorizer.Decision;
import dev.portico.authorizer.EventType;
import dev.portico.authorizer.policy.MethodArn;
import dev.portico.authorizer.saml.testing.TestKeys;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.opensaml.saml.saml2.core.Assertion;

class SamlAuthorizerTest {

  static final MethodArn ARN =
      MethodArn.parse("arn:aws:execute-api:eu-west-1:123456789012:abc123/prod/GET/pets");

  static String signedBase64(String id) {
    Assertion a = assertion(id);
    sign(a, TestKeys.IDP);
    return Base64.getEncoder().encodeToString(signedXml(a).getBytes(StandardCharsets.UTF_8));
  }

  static String deflatedBase64(byte[] data) {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
    deflater.setInput(data);
    deflater.finish();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    while (!deflater.finished()) {
      out.write(buffer, 0, deflater.deflate(buffer));
    }
    deflater.end();
    return Base64.getEncoder().encodeToString(out.toByteArray());
  }

  static AuthorizationRequest.Builder request() {
    return AuthorizationRequest.builder(EventType.REQUEST, ARN);
  }

  static SamlAuthorizer.Builder authorizer() {
    return SamlAuthorizer.builder(SamlValidatorTest.validator());
  }

  @Test
  void authorizationHeaderWithSamlSchemeIsAllowedWithAttributesJoined() {
    SamlAuthorizer authorizer =
        authorizer()
            .contextAttribute("email", "email")
            .contextAttribute("groups", "groups")
            .build();

    Decision d =
        authorizer.authorize(
            request().header("Authorization", "saml " + signedBase64("_a1")).build());

    assertThat(d.outcome()).isEqualTo(Decision.Outcome.ALLOW);
    assertThat(d.principalId()).isEqualTo(ALICE);
    assertThat(d.context().values())
        .containsEntry("email", ALICE)
        .containsEntry("groups", "admins,devs");
  }

  @Test
  void firstValueOnlyWhenConfigured() {
    SamlAuthorizer authorizer =
        authorizer()
            .contextAttribute("group", "groups")
            .multiValue(SamlAuthorizer.MultiValue.FIRST)
            .build();
    Decision d =
        authorizer.authorize(
            request().header("Authorization", "SAML " + signedBase64("_a1")).build());
    assertThat(d.context().values()).containsEntry("group", "admins");
  }

  @Test
  void tokenEventCarriesTheAssertion() {
    Decision d =
        authorizer()
            .build()
            .authorize(
                AuthorizationRequest.builder(EventType.TOKEN, ARN)
                    .authorizationToken("SAML " + signedBase64("_a1"))
                    .build());
    assertThat(d.principalId()).isEqualTo(ALICE);
  }

  @Test
  void otherHeaderAndCookieSources() {
    Decision header =
        authorizer()
            .source(SamlSource.header("X-SAML"))
            .build()
            .authorize(request().header("x-saml", signedBase64("_a1")).build());
    assertThat(header.principalId()).isEqualTo(ALICE);

    Decision cookie =
        authorizer()
            .source(SamlSource.cookie("saml"))
            .build()
            .authorize(request().header("Cookie", "a=b; saml=" + signedBase64("_a2")).build());
    assertThat(cookie.principalId()).isEqualTo(ALICE);
  }

  @Test
  void deflatedAssertionIsInflated() {
    Assertion a = assertion("_a1");
    sign(a, TestKeys.IDP);
    byte[] xml = signedXml(a).getBytes(StandardCharsets.UTF_8);
    String deflated = deflatedBase64(xml);
    assertThat(deflated.length()).isLessThan(Base64.getEncoder().encodeToString(xml).length());

    Decision d =
        authorizer()
            .deflated(true)
            .build()
            .authorize(request().header("Authorization", "SAML " + deflated).build());
    assertThat(d.principalId()).isEqualTo(ALICE);
  }

  @Test
  void missingAssertionIsUnauthorized() {
    Decision d =
        authorizer().build().authorize(request().header("Authorization", "Bearer x").build());
    assertThat(d.outcome()).isEqualTo(Decision.Outcome.UNAUTHORIZED);
    assertThat(d.reason()).isEqualTo("missing_assertion");
  }

  @Test
  void nonBase64InputIsMalformedNot500() {
    Decision d =
        authorizer()
            .build()
            .authorize(request().header("Authorization", "SAML not*base64!").build());
    assertThat(d.outcome()).isEqualTo(Decision.Outcome.UNAUTHORIZED);
    assertThat(d.reason()).isEqualTo("malformed");
  }

  @Test
  void oversizeEncodedInputIsRejectedBeforeDecoding() {
    Decision d =
        authorizer()
            .build()
            .authorize(request().header("Authorization", "SAML " + "A".repeat(10_244)).build());
    assertThat(d.reason()).isEqualTo("too_large");
  }

  @Test
  void compressionBombIsRejectedWhileInflating() {
    String bomb = deflatedBase64(new byte[5 * 1024 * 1024]);
    assertThat(bomb.length()).isLessThan(SamlAuthorizer.DEFAULT_MAX_ENCODED_CHARS);
    Decision d =
        authorizer()
            .deflated(true)
            .build()
            .authorize(request().header("Authorization", "SAML " + bomb).build());
    assertThat(d.reason()).isEqualTo("too_large");
  }

  @Test
  void rejectionReasonIsTheLogCode() {
    Assertion a = assertion("_a1");
    sign(a, TestKeys.ATTACKER);
    String value =
        Base64.getEncoder().encodeToString(signedXml(a).getBytes(StandardCharsets.UTF_8));
    Decision d =
        authorizer().build().authorize(request().header("Authorization", "SAML " + value).build());
    assertThat(d.outcome()).isEqualTo(Decision.Outcome.UNAUTHORIZED);
    assertThat(d.reason()).isEqualTo("bad_signature");
  }
}
