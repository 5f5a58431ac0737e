package dev.portico.benchmarks.coldstart;

import java.util.HashMap;
import java.util.Map;

/**
 * One run's measurements.
 *
 * @param wallMs whole process, from spawning the JVM until its response arrives on the pipe
 * @param initMs loading and constructing the handler
 * @param firstMs the measured request
 * @param mainToResponseMs from {@code main} (after reading the event file) to the response
 * @param rssMb peak RSS at the first response
 */
record Sample(double wallMs, double initMs, double firstMs, double mainToResponseMs, double rssMb) {
  static Sample parse(String output, long wallNanos) {
    for (String line : output.split("\n")) {
      if (line.startsWith("RESULT ")) {
        Map<String, Long> values = new HashMap<>();
        for (String pair : line.substring(7).trim().split(" ")) {
          String[] kv = pair.split("=");
          values.put(kv[0], Long.parseLong(kv[1]));
        }
        return new Sample(
            wallNanos / 1e6,
            values.get("init_us") / 1e3,
            values.get("first_us") / 1e3,
            values.get("main_to_response_us") / 1e3,
            values.get("hwm_kb") / 1024.0);
      }
    }
    throw new IllegalStateException("no RESULT line in: " + output);
  }
}
