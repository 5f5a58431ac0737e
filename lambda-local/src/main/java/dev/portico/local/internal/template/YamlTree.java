package dev.portico.local.internal.template;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.Set;

/**
 * Reads CloudFormation YAML into a Jackson tree, turning the short-form intrinsic tags ({@code
 * !Ref}, {@code !GetAtt}, {@code !Sub}, ...) into their long JSON form ({@code {"Ref": ...}},
 * {@code {"Fn::GetAtt": [...]}}).
 *
 * <pre>{@code
 * JsonNode template = YamlTree.parse("Handler: !Sub '${Prefix}.Handler'");
 * }</pre>
 */
public final class YamlTree {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Set<String> FUNCTIONS =
      Set.of(
          "GetAtt",
          "Sub",
          "Join",
          "Select",
          "Split",
          "If",
          "Equals",
          "And",
          "Or",
          "Not",
          "FindInMap",
          "ImportValue",
          "Base64",
          "Cidr",
          "GetAZs",
          "Transform",
          "Condition",
          "Length",
          "ToJsonString");

  private YamlTree() {}

  /** Parses YAML (or JSON, which is YAML) text. */
  public static JsonNode parse(String text) throws IOException {
    try (YAMLParser parser = new YAMLFactory().createParser(text)) {
      JsonToken token = parser.nextToken();
      if (token == null) {
        return NODES.objectNode();
      }
      return read(parser, token);
    }
  }

  private static JsonNode read(YAMLParser parser, JsonToken token) throws IOException {
    String tag = parser.getTypeId();
    JsonNode value;
    switch (token) {
      case START_OBJECT -> {
        ObjectNode object = NODES.objectNode();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
          String field = parser.currentName();
          object.set(field, read(parser, parser.nextToken()));
        }
        value = object;
      }
      case START_ARRAY -> {
        ArrayNode array = NODES.arrayNode();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
          array.add(read(parser, t));
        }
        value = array;
      }
      case VALUE_STRING -> value = NODES.textNode(parser.getText());
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT ->
          value = NODES.numberNode(parser.getDecimalValue());
      case VALUE_TRUE -> value = NODES.booleanNode(true);
      case VALUE_FALSE -> value = NODES.booleanNode(false);
      case VALUE_NULL -> value = NODES.nullNode();
      default -> value = NODES.textNode(parser.getText());
    }
    if (tag == null) {
      return value;
    }
    if (tag.equals("Ref")) {
      return NODES.objectNode().set("Ref", value.isNull() ? NODES.textNode("") : value);
    }
    if (tag.equals("GetAtt") && value.isTextual()) {
      String text = value.asText();
      int dot = text.indexOf('.');
      ArrayNode parts = NODES.arrayNode();
      parts.add(dot < 0 ? text : text.substring(0, dot));
      parts.add(dot < 0 ? "" : text.substring(dot + 1));
      return NODES.objectNode().set("Fn::GetAtt", parts);
    }
    if (FUNCTIONS.contains(tag)) {
      return NODES.objectNode().set(tag.equals("Condition") ? "Condition" : "Fn::" + tag, value);
    }
    return value;
  }
}
