package dev.portico.authorizer.internal.log;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.LambdaRuntime;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * {@link AuthorizerLog} through Lambda's own logger. Under a Lambda runtime ({@link
 * LambdaRuntime#getLogger()} replaced by the runtime interface client) each line is one log event
 * with its level, which the runtime frames, filters and writes as text or JSON as the function is
 * configured. Anywhere else (a test, a local run) {@link LambdaRuntime}'s fallback logger prints to
 * standard output, and each line is written as {@code LEVEL owner - line} with a line break.
 *
 * <p>In the text log format each event ends with a line break, as {@code System.out.println} would
 * write it: the runtime frames events in Lambda, but writes them as they are to standard output
 * elsewhere (lambda-local, {@code sam local}), where lines would otherwise run together. In the
 * JSON format ({@code AWS_LAMBDA_LOG_FORMAT=JSON}) the runtime ends each JSON object itself.
 *
 * <p>Lines below the level in {@code AWS_LAMBDA_LOG_LEVEL} (Lambda sets it from the function's
 * application log level; {@code INFO} when unset) are not written, nor computed by callers that ask
 * {@link #isDebugEnabled()} first.
 */
final class LambdaLog extends AuthorizerLog {

  static final int ERROR = 0;
  static final int WARN = 1;
  static final int INFO = 2;
  static final int DEBUG = 3;

  private static final String[] NAMES = {"ERROR", "WARN", "INFO", "DEBUG"};

  private final String owner;
  private final LambdaLogger logger;
  private final boolean underRuntime;
  private final int threshold;
  private final boolean json;

  LambdaLog(String owner, LambdaLogger logger, int threshold, boolean json) {
    this.owner = owner;
    this.logger = logger;
    // LambdaRuntime's fallback is one of its own nested classes; a runtime installs another.
    this.underRuntime =
        !logger.getClass().getName().startsWith(LambdaRuntime.class.getName() + "$");
    this.threshold = threshold;
    this.json = json;
  }

  /**
   * The log for {@code owner}'s lines at the level {@code AWS_LAMBDA_LOG_LEVEL} sets, in the format
   * {@code AWS_LAMBDA_LOG_FORMAT} sets.
   */
  static AuthorizerLog create(String owner, LambdaLogger logger) {
    String format = System.getenv("AWS_LAMBDA_LOG_FORMAT");
    return new LambdaLog(
        owner, logger, threshold(), format != null && format.strip().equalsIgnoreCase("JSON"));
  }

  /** The threshold {@code AWS_LAMBDA_LOG_LEVEL} sets. */
  static int threshold() {
    return threshold(System.getenv("AWS_LAMBDA_LOG_LEVEL"));
  }

  /**
   * The threshold a Lambda application log level sets: {@code TRACE} and {@code DEBUG} write debug
   * lines, {@code WARN} drops decision lines, {@code ERROR} and {@code FATAL} keep only failures;
   * unset or anything else, {@code INFO}.
   */
  static int threshold(String level) {
    if (level == null) {
      return INFO;
    }
    return switch (level.strip().toUpperCase(Locale.ROOT)) {
      case "TRACE", "DEBUG" -> DEBUG;
      case "WARN" -> WARN;
      case "ERROR", "FATAL" -> ERROR;
      default -> INFO;
    };
  }

  @Override
  public boolean isDebugEnabled() {
    return threshold >= DEBUG;
  }

  @Override
  public boolean isInfoEnabled() {
    return threshold >= INFO;
  }

  @Override
  public void debug(String line) {
    write(DEBUG, line, null);
  }

  @Override
  public void info(String line) {
    write(INFO, line, null);
  }

  @Override
  public void warn(String line) {
    write(WARN, line, null);
  }

  @Override
  public void error(String line, Throwable cause) {
    write(ERROR, line, cause);
  }

  private void write(int level, String line, Throwable cause) {
    if (level > threshold) {
      return;
    }
    String text = line;
    if (cause != null) {
      // Streams the JVM has loaded already (a StringWriter would load when this class verifies).
      ByteArrayOutputStream trace = new ByteArrayOutputStream(1024);
      cause.printStackTrace(new PrintStream(trace, true, StandardCharsets.UTF_8));
      text = line + '\n' + trace.toString(StandardCharsets.UTF_8).stripTrailing();
    }
    if (underRuntime) {
      logger.log(json ? text : text + '\n', runtimeLevel(level));
    } else {
      logger.log(NAMES[level] + ' ' + owner + " - " + text + '\n');
    }
  }

  private static LogLevel runtimeLevel(int level) {
    return switch (level) {
      case ERROR -> LogLevel.ERROR;
      case WARN -> LogLevel.WARN;
      case INFO -> LogLevel.INFO;
      default -> LogLevel.DEBUG;
    };
  }
}
