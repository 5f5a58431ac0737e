package dev.portico.authorizer.jwt.internal;

import static dev.portico.authorizer.jwt.internal.ClaimNodes.assertRejected;
import static dev.portico.authorizer.jwt.internal.ClaimNodes.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.authorizer.jwt.Rejection;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** aud (and Cognito's client_id fallback), token_use and scopes on their own. */
class AccessClaimsTest {

  private static final Set<String> API = Set.of("pets-api");

  @Test
  void audAsStringOrArrayMustHoldAnAcceptedAudience() throws Exception {
    AccessClaims.checkAudience(json("{'aud':'pets-api'}"), API, null, false);
    AccessClaims.checkAudience(json("{'aud':['other','pets-api']}"), API, null, false);
    assertRejected(
        () -> AccessClaims.checkAudience(json("{'aud':['other']}"), API, null, false),
        Rejection.AUDIENCE_INVALID,
        "aud is not an accepted audience");
    assertRejected(
        () -> AccessClaims.checkAudience(json("{'aud':['pets-api',1]}"), API, null, false),
        Rejection.MALFORMED,
        "aud must be a string or an array of strings");
  }

  @Test
  void clientIdStandsInForAudOnlyForCognitoAccessTokensOutsideTheProfile() throws Exception {
    String cognito = "{'token_use':'access','client_id':'pets-api'}";
    AccessClaims.checkAudience(json(cognito), API, "access", false);
    assertRejected(
        () -> AccessClaims.checkAudience(json(cognito), API, "access", true),
        Rejection.AUDIENCE_INVALID,
        "aud is missing");
    assertRejected(
        () -> AccessClaims.checkAudience(json(cognito), API, null, false),
        Rejection.AUDIENCE_INVALID,
        "aud is missing");
    assertRejected(
        () ->
            AccessClaims.checkAudience(
                json("{'token_use':'access','client_id':'other'}"), API, "access", false),
        Rejection.AUDIENCE_INVALID,
        "client_id is not an accepted audience");
  }

  @Test
  void tokenUseMustMatch() throws Exception {
    AccessClaims.checkTokenUse(json("{'token_use':'id'}"), "id");
    assertRejected(
        () -> AccessClaims.checkTokenUse(json("{'token_use':'id'}"), "access"),
        Rejection.TOKEN_USE_INVALID,
        "token_use must be access");
  }

  @Test
  void scopesComeFromScopeAndScpAndTheFirstMissingIsNamed() throws Exception {
    assertThat(AccessClaims.scopes(json("{'scope':'a b','scp':['c']}")))
        .containsExactly("a", "b", "c");
    AccessClaims.checkScopes(json("{'scp':'a c'}"), Set.of("a", "c"));
    assertRejected(
        () -> AccessClaims.checkScopes(json("{'scope':'a'}"), Set.of("z")),
        Rejection.SCOPE_MISSING,
        "scope z is missing");
  }
}
