package dev.portico.benchmarks.jmh;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.portico.api.testing.FakeContext;
import dev.portico.benchmarks.baseline.BaselineHandler;
import dev.portico.benchmarks.baseline.FloorHandler;
import dev.portico.benchmarks.petstore.PetStore;
import dev.portico.samples.petstore.PetHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;
import java.util.function.LongPredicate;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Warm overhead: one full stream-to-stream {@code handleRequest} (event bytes in, proxy response
 * bytes out) for {@code GET /pets/{id}}, {@code POST /pets} with a body, and a path no route
 * serves, on the hand-written baseline and on the Portico petstore sample.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar HandlerBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s
 * </pre>
 *
 * <p>Logging is at WARN in the forked JVM: both variants log the same INFO line per write, and
 * JMH's console is not Lambda's log sink.
 */
@Fork(jvmArgsAppend = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HandlerBenchmark {
  /** Which handler answers. */
  @Param({"baseline", "floor", "portico"})
  public String variant;

  /**
   * Which event it answers (a file under {@code events/}); {@code get-pet-minimal} is {@code
   * get-pet} without headers and with a four-field request context, to show what the size of the
   * event costs.
   */
  @Param({"get-pet", "post-pet", "not-found", "get-pet-minimal"})
  public String event;

  private RequestStreamHandler handler;
  private LongPredicate removePet;
  private boolean creates;
  private long nextId;
  private byte[] eventBytes;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
  private final Context context = FakeContext.create();

  /** Loads the event once. */
  @Setup(Level.Trial)
  public void loadEvent() throws IOException {
    eventBytes = event(event);
    creates = event.startsWith("post-");
  }

  /** A fresh handler over a fresh store (seeded with pets 1 to 3) per iteration. */
  @Setup(Level.Iteration)
  public void newHandler() {
    switch (variant) {
      case "baseline" -> {
        PetStore store = PetStore.seeded();
        handler = new BaselineHandler(store);
        removePet = store::remove;
      }
      case "floor" -> {
        PetStore store = PetStore.seeded();
        handler = new FloorHandler(store);
        removePet = store::remove;
      }
      case "portico" -> {
        dev.portico.samples.petstore.PetStore store =
            dev.portico.samples.petstore.PetStore.seeded();
        handler = new PetHandler(store);
        removePet = store::remove;
      }
      default -> throw new IllegalArgumentException("unknown variant " + variant);
    }
    nextId = 4;
  }

  /**
   * One invocation, stream to stream. After a {@code POST} the pet it created is removed from the
   * store directly (the same map removal in both variants), so the store stays at three pets
   * instead of growing by a million per iteration and turning the measurement into one of the
   * garbage collector.
   */
  @Benchmark
  public int handleRequest() throws IOException {
    out.reset();
    handler.handleRequest(new ByteArrayInputStream(eventBytes), out, context);
    if (creates && !removePet.test(nextId++)) {
      throw new IllegalStateException("POST did not create pet " + (nextId - 1));
    }
    return out.size();
  }

  /** The bytes of {@code events/NAME.json} on the class path. */
  public static byte[] event(String name) throws IOException {
    try (InputStream in =
        HandlerBenchmark.class.getClassLoader().getResourceAsStream("events/" + name + ".json")) {
      if (in == null) {
        throw new IOException("no event " + name);
      }
      return in.readAllBytes();
    }
  }
}
