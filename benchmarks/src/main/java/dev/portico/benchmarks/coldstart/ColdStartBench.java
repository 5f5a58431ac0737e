package dev.portico.benchmarks.coldstart;

import dev.portico.benchmarks.auth.LocalIssuer;
import dev.portico.benchmarks.auth.LocalTls;
import dev.portico.benchmarks.auth.SamlFixture;
import dev.portico.benchmarks.websocket.LocalConnectionsEndpoint;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The cold-start driver: starts a fresh JVM per run for each variant, with Lambda's flags, and
 * reports whole-process wall time (spawn until the response arrives; JVM exit is not counted, as
 * Lambda keeps the process), time from {@code main} to the first response, and peak RSS at the
 * first response (median and p90), plus the classes loaded and the deployable's size. Modes: {@code
 * plain}; {@code appcds} (a dynamic AppCDS archive built for the variant by a training run); {@code
 * primed} (the handler answers one request before the measured one, as SnapStart priming would
 * before the snapshot; restore cost is not modelled); {@code aot} (JDK 25's ahead-of-time cache,
 * written by a training run with {@code -XX:AOTCacheOutput} and used with {@code -XX:AOTCache}; the
 * driver, and with it every variant, must run on JDK 25 or later).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.portico.benchmarks.coldstart.ColdStartBench \
 *     --runs 20 --variants baseline,portico --modes plain,appcds,primed
 * </pre>
 *
 * <p>Runs are interleaved (run 1 of every variant, then run 2, ...) so a noisy moment on a shared
 * machine hurts all variants alike, and one unmeasured run per variant warms the file cache.
 */
public final class ColdStartBench {
  /**
   * Variables the driver's own environment may hold that change how a runtime starts, none of which
   * AWS Lambda sets by default: each variant starts without them. NODE_EXTRA_CA_CERTS, for one,
   * makes Node.js read a CA bundle on every start (this machine sets it; Lambda's Node.js 20+
   * runtimes leave it unset to cut cold starts).
   */
  public static final List<String> UNSET =
      List.of(
          "NODE_EXTRA_CA_CERTS",
          "NODE_OPTIONS",
          "JAVA_TOOL_OPTIONS",
          "JDK_JAVA_OPTIONS",
          "_JAVA_OPTIONS");

  /**
   * The JVM flags of every run: Lambda's tiered-compilation setting and serial GC. Class data
   * sharing is left at its default ({@code -Xshare:auto}), which JDK 25's {@code -XX:AOTCache}
   * options refuse to be combined with when it is given explicitly.
   */
  public static final List<String> LAMBDA_FLAGS =
      List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx448m");

  private final Path variantsDir;
  private final Path workDir;
  private final String java;
  private final Map<String, String> substitutions;

  ColdStartBench(Path variantsDir, Path workDir, String java, Map<String, String> substitutions) {
    this.variantsDir = variantsDir;
    this.workDir = workDir;
    this.java = java;
    this.substitutions = substitutions;
  }

