package dev.portico.authorizer.policy;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Set;

/**
 * The ARN of an API Gateway method or route, as received in {@code methodArn} or {@code routeArn}
 * and as written in the {@code Resource} of a policy statement.
 *
 * <p>REST and HTTP APIs use {@code arn:PARTITION:execute-api:REGION:ACCOUNT:API/STAGE/VERB/PATH};
 * WebSocket APIs use {@code arn:PARTITION:execute-api:REGION:ACCOUNT:API/STAGE/ROUTE} and have no
 * path ({@link #path()} is {@code null}). The path is kept with its leading slash, so the root
 * resource is {@code "/"}.
 *
 * <pre>{@code
 * MethodArn arn = MethodArn.parse("arn:aws-cn:execute-api:cn-north-1:123456789012:abc123/prod/GET/pets/7/toys");
 * arn.path();                       // "/pets/7/toys"
 * arn.with("DELETE", "/pets/*");    // arn:aws-cn:execute-api:cn-north-1:123456789012:abc123/prod/DELETE/pets/*
 * }</pre>
 *
 * @param partition {@code aws}, {@code aws-cn} or {@code aws-us-gov}
 * @param region the region, for example {@code eu-west-1}
 * @param accountId the twelve-digit account id
 * @param apiId the API id
 * @param stage the stage name, or {@code *}
 * @param method the HTTP verb (or {@code *}); for WebSocket APIs the route key, e.g. {@code
 *     $connect}
 * @param path the resource path with its leading slash, or {@code null} for a WebSocket route
 */
public record MethodArn(
    String partition,
    String region,
    String accountId,
    String apiId,
    String stage,
    String method,
    String path) {

  /** The longest method ARN API Gateway accepts, in bytes. */
  public static final int MAX_METHOD_ARN_BYTES = 1600;

  /** The longest ARN API Gateway accepts in the {@code Resource} of an authorizer policy. */
  public static final int MAX_POLICY_RESOURCE_CHARS = 512;

  private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
  private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  private static final String DIGITS = "0123456789";

  /** The partitions an API Gateway ARN can be in. */
  public static final Set<String> PARTITIONS = Set.of("aws", "aws-cn", "aws-us-gov");

  /** Validates the parts; see {@link #parse(String)} for the rules. */
  public MethodArn {
    require(PARTITIONS.contains(partition), "partition", partition, "aws, aws-cn or aws-us-gov");
    require(
        region != null && only(region, LOWER + DIGITS + "-", 1, Integer.MAX_VALUE),
        "region",
        region,
        "a region");
    require(
        accountId != null && only(accountId, DIGITS, 12, 12),
        "account id",
        accountId,
        "twelve digits");
    require(
        apiId != null && only(apiId, UPPER + LOWER + DIGITS, 1, Integer.MAX_VALUE),
        "API id",
        apiId,
        "letters, digits");
    require(stage != null && !stage.isEmpty() && stage.indexOf('/') < 0, "stage", stage, "a name");
    require(
        method != null && !method.isEmpty() && method.indexOf('/') < 0,
        "method",
        method,
        "a verb or route key");
    require(path == null || path.startsWith("/"), "path", path, "a path starting with /");
  }

  /**
   * Whether {@code part} is {@code *}, or {@code min} to {@code max} characters all from {@code
   * allowed}. Checked by hand, not by regular expressions: {@code java.util.regex} and the lambdas
   * it spins cost an authorizer's cold start about 15 ms.
   */
  private static boolean only(String part, String allowed, int min, int max) {
    if (part.equals("*")) {
      return true;
    }
    if (part.length() < min || part.length() > max) {
      return false;
    }
    for (int i = 0; i < part.length(); i++) {
      if (allowed.indexOf(part.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Parses a method ARN (REST, HTTP) or route ARN (HTTP, WebSocket).
   *
   * @throws IllegalArgumentException naming the part that is wrong
   */
  public static MethodArn parse(String arn) {
    Objects.requireNonNull(arn, "arn");
    if (arn.getBytes(StandardCharsets.UTF_8).length > MAX_METHOD_ARN_BYTES) {
      throw new IllegalArgumentException(
          "method ARN is longer than " + MAX_METHOD_ARN_BYTES + " bytes");
    }
    String[] parts = arn.split(":", 6);
    if (parts.length != 6 || !parts[0].equals("arn") || !parts[2].equals("execute-api")) {
      throw new IllegalArgumentException("not an execute-api ARN: " + shorten(arn));
    }
    String[] resource = parts[5].split("/", 4);
    if (resource.length < 3) {
      throw new IllegalArgumentException(
          "execute-api ARN has no API/STAGE/METHOD part: " + shorten(arn));
    }
    String path = resource.length == 4 ? "/" + resource[3] : null;
    return new MethodArn(parts[1], parts[3], parts[4], resource[0], resource[1], resource[2], path);
  }

  /** Whether this is a WebSocket route ARN (it has no path). */
  public boolean isWebSocket() {
    return path == null;
  }

  /** This ARN with another verb and path (a pattern with {@code *} is fine). */
  public MethodArn with(String method, String path) {
    return new MethodArn(partition, region, accountId, apiId, stage, method, path);
  }

  /**
   * The ARN pattern for every method of this API and stage: {@code API/STAGE/*}{@code /*} for REST
   * and HTTP APIs, {@code API/STAGE/*} for WebSocket APIs.
   */
  public MethodArn wholeApi() {
    return isWebSocket() ? with("*", null) : with("*", "/*");
  }

  @Override
  public String toString() {
    StringBuilder s =
        new StringBuilder("arn:")
            .append(partition)
            .append(":execute-api:")
            .append(region)
            .append(':')
            .append(accountId)
            .append(':')
            .append(apiId)
            .append('/')
            .append(stage)
            .append('/')
            .append(method);
    if (path != null) {
      s.append('/').append(path, 1, path.length());
    }
    return s.toString();
  }

  private static void require(boolean ok, String what, String value, String expected) {
    if (!ok) {
      throw new IllegalArgumentException(
          "invalid "
              + what
              + " in execute-api ARN: "
              + shorten(value)
              + " (expected "
              + expected
              + ")");
    }
  }

  private static String shorten(String s) {
    if (s == null) {
      return "null";
    }
    return s.length() <= 120 ? "\"" + s + "\"" : "\"" + s.substring(0, 120) + "...\"";
  }
}
