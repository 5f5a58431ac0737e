package dev.portico.benchmarks.auth;

import dev.portico.benchmarks.coldstart.ColdStartBench;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs {@link TlsSteps} in fresh C1-only JVMs against the local issuer over https (an RSA
 * certificate from {@link LocalTls}, trusted through a trust store of the JDK's CAs plus it, or
 * through one holding it alone), and prints the median of each step. The breakdown behind
 * docs/performance.md's "Where the JVM's time goes":
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.portico.benchmarks.auth.TlsStepsBench --runs 10
 * }</pre>
 */
public final class TlsStepsBench {
  private static final Pattern STEP = Pattern.compile("(\\w+)_us=(\\d+)");

  private TlsStepsBench() {}

  /** {@code [--runs N]} (default 10). */
  public static void main(String[] args) throws Exception {
    int runs = 10;
    if (args.length == 2 && args[0].equals("--runs") && args[1].matches("[1-9][0-9]{0,3}")) {
      runs = Integer.parseInt(args[1]);
    } else if (args.length != 0) {
      System.err.println("usage: TlsStepsBench [--runs N] (N from 1 to 9999, default 10)");
      System.exit(2);
    }
    Path work = Files.createTempDirectory("tls-steps");
    LocalTls tls = LocalTls.create(work.resolve("tls"));
    try (LocalIssuer issuer = LocalIssuer.start(null, tls)) {
      String url = issuer.url() + "/jwks.json";
      Path oneCa = onlyTheIssuer(tls, work.resolve("issuer-only"));
      System.out.print(table("the JDK's CAs and the issuer's", url, tls.trustStore(), runs));
      System.out.print(table("the issuer's certificate alone", url, oneCa, runs));
    }
  }

  /** A trust store with only {@code tls}'s certificate, written to {@code store}. */
  static Path onlyTheIssuer(LocalTls tls, Path store) throws IOException {
    Files.deleteIfExists(store);
    tls.addCertificateTo(store);
    return store;
  }

  /** The medians, in milliseconds, of {@code runs} fresh JVMs trusting {@code trustStore}. */
  static String table(String what, String url, Path trustStore, int runs) throws Exception {
    Map<String, List<Long>> steps = new LinkedHashMap<>();
    for (int i = 0; i < runs; i++) {
      for (Map.Entry<String, Long> step : run(url, trustStore).entrySet()) {
        steps.computeIfAbsent(step.getKey(), k -> new ArrayList<>()).add(step.getValue());
      }
    }
    StringBuilder out = new StringBuilder(what).append(", ").append(runs).append(" JVMs:");
    for (Map.Entry<String, List<Long>> step : steps.entrySet()) {
      List<Long> values = step.getValue();
      Collections.sort(values);
      out.append(' ')
          .append(step.getKey())
          .append(' ')
          .append(String.format(Locale.ROOT, "%.0f ms", values.get(values.size() / 2) / 1000.0));
    }
    return out.append('\n').toString();
  }

  /** One fresh JVM's steps, in microseconds. */
  static Map<String, Long> run(String url, Path trustStore) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(ColdStartBench.LAMBDA_FLAGS);
    command.add("-Djavax.net.ssl.trustStore=" + trustStore);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(TlsSteps.class.getName());
    command.add(url);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().keySet().removeAll(ColdStartBench.UNSET);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException("TlsSteps failed: " + output);
    }
    Map<String, Long> steps = new LinkedHashMap<>();
    Matcher m = STEP.matcher(output);
    while (m.find()) {
      steps.put(m.group(1), Long.parseLong(m.group(2)));
    }
    if (steps.size() != 4) {
      throw new IOException("TlsSteps printed no STEPS line: " + output);
    }
    return steps;
  }
}
