package dev.portico.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One problem with one part of a request: a field of the JSON body (a binding or a validation
 * failure) or a request parameter. A 400 answer lists every one of them at once in the problem's
 * {@code errors} member (see {@link InvalidRequestException}), the shape RFC 9457 section 3 shows:
 *
 * <pre>{@code
 * {"in": "body", "field": "items[0].quantity", "pointer": "#/items/0/quantity",
 *  "detail": "must be greater than or equal to 1"}
 * }</pre>
 *
 * @param in where the value came from: {@code body}, or the parameter source as messages name it
 *     ({@code path}, {@code query}, {@code header}, {@code cookie}, ...)
 * @param field the body field's path ({@code items[0].quantity}, empty for the whole body) or the
 *     parameter's name
 * @param detail what is wrong with the value, without the field's name ({@code is required}, {@code
 *     must not be blank}); safe to show to the client
 */
public record FieldProblem(String in, String field, String detail) {
  /** Where a body field is. */
  public static final String BODY = "body";

  /** Checks the components. */
  public FieldProblem {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(detail, "detail");
  }

  /** A problem with a field of the JSON body, at a path such as {@code items[0].quantity}. */
  public static FieldProblem body(String field, String detail) {
    return new FieldProblem(BODY, field, detail);
  }

  /**
   * The field as an RFC 6901 JSON pointer in a URI fragment ({@code #/items/0/quantity}), for body
   * fields; {@code null} for parameters.
   */
  public @Nullable String pointer() {
    if (!BODY.equals(in)) {
      return null;
    }
    StringBuilder pointer = new StringBuilder("#");
    int i = 0;
    while (i < field.length()) {
      char c = field.charAt(i);
      if (c == '.') {
        i++;
        continue;
      }
      pointer.append('/');
      if (c == '[') {
        int end = field.indexOf(']', i);
        if (end < 0) {
          end = field.length();
        }
        pointer.append(field, i + 1, end);
        i = end + 1;
        continue;
      }
      int end = i;
      while (end < field.length() && field.charAt(end) != '.' && field.charAt(end) != '[') {
        end++;
      }
      // RFC 6901 escapes, then the URI fragment's percent-encoding of what it may not hold.
      String token = field.substring(i, end).replace("~", "~0").replace("/", "~1");
      for (int k = 0; k < token.length(); k++) {
        char t = token.charAt(k);
        if (t == '%' || t == '#' || t == ' ' || t == '"' || t < 0x20) {
          pointer.append('%').append(String.format("%02X", (int) t));
        } else {
          pointer.append(t);
        }
      }
      i = end;
    }
    return pointer.toString();
  }

  /** The member of the problem's {@code errors} list: in, field, pointer (body only), detail. */
  public Map<String, Object> toJsonMember() {
    Map<String, Object> member = new LinkedHashMap<>();
    member.put("in", in);
    member.put("field", field);
    String pointer = pointer();
    if (pointer != null) {
      member.put("pointer", pointer);
    }
    member.put("detail", detail);
    return Collections.unmodifiableMap(member);
  }
}
