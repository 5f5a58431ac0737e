package dev.portico.authorizer.oauth2.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * HTTP calls to the authorization server with a hard deadline that covers connecting, sending,
 * waiting and reading the whole body; redirects are never followed and bodies are size-bounded.
 *
 * <pre>{@code
 * BoundedHttp http = new BoundedHttp(Duration.ofMillis(500), 64 * 1024);
 * BoundedHttp.Response r = http.send(request, deadlineNanos);
 * }</pre>
 */
public final class BoundedHttp {

  /** The answer: status, {@code Content-Type} (or {@code null}) and the body. */
  public record Response(int status, String contentType, String body) {}

  private final HttpClient client;
  private final int maxBodyBytes;

  /** A client with the given connect timeout that refuses bodies over {@code maxBodyBytes}. */
  public BoundedHttp(Duration connectTimeout, int maxBodyBytes) {
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    this.maxBodyBytes = maxBodyBytes;
  }

  /**
   * Sends a request and reads the whole answer before {@code deadlineNanos} ({@link
   * System#nanoTime()} based).
   *
   * @throws AuthorizationServerException on any failure: network, timeout, oversized body
   */
  public Response send(
      String method, URI uri, Map<String, List<String>> headers, String body, long deadlineNanos) {
    long remaining = deadlineNanos - System.nanoTime();
    if (remaining <= 0) {
      throw new AuthorizationServerException("time budget exhausted before calling " + uri);
    }
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofNanos(remaining))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    headers.forEach((name, values) -> values.forEach(v -> b.header(name, v)));
    CompletableFuture<HttpResponse<byte[]>> future =
        client.sendAsync(b.build(), info -> new LimitedBody(maxBodyBytes));
    HttpResponse<byte[]> response;
    try {
      response = future.get(remaining, TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new AuthorizationServerException("no complete answer within the time budget: " + uri);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new AuthorizationServerException("interrupted while calling " + uri);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new AuthorizationServerException(
          "cannot call " + uri + ": " + cause.getClass().getSimpleName());
    }
    String contentType = response.headers().firstValue("Content-Type").orElse(null);
    return new Response(
        response.statusCode(), contentType, new String(response.body(), StandardCharsets.UTF_8));
  }

  /** Collects a body and fails once it grows past the limit. */
  private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final int max;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
    private Flow.Subscription subscription;

    LimitedBody(int max) {
      this.max = max;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      this.subscription = s;
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      for (ByteBuffer item : items) {
        if (buffer.size() + item.remaining() > max) {
          subscription.cancel();
          result.completeExceptionally(new IOException("body larger than " + max + " bytes"));
          return;
        }
        byte[] bytes = new byte[item.remaining()];
        item.get(bytes);
        buffer.write(bytes, 0, bytes.length);
      }
    }

    @Override
    public void onError(Throwable t) {
      result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
      result.complete(buffer.toByteArray());
    }
  }
}
