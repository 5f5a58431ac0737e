package dev.portico.samples.petstore;

import dev.portico.api.Api;
import dev.portico.api.ApiHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Run by {@link ColdPathTest} in a fresh JVM: builds the petstore handler and answers the events
 * named on the command line (class-path resources under {@code events/}), printing a marker line
 * before each so the test can tell which request loaded which classes.
 */
public final class ColdPathMain {
  private ColdPathMain() {}

  /**
   * Answers each named event in order; with {@code --no-authorizer} first, by a handler serving
   * {@link NotesController} instead of the petstore.
   */
  public static void main(String[] args) throws Exception {
    boolean notes = args.length > 0 && args[0].equals("--no-authorizer");
    ApiHandler handler =
        notes
            ? new ApiHandler(Api.builder().controller(new NotesController()).build()) {}
            : new PetHandler();
    for (String name : notes ? Arrays.copyOfRange(args, 1, args.length) : args) {
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
