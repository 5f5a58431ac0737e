package dev.portico.authorizer.jwt.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Fetches small JSON documents (JWKS, OpenID discovery) with a timeout and a size cap.
 *
 * <pre>{@code
 * JsonNode jwks = new HttpJson(HttpClient.newHttpClient(), Duration.ofSeconds(3)).get(jwksUri);
 * }</pre>
 */
public final class HttpJson {

  /** The largest document accepted. */
  public static final int MAX_BYTES = 256 * 1024;

  static final ObjectMapper STRICT =
      new ObjectMapper()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final HttpClient client;
  private final Duration timeout;

  /** A fetcher using {@code client} with a per-request {@code timeout}. */
  public HttpJson(HttpClient client, Duration timeout) {
    this.client = client;
    this.timeout = timeout;
  }

  /**
   * GETs {@code uri} and parses the body.
   *
   * @throws IOException with a message naming the URI and what went wrong
   */
  public JsonNode get(URI uri) throws IOException {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("Accept", "application/json")
            .GET()
            .build();
    HttpResponse<InputStream> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted fetching " + uri, e);
    } catch (IOException e) {
      throw new IOException("fetching " + uri + " failed: " + e.getClass().getSimpleName(), e);
    }
    try (InputStream body = response.body()) {
      if (response.statusCode() != 200) {
        throw new IOException("fetching " + uri + " returned HTTP " + response.statusCode());
      }
      byte[] bytes = body.readNBytes(MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        throw new IOException("document at " + uri + " is larger than " + MAX_BYTES + " bytes");
      }
      try {
        return STRICT.readTree(bytes);
      } catch (IOException e) {
        throw new IOException("document at " + uri + " is not valid JSON");
      }
    }
  }
}
