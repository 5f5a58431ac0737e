package dev.portico.samples.petstore;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Run by {@link ColdPathTest} in a fresh JVM: builds the petstore handler and answers the events
 * named on the command line (class-path resources under {@code events/}), printing a marker line
 * before each so the test can tell which request loaded which classes.
 */
public final class ColdPathMain {
  private ColdPathMain() {}

  /** Answers each named event in order. */
  public static void main(String[] args) throws Exception {
    PetHandler handler = new PetHandler();
    for (String name : args) {
      byte[] event;
      try (InputStream in = ColdPathMain.class.getResourceAsStream("/events/" + name + ".json")) {
        if (in == null) {
          throw new IllegalArgumentException("no event " + name);
        }
        event = in.readAllBytes();
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      // The marker goes through System.out like the JVM's class-load log, so order is kept.
      System.out.println("@@request " + name);
      handler.handleRequest(new ByteArrayInputStream(event), out, null);
      System.out.println("@@response " + name + " " + out.toString(StandardCharsets.UTF_8));
    }
    System.out.println("@@done");
  }
}
