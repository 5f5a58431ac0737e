package dev.portico.authorizer.saml.sso;

import dev.portico.api.Api;
import dev.portico.api.ApiHandler;
import java.util.Map;

/**
 * The API function of sso-template.yaml: the SSO routes plus {@code GET /me}, which answers with
 * what the JWT authorizer passed on. The issuer is the template's {@code SSO_ISSUER}, which
 * lambda-local publishes as the {@code portico.env.SSO_ISSUER} property while it creates the
 * handler.
 */
public final class SsoTestHandler extends ApiHandler {

  /** Created by the local gateway. */
  public SsoTestHandler() {
    super(
        Api.builder()
            .routes(SsoFixture.sso(System.getProperty("portico.env.SSO_ISSUER")).build())
            .get(
                "/me",
                request ->
                    Map.of(
                        "principal", String.valueOf(request.authorization().principalId()),
                        "email", String.valueOf(request.authorization().contextValue("email"))))
            .build());
  }
}
