package dev.portico.authorizer.saml.testing;

import dev.portico.authorizer.AuthorizerUnauthorizedException;
import dev.portico.authorizer.config.ConfiguredAuthorizerHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A fresh JVM's cold start of the configured authorizer, for {@code SamlNoDatabindColdPathTest}:
 * builds the handler from {@code PORTICO_AUTHORIZER_CONFIG} and answers each event file given as an
 * argument, printing {@code ANSWER <json>} or {@code UNAUTHORIZED} per event.
 */
public final class ColdStartMain {

  private ColdStartMain() {}

  /** Answers the events named by {@code args}. */
  public static void main(String[] args) throws Exception {
    ConfiguredAuthorizerHandler handler = new ConfiguredAuthorizerHandler();
    for (String file : args) {
      byte[] event = Files.readAllBytes(Path.of(file));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try {
        handler.handleRequest(new ByteArrayInputStream(event), out, null);
        System.out.println("ANSWER " + out.toString(StandardCharsets.UTF_8));
      } catch (AuthorizerUnauthorizedException e) {
        System.out.println("UNAUTHORIZED");
      }
    }
  }
}
