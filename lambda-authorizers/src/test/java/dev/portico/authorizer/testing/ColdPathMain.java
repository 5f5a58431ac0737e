package dev.portico.authorizer.testing;

import dev.portico.authorizer.AuthorizerUnauthorizedException;
import dev.portico.authorizer.config.ConfiguredAuthorizerHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A fresh JVM's authorizer cold start, for {@code NoDatabindColdPathTest} and {@code
 * ColdPathClassesTest}: builds the ready handler from the environment ({@code
 * PORTICO_AUTHORIZER_CONFIG}) and answers each event file given as an argument, printing {@code
 * ANSWER <json>} or {@code UNAUTHORIZED} per event, then {@code @@done} ({@code @@initialised} once
 * the handler is built). Uses nothing but the JDK and the authorizer, and names no authorizer class
 * in a {@code catch} (the verifier would load it), so every Portico class the JVM loads is the
 * authorizer's doing.
 */
public final class ColdPathMain {

  private ColdPathMain() {}

  /** Answers the events named by {@code args}. */
  public static void main(String[] args) throws Exception {
    ConfiguredAuthorizerHandler handler = new ConfiguredAuthorizerHandler();
    // The end of the function's initialisation: what loads after it, the first request pays for.
    System.out.println("@@initialised");
    for (String file : args) {
      byte[] event = Files.readAllBytes(Path.of(file));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try {
        handler.handleRequest(new ByteArrayInputStream(event), out, null);
        System.out.println("ANSWER " + out.toString(StandardCharsets.UTF_8));
      } catch (RuntimeException e) {
        // Tested, not caught by type: a caught type loads when this class is verified, and the
        // class list of a valid token's cold path must be the authorizer's alone.
        if (!(e instanceof AuthorizerUnauthorizedException)) {
          throw e;
        }
        System.out.println("UNAUTHORIZED");
      }
    }
    // After the answers and before the JVM's shutdown: the end of the cold path's class list.
    System.out.println("@@done");
  }
}
