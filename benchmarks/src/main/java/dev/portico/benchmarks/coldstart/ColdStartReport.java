package dev.portico.benchmarks.coldstart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The cold-start report's table for one mode: medians, p90s and ratios to each group's base. */
final class ColdStartReport {

  private ColdStartReport() {}

  /** The first three fields of {@code /proc/loadavg}, or "unknown". */
  static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
      return fields[0] + ", " + fields[1] + ", " + fields[2];
    } catch (IOException | ArrayIndexOutOfBoundsException e) {
      return "unknown";
    }
  }

  static String table(
      String mode,
      List<Variant> variants,
      Map<String, List<Sample>> samples,
      Map<String, Integer> classes,
      Map<String, Long> deployableKb) {
    StringBuilder t = new StringBuilder();
    t.append("## Mode: ").append(mode).append("\n\n");
    t.append(
        "| variant | wall p50 ms | wall p90 ms | main→response p50 ms | p90 ms | init p50 ms"
            + " | first request p50 ms | peak RSS p50 MB | p90 MB | classes loaded | jar KB"
            + " | wall × base | main→resp × base | RSS × base |\n");
    t.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Variant v : variants) {
      List<Sample> s = samples.get(v.name());
      Variant base = baseOf(v, variants);
      List<Sample> b = base == null ? null : samples.get(base.name());
      double wall = pct(s, Sample::wallMs, 50);
      double resp = pct(s, Sample::mainToResponseMs, 50);
      double rss = pct(s, Sample::rssMb, 50);
      t.append(
          String.format(
              Locale.ROOT,
              "| %s | %.0f | %.0f | %.0f | %.0f | %.0f | %.1f | %.1f | %.1f | %s | %d | %s | %s | %s |%n",
              v.name(),
              wall,
              pct(s, Sample::wallMs, 90),
              resp,
              pct(s, Sample::mainToResponseMs, 90),
              pct(s, Sample::initMs, 50),
              pct(s, Sample::firstMs, 50),
              rss,
              pct(s, Sample::rssMb, 90),
              classes.get(v.name()) < 0 ? "n/a" : String.valueOf(classes.get(v.name())),
              deployableKb.get(v.name()),
              ratio(wall, b, Sample::wallMs),
              ratio(resp, b, Sample::mainToResponseMs),
              ratio(rss, b, Sample::rssMb)));
    }
    t.append('\n');
    return t.toString();
  }

  private static Variant baseOf(Variant v, List<Variant> variants) {
    String baseName =
        switch (v.group()) {
          case Variant.API -> "baseline";
          case Variant.API_POST -> "floor-post";
          case Variant.CONNECTIONS -> "connections-jdk";
          case Variant.AUTHORIZER_HTTPS -> "jwt-floor-https";
          case Variant.AUTHORIZER_STATIC -> "jwt-floor-static";
          default -> "bare-jwt";
        };
    for (Variant candidate : variants) {
      if (candidate.name().equals(baseName)) {
        return candidate;
      }
    }
    return null;
  }

  private static String ratio(
      double value, List<Sample> base, java.util.function.ToDoubleFunction<Sample> metric) {
    if (base == null) {
      return "n/a";
    }
    return String.format(Locale.ROOT, "%.2f", value / pct(base, metric, 50));
  }

  /** Nearest-rank percentile. */
  static double pct(
      List<Sample> samples, java.util.function.ToDoubleFunction<Sample> metric, int percentile) {
    double[] values = samples.stream().mapToDouble(metric).sorted().toArray();
    int rank = (int) Math.ceil(percentile / 100.0 * values.length);
    return values[Math.max(0, Math.min(values.length - 1, rank - 1))];
  }
}
