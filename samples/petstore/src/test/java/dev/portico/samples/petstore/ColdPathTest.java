package dev.portico.samples.petstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 item 5: a function whose routes all have generated code answers a GET and problems
 * without loading jackson-databind. Each test starts {@link ColdPathMain} in a fresh JVM with the
 * class-load log on, and reads which classes each request loaded.
 */
class ColdPathTest {

  @Test
  void getAndProblemsLoadNoDatabindClass() throws Exception {
    Run run = run("get-pet", "missing-pet", "bad-limit");

    assertThat(run.response("get-pet"))
        .contains("\"statusCode\":200")
        .contains("\\\"name\\\":\\\"Rex\\\"");
    assertThat(run.response("missing-pet"))
        .contains("\"statusCode\":404")
        .contains("application/problem+json")
        .contains("\\\"detail\\\":\\\"no pet 99\\\"");
    assertThat(run.response("bad-limit"))
        .contains("\"statusCode\":400")
        .contains("limit must be between 1 and 100, got 0");
    // Building the handler, the GET, the 404 and the 400: not one databind class.
    assertThat(run.databind(0, run.lines.size())).isEmpty();
  }

  /**
   * Every Portico class a cold {@code GET /pets/1} loads (the handler's build included), against
   * the list in {@code cold-path/get-pet-classes.txt}: each one costs a cold start about a third of
   * a millisecond in a C1-only JVM (docs/performance.md, "Classes on the cold path"). A change that
   * adds one fails here, so that it is added on purpose: update the list when it is.
   */
  @Test
  void aColdGetLoadsExactlyTheListedPorticoClasses() throws Exception {
    Run run = run("get-pet");
    assertThat(run.response("get-pet")).contains("\"statusCode\":200");

    List<String> loaded =
        run.loaded(0, run.marker("@@done")).stream()
            .filter(name -> name.startsWith("dev.portico."))
            .filter(name -> !name.startsWith(ColdPathMain.class.getName()))
            .map(ColdPathTest::withoutLambdaNumber)
            .sorted()
            .toList();
    List<String> expected;
    try (InputStream in =
        ColdPathTest.class.getResourceAsStream("/cold-path/get-pet-classes.txt")) {
      assertThat(in).as("cold-path/get-pet-classes.txt on the test class path").isNotNull();
      expected =
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .lines()
              .filter(line -> !line.isBlank() && !line.startsWith("#"))
              .sorted()
              .toList();
    }
    List<String> added = new ArrayList<>(loaded);
    added.removeAll(expected);
    List<String> gone = new ArrayList<>(expected);
    gone.removeAll(loaded);
    assertThat(added).as("Portico classes a cold GET now loads that the list lacks").isEmpty();
    assertThat(gone).as("listed classes a cold GET no longer loads (remove them)").isEmpty();
    // Nor what Portico once loaded for nothing here: jackson-core's ObjectCodec (a generator gets
    // the mapper as its codec only for a writer that may hand it a value), a route's requirement
    // check (its chain is built on its first request), java.time (a timeout constant), the value
    // view of an immutable map (not in the JDK's class-data archive; entries are iterated instead).
    assertThat(run.loaded(0, run.marker("@@done")))
        .doesNotContain(
            "com.fasterxml.jackson.core.ObjectCodec",
            "dev.portico.api.internal.RequirementCheck",
            "java.time.Duration",
            "java.util.AbstractMap$2");
  }

  /**
   * A list of records answered whole: the generated writer of {@code Pet} reaches no mapper, so the
   * generator gets no codec here either, and jackson-core's {@code ObjectCodec} never loads.
   */
  @Test
  void aColdListOfRecordsLoadsNoCodecEither() throws Exception {
    Run run = run("list-pets");

    assertThat(run.response("list-pets"))
        .contains("\"statusCode\":200")
        .contains("[{\\\"id\\\":1,\\\"name\\\":\\\"Rex\\\"");
    assertThat(run.loaded(0, run.lines.size()))
        .doesNotContain("com.fasterxml.jackson.core.ObjectCodec");
    assertThat(run.databind(0, run.lines.size())).isEmpty();
  }

  /** {@code Foo$$Lambda$12/0x0000...} (Java 17) and {@code Foo$$Lambda/0x...} (Java 21+). */
  private static String withoutLambdaNumber(String name) {
    int at = name.indexOf("$$Lambda");
    return at < 0 ? name : name.substring(0, at) + "$$Lambda";
  }

