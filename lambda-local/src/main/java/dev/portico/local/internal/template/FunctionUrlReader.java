package dev.portico.local.internal.template;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portico.local.LocalStartupException;
import dev.portico.local.config.LocalFunctionUrl;
import dev.portico.local.config.Warning;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads a function's {@code FunctionUrlConfig}: {@code AuthType} ({@code NONE} or {@code AWS_IAM},
 * required as in SAM), {@code Cors}, and {@code InvokeMode} ({@code BUFFERED}; response streaming
 * is reported as not emulated).
 *
 * <pre>{@code
 * LocalFunctionUrl url = new FunctionUrlReader(intrinsics, cors, warnings::add).read("Api", node, where);
 * }</pre>
 */
final class FunctionUrlReader {
  private static final Set<String> KEYS = Set.of("AuthType", "Cors", "InvokeMode");

  private final Intrinsics intrinsics;
  private final CorsReader cors;
  private final Consumer<Warning> warnings;

  FunctionUrlReader(Intrinsics intrinsics, CorsReader cors, Consumer<Warning> warnings) {
    this.intrinsics = intrinsics;
    this.cors = cors;
    this.warnings = warnings;
  }

  /** The URL of function {@code function}, or {@code null} when {@code node} is missing. */
  LocalFunctionUrl read(String function, JsonNode node, String where) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (!node.isObject()) {
      throw new LocalStartupException(where + ": expected a mapping with AuthType, got " + node);
    }
    for (Map.Entry<String, JsonNode> key : node.properties()) {
      if (!KEYS.contains(key.getKey())) {
        warnings.accept(new Warning(where, key.getKey(), "not emulated locally and ignored"));
      }
    }
    String authType = intrinsics.text(node.get("AuthType"), where + ".AuthType");
    if (authType == null) {
      throw new LocalStartupException(where + ".AuthType: missing; NONE or AWS_IAM");
    }
    LocalFunctionUrl url;
    switch (authType) {
      case "NONE" -> url = LocalFunctionUrl.of(function);
      case "AWS_IAM" ->
          url = LocalFunctionUrl.of(function).withAuthType(LocalFunctionUrl.AuthType.AWS_IAM);
      default ->
          throw new LocalStartupException(
              where + ".AuthType: expected NONE or AWS_IAM, got " + authType);
    }
    String mode = intrinsics.text(node.get("InvokeMode"), where + ".InvokeMode");
    if (mode != null && !mode.equals("BUFFERED")) {
      warnings.accept(
          new Warning(
              where,
              "InvokeMode",
              mode + " is not emulated; the local gateway buffers the response (BUFFERED)"));
    }
    JsonNode corsNode = node.get("Cors");
    if (corsNode != null && !corsNode.isNull()) {
      url = url.withCors(cors.lists(corsNode, where + ".Cors"));
    }
    return url;
  }
}
