package dev.portico.local.internal;

import dev.portico.api.LogSafe;

/**
 * Request-controlled text made safe for one log line: values are quoted by {@link LogSafe#quote}
 * (the one escaping rule of Portico's log lines), and a throwable logged with its stack trace goes
 * through {@link #safe}, so its printed messages are quoted too.
 *
 * <pre>{@code
 * LOG.info("{} {} {}", LogText.quote(method), LogText.quote(path), status);
 * LOG.warn("Function {} threw: {}", name, LogText.quote(error), LogText.safe(error));
 * }</pre>
 */
public final class LogText {
  private LogText() {}

  /** {@link LogSafe#quote}: the value quoted, control characters escaped; {@code null} unquoted. */
  public static String quote(Object value) {
    return LogSafe.quote(value);
  }

  /**
   * A stand-in for a throwable, for the throwable argument of a log call: the same stack trace,
   * causes and suppressed exceptions, but every message quoted by {@link #quote}, so an exception
   * whose message carries request data (a decoded path, a token claim) cannot start a forged line
   * in the printed stack trace.
   */
  public static Throwable safe(Throwable error) {
    return safe(error, 0);
  }

  private static Throwable safe(Throwable error, int depth) {
    if (error == null) {
      return null;
    }
    Quoted copy = new Quoted(quote(error.toString()));
    copy.setStackTrace(error.getStackTrace());
    if (depth < 16) {
      Throwable cause = error.getCause();
      if (cause != null && cause != error) {
        copy.initCause(safe(cause, depth + 1));
      }
      for (Throwable suppressed : error.getSuppressed()) {
        copy.addSuppressed(safe(suppressed, depth + 1));
      }
    }
    return copy;
  }

  /** A throwable that prints as its (already quoted) message alone. */
  private static final class Quoted extends Exception {
    private static final long serialVersionUID = 1L;

    Quoted(String message) {
      super(message, null, true, true);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this;
    }

    @Override
    public String toString() {
      return getMessage();
    }
  }
}
