package dev.portico.benchmarks.auth;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS for the https issuer of the authorizer benchmarks, made with the JDK's {@code keytool} in a
 * directory: the issuer's RSA key and self-signed certificate for {@code 127.0.0.1} and {@code
 * localhost} ({@code issuer.p12}), the certificate as PEM for Node.js's {@code NODE_EXTRA_CA_CERTS}
 * ({@code issuer.pem}), and a trust store for the Java clients ({@code truststore}): the JDK's own
 * {@code cacerts} with that certificate added, readable without a password (a JKS store stays JKS;
 * a PKCS12 one is written without certificate encryption or a MAC), so that a client trusting it
 * does the work a Lambda function trusting a public CA does: parse every CA of the JDK's store.
 */
public final class LocalTls {
  /** The password of {@code issuer.p12} (a benchmark fixture, never a secret). */
  static final String PASSWORD = "changeit";

  private final Path dir;

  private LocalTls(Path dir) {
    this.dir = dir;
  }

  /**
   * Creates the files in {@code dir} (replacing earlier ones) with the running JDK's keytool, for a
   * certificate naming {@code 127.0.0.1} and {@code localhost}.
   */
  public static LocalTls create(Path dir) throws IOException {
    return create(dir, "ip:127.0.0.1,dns:localhost");
  }

  /**
   * The same for a certificate whose subject alternative names are {@code names}, in keytool's
   * {@code san=} form ({@code dns:other.example}): a certificate for another host, to check that
   * clients compare the host name.
   */
  public static LocalTls create(Path dir, String names) throws IOException {
    Files.createDirectories(dir);
    LocalTls tls = new LocalTls(dir);
    Files.deleteIfExists(tls.keyStore());
    Files.deleteIfExists(tls.certificatePem());
    Files.deleteIfExists(tls.trustStore());
    keytool(
        "-genkeypair",
        "-alias",
        "issuer",
        // RSA, as the certificates of most public identity providers are.
        "-keyalg",
        "RSA",
        "-keysize",
        "2048",
        "-dname",
        "CN=localhost",
        "-ext",
        "san=" + names,
        "-validity",
        "7",
        "-storetype",
        "PKCS12",
        "-keystore",
        tls.keyStore().toString(),
        "-storepass",
        PASSWORD,
        "-keypass",
        PASSWORD);
    keytool(
        "-exportcert",
        "-rfc",
        "-alias",
        "issuer",
        "-keystore",
        tls.keyStore().toString(),
        "-storepass",
        PASSWORD,
        "-file",
        tls.certificatePem().toString());
    Path cacerts = Path.of(System.getProperty("java.home"), "lib", "security", "cacerts");
    Files.copy(cacerts, tls.trustStore(), StandardCopyOption.REPLACE_EXISTING);
    if (!tls.trustStore().toFile().setWritable(true)) {
      throw new IOException("cannot make " + tls.trustStore() + " writable");
    }
    tls.addCertificateTo(tls.trustStore());
    return tls;
  }

  /**
   * Adds the issuer's certificate to the trust store {@code store}, created (PKCS12) if it does not
   * exist: a store holding it alone, or the copy of the JDK's CAs.
   */
  public void addCertificateTo(Path store) throws IOException {
    // A PKCS12 store is written without certificate encryption or a MAC, as the JDK ships cacerts:
    // a client reads it without a password, and pays no PBKDF2 for an integrity check Lambda's
    // never runs (the two properties do nothing to a JKS store, which needs neither).
    keytool(
        "-J-Dkeystore.pkcs12.certProtectionAlgorithm=NONE",
        "-J-Dkeystore.pkcs12.macAlgorithm=NONE",
        "-importcert",
        "-noprompt",
        "-alias",
        "portico-bench-issuer",
        "-file",
        certificatePem().toString(),
        "-keystore",
        store.toString(),
        "-storepass",
        PASSWORD);
  }

  /** The issuer's key and certificate (PKCS12, password {@value #PASSWORD}). */
  public Path keyStore() {
    return dir.resolve("issuer.p12");
  }

  /** The issuer's certificate, PEM. */
  public Path certificatePem() {
    return dir.resolve("issuer.pem");
  }

  /** The JDK's CAs and the issuer's certificate, readable without a password. */
  public Path trustStore() {
    return dir.resolve("truststore");
  }

  /** The server side: the issuer's key and certificate. */
  SSLContext serverContext() throws IOException {
    try (InputStream in = Files.newInputStream(keyStore())) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, PASSWORD.toCharArray());
      KeyManagerFactory keys = KeyManagerFactory.getInstance("PKIX");
      keys.init(store, PASSWORD.toCharArray());
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), null, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IOException("the issuer's TLS context: " + e, e);
    }
  }

  /** A client that trusts {@link #trustStore()} (tests; the variants use the JDK's default). */
  public SSLSocketFactory clientSockets() throws IOException {
    try (InputStream in = Files.newInputStream(trustStore())) {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(in, null);
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context.getSocketFactory();
    } catch (GeneralSecurityException e) {
      throw new IOException("the trust store " + trustStore() + ": " + e, e);
    }
  }

  private static void keytool(String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IOException(
            "keytool " + String.join(" ", args) + " failed: " + new String(output));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while keytool ran", e);
    }
  }
}
