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

  /**
   * Whether some text matches both patterns, i.e. a request one statement covers may also be
   * covered by the other. Used to add an explicit deny only where an allow could reach.
   *
   * <pre>{@code
   * ArnPattern.overlaps("GET/pets/*", "GET/pets/*\/photos");   // true: GET/pets/1/photos
   * ArnPattern.overlaps("GET/pets", "POST/pets");               // false
   * }</pre>
   */
  public static boolean overlaps(String a, String b) {
    // memo[i][j]: 0 unknown, 1 overlap, 2 none, for a[i..] and b[j..].
    byte[][] memo = new byte[a.length() + 1][b.length() + 1];
    return overlaps(a, 0, b, 0, memo);
  }

  private static boolean overlaps(String a, int i, String b, int j, byte[][] memo) {
    if (memo[i][j] != 0) {
      return memo[i][j] == 1;
    }
    boolean result;
    boolean aEnd = i == a.length();
    boolean bEnd = j == b.length();
    if (aEnd && bEnd) {
      result = true;
    } else if (!aEnd && a.charAt(i) == '*') {
      // The star matches nothing, or it absorbs the next character (or star) of b.
      result = overlaps(a, i + 1, b, j, memo) || (!bEnd && overlaps(a, i, b, j + 1, memo));
    } else if (!bEnd && b.charAt(j) == '*') {
      result = overlaps(a, i, b, j + 1, memo) || (!aEnd && overlaps(a, i + 1, b, j, memo));
    } else if (aEnd || bEnd) {
      result = false;
    } else {
      char x = a.charAt(i);
      char y = b.charAt(j);
      result = (x == y || x == '?' || y == '?') && overlaps(a, i + 1, b, j + 1, memo);
    }
    memo[i][j] = (byte) (result ? 1 : 2);
    return result;
  }
}
