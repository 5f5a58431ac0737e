package dev.portico.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An RFC 9457 problem details body, written as {@code application/problem+json}.
 *
 * <pre>{@code
 * throw new HttpException(Problem.of(409, "pet name taken").withExtension("name", pet.name()));
 * }</pre>
 *
 * @param type a URI identifying the problem type; {@code about:blank} by default
 * @param title a short summary of the status, e.g. {@code Not Found}
 * @param status the HTTP status code
 * @param detail what went wrong for this request, safe to show to the client
 * @param instance the request id, filled in by Portico
 * @param extensions extra members, written next to the standard ones
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance"})
public record Problem(
    String type,
    String title,
    int status,
    @Nullable String detail,
    @Nullable String instance,
    @JsonIgnore Map<String, Object> extensions) {

  /** Copies the extensions so the value stays immutable. */
  public Problem {
    extensions = Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
  }

  /** A problem with the standard title for the status. */
  public static Problem of(int status, @Nullable String detail) {
    return new Problem("about:blank", HttpStatus.reason(status), status, detail, null, Map.of());
  }

  /** A copy with the instance set. */
  public Problem withInstance(@Nullable String newInstance) {
    return new Problem(type, title, status, detail, newInstance, extensions);
  }

  /** A copy with one more extension member. */
  public Problem withExtension(String name, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(extensions);
    copy.put(name, value);
    return new Problem(type, title, status, detail, instance, copy);
  }

  /** A copy with another type URI and title. */
  public Problem withType(String newType, String newTitle) {
    return new Problem(newType, newTitle, status, detail, instance, extensions);
  }

  @JsonAnyGetter
  Map<String, Object> jsonExtensions() {
    return extensions;
  }
}
