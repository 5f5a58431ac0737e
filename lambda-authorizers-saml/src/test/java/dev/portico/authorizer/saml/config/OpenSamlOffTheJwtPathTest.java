package dev.portico.authorizer.saml.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With lambda-authorizers-saml on the classpath, a configuration without {@code type: saml} never
 * loads an OpenSAML class (so never pays its initialization); {@code type: saml} does. Each case
 * runs in a fresh class loader over the test class path.
 */
class OpenSamlOffTheJwtPathTest {

  private static final String OPENSAML_INIT = "org.opensaml.core.config.InitializationService";

  /** A class loader that can say which classes it has loaded. */
  static final class Probe extends URLClassLoader {
    Probe() throws Exception {
      super(classPath(), ClassLoader.getPlatformClassLoader());
    }

    boolean loaded(String name) {
      return findLoadedClass(name) != null;
    }

    private static URL[] classPath() throws Exception {
      List<URL> urls = new ArrayList<>();
      for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
        urls.add(Path.of(entry).toUri().toURL());
      }
      return urls.toArray(URL[]::new);
    }
  }

  private static void parse(Probe probe, String yaml) throws Exception {
    Class<?> config = probe.loadClass("dev.portico.authorizer.config.AuthorizerConfig");
    Method parse = config.getMethod("parse", String.class, String.class, Function.class);
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(probe);
    try {
      Function<String, String> env = Map.<String, String>of()::get;
      parse.invoke(null, "portico-authorizer.yaml", yaml, env);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  @Test
  void jwtConfigurationLoadsNoOpenSamlClass() throws Exception {
    try (Probe probe = new Probe()) {
      parse(
          probe,
          """
          jwt:
            issuer: https://login.example.test
            audience: pets-api
          """);
      assertThat(probe.loaded("dev.portico.authorizer.config.AuthorizerConfig")).isTrue();
      assertThat(probe.loaded(OPENSAML_INIT)).isFalse();
      assertThat(probe.loaded("dev.portico.authorizer.saml.SamlValidator")).isFalse();
    }
  }

  @Test
  void samlConfigurationInitializesOpenSaml(@TempDir Path dir) throws Exception {
    Path pem = dir.resolve("idp.pem");
    Files.writeString(pem, dev.portico.authorizer.saml.testing.TestKeys.IDP.certificatePem());
    try (Probe probe = new Probe()) {
      parse(
          probe,
          """
          type: saml
          saml:
            idp: { entityId: https://idp.example.test, certificateFile: %s }
            audiences: https://api.example.test
          """
              .formatted(pem));
      assertThat(probe.loaded(OPENSAML_INIT)).isTrue();
    }
  }
}
