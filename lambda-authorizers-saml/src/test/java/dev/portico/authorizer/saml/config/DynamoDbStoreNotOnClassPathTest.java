package dev.portico.authorizer.saml.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.authorizer.config.internal.ReplayStoreConfig;
import dev.portico.authorizer.saml.testing.SamlConfigs;
import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code replayStore: {type: dynamodb}} in a deployable without {@code
 * lambda-authorizers-dynamodb}: the configuration is loaded in a class loader holding this module's
 * test class path minus that artifact (as a SAML-only deployable would), and start-up stops with a
 * problem naming the file, the key and the missing artifact.
 */
class DynamoDbStoreNotOnClassPathTest {

  @TempDir Path dir;

  @Test
  void dynamoDbReplayStoreWithoutTheArtifactStopsStartUpNamingFileKeyAndArtifact()
      throws Exception {
    String yaml =
        SamlConfigs.withReplayStore(
            dir, "replayStore:\n  type: dynamodb\n  table: saml-replay\n  region: eu-west-1\n");

    List<URL> urls = new ArrayList<>();
    boolean removed = false;
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (entry.replace('\\', '/').contains("lambda-authorizers-dynamodb")) {
        removed = true;
      } else if (!entry.isEmpty()) {
        urls.add(Path.of(entry).toUri().toURL());
      }
    }
    assertThat(removed).as("the test class path holds lambda-authorizers-dynamodb").isTrue();

    ClassLoader saved = Thread.currentThread().getContextClassLoader();
    try (URLClassLoader withoutDynamoDb =
        new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
      assertThat(classExists(withoutDynamoDb, ReplayStoreConfig.DYNAMODB_STORE)).isFalse();
      Thread.currentThread().setContextClassLoader(withoutDynamoDb);
      Class<?> config =
          Class.forName("dev.portico.authorizer.config.AuthorizerConfig", true, withoutDynamoDb);
      Method parse = config.getMethod("parse", String.class, String.class, Function.class);
      Function<String, String> env = Map.<String, String>of()::get;
      Throwable thrown = null;
      try {
        parse.invoke(null, SamlAuthorizerTypeTest.FILE, yaml, env);
      } catch (InvocationTargetException e) {
        thrown = e.getCause();
      }

      assertThat(thrown).isNotNull();
      assertThat(thrown.getClass().getName())
          .isEqualTo("dev.portico.authorizer.config.ConfigException");
      assertThat(thrown.getClass().getMethod("problems").invoke(thrown))
          .isEqualTo(
              List.of(
                  SamlAuthorizerTypeTest.FILE
                      + ": saml.replayStore.type dynamodb needs"
                      + " dev.portico:lambda-authorizers-dynamodb on the classpath (add it to the"
                      + " deployable, or use type: memory)"));
    } finally {
      Thread.currentThread().setContextClassLoader(saved);
    }
  }

  private static boolean classExists(ClassLoader loader, String name) {
    try {
      Class.forName(name, false, loader);
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
