package dev.portico.local.internal.template;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portico.local.LocalStartupException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Resolves the intrinsic functions SAM templates use in the places the local gateway reads: {@code
 * Ref} (parameters, pseudo parameters, resources, {@code Function.Alias}), {@code Fn::GetAtt}
 * ({@code Function.Arn}) and {@code Fn::Sub}; {@link #withJoin()} adds {@code Fn::Join} for the
 * readers whose resources commonly use it (the WebSocket API resources).
 */
final class Intrinsics {
  static final String REGION = "us-east-1";
  static final String ACCOUNT = "123456789012";

  private final Map<String, String> parameters;
  private final Map<String, String> resourceTypes;
  private final java.util.Set<String> declaredParameters;
  private final boolean join;

  Intrinsics(
      Map<String, String> parameters,
      Map<String, String> resourceTypes,
      java.util.Set<String> declaredParameters) {
    this(parameters, resourceTypes, declaredParameters, false);
  }

  private Intrinsics(
      Map<String, String> parameters,
      Map<String, String> resourceTypes,
      java.util.Set<String> declaredParameters,
      boolean join) {
    this.parameters = parameters;
    this.resourceTypes = resourceTypes;
    this.declaredParameters = declaredParameters;
    this.join = join;
  }

  /**
   * These intrinsics with {@code Fn::Join} resolved too ({@code !Join [separator, [values...]]}, a
   * null value joined as empty), as WebSocket API examples use it; elsewhere it stays an error.
   */
  Intrinsics withJoin() {
    return new Intrinsics(parameters, resourceTypes, declaredParameters, true);
  }

  /** The local ARN of a function. */
  static String functionArn(String logicalId) {
    return "arn:aws:lambda:" + REGION + ":" + ACCOUNT + ":function:" + logicalId;
  }

  /** As {@link #text}, for a value that must be there: a null or missing one is an error. */
  String requiredText(JsonNode node, String where) {
    String text = text(node, where);
    if (text == null) {
      throw new LocalStartupException(where + ": expected a value, got null");
    }
    return text;
  }

  /** Resolves a node to text; {@code where} names the key for messages. */
  String text(JsonNode node, String where) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isValueNode()) {
      return node.asText();
    }
    if (node.isObject() && node.size() == 1) {
      String function = node.fieldNames().next();
      JsonNode argument = node.get(function);
      switch (function) {
        case "Ref":
          return ref(argument.asText(), where);
        case "Fn::GetAtt":
          return getAtt(argument, where);
        case "Fn::Sub":
          return sub(argument, where);
        case "Fn::Join":
          if (join) {
            return join(argument, where);
          }
          throw new LocalStartupException(
              where + ": intrinsic function " + function + " is not supported locally");
        default:
          throw new LocalStartupException(
              where + ": intrinsic function " + function + " is not supported locally");
      }
    }
    throw new LocalStartupException(where + ": expected a value, got " + node);
  }

  private String ref(String name, String where) {
    String parameter = parameters.get(name);
    if (parameter != null) {
      return parameter;
    }
    switch (name) {
      case "AWS::Region":
        return REGION;
      case "AWS::AccountId":
        return ACCOUNT;
      case "AWS::Partition":
        return "aws";
      case "AWS::StackName":
        return "local";
      case "AWS::URLSuffix":
        return "amazonaws.com";
      case "AWS::NoValue":
        return null;
      default:
        break;
    }
    if (resourceTypes.containsKey(name)) {
      return name;
    }
    if (name.endsWith(".Alias")) {
      // SAM's reference to the alias AutoPublishAlias creates: the function's qualified ARN.
      String function = name.substring(0, name.length() - ".Alias".length());
      if ("AWS::Serverless::Function".equals(resourceTypes.get(function))) {
        return functionArn(function) + ":alias";
      }
    }
    if (declaredParameters.contains(name)) {
      throw new LocalStartupException(
          where
              + ": !Ref "
              + name
              + ": the parameter has no Default and no value (--parameter "
              + name
              + "=VALUE)");
    }
    throw new LocalStartupException(
        where + ": !Ref " + name + " names no parameter or resource of this template");
  }

  private String join(JsonNode argument, String where) {
    if (!argument.isArray() || argument.size() != 2 || !argument.get(1).isArray()) {
      throw new LocalStartupException(where + ": !Join expects [separator, [values...]]");
    }
    List<String> parts = new ArrayList<>();
    for (JsonNode part : argument.get(1)) {
      String value = text(part, where);
      parts.add(value == null ? "" : value);
    }
    return String.join(argument.get(0).asText(), parts);
  }

  private String getAtt(JsonNode argument, String where) {
    String resource;
    String attribute;
    if (argument.isArray() && argument.size() == 2) {
      resource = argument.get(0).asText();
      attribute = argument.get(1).asText();
    } else {
      String text = argument.asText();
      int dot = text.indexOf('.');
      resource = dot < 0 ? text : text.substring(0, dot);
      attribute = dot < 0 ? "" : text.substring(dot + 1);
    }
    return attribute(resource, attribute, where);
  }

  private String attribute(String resource, String attribute, String where) {
    String type = resourceTypes.get(resource);
    if (type == null) {
      throw new LocalStartupException(
          where
              + ": !GetAtt "
              + resource
              + "."
              + attribute
              + " names no resource of this template");
    }
    boolean function =
        type.equals("AWS::Serverless::Function") || type.equals("AWS::Lambda::Function");
    if (function && attribute.equals("Arn")) {
      return functionArn(resource);
    }
    throw new LocalStartupException(
        where
            + ": !GetAtt "
            + resource
            + "."
            + attribute
            + " is not supported locally (only <Function>.Arn is)");
  }

  private String sub(JsonNode argument, String where) {
    String template;
    Map<String, JsonNode> variables = Map.of();
    if (argument.isArray()) {
      template = argument.get(0).asText();
      if (argument.size() > 1 && argument.get(1).isObject()) {
        variables = new java.util.HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = argument.get(1).properties().iterator();
            it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          variables.put(e.getKey(), e.getValue());
        }
      }
    } else {
      template = argument.asText();
    }
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < template.length()) {
      int start = template.indexOf("${", i);
      if (start < 0) {
        out.append(template, i, template.length());
        break;
      }
      out.append(template, i, start);
      if (start + 2 < template.length() && template.charAt(start + 2) == '!') {
        int end = template.indexOf('}', start);
        out.append("${").append(template, start + 3, end + 1);
        i = end + 1;
        continue;
      }
      int end = template.indexOf('}', start);
      if (end < 0) {
        throw new LocalStartupException(where + ": !Sub has an unclosed ${ in " + template);
      }
      String name = template.substring(start + 2, end).trim();
      String value;
      if (variables.containsKey(name)) {
        value = text(variables.get(name), where);
      } else if (name.contains(".") && !name.startsWith("AWS::")) {
        int dot = name.indexOf('.');
        value = attribute(name.substring(0, dot), name.substring(dot + 1), where);
      } else {
        value = ref(name, where);
      }
      out.append(value == null ? "" : value);
      i = end + 1;
    }
    return out.toString();
  }
}
