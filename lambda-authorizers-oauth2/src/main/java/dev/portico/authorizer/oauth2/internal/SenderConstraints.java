package dev.portico.authorizer.oauth2.internal;

import dev.portico.authorizer.AuthorizationRequest;
import dev.portico.authorizer.EventType;
import java.net.URI;
import java.util.List;

/**
 * Checks that the presenter of a token is the client it was issued to: a certificate-bound token
 * (RFC 8705 {@code cnf.x5t#S256}) needs that client certificate, a DPoP-bound token (RFC 9449
 * {@code cnf.jkt}) needs the {@code DPoP} scheme and a valid proof, and an unbound token may not
 * use the {@code DPoP} scheme.
 *
 * <pre>{@code
 * String problem = constraints.check(request, answer, presented); // null when satisfied
 * }</pre>
 */
public final class SenderConstraints {

  private final DpopProofs proofs;
  private final URI publicBaseUrl;
  private final boolean mtlsBound;

  /**
   * @param publicBaseUrl the API's URL behind a custom domain, or {@code null}
   * @param mtlsBound whether every token must be certificate-bound
   */
  public SenderConstraints(DpopProofs proofs, URI publicBaseUrl, boolean mtlsBound) {
    this.proofs = proofs;
    this.publicBaseUrl = publicBaseUrl;
    this.mtlsBound = mtlsBound;
  }

  /**
   * Checks the constraints of a token on the request being handled.
   *
   * @return {@code null} when satisfied, else a reason code
   * @throws AuthorizationServerException when the request's URL cannot be known (a DPoP proof
   *     cannot be checked): a configuration problem, answered with a 500
   */
  public String check(AuthorizationRequest request, IntrospectedToken t, PresentedToken presented) {
    EventDetails details = EventDetails.current();
    if (t.x5tS256() != null) {
      String problem =
          CertificateBinding.check(t.x5tS256(), details == null ? null : details.clientCertPem());
      if (problem != null) {
        return problem;
      }
    } else if (mtlsBound) {
      return "not_certificate_bound";
    }
    if (t.jkt() == null) {
      return presented.dpopScheme() ? "dpop_token_not_bound" : null;
    }
    if (!presented.dpopScheme()) {
      return "dpop_bound_token_as_bearer";
    }
    if (request.eventType() == EventType.TOKEN) {
      return "dpop_proof_missing";
    }
    List<String> proofValues = request.headerValues("DPoP");
    if (proofValues.size() != 1) {
      return proofValues.isEmpty() ? "dpop_proof_missing" : "dpop_multiple_proofs";
    }
    URI htu;
    try {
      htu = RequestUrls.htu(details, request.path(), publicBaseUrl);
    } catch (RequestUrls.UnknownUrlException e) {
      throw new AuthorizationServerException(
          "cannot check a DPoP proof: "
              + e.getMessage()
              + (details == null ? " (use OAuth2AuthorizerHandler)" : ""));
    }
    return proofs.verify(proofValues.get(0), request.httpMethod(), htu, presented.token(), t.jkt());
  }
}
