package dev.portico.local.internal.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portico.local.LocalStartupException;
import dev.portico.local.config.GatewayConfig;
import dev.portico.local.config.LocalApi;
import dev.portico.local.config.Warning;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the parts of an AWS SAM template that the local gateway emulates, and lists every other
 * part as a warning naming the path and key. The work is split over readers sharing one {@link
 * TemplateCursor} kind and one list of warnings: {@link ApiReader} (REST and HTTP APIs, with {@link
 * AuthorizerReader} and {@link CorsReader}), {@link FunctionReader} (functions, their events and
 * {@link FunctionUrlReader}) and {@link WebSocketTemplateReader}; this class parses the file,
 * resolves parameters, checks {@code Globals} and runs them in template order.
 *
 * <pre>{@code
 * GatewayConfig config = SamTemplateReader.read(Path.of("template.yaml"), Map.of("Stage", "dev"));
 * }</pre>
 */
public final class SamTemplateReader {
  /** Resource types that shape permissions, logs or versions, not HTTP behaviour. */
  private static final Set<String> DEPLOY_ONLY_TYPES =
      Set.of(
          "AWS::IAM::Role",
          "AWS::IAM::Policy",
          "AWS::IAM::ManagedPolicy",
          "AWS::Logs::LogGroup",
          "AWS::Lambda::Permission",
          "AWS::Lambda::Version",
          "AWS::Lambda::Alias",
          "AWS::CloudWatch::Alarm",
          "AWS::ApiGateway::Account");

  private final Path file;
  private final List<Warning> warnings = new ArrayList<>();
  private final Map<String, String> resourceTypes = new LinkedHashMap<>();
  private JsonNode globals;

  private SamTemplateReader(Path file) {
    this.file = file;
  }

