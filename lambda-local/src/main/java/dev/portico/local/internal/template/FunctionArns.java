package dev.portico.local.internal.template;

import dev.portico.local.LocalStartupException;
import java.util.Map;

/** Reads which of the template's functions a Lambda ARN or integration URI names. */
final class FunctionArns {
  private static final String MARKER = ":function:";

  private FunctionArns() {}

  /**
   * The function name after {@code :function:} (up to a qualifier or path), which must be an {@code
   * AWS::Serverless::Function} of the template.
   *
   * @param notAFunction what to say when the text names no function at all, after the text
   */
  static String functionName(
      String arn, Map<String, String> resourceTypes, String where, String notAFunction) {
    int at = arn.indexOf(MARKER);
    if (at < 0) {
      throw new LocalStartupException(where + ": " + arn + " " + notAFunction);
    }
    String rest = arn.substring(at + MARKER.length());
    int end = rest.length();
    for (char stop : new char[] {':', '/'}) {
      int i = rest.indexOf(stop);
      if (i >= 0 && i < end) {
        end = i;
      }
    }
    String name = rest.substring(0, end);
    if (!"AWS::Serverless::Function".equals(resourceTypes.get(name))) {
      throw new LocalStartupException(
          where + ": function " + name + " is not an AWS::Serverless::Function of this template");
    }
    return name;
  }
}
