package dev.portico.authorizer.policy;

/**
 * IAM's wildcard matching for resource ARNs: {@code *} matches any run of characters (slashes
 * included), {@code ?} exactly one. Used to decide whether a policy statement covers a method ARN,
 * both when Portico builds policies and when lambda-local evaluates an authorizer's policy as API
 * Gateway does.
 *
 * <pre>{@code
 * ArnPattern.matches("arn:aws:execute-api:*:123456789012:abc/prod/GET/pets/*",
 *     "arn:aws:execute-api:eu-west-1:123456789012:abc/prod/GET/pets/7"); // true
 * }</pre>
 */
public final class ArnPattern {
  private ArnPattern() {}

  /** Whether {@code text} matches {@code pattern}. */
  public static boolean matches(String pattern, String text) {
    int p = 0;
    int t = 0;
    int star = -1;
    int mark = 0;
    while (t < text.length()) {
      if (p < pattern.length()
          && (pattern.charAt(p) == '?' || pattern.charAt(p) == text.charAt(t))) {
        p++;
        t++;
      } else if (p < pattern.length() && pattern.charAt(p) == '*') {
        star = p++;
        mark = t;
      } else if (star >= 0) {
        p = star + 1;
        t = ++mark;
      } else {
        return false;
      }
    }
    while (p < pattern.length() && pattern.charAt(p) == '*') {
      p++;
    }
    return p == pattern.length();
  }
}
