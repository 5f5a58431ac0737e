package dev.portico.authorizer.internal.log;

import com.amazonaws.services.lambda.runtime.LambdaRuntime;
import java.util.Locale;

/**
 * Where the authorizer's lines go: the decision line of every request, the causes of failures and
 * the key fetches' diagnostics.
 *
 * <ul>
 *   <li>{@code slf4j}: through the SLF4J API, when the deployable has an SLF4J provider (one of
 *       {@link #KNOWN_PROVIDERS}, or one named by the {@code slf4j.provider} system property), so a
 *       team's logging configuration applies;
 *   <li>{@code lambda}: otherwise, Lambda's own logger ({@link LambdaRuntime#getLogger()}, the
 *       runtime's {@code LambdaLogger}, which honours the function's log level and log format), so
 *       a deployable without a logging library still has its decision lines. SLF4J without a
 *       provider would drop them, after tens of milliseconds of cold start spent finding none.
 * </ul>
 *
 * <p>The environment variable {@value #SETTING} ({@code slf4j} or {@code lambda}) chooses one sink.
 * The choice is made once per class loader, when the first authorizer class asks for its log.
 *
 * <pre>{@code
 * private static final AuthorizerLog LOG = AuthorizerLog.of(JwksKeySource.class);
 * if (LOG.isDebugEnabled()) {
 *   LOG.debug("fetched " + n + " keys for issuer " + LogText.quote(issuer));
 * }
 * }</pre>
 */
public abstract class AuthorizerLog {

  /** The environment variable that chooses the sink: {@code slf4j} or {@code lambda}. */
  public static final String SETTING = "PORTICO_AUTHORIZER_LOG";

  /**
   * The SLF4J 2 providers looked for: slf4j-simple, Logback, Log4j 2 ({@code log4j-slf4j2-impl}),
   * {@code java.util.logging} ({@code slf4j-jdk14}), reload4j and slf4j-nop (chosen on purpose to
   * silence logging, so honoured).
   */
  static final String[] KNOWN_PROVIDERS = {
    "org.slf4j.simple.SimpleServiceProvider",
    "ch.qos.logback.classic.spi.LogbackServiceProvider",
    "org.apache.logging.slf4j.SLF4JServiceProvider",
    "org.slf4j.jul.JULServiceProvider",
    "org.slf4j.reload4j.Reload4jServiceProvider",
    "org.slf4j.nop.NOPServiceProvider"
  };

  private static volatile Boolean slf4j;

  AuthorizerLog() {}

  /**
   * The log for lines about {@code owner} (its class name is the SLF4J logger's name).
   *
   * @throws IllegalStateException when {@value #SETTING} is neither {@code slf4j} nor {@code
   *     lambda}
   */
  public static AuthorizerLog of(Class<?> owner) {
    Boolean useSlf4j = slf4j;
    if (useSlf4j == null) {
      useSlf4j =
          usesSlf4j(
              System.getenv(SETTING),
              System.getProperty("slf4j.provider") != null
                  || hasKnownProvider(AuthorizerLog.class.getClassLoader()));
      slf4j = useSlf4j;
    }
    // Factories typed as this class: a `new` of either here would load both when this class is
    // verified, and the SLF4J one is not needed without a provider.
    if (useSlf4j) {
      return Slf4jLog.create(owner);
    }
    return LambdaLog.create(owner.getName(), LambdaRuntime.getLogger());
  }

  /** Whether one of {@link #KNOWN_PROVIDERS} can be loaded by {@code loader}. */
  static boolean hasKnownProvider(ClassLoader loader) {
    for (String name : KNOWN_PROVIDERS) {
      try {
        Class.forName(name, false, loader);
        return true;
      } catch (ClassNotFoundException | LinkageError e) {
        // not this one
      }
    }
    return false;
  }

  /**
   * Whether the lines go to SLF4J: as {@code setting} says, or when it is unset or blank, when the
   * deployable has an SLF4J provider.
   *
   * @throws IllegalStateException when {@code setting} is neither {@code slf4j} nor {@code lambda}
   */
  static boolean usesSlf4j(String setting, boolean providerPresent) {
    if (setting == null || setting.isBlank()) {
      return providerPresent;
    }
    String value = setting.strip().toLowerCase(Locale.ROOT);
    if (value.equals("slf4j")) {
      return true;
    }
    if (value.equals("lambda")) {
      return false;
    }
    throw new IllegalStateException(
        SETTING
            + " is \""
            + setting
            + "\": expected slf4j or lambda (unset: slf4j when the deployable has an SLF4J"
            + " provider, lambda otherwise)");
  }

  /** Whether {@link #debug} writes anything: compute a debug line only when it does. */
  public abstract boolean isDebugEnabled();

  /** Whether {@link #info} writes anything. */
  public abstract boolean isInfoEnabled();

  /** A diagnostic line (key fetches). */
  public abstract void debug(String line);

  /** A decision line. */
  public abstract void info(String line);

  /** A degraded state the authorizer works around (a failed key refresh). */
  public abstract void warn(String line);

  /** A failure; {@code cause}, when not null, is written with its stack trace. */
  public abstract void error(String line, Throwable cause);
}
