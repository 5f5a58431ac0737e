package dev.portico.authorizer.internal.log;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.LambdaRuntime;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * Lines through Lambda's own logger: with their level under a runtime (which frames and formats
 * them; JSON here unless a test says text), as {@code LEVEL owner - line} on standard output
 * anywhere else. The runtime's logger is a recording {@link LambdaLogger} here; lambda-local's
 * {@code AuthorizerLogUnderTheRuntimeTest} runs the real runtime interface client.
 */
class LambdaLogTest {

  /** What a runtime's logger received: each line with its level. */
  private static final class RecordingLogger implements LambdaLogger {
    final List<String> lines = new ArrayList<>();

    @Override
    public void log(String message) {
      lines.add("UNDEFINED " + message);
    }

    @Override
    public void log(byte[] message) {
      log(new String(message, StandardCharsets.UTF_8));
    }

    @Override
    public void log(String message, LogLevel level) {
      lines.add(level + " " + message);
    }
  }

  @Test
  void underARuntimeEachLineIsOneEventWithItsLevel() {
    RecordingLogger runtime = new RecordingLogger();
    LambdaLog log = new LambdaLog("dev.portico.X", runtime, LambdaLog.threshold("DEBUG"), true);

    log.debug("fetched 2 keys");
    log.info("authorizer decision=allow principal=\"u\"");
    log.warn("JWKS refresh failed");
    log.error("authorizer decision=error reason=bad_event", null);

    assertThat(runtime.lines)
        .containsExactly(
            "DEBUG fetched 2 keys",
            "INFO authorizer decision=allow principal=\"u\"",
            "WARN JWKS refresh failed",
            "ERROR authorizer decision=error reason=bad_event");
  }

  @Test
  void inTheTextFormatEachEventEndsItsLineAsTheRuntimeWritesItAsItIsOutsideLambda() {
    RecordingLogger runtime = new RecordingLogger();
    LambdaLog log = new LambdaLog("dev.portico.X", runtime, LambdaLog.INFO, false);

    log.info("authorizer decision=allow");
    log.error("authorizer decision=error", null);

    assertThat(runtime.lines)
        .containsExactly("INFO authorizer decision=allow\n", "ERROR authorizer decision=error\n");
  }

  @Test
  void aFailuresCauseIsWrittenWithItsStackTraceInTheSameEvent() {
    RecordingLogger runtime = new RecordingLogger();
    LambdaLog log = new LambdaLog("dev.portico.X", runtime, LambdaLog.INFO, true);

    log.error("authorizer decision=error reason=authorizer_failed", new IllegalStateException("x"));

    assertThat(runtime.lines)
        .singleElement()
        .asString()
        .startsWith(
            "ERROR authorizer decision=error reason=authorizer_failed\n"
                + "java.lang.IllegalStateException: x\n"
                + "\tat dev.portico.authorizer.internal.log.LambdaLogTest."
                + "aFailuresCauseIsWrittenWithItsStackTraceInTheSameEvent(LambdaLogTest.java:");
  }

  @Test
  void linesBelowTheFunctionsLogLevelAreNotWritten() {
    RecordingLogger runtime = new RecordingLogger();
    LambdaLog atInfo = new LambdaLog("o", runtime, LambdaLog.threshold(null), true);
    LambdaLog atWarn = new LambdaLog("o", runtime, LambdaLog.threshold("WARN"), true);
    LambdaLog atError = new LambdaLog("o", runtime, LambdaLog.threshold("ERROR"), true);

    atInfo.debug("d1");
    atInfo.info("i1");
    atWarn.info("i2");
    atWarn.warn("w2");
    atError.warn("w3");
    atError.error("e3", null);

    assertThat(runtime.lines).containsExactly("INFO i1", "WARN w2", "ERROR e3");
    assertThat(atInfo.isDebugEnabled()).isFalse();
    assertThat(atInfo.isInfoEnabled()).isTrue();
    assertThat(atWarn.isInfoEnabled()).isFalse();
  }

  @Test
  void lambdasLogLevelsMapOntoTheFourTheAuthorizerUses() {
    assertThat(LambdaLog.threshold("TRACE")).isEqualTo(LambdaLog.DEBUG);
    assertThat(LambdaLog.threshold("debug")).isEqualTo(LambdaLog.DEBUG);
    assertThat(LambdaLog.threshold("INFO")).isEqualTo(LambdaLog.INFO);
    assertThat(LambdaLog.threshold(" warn ")).isEqualTo(LambdaLog.WARN);
    assertThat(LambdaLog.threshold("ERROR")).isEqualTo(LambdaLog.ERROR);
    assertThat(LambdaLog.threshold("FATAL")).isEqualTo(LambdaLog.ERROR);
    assertThat(LambdaLog.threshold("verbose")).isEqualTo(LambdaLog.INFO);
    assertThat(LambdaLog.threshold(null)).isEqualTo(LambdaLog.INFO);
  }

  @Test
  @ResourceLock(Resources.SYSTEM_OUT)
  void outsideARuntimeEachLineIsPrintedWithLevelAndOwnerOnItsOwnLine() {
    PrintStream saved = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      // LambdaRuntime's own fallback, as in a test or a local run.
      LambdaLog log =
          new LambdaLog(
              "dev.portico.authorizer.AuthorizerHandler",
              LambdaRuntime.getLogger(),
              LambdaLog.INFO,
              false);
      log.info("authorizer decision=allow principal=\"u\"");
      log.warn("JWKS refresh failed");
    } finally {
      System.setOut(saved);
    }

    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "INFO dev.portico.authorizer.AuthorizerHandler - authorizer decision=allow"
                + " principal=\"u\"\n"
                + "WARN dev.portico.authorizer.AuthorizerHandler - JWKS refresh failed\n");
  }
}
