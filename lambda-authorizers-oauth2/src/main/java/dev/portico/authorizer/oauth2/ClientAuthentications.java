package dev.portico.authorizer.oauth2;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import java.net.URI;

/** Turns {@link ClientCredentials} into Nimbus' client authentication for one call. */
final class ClientAuthentications {

  private ClientAuthentications() {}

  /** A client authentication for a call to {@code endpoint}; a new assertion every time. */
  static ClientAuthentication forCall(ClientCredentials c, URI endpoint) {
    ClientID id = new ClientID(c.clientId());
    return switch (c.method()) {
      case CLIENT_SECRET_BASIC -> new ClientSecretBasic(id, new Secret(c.secret()));
      case CLIENT_SECRET_POST -> new ClientSecretPost(id, new Secret(c.secret()));
      case PRIVATE_KEY_JWT -> {
        try {
          yield new PrivateKeyJWT(id, endpoint, c.algorithm(), c.privateKey(), c.keyId(), null);
        } catch (JOSEException e) {
          throw new IllegalStateException(
              "cannot sign the private_key_jwt assertion: " + e.getClass().getSimpleName());
        }
      }
    };
  }
}