  /** Reads a template; see {@link GatewayConfig#fromTemplate(Path, Map)}. */
  public static GatewayConfig read(Path file, Map<String, String> parameterOverrides) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new LocalStartupException("Cannot read the template " + file + ": " + e, e);
    }
    return read(text, file, parameterOverrides);
  }

  /**
   * Reads a template's text; {@code file} names it in messages.
   *
   * @throws LocalStartupException for anything the template gets wrong (the only exception it
   *     throws, which SamTemplateReaderFuzzTest checks)
   */
  static GatewayConfig read(String text, Path file, Map<String, String> parameterOverrides) {
    JsonNode root;
    try {
      root = YamlTree.parse(text);
    } catch (IOException e) {
      throw new LocalStartupException(
          "The template " + file + " is not valid YAML: " + e.getMessage(), e);
    }
    try {
      return new SamTemplateReader(file).read(root, parameterOverrides);
    } catch (IllegalArgumentException e) {
      // A value the configuration records refuse (a route path without '/', a bad payload
      // version...): the record's message names the value.
      throw new LocalStartupException("The template " + file + ": " + e.getMessage(), e);
    }
  }

  private GatewayConfig read(JsonNode root, Map<String, String> overrides) {
    if (!root.isObject()) {
      throw new LocalStartupException("The template " + file + " is not a YAML mapping");
    }
    JsonNode resources = root.path("Resources");
    if (!resources.isObject() || resources.isEmpty()) {
      throw new LocalStartupException("The template " + file + " has no Resources");
    }
    String transform =
        root.path("Transform").isArray()
            ? root.path("Transform").toString()
            : root.path("Transform").asText("");
    if (!transform.contains("AWS::Serverless-2016-10-31")) {
      warnings.add(
          Warning.at(
              "Transform",
              "the template does not declare AWS::Serverless-2016-10-31; only SAM"
                  + " resources are emulated"));
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = resources.properties().iterator();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      resourceTypes.put(entry.getKey(), entry.getValue().path("Type").asText(""));
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    root.path("Parameters")
        .properties()
        .iterator()
        .forEachRemaining(
            e -> {
              JsonNode value = e.getValue().get("Default");
              if (value != null && !value.isNull()) {
                parameters.put(e.getKey(), value.asText());
              }
            });
    for (Map.Entry<String, String> override : overrides.entrySet()) {
      if (!root.path("Parameters").has(override.getKey())) {
        throw new LocalStartupException(
            "Parameter override " + override.getKey() + ": the template has no such parameter");
      }
      parameters.put(override.getKey(), override.getValue());
    }
    Set<String> declared = new HashSet<>();
    root.path("Parameters").fieldNames().forEachRemaining(declared::add);
    Intrinsics intrinsics = new Intrinsics(parameters, resourceTypes, declared);
    globals = root.path("Globals");
    checkGlobals(new TemplateCursor("Globals", globals, intrinsics, warnings));

    TemplateCursor cursor = new TemplateCursor("Resources", resources, intrinsics, warnings);
    ApiReader apis = new ApiReader(cursor, resourceTypes, this::merged);
    for (Map.Entry<String, String> resource : resourceTypes.entrySet()) {
      String id = resource.getKey();
      String type = resource.getValue();
      JsonNode properties = resources.get(id).path("Properties");
      switch (type) {
        case "AWS::Serverless::Api" -> apis.read(id, LocalApi.Kind.REST, properties);
        case "AWS::Serverless::HttpApi" -> apis.read(id, LocalApi.Kind.HTTP, properties);
        case "AWS::Serverless::Function" -> {}
        default -> {
          if (WebSocketTemplateReader.TYPES.contains(type)) {
            continue; // read below by WebSocketTemplateReader
          }
          if (!DEPLOY_ONLY_TYPES.contains(type)) {
            cursor.warn(
                id + " (" + type + ")",
                "not emulated; the local gateway serves AWS::Serverless::Function,"
                    + " AWS::Serverless::Api and AWS::Serverless::HttpApi");
          }
        }
      }
    }
    FunctionReader functions =
        new FunctionReader(
            cursor, resourceTypes, apis, globals.path("Function"), this::merged, warnings);
    GatewayConfig.Builder builder = GatewayConfig.builder();
    for (Map.Entry<String, String> resource : resourceTypes.entrySet()) {
      if (resource.getValue().equals("AWS::Serverless::Function")) {
        builder.function(
            functions.read(resource.getKey(), resources.get(resource.getKey()).path("Properties")));
      }
    }
    apis.apis().forEach(builder::api);
    functions.functionUrls().forEach(builder::functionUrl);
    new WebSocketTemplateReader(cursor, resourceTypes).read().forEach(builder::webSocketApi);
    warnings.forEach(builder::warning);
    return builder.build();
  }

  private void checkGlobals(TemplateCursor globals) {
    for (Iterator<String> it = globals.node().fieldNames(); it.hasNext(); ) {
      String section = it.next();
      Set<String> emulated =
          switch (section) {
            case "Function" -> FunctionReader.FUNCTION_EMULATED;
            case "Api" -> ApiReader.REST_API_EMULATED;
            case "HttpApi" -> ApiReader.HTTP_API_EMULATED;
            default -> null;
          };
      if (emulated == null) {
        globals.warn(section, "not emulated");
        continue;
      }
      globals
          .child(section)
          .checkKeys(
              emulated,
              section.equals("Function")
                  ? FunctionReader.FUNCTION_DEPLOY_ONLY
                  : ApiReader.API_DEPLOY_ONLY);
    }
  }

  /** A resource's properties with a {@code Globals} section merged in (the resource's win). */
  private JsonNode merged(String section, JsonNode properties) {
    JsonNode global = globals.path(section);
    if (!global.isObject()) {
      return properties.isObject() ? properties : JsonNodeFactory.instance.objectNode();
    }
    ObjectNode result = ((ObjectNode) global).deepCopy();
    if (properties.isObject()) {
      properties.properties().forEach(e -> result.set(e.getKey(), e.getValue()));
    }
    return result;
  }
}
