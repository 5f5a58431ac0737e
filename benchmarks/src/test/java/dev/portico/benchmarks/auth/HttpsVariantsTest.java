package dev.portico.benchmarks.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The https authorizer variants (docs/performance.md, "The authorizer with an https issuer") fetch
 * their keys over TLS and check the issuer's certificate: with the trust store {@link LocalTls}
 * makes, the JWT floor and the config-file authorizer allow the https issuer's token; with the
 * JDK's own trust store, which does not know the issuer's self-signed certificate, neither gets a
 * key. Each runs in a child JVM, as in the cold-start runs, since the JDK reads {@code
 * javax.net.ssl.trustStore} once per JVM.
 */
class HttpsVariantsTest {
  @TempDir static Path dir;

  private static LocalTls tls;
  private static LocalIssuer issuer;
  private static Path event;

  @BeforeAll
  static void start() throws Exception {
    tls = LocalTls.create(dir.resolve("tls"));
    issuer = LocalIssuer.start(dir, tls);
    event = dir.resolve("events_authorizer-token-https.json");
  }

  @AfterAll
  static void stop() {
    issuer.close();
  }

  @Test
  void theHttpsIssuerIsServedOverTlsAtAnHttpsUrl() {
    assertThat(issuer.url()).startsWith("https://127.0.0.1:");
    assertThat(event).exists();
  }

  @Test
  void withTheIssuersCertificateTrustedBothVariantsAllowItsToken() throws Exception {
    List<String> lines = child("-Djavax.net.ssl.trustStore=" + tls.trustStore());

    assertThat(lines)
        .anySatisfy(l -> assertThat(l).startsWith("floor: ").contains("\"Effect\":\"Allow\""))
        .anySatisfy(l -> assertThat(l).startsWith("authorizer: ").contains("\"Effect\":\"Allow\""));
  }

  @Test
  void anIssuerWhoseCertificateIsNotTrustedGivesNeitherVariantAKey() throws Exception {
    List<String> lines = child();

    // The floor fetches at init and fails there; the authorizer fetches on the first token and,
    // with no key, refuses it (the exception Lambda turns into API Gateway's 401).
    assertThat(lines).contains("floor: javax.net.ssl.SSLHandshakeException");
    assertThat(lines).contains("authorizer: dev.portico.authorizer.UnauthorizedException");
    assertThat(lines)
        .anySatisfy(
            l ->
                assertThat(l)
                    .contains("decision=unauthorized")
                    .contains("reason=\"keys_unavailable\""));
  }

  /** Runs {@link HttpsVariantsMain} in a fresh JVM with these flags; its output lines. */
  private static List<String> child(String... flags) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(flags));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(HttpsVariantsMain.class.getName());
    command.add(issuer.url());
    command.add(event.toString());
    Path output = Files.createTempFile(dir, "child", ".txt");
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the child JVM finished").isTrue();
    List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(String.join("\n", lines)).isZero();
    return lines;
  }
}
