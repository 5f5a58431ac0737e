package dev.portico.authorizer.jwt.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@link HttpJson}'s fetch through a {@link HttpClient} the user gave ({@code
 * JwtValidator.Builder#httpClient}): in its own class so that the default fetch, over {@link
 * SocketGet}, never loads {@code java.net.http}.
 */
final class HttpClientGet {

  private final HttpClient client;
  private final Duration timeout;

  HttpClientGet(HttpClient client, Duration timeout) {
    this.client = client;
    this.timeout = timeout;
  }

  /**
   * GETs {@code uri}: the body of a 200; the whole fetch takes at most the timeout.
   *
   * @throws IOException with a message naming the URI and what went wrong
   */
  byte[] get(URI uri) throws IOException {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("Accept", "application/json")
            .GET()
            .build();
    CappedBody body = new CappedBody();
    CompletableFuture<HttpResponse<byte[]>> future =
        // The body is its own handler: a lambda would be one more class spun on the cold path.
        client.sendAsync(request, body);
    HttpResponse<byte[]> response;
    try {
      response = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      body.cancel();
      throw HttpJson.timedOut(uri, timeout);
    } catch (InterruptedException e) {
      future.cancel(true);
      body.cancel();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted fetching " + uri, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof SocketGet.TooLarge) {
        throw HttpJson.tooLarge(uri);
      }
      throw HttpJson.failed(uri, cause);
    }
    if (response.statusCode() != 200) {
      throw HttpJson.status(uri, response.statusCode());
    }
    return response.body();
  }

  /**
   * Collects at most {@link HttpJson#MAX_BYTES} bytes and cancels the stream (failing the fetch) as
   * soon as more arrive.
   */
  private static final class CappedBody
      implements HttpResponse.BodySubscriber<byte[]>, HttpResponse.BodyHandler<byte[]> {
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private volatile Flow.Subscription subscription;
    private volatile boolean cancelled;

    /** This collector for a 200, else a body that is discarded (the status is the error). */
    @Override
    public HttpResponse.BodySubscriber<byte[]> apply(HttpResponse.ResponseInfo info) {
      return info.statusCode() == 200 ? this : HttpResponse.BodySubscribers.replacing(null);
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      if (cancelled) {
        s.cancel();
      } else {
        s.request(1);
      }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      for (ByteBuffer buffer : buffers) {
        int n = buffer.remaining();
        if (bytes.size() + n > HttpJson.MAX_BYTES) {
          subscription.cancel();
          result.completeExceptionally(SocketGet.TooLarge.create());
          return;
        }
        byte[] chunk = new byte[n];
        buffer.get(chunk);
        bytes.write(chunk, 0, n);
      }
      subscription.request(1);
    }

    @Override
    public void onError(Throwable error) {
      result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
      result.complete(bytes.toByteArray());
    }

    /** Stops reading (after a timeout). */
    void cancel() {
      cancelled = true;
      Flow.Subscription s = subscription;
      if (s != null) {
        s.cancel();
      }
      result.cancel(false);
    }
  }
}
