package dev.portico.authorizer.internal.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Which sink the authorizer's lines go to: SLF4J with a provider, Lambda's logger without. */
class AuthorizerLogTest {

  @Test
  void unsetTheLinesGoToSlf4jExactlyWhenTheDeployableHasAProvider() {
    assertThat(AuthorizerLog.usesSlf4j(null, true)).isTrue();
    assertThat(AuthorizerLog.usesSlf4j(null, false)).isFalse();
    assertThat(AuthorizerLog.usesSlf4j(" ", true)).isTrue();
    assertThat(AuthorizerLog.usesSlf4j("", false)).isFalse();
  }

  @Test
  void theSettingChoosesTheSinkWhateverTheClassPathHolds() {
    assertThat(AuthorizerLog.usesSlf4j("slf4j", false)).isTrue();
    assertThat(AuthorizerLog.usesSlf4j(" SLF4J ", false)).isTrue();
    assertThat(AuthorizerLog.usesSlf4j("lambda", true)).isFalse();
    assertThat(AuthorizerLog.usesSlf4j("Lambda", true)).isFalse();
  }

  @Test
  void anUnknownSettingIsAnErrorNamingTheVariableAndTheChoices() {
    assertThatThrownBy(() -> AuthorizerLog.usesSlf4j("log4j", true))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "PORTICO_AUTHORIZER_LOG is \"log4j\": expected slf4j or lambda (unset: slf4j when the"
                + " deployable has an SLF4J provider, lambda otherwise)");
  }

  @Test
  void aProviderIsFoundByItsClassAndNoneInAClassPathWithoutOne() throws Exception {
    // This module's tests have slf4j-simple; a loader over the JDK alone has no provider.
    assertThat(AuthorizerLog.hasKnownProvider(AuthorizerLogTest.class.getClassLoader())).isTrue();
    try (URLClassLoader jdkOnly =
        new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader())) {
      assertThat(AuthorizerLog.hasKnownProvider(jdkOnly)).isFalse();
    }
  }

  @Test
  void theKnownProvidersIncludeTheOneSlf4jSimpleRegisters() throws Exception {
    // The names are what each provider lists in META-INF/services (SLF4J's own lookup): checked
    // here for the provider on this class path, so a renamed class would fail.
    String registered;
    try (InputStream in =
        AuthorizerLogTest.class
            .getClassLoader()
            .getResourceAsStream("META-INF/services/org.slf4j.spi.SLF4JServiceProvider")) {
      assertThat(in).isNotNull();
      registered = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    }
    assertThat(registered).isEqualTo("org.slf4j.simple.SimpleServiceProvider");
    assertThat(AuthorizerLog.KNOWN_PROVIDERS).contains(registered);
  }

  @Test
  void withThisModulesClassPathTheLinesGoToSlf4j() {
    assertThat(AuthorizerLog.of(AuthorizerLogTest.class)).isInstanceOf(Slf4jLog.class);
  }
}
