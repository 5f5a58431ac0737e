package dev.portico.path;

/** Why a path is not canonical; see {@link CanonicalPath} for the rules. */
public enum Violation {
  /** The path is empty or does not start with {@code /}. */
  NOT_ABSOLUTE("it does not start with '/'"),
  /** A trailing {@code /} or two {@code /} in a row. */
  EMPTY_SEGMENT("empty segment (a trailing or doubled '/')"),
  /** A segment that is, after decoding, {@code .} or {@code ..}. */
  DOT_SEGMENT("'.' or '..' segment"),
  /** {@code %2F} inside a segment. */
  ENCODED_SLASH("encoded '/' inside a segment"),
  /** A backslash, raw or encoded. */
  BACKSLASH("backslash"),
  /** A {@code ;} (matrix parameter), raw or encoded. */
  MATRIX_PARAMETER("';' (matrix parameter)"),
  /** A C0 control character, DEL or a C1 control character, raw or encoded. */
  CONTROL_CHARACTER("control character"),
  /** A {@code %} not followed by two hexadecimal digits. */
  MALFORMED_ESCAPE("malformed percent escape"),
  /** An unreserved character percent-encoded, or lowercase hexadecimal digits in an escape. */
  NON_CANONICAL_ESCAPE("non-canonical percent escape (an unreserved character or lowercase hex)"),
  /** Percent escapes whose bytes are not UTF-8, or a lone surrogate in a decoded path. */
  INVALID_UTF8("bytes that are not UTF-8"),
  /** A character that an encoded path must carry percent-encoded (space, non-ASCII, quote...). */
  ILLEGAL_CHARACTER("character that must be percent-encoded");

  private final String description;

  Violation(String description) {
    this.description = description;
  }

  /** What the rule forbids, for messages: {@code "empty segment (a trailing or doubled '/')"}. */
  public String description() {
    return description;
  }
}
