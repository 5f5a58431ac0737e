package dev.portico.authorizer.saml.sso;

import static dev.portico.authorizer.saml.sso.SsoFixture.form;
import static dev.portico.authorizer.saml.sso.SsoFixture.signedResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.api.EventSource;
import dev.portico.authorizer.saml.testing.Messages;
import dev.portico.authorizer.saml.testing.TestKeys;
import dev.portico.local.testing.LocalClient;
import dev.portico.local.testing.LocalResponse;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;

/** The ACS, login, metadata and key routes in-process (one handler per test). */
class SamlSsoTest {
  private static final String ISSUER = "https://api.example.test";
  private static final String FORM = "application/x-www-form-urlencoded";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final LocalClient client =
      LocalClient.of(
          SsoFixture.handler(SsoFixture.sso(ISSUER).build()), EventSource.API_GATEWAY_V2);

  /** Starts an SP-initiated login and returns the login-state cookie value. */
  private String startLogin(String target) {
    LocalResponse login =
        client.get("/saml/login" + (target == null ? "" : "?target=" + target)).send();
    assertThat(login.status()).isEqualTo(303);
    String cookie = login.cookies().get(0);
    assertThat(cookie).startsWith(SamlSso.LOGIN_STATE_COOKIE + "=");
    assertThat(cookie).endsWith("; Path=/; Max-Age=300; Secure; HttpOnly; SameSite=None");
    return cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';'));
  }

  private static String requestId(String state) {
    return state.substring(0, state.indexOf('.'));
  }

  private LocalResponse post(String body, String state) {
    var request = client.post("/saml/acs").body(FORM, body);
    if (state != null) {
      request = request.cookie(SamlSso.LOGIN_STATE_COOKIE, state);
    }
    return request.send();
  }

  private static void assertProblem(LocalResponse response, int status, String detail) {
    assertThat(response.status()).isEqualTo(status);
    assertThat(response.json("/detail").asText()).isEqualTo(detail);
    assertThat(response.cookies()).noneMatch(c -> c.startsWith(SamlSso.DEFAULT_SESSION_COOKIE));
  }

  @Test
  void spInitiatedLoginRedirectsToTheIdpWithAnAuthnRequestWhoseIdIsInTheSignedState()
      throws Exception {
    LocalResponse login = client.get("/saml/login?target=/app").send();
    assertThat(login.status()).isEqualTo(303);
    String location = login.header("Location");
    assertThat(location)
        .startsWith(Messages.IDP + "/sso?SAMLRequest=")
        .endsWith("&RelayState=%2Fapp");
    String query = URI.create(location).getRawQuery();
    String encoded = query.substring("SAMLRequest=".length(), query.indexOf('&'));
    String xml =
        inflate(Base64.getDecoder().decode(URLDecoder.decode(encoded, StandardCharsets.UTF_8)));
    String cookie = login.cookies().get(0);
    String state = cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';'));
    assertThat(xml)
        .contains("ID=\"" + requestId(state) + "\"")
        .contains("AssertionConsumerServiceURL=\"" + Messages.ACS + "\"")
        .contains("ProtocolBinding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST\"")
        .contains("<saml:Issuer>" + Messages.SP + "</saml:Issuer>");
  }

  @Test
  void aValidResponseSetsTheSessionCookieAndRedirects303ToTheRelayState() throws Exception {
    String state = startLogin("/app");
    LocalResponse acs = post(form(signedResponse("1", requestId(state)), "/app"), state);

    assertThat(acs.status()).isEqualTo(303);
    assertThat(acs.header("Location")).isEqualTo("/app");
    assertThat(acs.header("Cache-Control")).isEqualTo("no-store");
    List<String> cookies = acs.cookies();
    assertThat(cookies).hasSize(2);
    String session = cookies.get(0);
    assertThat(session)
        .matches(
            "__Host-portico-session=[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+;"
                + " Path=/; Max-Age=900; Secure; HttpOnly; SameSite=Lax");
    assertThat(cookies.get(1))
        .isEqualTo(
            "__Host-portico-saml-login=; Path=/; Max-Age=0; Secure; HttpOnly; SameSite=None");

    String token = session.substring(session.indexOf('=') + 1, session.indexOf(';'));
    JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    assertThat(claims.get("iss").asText()).isEqualTo(ISSUER);
    assertThat(claims.get("aud").asText()).isEqualTo(SsoFixture.AUDIENCE);
    assertThat(claims.get("sub").asText()).isEqualTo(Messages.ALICE);
    assertThat(claims.get("email").asText()).isEqualTo(Messages.ALICE);
    assertThat(claims.get("groups").toString()).isEqualTo("[\"admins\",\"devs\"]");
    assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(900);
    assertThat(claims.get("jti").asText()).matches("[0-9a-f]{32}");
  }

  @Test
  void withoutRelayStateTheDefaultTargetIsUsed() {
    String state = startLogin(null);
    LocalResponse acs = post(form(signedResponse("2", requestId(state)), null), state);
    assertThat(acs.status()).isEqualTo(303);
    assertThat(acs.header("Location")).isEqualTo("/");
  }

  @Test
  void openRedirectRelayStatesAreRefusedBeforeTheResponseIsConsumed() {
    String state = startLogin(null);
    for (String evil :
        List.of(
            "//evil.example",
            "https://evil.example",
            "/\\evil.example",
            "javascript:alert(1)",
            "%2F%2Fevil.example",
            "/%2F%2Fevil.example",
            "https://app.example.test/home@evil.example",
            "https://app.example.test.evil.example/home",
            "/app/../../evil")) {
      assertProblem(
          post(form(signedResponse("3", requestId(state)), evil), state),
          400,
          SamlSso.BAD_RELAY_STATE);
    }
    // The response was not consumed (not recorded as used): it still logs in.
    assertThat(post(form(signedResponse("3", requestId(state)), "/app"), state).status())
        .isEqualTo(303);
  }

  @Test
  void theLoginRouteRefusesAnOpenRedirectTargetToo() {
    LocalResponse login = client.get("/saml/login?target=https://evil.example").send();
    assertProblem(login, 400, SamlSso.BAD_RELAY_STATE);
  }

  @Test
  void acsCsrfAResponseWithoutTheBrowsersLoginStateIsRefused() {
    // An attacker's own valid login posted from the victim's browser (login CSRF): no state.
    assertProblem(post(form(signedResponse("4", null), "/app"), null), 400, SamlSso.NO_LOGIN_STATE);
  }

  @Test
  void acsCsrfAResponseToAnotherBrowsersRequestIsRefused() {
    String victimState = startLogin(null);
    String attackerState = startLogin(null);
    LocalResponse acs =
        post(form(signedResponse("5", requestId(attackerState)), null), victimState);
    assertProblem(acs, 401, SamlSso.REJECTED);
  }

  @Test
  void tamperedOrExpiredLoginStateIsRefused() {
    String state = startLogin(null);
    String id = requestId(state);
    String forgedExpiry = id + ".9999999999" + state.substring(state.lastIndexOf('.'));
    assertProblem(
        post(form(signedResponse("6", id), null), forgedExpiry), 400, SamlSso.NO_LOGIN_STATE);
    String otherId = "_" + "0".repeat(32) + state.substring(id.length());
    assertProblem(
        post(form(signedResponse("6", "_" + "0".repeat(32)), null), otherId),
        400,
        SamlSso.NO_LOGIN_STATE);
    String expired =
        new dev.portico.authorizer.saml.sso.internal.LoginState(SsoFixture.SECRET)
            .seal(id, java.time.Instant.now().minusSeconds(1));
    assertProblem(post(form(signedResponse("6", id), null), expired), 400, SamlSso.NO_LOGIN_STATE);
  }

  @Test
  void replayedResponseIsRefused() {
    String state = startLogin(null);
    String response = signedResponse("7", requestId(state));
    assertThat(post(form(response, null), state).status()).isEqualTo(303);
    assertProblem(post(form(response, null), state), 401, SamlSso.REJECTED);
  }

  @Test
  void badResponsesAre401WithoutDetails() {
    String state = startLogin(null);
    String id = requestId(state);
    assertProblem(
        post(form(signedResponse("8", id, TestKeys.ATTACKER), null), state), 401, SamlSso.REJECTED);
    assertProblem(post(form("not base64!", null), state), 401, SamlSso.REJECTED);
    assertProblem(
        post(
            form(
                Base64.getEncoder()
                    .encodeToString("<!DOCTYPE x><x/>".getBytes(StandardCharsets.UTF_8)),
                null),
            state),
        401,
        SamlSso.REJECTED);
  }

  @Test
  void malformedFormsAre400() {
    assertProblem(post("RelayState=%2Fapp", null), 400, SamlSso.NO_RESPONSE);
    assertProblem(
        post("SAMLResponse=a&SAMLResponse=b", null), 400, "The form has a field more than once.");
    assertProblem(post("SAMLResponse=%zz", null), 400, "The form has a malformed percent-escape.");
    assertProblem(
        post("SAMLResponse=" + "A".repeat(4 * 65536), null),
        400,
        "The form is larger than 262144 characters.");
    LocalResponse json = client.post("/saml/acs").body("application/json", "{}").send();
    assertThat(json.status()).isEqualTo(415);
  }

  @Test
  void spMetadataNamesTheEntityTheAcsWithThePostBindingAndTheKeys() {
    SamlSso sso =
        SsoFixture.sso(ISSUER)
            .signingCertificate(TestKeys.SP.certificate())
            .encryptionCertificate(TestKeys.SP.certificate())
            .build();
    LocalResponse metadata =
        LocalClient.of(SsoFixture.handler(sso), EventSource.API_GATEWAY_V2)
            .get("/saml/metadata")
            .send();
    assertThat(metadata.status()).isEqualTo(200);
    assertThat(metadata.header("Content-Type")).isEqualTo("application/samlmetadata+xml");
    String cert = TestKeys.SP.certificateBase64();
    assertThat(metadata.bodyAsString())
        .isEqualTo(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\""
                + " xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\""
                + " entityID=\"https://api.example.test\">\n"
                + "  <md:SPSSODescriptor AuthnRequestsSigned=\"false\" WantAssertionsSigned=\"true\""
                + " protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\">\n"
                + "    <md:KeyDescriptor use=\"signing\"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>"
                + cert
                + "</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>\n"
                + "    <md:KeyDescriptor use=\"encryption\"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>"
                + cert
                + "</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>\n"
                + "    <md:AssertionConsumerService"
                + " Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST\""
                + " Location=\"https://api.example.test/saml/acs\" index=\"0\" isDefault=\"true\"/>\n"
                + "  </md:SPSSODescriptor>\n</md:EntityDescriptor>\n");
    assertThat(Messages.dom(metadata.bodyAsString()).getDocumentElement().getLocalName())
        .isEqualTo("EntityDescriptor");
  }

  @Test
  void jwksAndDiscoveryRoutesServeTheDocuments() {
    LocalResponse discovery = client.get("/.well-known/openid-configuration").send();
    assertThat(discovery.status()).isEqualTo(200);
    assertThat(discovery.header("Content-Type")).isEqualTo("application/json");
    assertThat(discovery.json("/jwks_uri").asText())
        .isEqualTo("https://api.example.test/.well-known/jwks.json");
    LocalResponse jwks = client.get("/.well-known/jwks.json").send();
    assertThat(jwks.json("/keys/0/kid").asText()).isEqualTo("session-1");
  }

  @Test
  void configurationMistakesAreNamed() {
    assertThatThrownBy(() -> SamlSso.builder().build())
        .hasMessage(
            "SamlSso needs validator, tokens, entityId, acsUrl, loginStateSecret (or"
                + " allowIdpInitiated(true))");
    assertThatThrownBy(
            () -> SsoFixture.sso(ISSUER).redirectTargets(List.of("//evil.example")).build())
        .hasMessage(
            "redirect target \"//evil.example\" must not begin with // (a protocol-relative URL)");
    assertThatThrownBy(() -> SsoFixture.sso(ISSUER).loginStateSecret(new byte[16]).build())
        .hasMessage("the login state secret has 16 bytes; at least 32 are required");
    assertThatThrownBy(() -> SamlSso.builder().cookieName("a b"))
        .hasMessage("the cookie name a b is not an RFC 6265 token");
  }

  @Test
  void idpInitiatedLoginsWorkOnlyWhenAllowed() {
    SamlSso sso = SsoFixture.sso(ISSUER).allowIdpInitiated(true).build();
    LocalClient open = LocalClient.of(SsoFixture.handler(sso), EventSource.API_GATEWAY_V2);
    LocalResponse acs =
        open.post("/saml/acs").body(FORM, form(signedResponse("9", null), "/app")).send();
    assertThat(acs.status()).isEqualTo(303);
    assertThat(acs.cookies().get(0)).startsWith("__Host-portico-session=");
  }

  private static String inflate(byte[] deflated) throws Exception {
    Inflater inflater = new Inflater(true);
    inflater.setInput(deflated);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[1024];
    while (!inflater.finished()) {
      int n = inflater.inflate(buffer);
      if (n == 0 && inflater.needsInput()) {
        break;
      }
      out.write(buffer, 0, n);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
