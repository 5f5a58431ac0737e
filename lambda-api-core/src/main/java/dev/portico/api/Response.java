package dev.portico.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * An HTTP response: status, headers (multi-valued), cookies and a body. Immutable: every {@code
 * with...} method returns a copy.
 *
 * <pre>{@code
 * return Response.created("/pets/" + pet.id(), pet).withHeader("X-Trace", traceId);
 * }</pre>
 *
 * <p>The body is written as JSON unless it is a {@code String} ({@code text/plain} unless a {@code
 * Content-Type} says otherwise), a {@code byte[]} (base64 on the wire), or {@code null} (no body).
 *
 * @param <T> the body type
 */
public final class Response<T> {
  private final int status;
  private final Map<String, List<String>> headers;
  private final List<String> cookies;
  private final @Nullable T body;

  private Response(
      int status, Map<String, List<String>> headers, List<String> cookies, @Nullable T body) {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("HTTP status must be 100..599, got " + status);
    }
    this.status = status;
    this.headers = headers;
    this.cookies = cookies;
    this.body = body;
  }

  /** 200 OK with a body. */
  public static <T> Response<T> ok(T body) {
    return new Response<>(200, Map.of(), List.of(), body);
  }

  /** 201 Created with a {@code Location} header and a body. */
  public static <T> Response<T> created(String location, @Nullable T body) {
    return new Response<T>(201, Map.of(), List.of(), body).withHeader("Location", location);
  }

  /** 202 Accepted without a body. */
  public static <T> Response<T> accepted() {
    return new Response<>(202, Map.of(), List.of(), null);
  }

  /** 204 No Content. */
  public static <T> Response<T> noContent() {
    return new Response<>(204, Map.of(), List.of(), null);
  }

  /** Any status, no body yet: {@code Response.status(409).withBody(problem)}. */
  public static <T> Response<T> status(int status) {
    return new Response<>(status, Map.of(), List.of(), null);
  }

  /** The HTTP status code. */
  public int status() {
    return status;
  }

  /** The headers; keys compare case-insensitively. Excludes cookies, see {@link #cookies()}. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** The first value of a header, or {@code null}. */
  public @Nullable String header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** {@code Set-Cookie} values, one per cookie. */
  public List<String> cookies() {
    return cookies;
  }

  /** The body, or {@code null} for none. */
  public @Nullable T body() {
    return body;
  }

  /** A copy with another status. */
  public Response<T> withStatus(int newStatus) {
    return new Response<>(newStatus, headers, cookies, body);
  }

  /** A copy with another body. */
  public <U> Response<U> withBody(@Nullable U newBody) {
    return new Response<>(status, headers, cookies, newBody);
  }

  /** A copy with the header set to this one value, replacing earlier values. */
  public Response<T> withHeader(String name, String value) {
    return withHeaderValues(name, List.of(value));
  }

  /** A copy with one more value for the header. */
  public Response<T> addHeader(String name, String value) {
    List<String> existing = headers.get(name);
    List<String> values = new ArrayList<>(existing == null ? List.of() : existing);
    values.add(value);
    return withHeaderValues(name, values);
  }

  /** A copy with the header removed. */
  public Response<T> withoutHeader(String name) {
    if (!headers.containsKey(name)) {
      return this;
    }
    TreeMap<String, List<String>> copy = caseInsensitiveCopy(headers);
    copy.remove(name);
    return new Response<>(status, Collections.unmodifiableSortedMap(copy), cookies, body);
  }

  /**
   * A copy with one more {@code Set-Cookie}, e.g. {@code withCookie("session=abc; HttpOnly;
   * Secure")}.
   */
  public Response<T> withCookie(String setCookie) {
    List<String> copy = new ArrayList<>(cookies);
    copy.add(setCookie);
    return new Response<>(status, headers, List.copyOf(copy), body);
  }

  private Response<T> withHeaderValues(String name, List<String> values) {
    if (name.isEmpty()) {
      throw new IllegalArgumentException("header name must not be empty");
    }
    if (name.toLowerCase(Locale.ROOT).equals("set-cookie")) {
      Response<T> result = this;
      for (String value : values) {
        result = result.withCookie(value);
      }
      return result;
    }
    TreeMap<String, List<String>> copy = caseInsensitiveCopy(headers);
    copy.remove(name);
    copy.put(name, List.copyOf(values));
    // Sorted (and seen to be): the proxy response is written in this order without a copy.
    return new Response<>(status, Collections.unmodifiableSortedMap(copy), cookies, body);
  }

  private static TreeMap<String, List<String>> caseInsensitiveCopy(
      Map<String, List<String>> source) {
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    copy.putAll(source);
    return copy;
  }

  @Override
  public String toString() {
    return "Response{" + status + ", headers=" + headers + ", cookies=" + cookies.size() + "}";
  }
}