  @Test
  void anAuthorizedPostAfterAColdGetLoadsNoDatabindClass() throws Exception {
    Run run = run("get-pet", "post-pet-authorized");

    assertThat(run.response("post-pet-authorized"))
        .contains("\"statusCode\":201")
        .contains("X-Created-By");
    // The @Body record read by its generated reader, the authorizer's scope and principal read
    // with jackson-core, the 201 written by the generated writer: not one databind class.
    assertThat(run.databind(0, run.lines.size())).isEmpty();
  }

  @Test
  void postWithABodyAndItsProblemsLoadNoDatabindClass() throws Exception {
    // The same POST /pets event, served by a route without an authorizer requirement: the body is
    // read by the generated reader, the strict-binding 400 written with jackson-core.
    Run run = run("--no-authorizer", "post-pet-authorized", "post-pet-invalid");

    assertThat(run.response("post-pet-authorized"))
        .contains("\"statusCode\":200")
        .contains("{\\\"id\\\":1,\\\"name\\\":\\\"Fido\\\",\\\"tag\\\":\\\"dog\\\"}");
    assertThat(run.response("post-pet-invalid"))
        .contains("\"statusCode\":400")
        .contains(
            "\\\"detail\\\":\\\"Invalid JSON body: 2 problems\\\"",
            "\\\"field\\\":\\\"name\\\"",
            "\\\"detail\\\":\\\"must be a string (line 1, column 9)\\\"",
            "\\\"detail\\\":\\\"must not appear more than once (line 1, column 29)\\\"");
    assertThat(run.databind(0, run.lines.size())).isEmpty();
  }

  @Test
  void anInvalidBodyIsCheckedByGeneratedCodeWithoutAValidator() throws Exception {
    Run run = run("get-pet", "invalid-pet-authorized");

    assertThat(run.response("invalid-pet-authorized"))
        .contains("\"statusCode\":400")
        .contains("\\\"detail\\\":\\\"Invalid request: 2 problems\\\"")
        .contains("\\\"field\\\":\\\"name\\\",\\\"pointer\\\":\\\"#/name\\\"")
        .contains("\\\"detail\\\":\\\"size must be between 0 and 50\\\"");
    List<String> loaded =
        run.loaded(run.marker("@@request invalid-pet-authorized"), run.lines.size());
    // The generated checks and the runtime's collector: no validator, no EL.
    assertThat(loaded)
        .contains(
            "dev.portico.samples.petstore.PetController_Routes$Validation",
            "dev.portico.api.runtime.Violations")
        .noneMatch(
            name ->
                name.startsWith("org.hibernate.")
                    || name.startsWith("jakarta.el.")
                    || name.startsWith("org.glassfish.")
                    || name.startsWith("jakarta.validation.Validat")
                    || name.startsWith("jakarta.validation.Configuration")
                    || name.startsWith("jakarta.validation.ConstraintViolation"));
    // Jackson's record reading may touch the annotations (jakarta.validation.Constraint and the
    // like): annotation types are all that jakarta.validation-api contributes.
  }

  private record Run(List<String> lines) {
    int marker(String line) {
      int i = lines.indexOf(line);
      assertThat(i).as("marker %s in the child's output", line).isNotNegative();
      return i;
    }

    String response(String name) {
      String prefix = "@@response " + name + " ";
      return lines.stream()
          .filter(l -> l.startsWith(prefix))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no response to " + name + " in " + lines));
    }

    /** Every class loaded between the two line indexes. */
    List<String> loaded(int from, int to) {
      List<String> loaded = new ArrayList<>();
      for (String line : lines.subList(from, to)) {
        int at = line.indexOf("[class,load] ");
        if (at >= 0) {
          String rest = line.substring(at + "[class,load] ".length());
          loaded.add(rest.substring(0, rest.indexOf(' ')));
        }
      }
      return loaded;
    }

    /** The databind classes loaded between the two line indexes. */
    List<String> databind(int from, int to) {
      List<String> loaded = new ArrayList<>();
      for (String line : lines.subList(from, to)) {
        int at = line.indexOf(" com.fasterxml.jackson.databind.");
        if (line.contains("[class,load]") && at >= 0) {
          loaded.add(line.substring(at + 1, line.indexOf(' ', at + 1)));
        }
      }
      return loaded;
    }
  }

  private static Run run(String... events) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xlog:class+load=info:stdout");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(ColdPathMain.class.getName());
    command.addAll(List.of(events));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String text = new String(output, StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(text).isZero();
    List<String> lines = text.lines().toList();
    assertThat(lines).as("the class-load log").anyMatch(l -> l.contains("[class,load]"));
    assertThat(lines).contains("@@done");
    return new Run(lines);
  }
}
