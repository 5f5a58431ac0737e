package dev.portico.testing.dynalite;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Installs dynalite from npm once per machine, into {@code ~/.cache/portico/dynalite-<version>} (or
 * the directory named by the system property {@code portico.dynalite.home} or the environment
 * variable {@code PORTICO_DYNALITE_HOME}). Builds that run at the same time, in one JVM or several,
 * wait for each other through a file lock; an install that fails leaves nothing half-done behind.
 */
public final class DynaliteInstaller {
  private static final long INSTALL_TIMEOUT_MINUTES = 5;

  private DynaliteInstaller() {}

  /** The directory dynalite is installed in. */
  public static Path home() {
    String configured = System.getProperty("portico.dynalite.home");
    if (configured == null || configured.isBlank()) {
      configured = System.getenv("PORTICO_DYNALITE_HOME");
    }
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured).toAbsolutePath();
    }
    return Path.of(
        System.getProperty("user.home"), ".cache", "portico", "dynalite-" + Dynalite.VERSION);
  }

  /**
   * Returns the launcher script of an installed dynalite, installing it first if needed.
   *
   * @throws IllegalStateException when npm is missing or the install fails, with npm's output
   */
  public static synchronized Path installed() {
    Path home = home();
    Path launcher = home.resolve("launch.js");
    if (isComplete(home)) {
      return launcher;
    }
    try {
      Files.createDirectories(home.getParent());
      try (FileChannel channel =
          FileChannel.open(
              home.resolveSibling(home.getFileName() + ".lock"),
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE)) {
        FileLock lock = channel.lock();
        try {
          if (!isComplete(home)) {
            install(home);
          }
        } finally {
          lock.release();
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("dynalite could not be installed in " + home + ": " + e, e);
    }
    return launcher;
  }

  private static boolean isComplete(Path home) {
    return Files.isRegularFile(home.resolve("launch.js"))
        && Files.isRegularFile(home.resolve("node_modules/dynalite/package.json"));
  }

  private static void install(Path home) throws IOException {
    Path staging =
        home.resolveSibling(home.getFileName() + ".staging-" + ProcessHandle.current().pid());
    deleteTree(staging);
    Files.createDirectories(staging);
    try {
      runNpm(staging);
      try (InputStream script = DynaliteInstaller.class.getResourceAsStream("launch.js")) {
        if (script == null) {
          throw new IllegalStateException("launch.js is missing from portico-dynalite's jar");
        }
        Files.copy(script, staging.resolve("launch.js"));
      }
      deleteTree(home);
      try {
        Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(staging, home);
      }
    } finally {
      deleteTree(staging);
    }
  }

  private static void runNpm(Path directory) throws IOException {
    List<String> command =
        List.of(
            "npm",
            "install",
            "--prefix",
            directory.toString(),
            "--no-audit",
            "--no-fund",
            "--no-save",
            "--loglevel=error",
            "dynalite@" + Dynalite.VERSION);
    Process npm;
    try {
      npm =
          new ProcessBuilder(command)
              .directory(directory.toFile())
              .redirectErrorStream(true)
              .start();
    } catch (IOException e) {
      throw new IllegalStateException(
          "dynalite could not be installed: 'npm' is not on the PATH (install Node.js and npm, e.g."
              + " apt-get install nodejs npm)",
          e);
    }
    npm.getOutputStream().close();
    byte[] output = npm.getInputStream().readAllBytes();
    try {
      if (!npm.waitFor(INSTALL_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        npm.destroyForcibly();
        throw new IllegalStateException(
            "npm install dynalite@"
                + Dynalite.VERSION
                + " took more than "
                + INSTALL_TIMEOUT_MINUTES
                + " minutes");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      npm.destroyForcibly();
      throw new IllegalStateException("interrupted while npm installed dynalite", e);
    }
    if (npm.exitValue() != 0) {
      throw new IllegalStateException(
          "npm install dynalite@"
              + Dynalite.VERSION
              + " failed with exit code "
              + npm.exitValue()
              + ": "
              + new String(output, StandardCharsets.UTF_8).strip());
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
