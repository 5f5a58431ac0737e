package dev.portico.benchmarks.auth;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.portico.authorizer.config.AuthorizerConfig;
import dev.portico.authorizer.config.ConfiguredAuthorizerHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The child JVM of {@link HttpsVariantsTest}: the JWT floor and the config-file authorizer, as the
 * https cold-start variants run them (the JDK's default TLS, whatever trust store the JVM was
 * started with), each answering the token event once. Usage: {@code HttpsVariantsMain ISSUER_URL
 * EVENT_FILE}; prints {@code floor: ANSWER} and {@code authorizer: ANSWER}, where a handler that
 * cannot start, or refuses by throwing, answers with its exception's class and message.
 */
public final class HttpsVariantsMain {
  private HttpsVariantsMain() {}

  /** Runs both handlers once. */
  public static void main(String[] args) throws Exception {
    String issuer = args[0];
    byte[] event = Files.readAllBytes(Path.of(args[1]));
    Map<String, String> env = Map.of("ISSUER_URL", issuer);
    System.out.println("floor: " + answer(() -> new JwtFloorHandler(issuer), event));
    System.out.println(
        "authorizer: "
            + answer(
                () ->
                    new ConfiguredAuthorizerHandler(
                        AuthorizerConfig.parse(
                            "authorizer.yaml", LocalIssuer.authorizerConfig(), env::get)),
                event));
  }

  private interface Factory {
    RequestStreamHandler create() throws Exception;
  }

  private static String answer(Factory factory, byte[] event) {
    try {
      RequestStreamHandler handler = factory.create();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      handler.handleRequest(new ByteArrayInputStream(event), out, null);
      return out.toString(StandardCharsets.UTF_8);
    } catch (Exception e) {
      return e.getClass().getName() + ": " + e.getMessage();
    }
  }
}