  /** Runs the benchmark; {@code --help} lists the options. */
  public static void main(String[] args) throws Exception {
    Map<String, String> options = parse(args);
    if (options.containsKey("help")) {
      System.out.println(
          "options: --runs N (15) --variants a,b (every built one) --modes plain,appcds,primed,aot"
              + " --dir benchmarks/target/variants --out benchmarks/target/cold-start.md"
              + " --extra NAME=JAR=HANDLER[=LIKE],... (more variants, e.g. another commit's jar;"
              + " LIKE names a variant whose event, answer and environment it takes)");
      return;
    }
    int runs = Integer.parseInt(options.getOrDefault("runs", "15"));
    Path dir = Path.of(options.getOrDefault("dir", "benchmarks/target/variants"));
    Path out = Path.of(options.getOrDefault("out", "benchmarks/target/cold-start.md"));
    List<String> modes = Arrays.asList(options.getOrDefault("modes", "plain").split(","));
    if (modes.contains("aot") && Runtime.version().feature() < 25) {
      throw new IllegalArgumentException(
          "--modes aot needs JDK 25 or later to run the driver (it runs every variant), got "
              + Runtime.version());
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    List<Variant> known = new ArrayList<>(Variant.all());
    if (options.containsKey("extra")) {
      for (String spec : options.get("extra").split(",")) {
        known.add(Variant.extra(spec));
      }
    }
    List<Variant> variants = new ArrayList<>();
    List<String> wanted =
        options.containsKey("variants")
            ? Arrays.asList(options.get("variants").split(","))
            : known.stream().map(Variant::name).toList();
    for (Variant v : known) {
      if (!wanted.contains(v.name())) {
        continue;
      }
      Path built =
          v.runtime().equals(Variant.NODE)
              ? dir.resolve(v.jar()).resolve("node_modules")
              : dir.resolve(v.jar());
      if (Files.exists(built)) {
        variants.add(v);
      } else {
        System.err.println("skipping " + v.name() + ": " + built + " not built");
      }
    }
    Path work = out.toAbsolutePath().getParent().resolve("cold-start");
    Files.createDirectories(work);

    // The https issuer (its own key and certificate, made with keytool) only when a variant
    // fetches from it.
    LocalTls tls =
        variants.stream().anyMatch(v -> v.group().equals(Variant.AUTHORIZER_HTTPS))
            ? LocalTls.create(work.resolve("tls"))
            : null;
    try (LocalIssuer issuer = LocalIssuer.start(work);
        LocalIssuer httpsIssuer = tls == null ? null : LocalIssuer.start(work, tls);
        LocalConnectionsEndpoint connections = LocalConnectionsEndpoint.start()) {
      if (variants.stream().anyMatch(v -> v.name().equals("saml"))) {
        SamlFixture.write(work, java);
      }
      ColdStartBench bench =
          new ColdStartBench(
              dir,
              work,
              java,
              Map.of(
                  "${issuer}",
                  issuer.url(),
                  "${issuer-https}",
                  httpsIssuer == null ? "" : httpsIssuer.url(),
                  "${truststore}",
                  tls == null ? "" : tls.trustStore().toString(),
                  "${issuer-pem}",
                  tls == null ? "" : tls.certificatePem().toString(),
                  "${config}",
                  work.resolve("authorizer.yaml").toString(),
                  "${config-static}",
                  work.resolve("authorizer-static.yaml").toString(),
                  "${jwks}",
                  issuer.jwks(),
                  "${work}",
                  work.toString(),
                  "${connections}",
                  connections.endpoint(),
                  "${introspection-secret}",
                  LocalIssuer.INTROSPECTION_CLIENT_SECRET));
      StringBuilder report = new StringBuilder();
      report
          .append("# Cold start, ")
          .append(Instant.now())
          .append("\n\n")
          .append(runs)
          .append(" fresh JVMs per variant and mode; flags ")
          .append(String.join(" ", LAMBDA_FLAGS))
          .append("; ")
          .append(System.getProperty("java.vm.name"))
          .append(' ')
          .append(System.getProperty("java.runtime.version"))
          .append(
              variants.stream().anyMatch(v -> v.runtime().equals(Variant.NODE))
                  ? "; Node.js " + nodeVersion()
                  : "")
          .append("; ")
          .append(Runtime.getRuntime().availableProcessors())
          .append(" CPUs; removed from every variant's environment: ")
          .append(String.join(", ", UNSET))
          .append(".\n\n");
      for (String mode : modes) {
        report.append(bench.runMode(mode, variants, runs));
      }
      Files.writeString(out, report.toString());
      System.out.println(report);
      System.out.println("written to " + out);
    }
  }

  /** What {@code node --version} prints (the Node.js peers' runtime), or why it printed nothing. */
  private static String nodeVersion() {
    try {
      Process node =
          new ProcessBuilder(System.getenv().getOrDefault("NODE", "node"), "--version")
              .redirectErrorStream(true)
              .start();
      String version = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return node.waitFor(30, TimeUnit.SECONDS) && node.exitValue() == 0
          ? version.trim()
          : "(node --version failed)";
    } catch (IOException e) {
      return "(node not found: " + e.getMessage() + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "(interrupted)";
    }
  }

  /**
   * A mode whose runs use what a training run of the variant wrote: AppCDS's dynamic archive, or
   * JDK 25's ahead-of-time cache (JEP 483, JEP 514: classes loaded and linked, with their resolved
   * constant pools).
   */
  private record Training(String suffix, String writeFlag, String useFlag, String what) {
    /** The training of a mode, or null for a mode without one. */
    static Training of(String mode) {
      return switch (mode) {
        case "appcds" ->
            new Training(
                ".jsa", "-XX:ArchiveClassesAtExit=", "-XX:SharedArchiveFile=", "the archive");
        case "aot" -> new Training(".aot", "-XX:AOTCacheOutput=", "-XX:AOTCache=", "the AOT cache");
        default -> null;
      };
    }
  }

  /** Measures every variant in one mode and returns a markdown table. */
  String runMode(String mode, List<Variant> variants, int runs) throws Exception {
    String loadBefore = ColdStartReport.loadAverage();
    Map<String, List<Sample>> samples = new LinkedHashMap<>();
    Map<String, List<String>> extraFlags = new HashMap<>();
    StringBuilder notes = new StringBuilder();
    List<Variant> failed = new ArrayList<>();
    for (Variant v : variants) {
      List<String> flags = new ArrayList<>();
      if (!mode.equals("plain") && v.runtime().equals(Variant.NODE)) {
        notes.append("- ").append(v.name()).append(": Node.js, measured in plain mode only\n");
        failed.add(v);
        continue;
      }
      Training training = Training.of(mode);
      if (training != null) {
        Path archive = workDir.resolve(v.name() + training.suffix());
        Files.deleteIfExists(archive);
        try {
          run(v, List.of(training.writeFlag() + archive), false);
        } catch (IllegalStateException e) {
          System.err.println(e.getMessage());
          notes.append("- ").append(v.name()).append(": ").append(training.what());
          notes.append(" could not be built; see ");
          notes.append(workDir.resolve(v.name() + ".stderr.log")).append('\n');
          failed.add(v);
          continue;
        }
        flags.add(training.useFlag() + archive);
      }
      samples.put(v.name(), new ArrayList<>());
      extraFlags.put(v.name(), flags);
      run(v, flags, mode.equals("primed")); // unmeasured: warms the file cache
    }
    variants = new ArrayList<>(variants);
    variants.removeAll(failed);
    for (int i = 0; i < runs; i++) {
      for (Variant v : variants) {
        samples.get(v.name()).add(run(v, extraFlags.get(v.name()), mode.equals("primed")));
      }
      System.err.print(".");
    }
    System.err.println(" " + mode + " done");

    Map<String, Integer> classes = new HashMap<>();
    Map<String, ClassGroups> groups = new LinkedHashMap<>();
    for (Variant v : variants) {
      if (v.runtime().equals(Variant.NODE)) {
        classes.put(v.name(), -1);
        continue;
      }
      Path log = workDir.resolve(v.name() + "-" + mode + "-classes.log");
      List<String> flags = new ArrayList<>(extraFlags.get(v.name()));
      flags.add("-Xlog:class+load=info:file=" + log);
      run(v, flags, mode.equals("primed"));
      ClassGroups counted = ClassGroups.of(log);
      classes.put(v.name(), counted.total());
      groups.put(v.name(), counted);
    }
    Map<String, Long> deployableKb = new HashMap<>();
    for (Variant v : variants) {
      deployableKb.put(v.name(), deployableBytes(v) / 1024);
    }
    return ColdStartReport.table(mode, variants, samples, classes, deployableKb)
        + ClassGroups.table(groups)
        + "Load average (1, 5, 15 min; /proc/loadavg) before: "
        + loadBefore
        + "; after: "
        + ColdStartReport.loadAverage()
        + ". The machine is shared: absolute times grow with the load, ratios between variants"
        + " of one run (interleaved) much less.\n\n"
        + (notes.isEmpty() ? "" : notes + "\n");
  }

  /** Starts one fresh JVM for the variant and waits for its answer. */
  Sample run(Variant v, List<String> extraFlags, boolean primed) throws Exception {
    Path event = resource(v.event());
    List<String> command = new ArrayList<>();
    if (v.runtime().equals(Variant.NODE)) {
      // The same protocol as the JVM harness: one RESULT line, then the RESPONSE line.
      command.add(System.getenv().getOrDefault("NODE", "node"));
      command.add(variantsDir.resolve(v.jar()).resolve(v.handler()).toString());
      command.add(event.toString());
    } else {
      command.add(java);
      command.addAll(LAMBDA_FLAGS);
      command.addAll(extraFlags);
      command.add("-cp");
      command.add(variantsDir.resolve("harness.jar") + ":" + classPath(v));
      command.add("dev.portico.benchmarks.coldstart.harness.ColdStartMain");
      command.add(v.handler());
      command.add(event.toString());
      if (primed) {
        command.add(event.toString());
      }
    }
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeAll(UNSET);
    for (Map.Entry<String, String> e : v.env().entrySet()) {
      String value = e.getValue();
      for (Map.Entry<String, String> s : substitutions.entrySet()) {
        value = value.replace(s.getKey(), s.getValue());
      }
      builder.environment().put(e.getKey(), value);
    }
    builder.redirectError(workDir.resolve(v.name() + ".stderr.log").toFile());
    long start = System.nanoTime();
    Process process = builder.start();
    long wall = -1;
    StringBuilder output = new StringBuilder();
    try (java.io.BufferedReader in =
        new java.io.BufferedReader(
            new java.io.InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (wall < 0 && line.startsWith("RESPONSE ")) {
          // The response is out: that is the end of the cold start (JVM exit is not counted).
          wall = System.nanoTime() - start;
        }
        output.append(line).append('\n');
      }
    }
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(v.name() + " did not finish in 120 s");
    }
    if (process.exitValue() != 0 || !output.toString().contains(v.expected())) {
      throw new IllegalStateException(
          v.name()
              + " failed (exit "
              + process.exitValue()
              + ", see "
              + workDir.resolve(v.name() + ".stderr.log")
              + "): "
              + output);
    }
    return Sample.parse(output.toString(), wall);
  }

