package dev.portico.authorizer.saml.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code type: saml} configuration the replay-store tests share: the test IdP's certificate
 * written to a file in {@code dir}, audience {@code https://api.example.test}, the assertion in
 * header {@code X-SAML}, and the given {@code replayStore} mapping under {@code saml}.
 *
 * <pre>{@code
 * String yaml = SamlConfigs.withReplayStore(dir, "replayStore:\n  type: memory\n");
 * }</pre>
 */
public final class SamlConfigs {

  private SamlConfigs() {}

  /** The configuration, with {@code replayStore} (a top-level YAML mapping) nested under saml. */
  public static String withReplayStore(Path dir, String replayStore) throws IOException {
    Path idpPem = dir.resolve("idp.pem");
    Files.writeString(idpPem, TestKeys.IDP.certificatePem());
    return """
        type: saml
        saml:
          idp:
            entityId: https://idp.example.test/saml
            certificateFile: %s
          audiences: https://api.example.test
          assertion:
            header: X-SAML
        %s
        """
        .formatted(idpPem, replayStore.indent(2).stripTrailing());
  }
}
