package dev.portico.authorizer.internal;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.portico.authorizer.Decision;
import dev.portico.authorizer.policy.MethodArn;
import dev.portico.authorizer.policy.PolicyDocument;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Writes authorizer responses as JSON, with the exact key spelling API Gateway expects.
 *
 * <pre>{@code
 * PolicyDocument policy = AuthorizerResponseWriter.policyFor(decision, request.methodArn());
 * AuthorizerResponseWriter.writePolicy(decision, policy, output);
 * }</pre>
 */
public final class AuthorizerResponseWriter {

  private static final JsonFactory JSON = new JsonFactory();

  private AuthorizerResponseWriter() {}

  /**
   * The cache-safe policy for a decision: the whole stage for a plain allow or deny, the grants for
   * an allow with grants.
   */
  public static PolicyDocument policyFor(Decision decision, MethodArn current) {
    PolicyDocument.Builder policy = PolicyDocument.builder();
    // Tests, not a switch: a switch on an enum compiles to a synthetic class, one more on every
    // cold start (docs/architecture.md, "JSON without databind on the cold path");
    // AuthorizerResponseWriterTest covers every outcome.
    Decision.Outcome outcome = decision.outcome();
    if (outcome == Decision.Outcome.ALLOW) {
      if (decision.grants().isEmpty()) {
        policy.allow(current.wholeApi());
      } else {
        policy.grants(current, decision.grants());
      }
    } else if (outcome == Decision.Outcome.DENY) {
      policy.deny(current.wholeApi());
    } else {
      throw new IllegalStateException("no policy for an unauthorized decision");
    }
    return policy.build();
  }

  /** Writes {@code {principalId, policyDocument, context, usageIdentifierKey}}. */
  public static void writePolicy(Decision decision, PolicyDocument policy, OutputStream out)
      throws IOException {
    try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      g.writeStartObject();
      g.writeStringField("principalId", decision.principalId());
      g.writeObjectFieldStart("policyDocument");
      g.writeStringField("Version", PolicyDocument.VERSION);
      g.writeArrayFieldStart("Statement");
      statement(g, "Allow", policy.allowedResources());
      statement(g, "Deny", policy.deniedResources());
      g.writeEndArray();
      g.writeEndObject();
      context(g, decision);
      if (decision.usageIdentifierKey() != null) {
        g.writeStringField("usageIdentifierKey", decision.usageIdentifierKey());
      }
      g.writeEndObject();
    }
  }

  /** Writes the HTTP API simple response {@code {isAuthorized, context}}. */
  public static void writeSimple(Decision decision, boolean authorized, OutputStream out)
      throws IOException {
    try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      g.writeStartObject();
      g.writeBooleanField("isAuthorized", authorized);
      context(g, decision);
      g.writeEndObject();
    }
  }

  private static void statement(JsonGenerator g, String effect, List<String> resources)
      throws IOException {
    if (resources.isEmpty()) {
      return;
    }
    g.writeStartObject();
    g.writeStringField("Action", PolicyDocument.ACTION);
    g.writeStringField("Effect", effect);
    g.writeArrayFieldStart("Resource");
    for (String r : resources) {
      g.writeString(r);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void context(JsonGenerator g, Decision decision) throws IOException {
    if (decision.context().isEmpty()) {
      return;
    }
    g.writeObjectFieldStart("context");
    for (Map.Entry<String, Object> e : decision.context().values().entrySet()) {
      Object v = e.getValue();
      g.writeFieldName(e.getKey());
      if (v instanceof String s) {
        g.writeString(s);
      } else if (v instanceof Boolean b) {
        g.writeBoolean(b);
      } else if (v instanceof BigDecimal d) {
        g.writeNumber(d);
      } else if (v instanceof BigInteger i) {
        g.writeNumber(i);
      } else if (v instanceof Double d) {
        g.writeNumber(d);
      } else if (v instanceof Float f) {
        g.writeNumber(f);
      } else {
        g.writeNumber(((Number) v).longValue());
      }
    }
    g.writeEndObject();
  }
}
