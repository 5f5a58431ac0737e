package dev.portico.authorizer.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.authorizer.policy.ArnPattern;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Evaluates an authorizer's JSON answer the way API Gateway evaluates the (possibly cached) policy:
 * an explicit Deny wins, then any Allow, otherwise denied.
 */
public final class Policies {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Policies() {}

  /** Whether the policy in {@code response} lets {@code arn} through. */
  public static boolean allows(String response, String arn) {
    JsonNode statements;
    try {
      statements = JSON.readTree(response).path("policyDocument").path("Statement");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    boolean allowed = false;
    for (JsonNode st : statements) {
      for (JsonNode r : st.path("Resource")) {
        if (ArnPattern.matches(r.asText(), arn)) {
          if (st.path("Effect").asText().equals("Deny")) {
            return false;
          }
          allowed = true;
        }
      }
    }
    return allowed;
  }
}
