package dev.portico.local.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.api.testing.ProxyResponse;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link LocalClient} request got back, as the HTTP client would see it, with assertions
 * that fail with the whole response in the message.
 *
 * <pre>{@code
 * client.get("/pets/1").send()
 *     .assertStatus(200)
 *     .assertHeader("Content-Type", "application/json")
 *     .assertJson("/name", "Rex")
 *     .assertJson("/tag", null);
 * }</pre>
 */
public final class LocalResponse {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final ProxyResponse response;

  LocalResponse(ProxyResponse response) {
    this.response = response;
  }

  /** The decoded proxy response of the test kit. */
  public ProxyResponse proxyResponse() {
    return response;
  }

  /** The HTTP status. */
  public int status() {
    return response.status();
  }

  /** The first value of a header (case-insensitive), or {@code null}. */
  public String header(String name) {
    return response.header(name);
  }

  /** All headers; names compare case-insensitively. */
  public Map<String, List<String>> headers() {
    return response.headers();
  }

  /** {@code Set-Cookie} values. */
  public List<String> cookies() {
    return response.cookies();
  }

  /** The body bytes (base64 undone). */
  public byte[] body() {
    return response.body();
  }

  /** The body as UTF-8 text. */
  public String bodyAsString() {
    return response.bodyAsString();
  }

  /**
   * The body as JSON.
   *
   * @throws AssertionError when the body is not JSON
   */
  public JsonNode json() {
    try {
      return JSON.readTree(response.body());
    } catch (java.io.IOException e) {
      throw new AssertionError("Expected a JSON body but got: " + describe(), e);
    }
  }

  /** The JSON value at a JSON Pointer such as {@code /pets/0/name}; a missing node when absent. */
  public JsonNode json(String pointer) {
    return json().at(pointer);
  }

  /** Asserts the status. */
  public LocalResponse assertStatus(int expected) {
    if (status() != expected) {
      throw new AssertionError("Expected status " + expected + " but got " + describe());
    }
    return this;
  }

  /** Asserts that a header has this first value. */
  public LocalResponse assertHeader(String name, String expected) {
    if (!Objects.equals(header(name), expected)) {
      throw new AssertionError(
          "Expected header " + name + ": " + expected + " but got " + describe());
    }
    return this;
  }

  /**
   * Asserts the JSON value at a pointer: {@code null} means JSON null; strings, numbers and
   * booleans compare as JSON values.
   */
  public LocalResponse assertJson(String pointer, Object expected) {
    JsonNode actual = json(pointer);
    JsonNode wanted = JSON.valueToTree(expected);
    boolean same =
        actual.isNumber() && wanted.isNumber()
            ? actual.decimalValue().compareTo(wanted.decimalValue()) == 0
            : actual.equals(wanted);
    if (!same) {
      throw new AssertionError(
          "Expected "
              + pointer
              + " to be "
              + wanted
              + " but it is "
              + (actual.isMissingNode() ? "missing" : actual.toString())
              + " in "
              + describe());
    }
    return this;
  }

  /** Asserts that the body is this JSON document (compared as JSON, not as text). */
  public LocalResponse assertJsonBody(String expectedJson) {
    JsonNode expected;
    try {
      expected = JSON.readTree(expectedJson);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("The expected value is not JSON: " + expectedJson, e);
    }
    if (!json().equals(expected)) {
      throw new AssertionError("Expected body " + expected + " but got " + describe());
    }
    return this;
  }

  private String describe() {
    return status() + " " + headers() + " " + bodyAsString();
  }

  @Override
  public String toString() {
    return "LocalResponse{" + describe() + "}";
  }
}
