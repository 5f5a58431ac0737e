package dev.portico.samples.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.local.GatewayOptions;
import dev.portico.local.LocalGateway;
import dev.portico.local.config.GatewayConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The chat page in a real browser: headless Chromium (Debian's {@code chromium} package, or the
 * executable named by {@code CHROMIUM_PATH}) driven by {@code puppeteer-core} from npm opens the
 * page served by lambda-local in two tabs, joins a room in both, sends from one and sees the
 * message in the other (browser-test/chat-two-tabs.mjs). The npm package is installed by this test
 * into browser-test/node_modules when missing. Nothing is skipped: without Chromium or Node.js the
 * test fails, saying what to install.
 */
class ChatBrowserTest {
  private static final Path SCRIPTS = Path.of("browser-test");

  @Test
  void aMessageSentInOneTabAppearsInTheOther() throws Exception {
    String chromium = chromium();
    String node =
        executable("node", "Node.js (Debian package nodejs) is needed to run puppeteer-core");
    installPuppeteer();
    try (LocalGateway gateway =
        LocalGateway.start(
            GatewayConfig.fromTemplate(
                Path.of("template.yaml"), Map.of("ConnectionStore", "memory")),
            GatewayOptions.defaults().withPort(0),
            Map.of())) {
      Run run = run(List.of(node, "chat-two-tabs.mjs", gateway.uri("/").toString(), chromium), 60);
      assertThat(run.exit()).as(run.output()).isZero();
      assertThat(run.output()).contains("OK alice: hello from tab one ");
    }
  }

  private static String chromium() {
    String configured = System.getenv("CHROMIUM_PATH");
    String path = configured != null && !configured.isBlank() ? configured : "/usr/bin/chromium";
    if (!Files.isExecutable(Path.of(path))) {
      throw new AssertionError(
          "ChatBrowserTest needs headless Chromium at "
              + path
              + ": install Debian's package (apt-get update && apt-get install -y chromium; .ci/run"
              + " does) or set CHROMIUM_PATH to a Chromium executable");
    }
    return path;
  }

  private static String executable(String name, String why) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    throw new AssertionError(name + " is not on the PATH: " + why);
  }

  /** {@code npm install} of the pinned puppeteer-core, once per checkout. */
  private static void installPuppeteer() throws Exception {
    if (Files.isDirectory(SCRIPTS.resolve("node_modules/puppeteer-core"))) {
      return;
    }
    String npm = executable("npm", "npm (Debian package npm) installs puppeteer-core");
    Run install = run(List.of(npm, "install", "--no-audit", "--no-fund", "--loglevel=error"), 300);
    assertThat(install.exit())
        .as("npm install in samples/chat/browser-test failed:\n" + install.output())
        .isZero();
  }

  private record Run(int exit, String output) {}

  private static Run run(List<String> command, int seconds)
      throws IOException, InterruptedException {
    Path log = Files.createTempFile("chat-browser-test", ".log");
    try {
      Process process =
          new ProcessBuilder(command)
              .directory(SCRIPTS.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        return new Run(-1, "timed out after " + seconds + " s:\n" + Files.readString(log));
      }
      return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(log);
    }
  }
}
