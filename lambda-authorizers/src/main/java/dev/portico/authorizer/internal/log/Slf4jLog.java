package dev.portico.authorizer.internal.log;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link AuthorizerLog} through the SLF4J API: the provider's configuration decides the rest. */
final class Slf4jLog extends AuthorizerLog {

  private final Logger logger;

  private Slf4jLog(Class<?> owner) {
    this.logger = LoggerFactory.getLogger(owner);
  }

  /** The log named after {@code owner}. */
  static AuthorizerLog create(Class<?> owner) {
    return new Slf4jLog(owner);
  }

  @Override
  public boolean isDebugEnabled() {
    return logger.isDebugEnabled();
  }

  @Override
  public boolean isInfoEnabled() {
    return logger.isInfoEnabled();
  }

  @Override
  public void debug(String line) {
    logger.debug(line);
  }

  @Override
  public void info(String line) {
    logger.info(line);
  }

  @Override
  public void warn(String line) {
    logger.warn(line);
  }

  @Override
  public void error(String line, Throwable cause) {
    logger.error(line, cause);
  }
}
