package dev.portico.local.internal.template;

import java.util.List;

/**
 * The start-up notice about a function's (or Globals') {@code Environment.Variables}: applied in
 * full only in the runtime interface client's JVMs; in-process, handlers see the gateway's own
 * environment and the values only as {@code portico.env.NAME} system properties while they are
 * created. {@code LocalGateway} prints it as "Not emulated" in-process and as applied with {@code
 * --runtime-client}.
 */
final class EnvironmentNotice {
  private EnvironmentNotice() {}

  /** The message for these variable names. */
  static String text(List<String> names) {
    return names
        + " are set in each function's own JVM only with --runtime-client; in-process, functions"
        + " see the gateway's environment instead (Portico's authorizer configuration reads these"
        + " values as portico.env.NAME system properties while the handler is created)";
  }
}
