package dev.portico.benchmarks.baseline;

import dev.portico.api.testing.FakeContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Run in a JVM of its own by {@link FloorLoadsNoDatabindTest}: answers each benchmark event named
 * on the command line with a {@link FloorHandler} and prints one response per line.
 */
public final class FloorProbe {
  private FloorProbe() {}

  /** Answers {@code events/NAME.json} for each NAME given. */
  public static void main(String[] names) throws Exception {
    FloorHandler handler = new FloorHandler();
    for (String name : names) {
      byte[] event;
      try (InputStream in =
          FloorProbe.class.getClassLoader().getResourceAsStream("events/" + name + ".json")) {
        event = in.readAllBytes();
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      handler.handleRequest(new ByteArrayInputStream(event), out, FakeContext.create());
      System.out.println("response " + out.toString(StandardCharsets.UTF_8));
    }
  }
}