  /**
   * The variant's class path as Lambda builds it: a jar, or for a directory (a zip deployable,
   * unpacked, whose classes are all in jars under {@code lib/}) every jar in its {@code lib/}. The
   * directory itself is left off when it holds nothing but {@code lib/} (AppCDS on Java 17 refuses
   * a non-empty directory on the class path); a package with files at its root (the authorizer-only
   * sample's YAML file) has it first, as Lambda's {@code /var/task}.
   */
  private String classPath(Variant v) throws IOException {
    Path deployable = variantsDir.resolve(v.jar());
    if (Files.isDirectory(deployable)) {
      String lib = deployable.resolve("lib") + "/*";
      try (var entries = Files.list(deployable)) {
        boolean rootFiles = entries.anyMatch(p -> !p.getFileName().toString().equals("lib"));
        return rootFiles ? deployable + ":" + lib : lib;
      }
    }
    return deployable.toString();
  }

  /** The size of what would be uploaded: the jar, or a directory zipped as Lambda takes it. */
  long deployableBytes(Variant v) throws IOException {
    Path deployable = variantsDir.resolve(v.jar());
    if (!Files.isDirectory(deployable)) {
      return Files.size(deployable);
    }
    Path zip = workDir.resolve(v.name() + ".zip");
    try (java.util.zip.ZipOutputStream out =
            new java.util.zip.ZipOutputStream(Files.newOutputStream(zip));
        var files = Files.walk(deployable)) {
      for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
        out.putNextEntry(new java.util.zip.ZipEntry(deployable.relativize(file).toString()));
        Files.copy(file, out);
        out.closeEntry();
      }
    }
    return Files.size(zip);
  }

  private Path resource(String name) throws IOException {
    Path file = workDir.resolve(name.replace('/', '_'));
    if (!Files.exists(file) || !name.contains("authorizer")) {
      try (InputStream in = ColdStartBench.class.getClassLoader().getResourceAsStream(name)) {
        if (in == null) {
          throw new IOException("no resource " + name);
        }
        Files.write(file, in.readAllBytes());
      }
    }
    return file;
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument " + args[i]);
      }
      String key = args[i].substring(2);
      if (key.equals("help")) {
        options.put(key, "");
      } else if (i + 1 < args.length) {
        options.put(key, args[++i]);
      } else {
        throw new IllegalArgumentException("--" + key + " needs a value");
      }
    }
    return options;
  }
}
