package dev.portico.authorizer.params;

import dev.portico.authorizer.AuthorizationRequest;
import dev.portico.authorizer.Authorizer;
import dev.portico.authorizer.Decision;
import dev.portico.authorizer.internal.ArgumentProblem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Rules on request parameters: API keys in a header or query parameter (compared as SHA-256 hashes
 * in constant time, configured as hashes or read from the environment), source IP allow and deny
 * lists (from API Gateway's {@code sourceIp}, never from the forgeable {@code X-Forwarded-For}),
 * required headers and stage variables.
 *
 * <p>Outcomes: a missing or wrong API key is unauthorized (401); a source IP, header or stage
 * variable that does not fit is a deny (403). On their own the rules allow with the API key's name
 * as principal; {@link #then(Authorizer)} puts them in front of another authorizer, such as a
 * {@code JwtAuthorizer}.
 *
 * <pre>{@code
 * RequestRules rules = RequestRules.builder()
 *     .apiKeyHeader("x-api-key")
 *     .apiKeyFromEnvironment("partner-a", "PARTNER_A_KEY")
 *     .apiKeySha256("partner-b", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
 *     .allowSourceIps("203.0.113.0/24", "2001:db8::/32")
 *     .requireStageVariable("env", "prod")
 *     .build();
 * Authorizer authorizer = rules.then(jwtAuthorizer);
 * }</pre>
 */
public final class RequestRules implements Authorizer {

  private final String apiKeyHeader;
  private final String apiKeyQuery;
  private final Map<String, byte[]> apiKeyHashes;
  private final List<Cidr> allow;
  private final List<Cidr> deny;
  private final Map<String, String> requiredHeaders;
  private final Map<String, String> requiredStageVariables;
  private final boolean usageIdentifierKey;

  private RequestRules(Builder b) {
    this.apiKeyHeader = b.apiKeyHeader;
    this.apiKeyQuery = b.apiKeyQuery;
    this.apiKeyHashes = Map.copyOf(b.apiKeyHashes);
    this.allow = List.copyOf(b.allow);
    this.deny = List.copyOf(b.deny);
    this.requiredHeaders = Map.copyOf(b.requiredHeaders);
    this.requiredStageVariables = Map.copyOf(b.requiredStageVariables);
    this.usageIdentifierKey = b.usageIdentifierKey;
  }

  /** Starts a rule set. */
  public static Builder builder() {
    return new Builder(System::getenv);
  }

  /** Starts a rule set reading environment variables through {@code env} (for tests). */
  public static Builder builder(Function<String, String> env) {
    return new Builder(env);
  }

  /**
   * Checks the rules.
   *
   * @return empty when every rule passes, otherwise the deny or unauthorized decision
   */
  public Optional<Decision> check(AuthorizationRequest request) {
    if (!allow.isEmpty() || !deny.isEmpty()) {
      // Fail closed: an IP rule that cannot be evaluated denies, whether it lists allowed or denied
      // ranges. TOKEN events carry no source IP, a REQUEST event may lack it, and the console's
      // test invocation sends "test-invoke-source-ip".
      String ip = request.sourceIp().orElse(null);
      if (ip == null || Cidr.literal(ip.strip()).isEmpty()) {
        return Optional.of(Decision.deny("anonymous").withReason("source_ip_unknown"));
      }
      if (deny.stream().anyMatch(c -> c.contains(ip))) {
        return Optional.of(Decision.deny("anonymous").withReason("source_ip_denied"));
      }
      if (!allow.isEmpty() && allow.stream().noneMatch(c -> c.contains(ip))) {
        return Optional.of(Decision.deny("anonymous").withReason("source_ip_not_allowed"));
      }
    }
    for (Map.Entry<String, String> e : requiredHeaders.entrySet()) {
      Optional<String> value = request.header(e.getKey());
      if (value.isEmpty()
          || (!e.getValue().isEmpty() && !constantTimeEquals(e.getValue(), value.get()))) {
        return Optional.of(Decision.deny("anonymous").withReason("header_mismatch"));
      }
    }
    for (Map.Entry<String, String> e : requiredStageVariables.entrySet()) {
      String value = request.stageVariables().get(e.getKey());
      if (value == null || (!e.getValue().isEmpty() && !e.getValue().equals(value))) {
        return Optional.of(Decision.deny("anonymous").withReason("stage_variable_mismatch"));
      }
    }
    if (!apiKeyHashes.isEmpty() && apiKeyName(request).isEmpty()) {
      return Optional.of(Decision.unauthorized().withReason("api_key_invalid"));
    }
    return Optional.empty();
  }

  /**
   * Compares a required header value in constant time (for the length of the shorter value), as a
   * header may carry a shared secret: the time taken does not tell how many leading characters
   * matched.
   */
  static boolean constantTimeEquals(String expected, String actual) {
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Allows when every rule passes, with the matching API key's name as principal (or {@code
   * anonymous} when no API keys are configured).
   */
  @Override
  public Decision authorize(AuthorizationRequest request) {
    Optional<Decision> failed = check(request);
    if (failed.isPresent()) {
      return failed.get();
    }
    return withUsageKey(Decision.allow(apiKeyName(request).orElse("anonymous")), request);
  }

  /** An authorizer that checks these rules first and then asks {@code next}. */
  public Authorizer then(Authorizer next) {
    Objects.requireNonNull(next, "next");
    return request -> {
      Optional<Decision> failed = check(request);
      return failed.isPresent() ? failed.get() : withUsageKey(next.authorize(request), request);
    };
  }

  /** Passes the presented API key on as the usage plan key of an allow decision, if configured. */
  private Decision withUsageKey(Decision decision, AuthorizationRequest request) {
    if (!usageIdentifierKey
        || decision == null
        || decision.outcome() != Decision.Outcome.ALLOW
        || apiKeyName(request).isEmpty()) {
      return decision;
    }
    return decision.withUsageIdentifierKey(presentedKey(request).orElseThrow());
  }

  /** The name of the API key the request presents, if it is one of the configured keys. */
  private Optional<String> apiKeyName(AuthorizationRequest request) {
    Optional<String> presented = presentedKey(request);
    if (presented.isEmpty()) {
      return Optional.empty();
    }
    byte[] hash = sha256(presented.get());
    String match = null;
    // Compare with every key, in constant time, without stopping at the first match.
    for (Map.Entry<String, byte[]> e : apiKeyHashes.entrySet()) {
      if (MessageDigest.isEqual(hash, e.getValue()) && match == null) {
        match = e.getKey();
      }
    }
    return Optional.ofNullable(match);
  }

  private Optional<String> presentedKey(AuthorizationRequest request) {
    Optional<String> presented = Optional.empty();
    if (apiKeyHeader != null) {
      presented = request.header(apiKeyHeader);
    }
    if (presented.isEmpty() && apiKeyQuery != null) {
      presented = request.queryParameter(apiKeyQuery);
    }
    return presented.filter(p -> !p.isEmpty());
  }

  static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** Configures {@link RequestRules}. */
  public static final class Builder {
    private final Function<String, String> env;
    private String apiKeyHeader;
    private String apiKeyQuery;
    private final Map<String, byte[]> apiKeyHashes = new LinkedHashMap<>();
    private final List<Cidr> allow = new ArrayList<>();
    private final List<Cidr> deny = new ArrayList<>();
    private final Map<String, String> requiredHeaders = new LinkedHashMap<>();
    private final Map<String, String> requiredStageVariables = new LinkedHashMap<>();
    private boolean usageIdentifierKey;

    private Builder(Function<String, String> env) {
      this.env = env;
    }

    /** Reads the API key from this header. */
    public Builder apiKeyHeader(String name) {
      this.apiKeyHeader = requireText(name, "API key header");
      return this;
    }

    /** Reads the API key from this query parameter (when the header has none). */
    public Builder apiKeyQueryParameter(String name) {
      this.apiKeyQuery = requireText(name, "API key query parameter");
      return this;
    }

    /** Accepts the API key whose SHA-256 is {@code hexHash}; {@code name} becomes the principal. */
    public Builder apiKeySha256(String name, String hexHash) {
      byte[] hash;
      try {
        hash = HexFormat.of().parseHex(hexHash.strip());
      } catch (IllegalArgumentException e) {
        hash = new byte[0];
      }
      if (hash.length != 32) {
        throw new ArgumentProblem("API key " + name, "sha256 must be 64 hexadecimal characters");
      }
      put(name, hash);
      return this;
    }

    /** Accepts the API key held by environment variable {@code variable}. */
    public Builder apiKeyFromEnvironment(String name, String variable) {
      String value = env.apply(variable);
      if (value == null || value.isEmpty()) {
        throw new ArgumentProblem(
            "API key " + name, "environment variable " + variable + " is not set");
      }
      put(name, sha256(value));
      return this;
    }

    /**
     * Passes the presented (valid) API key to API Gateway as {@code usageIdentifierKey} on allow,
     * for usage plans whose API key source is {@code AUTHORIZER}.
     */
    public Builder usageIdentifierKey(boolean pass) {
      this.usageIdentifierKey = pass;
      return this;
    }

    /** Whether source IP rules are configured (they need REQUEST events, which carry the IP). */
    public boolean hasSourceIpRules() {
      return !allow.isEmpty() || !deny.isEmpty();
    }

    /**
     * Allows only these source IP ranges. A request whose source IP is missing or not an IP address
     * is denied whenever any IP rule (allow or deny) is configured.
     */
    public Builder allowSourceIps(String... cidrs) {
      for (String c : cidrs) {
        allow.add(Cidr.parse(c));
      }
      return this;
    }

    /**
     * Denies these source IP ranges (a deny wins over an allow). Fails closed: a request without a
     * usable source IP is denied too.
     */
    public Builder denySourceIps(String... cidrs) {
      for (String c : cidrs) {
        deny.add(Cidr.parse(c));
      }
      return this;
    }

    /** Requires a header to be present. */
    public Builder requireHeader(String name) {
      return requireHeader(name, "");
    }

    /** Requires a header to have exactly {@code value} (empty: just present). */
    public Builder requireHeader(String name, String value) {
      requiredHeaders.put(requireText(name, "header name"), Objects.requireNonNull(value));
      return this;
    }

    /** Requires a stage variable to be present, with any value. */
    public Builder requireStageVariable(String name) {
      return requireStageVariable(name, "");
    }

    /** Requires a stage variable to have exactly {@code value} (empty: just present). */
    public Builder requireStageVariable(String name, String value) {
      requiredStageVariables.put(
          requireText(name, "stage variable name"), Objects.requireNonNull(value));
      return this;
    }

    /**
     * Builds the rules.
     *
     * @throws IllegalArgumentException if keys are configured without a header or query parameter
     */
    public RequestRules build() {
      if (!apiKeyHashes.isEmpty() && apiKeyHeader == null && apiKeyQuery == null) {
        throw new IllegalArgumentException(
            "API keys need an apiKeyHeader or an apiKeyQueryParameter to be read from");
      }
      return new RequestRules(this);
    }

    private void put(String name, byte[] hash) {
      requireText(name, "API key name");
      if (apiKeyHashes.putIfAbsent(name, hash) != null) {
        throw new IllegalArgumentException("API key " + name + " is configured twice");
      }
    }

    private static String requireText(String value, String what) {
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException(what + " must not be empty");
      }
      return value;
    }
  }
}
