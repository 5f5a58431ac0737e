package dev.portico.testing.dynalite;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A running dynalite server on 127.0.0.1. It accepts any credentials and region; tables live in
 * memory and disappear with the server. Start one with {@link #start()} or let {@link
 * DynaliteExtension} share one across a test run.
 */
public final class Dynalite implements AutoCloseable {
  /** The dynalite version installed from npm. */
  public static final String VERSION = "4.0.0";

  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final String PORT_LINE = "dynalite-port ";

  private final Process process;
  private final URI endpoint;

  private Dynalite(Process process, int port) {
    this.process = process;
    this.endpoint = URI.create("http://127.0.0.1:" + port);
  }

  /**
   * Installs dynalite if this machine does not have it yet (see {@link DynaliteInstaller}) and
   * starts a server on a free loopback port.
   *
   * @throws IllegalStateException when Node.js or npm is missing, the install fails, or the server
   *     does not start within a minute; the message says which and what to do
   */
  public static Dynalite start() {
    Path launcher = DynaliteInstaller.installed();
    ProcessBuilder builder = new ProcessBuilder("node", launcher.toString());
    builder.directory(launcher.getParent().toFile());
    builder.redirectErrorStream(true);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new IllegalStateException(
          "dynalite could not be started: 'node' is not on the PATH (install Node.js, e.g."
              + " apt-get install nodejs npm)",
          e);
    }
    List<String> output = new ArrayList<>();
    CompletableFuture<Integer> port = new CompletableFuture<>();
    Thread reader =
        new Thread(() -> readOutput(process, output, port), "dynalite-output-" + process.pid());
    reader.setDaemon(true);
    reader.start();
    try {
      return new Dynalite(process, port.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IllegalStateException("interrupted while dynalite was starting", e);
    } catch (ExecutionException | TimeoutException e) {
      process.destroyForcibly();
      synchronized (output) {
        throw new IllegalStateException(
            "dynalite did not start within "
                + START_TIMEOUT.toSeconds()
                + " s; its output: "
                + String.join(" | ", output),
            e);
      }
    }
  }

  private static void readOutput(
      Process process, List<String> output, CompletableFuture<Integer> port) {
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (!port.isDone() && line.startsWith(PORT_LINE)) {
          port.complete(Integer.parseInt(line.substring(PORT_LINE.length()).trim()));
        } else {
          synchronized (output) {
            if (output.size() < 50) {
              output.add(line);
            }
          }
        }
      }
    } catch (IOException | NumberFormatException e) {
      port.completeExceptionally(e);
    }
    port.completeExceptionally(
        new IllegalStateException("dynalite exited with " + exitValue(process)));
  }

  private static String exitValue(Process process) {
    try {
      return String.valueOf(process.waitFor(5, TimeUnit.SECONDS) ? process.exitValue() : "no exit");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }

  /**
   * Where the server listens, for the SDK's {@code endpointOverride}: {@code http://127.0.0.1:N}.
   */
  public URI endpoint() {
    return endpoint;
  }

  /** Whether the server process is still running. */
  public boolean isRunning() {
    return process.isAlive();
  }

  /** Stops the server: closes its standard input (it exits on that), then kills it if needed. */
  @Override
  public void close() {
    try (OutputStream stdin = process.getOutputStream()) {
      stdin.flush();
    } catch (IOException ignored) {
      // The process is gone already; nothing to close.
    }
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
