package dev.portico.authorizer.dynamodb.testing;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Sets {@code aws.accessKeyId} and {@code aws.secretAccessKey} to {@code test} around each test and
 * restores what was there: the AWS SDK's default credential chain reads these system properties
 * first, so a replay store built from a configuration file (which uses the default chain, as on
 * Lambda) reaches dynalite, which accepts any credentials.
 *
 * <pre>{@code
 * @ExtendWith({DynaliteExtension.class, TestAwsCredentials.class})
 * class ReplayStoreConfigTest { ... }
 * }</pre>
 */
public final class TestAwsCredentials implements BeforeEachCallback, AfterEachCallback {

  private static final String ACCESS_KEY = "aws.accessKeyId";
  private static final String SECRET_KEY = "aws.secretAccessKey";
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(TestAwsCredentials.class);

  /** The system properties as they were before the test. */
  private record Saved(String access, String secret) {}

  @Override
  public void beforeEach(ExtensionContext context) {
    Saved saved =
        new Saved(System.setProperty(ACCESS_KEY, "test"), System.setProperty(SECRET_KEY, "test"));
    context.getStore(NAMESPACE).put(Saved.class, saved);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    Saved saved = context.getStore(NAMESPACE).remove(Saved.class, Saved.class);
    if (saved != null) {
      restore(ACCESS_KEY, saved.access());
      restore(SECRET_KEY, saved.secret());
    }
  }

  private static void restore(String key, String value) {
    if (value == null) {
      System.clearProperty(key);
    } else {
      System.setProperty(key, value);
    }
  }
}
