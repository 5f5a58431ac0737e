package dev.portico.benchmarks.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.benchmarks.coldstart.ColdStartBench;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocket;
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
    if (issuer != null) {
      issuer.close();
    }
  }

  @Test
  void theHttpsIssuerServesItsJwksOverTlsToAClientTrustingItsCertificate() throws Exception {
    URI jwks = URI.create(issuer.url() + "/jwks.json");
    try (SSLSocket socket =
        (SSLSocket) tls.clientSockets().createSocket(jwks.getHost(), jwks.getPort())) {
      socket.startHandshake();
      socket
          .getOutputStream()
          .write(
              ("GET /jwks.json HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

      assertThat(jwks.getScheme()).isEqualTo("https");
      assertThat(socket.getSession().getProtocol()).startsWith("TLS");
      assertThat(answer).startsWith("HTTP/1.1 200").contains("\"kid\":\"" + LocalIssuer.KID + "\"");
    }
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

    assertNeitherGetsAKey(
        lines,
        "unable to find valid certification path to requested target",
        // The authorizer's log quotes the start of a long message only.
        "PKIX path building failed");
  }

  @Test
  void aTrustedCertificateForAnotherHostGivesNeitherVariantAKey() throws Exception {
    // Trusted (it is in the trust store) but naming another host: the host-name check refuses it.
    LocalTls otherHost = LocalTls.create(dir.resolve("tls-other-host"), "dns:other.example");
    try (LocalIssuer wrongName = LocalIssuer.start(dir.resolve("other-host"), otherHost)) {
      List<String> lines =
          child(
              wrongName.url(),
              dir.resolve("other-host").resolve("events_authorizer-token-https.json"),
              "-Djavax.net.ssl.trustStore=" + otherHost.trustStore());

      String wrongHost = "No subject alternative names matching IP address 127.0.0.1 found";
      assertNeitherGetsAKey(lines, wrongHost, wrongHost);
    }
  }

  /**
   * The floor, which fetches at init, fails its handshake for {@code reason}; the authorizer, which
   * fetches on the first token, logs why ({@code logged}) and refuses the token for want of a key
   * (the exception Lambda turns into API Gateway's 401). Java 25 puts the TLS alert,
   * "(certificate_unknown) ", before the JDK's reason, so the lines are matched by their start and
   * their end.
   */
  private static void assertNeitherGetsAKey(List<String> lines, String reason, String logged) {
    assertThat(lines)
        .anySatisfy(
            l ->
                assertThat(l)
                    .startsWith("floor: javax.net.ssl.SSLHandshakeException: ")
                    .endsWith(reason));
    assertThat(lines)
        .anySatisfy(
            l ->
                assertThat(l)
                    .contains("JWKS for issuer")
                    .contains("SSLHandshakeException: ")
                    .contains(logged));
    assertThat(lines)
        .anySatisfy(
            l ->
                assertThat(l)
                    .contains("decision=unauthorized")
                    .contains("reason=\"keys_unavailable\""));
    assertThat(lines)
        .contains("authorizer: dev.portico.authorizer.UnauthorizedException: Unauthorized");
  }

  /** Runs {@link HttpsVariantsMain} against the issuer in a fresh JVM with these flags. */
  private static List<String> child(String... flags) throws Exception {
    return child(issuer.url(), event, flags);
  }

  /** Runs {@link HttpsVariantsMain} in a fresh JVM with these flags; its output lines. */
  private static List<String> child(String issuerUrl, Path eventFile, String... flags)
      throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(flags));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(HttpsVariantsMain.class.getName());
    command.add(issuerUrl);
    command.add(eventFile.toString());
    Path output = Files.createTempFile(dir, "child", ".txt");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
    // As the cold-start runner does: no JVM options from this machine's environment.
    builder.environment().keySet().removeAll(ColdStartBench.UNSET);
    Process process = builder.start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the child JVM finished").isTrue();
    List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(String.join("\n", lines)).isZero();
    return lines;
  }
}
