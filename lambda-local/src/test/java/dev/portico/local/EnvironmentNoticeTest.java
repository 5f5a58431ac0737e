package dev.portico.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portico.local.config.GatewayConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start-up notice about Environment.Variables says what happens: in-process functions see the
 * gateway's environment (and the values only as portico.env.NAME properties), so it is reported as
 * not emulated; with --runtime-client they are set in each function's JVM, so it is reported as
 * applied, not as "Not emulated".
 */
class EnvironmentNoticeTest {
  private static final String NOTICE =
      "Globals.Function.Environment.Variables: [JAVA_TOOL_OPTIONS] are set in each function's own"
          + " JVM only with --runtime-client; in-process, functions see the gateway's environment"
          + " instead (Portico's authorizer configuration reads these values as portico.env.NAME"
          + " system properties while the handler is created)";

  @TempDir Path dir;

  private GatewayConfig config() throws Exception {
    Path template = dir.resolve("template.yaml");
    Files.writeString(
        template,
        "Transform: AWS::Serverless-2016-10-31\n"
            + "Globals:\n"
            + "  Function:\n"
            + "    Environment:\n"
            + "      Variables:\n"
            + "        JAVA_TOOL_OPTIONS: -XX:TieredStopAtLevel=1\n"
            + "Resources:\n"
            + "  Fn:\n"
            + "    Type: AWS::Serverless::Function\n"
            + "    Properties:\n"
            + "      Handler: example.Handler\n"
            + "      Domain: x\n");
    return GatewayConfig.fromTemplate(template);
  }

  private static String logged(GatewayConfig config, boolean runtimeClient) {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      LocalGateway.reportNotEmulated(config, runtimeClient);
    } finally {
      System.setErr(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }

  @Test
  void inProcessTheVariablesAreReportedAsNotEmulatedWithTheCorrectedText() throws Exception {
    GatewayConfig config = config();
    assertThat(config.warnings()).contains(NOTICE);
    String log = logged(config, false);
    assertThat(log).contains("Not emulated: " + NOTICE);
    assertThat(log)
        .contains("Not emulated: Resources.Fn.Properties.Domain: not emulated locally and ignored");
  }

  @Test
  void withTheRuntimeClientTheVariablesAreReportedAsApplied() throws Exception {
    String log = logged(config(), true);
    assertThat(log)
        .contains(
            "Applied in each function's runtime interface client JVM:"
                + " Globals.Function.Environment.Variables")
        .doesNotContain("Not emulated: Globals.Function.Environment")
        .contains("Not emulated: Resources.Fn.Properties.Domain: not emulated locally and ignored");
  }
}
