package dev.portico.local.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a request's whole body before the wrapped handler sees the request, without holding a
 * thread while the body is on its way, and answers {@code 408} (closing the connection) when the
 * body has not arrived within the deadline.
 *
 * <p>Why: the local servers' handlers read bodies with blocking reads. A client that sends headers
 * with a {@code Content-Length} and then nothing (slowloris) would hold a pool thread until the
 * connection's idle timeout, and a few hundred such connections starve every other client. Here a
 * waiting body holds no thread (the read is resumed by Jetty's demand callback when bytes arrive),
 * and the deadline bounds how long a connection can wait at all. The wrapped handler then reads the
 * buffered bytes, which never block.
 *
 * <pre>{@code
 * Handler guarded = new BufferedBodyHandler(handler, BufferedBodyHandler.Limits.of(10 << 20, Duration.ofSeconds(10)));
 * }</pre>
 */
public final class BufferedBodyHandler extends Handler.Wrapper {
  private static final Logger LOG = LoggerFactory.getLogger(BufferedBodyHandler.class);

  /** The answer to a body that did not arrive in time. */
  public static final String TIMEOUT_BODY = "{\"message\":\"Request Timeout\"}";

  /**
   * How much of a body is read and how long it may take.
   *
   * @param keepBytes the most bytes handed to the wrapped handler; a handler that must tell an
   *     oversized body from a full one asks for one byte more than it accepts
   * @param drainBytes when the declared {@code Content-Length} is over {@code keepBytes}, up to
   *     this many bytes are read and dropped, so a handler's {@code 413} reaches a client still
   *     writing (beyond it, the connection is closed after the answer)
   * @param timeout how long the whole body may take to arrive, counted from the end of the headers
   */
  public record Limits(long keepBytes, long drainBytes, Duration timeout) {
    /** Validates. */
    public Limits {
      if (keepBytes < 0 || drainBytes < keepBytes) {
        throw new IllegalArgumentException("need 0 <= keepBytes <= drainBytes");
      }
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("the body timeout must be positive, got " + timeout);
      }
    }

    /** Keeps and drains the same number of bytes. */
    public static Limits of(long keepBytes, Duration timeout) {
      return new Limits(keepBytes, keepBytes, timeout);
    }
  }

  private final Limits limits;

  /** Wraps a handler. */
  public BufferedBodyHandler(Handler handler, Limits limits) {
    super(handler);
    this.limits = limits;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    new Reading(request, response, callback).start();
    return true;
  }

  /** One request's body on its way in. */
  private final class Reading implements Runnable {
    private final Request request;
    private final Response response;
    private final Callback callback;
    private final long stopAt;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final AtomicBoolean finished = new AtomicBoolean();
    private long seen;
    private volatile Scheduler.Task deadline;

    Reading(Request request, Response response, Callback callback) {
      this.request = request;
      this.response = response;
      this.callback = callback;
      long declared = request.getLength();
      this.stopAt =
          declared > limits.keepBytes()
              ? Math.min(declared, limits.drainBytes())
              : limits.keepBytes();
    }

    void start() {
      // Most bodies are already here with the headers: read them on this thread, and only if the
      // body is still on its way start the clock and wait for Jetty's demand callback.
      if (readAvailable()) {
        return;
      }
      deadline =
          request
              .getComponents()
              .getScheduler()
              .schedule(this::timedOut, limits.timeout().toMillis(), TimeUnit.MILLISECONDS);
      if (finished.get()) {
        deadline.cancel();
      }
      request.demand(this);
    }

    /** Jetty's demand callback: more bytes (or the end, or a failure) can be read. */
    @Override
    public void run() {
      if (!readAvailable()) {
        request.demand(this);
      }
    }

    /** Reads what is there; true when the reading is over (handed on, failed or timed out). */
    private boolean readAvailable() {
      while (true) {
        if (finished.get()) {
          return true;
        }
        Content.Chunk chunk = request.read();
        if (chunk == null) {
          return false;
        }
        if (Content.Chunk.isFailure(chunk)) {
          if (finish()) {
            callback.failed(chunk.getFailure());
          }
          return true;
        }
        ByteBuffer bytes = chunk.getByteBuffer();
        int n = bytes.remaining();
        long room = limits.keepBytes() - kept.size();
        if (room > 0) {
          int take = (int) Math.min(room, n);
          byte[] copy = new byte[take];
          bytes.get(copy);
          kept.write(copy, 0, take);
        }
        seen += n;
        boolean last = chunk.isLast();
        chunk.release();
        if (last || seen >= stopAt) {
          if (finish()) {
            handOn();
          }
          return true;
        }
      }
    }

    private boolean finish() {
      if (!finished.compareAndSet(false, true)) {
        return false;
      }
      Scheduler.Task task = deadline;
      if (task != null) {
        task.cancel();
      }
      return true;
    }

    private void handOn() {
      Request buffered = new BufferedRequest(request, kept.toByteArray());
      try {
        if (!getHandler().handle(buffered, response, callback)) {
          Response.writeError(buffered, response, callback, 404);
        }
      } catch (Throwable e) {
        callback.failed(e);
      }
    }

    private void timedOut() {
      if (!finish()) {
        return;
      }
      LOG.warn(
          "{} {}: the request body did not arrive within {} ms ({} of {} bytes); answered 408"
              + " and closed the connection",
          LogText.quote(request.getMethod()),
          LogText.quote(request.getHttpURI().getPath()),
          limits.timeout().toMillis(),
          seen,
          request.getLength() < 0 ? "unknown" : Long.toString(request.getLength()));
      byte[] body = TIMEOUT_BODY.getBytes(StandardCharsets.UTF_8);
      response.setStatus(408);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
      response.getHeaders().put(HttpHeader.CONNECTION, "close");
      response.getHeaders().put(HttpHeader.CONTENT_LENGTH, Integer.toString(body.length));
      response.write(true, ByteBuffer.wrap(body), callback);
    }
  }

  /** The request with its body already read: reads return the buffered bytes and never wait. */
  private static final class BufferedRequest extends Request.Wrapper {
    private Content.Chunk next;

    BufferedRequest(Request request, byte[] body) {
      super(request);
      this.next =
          body.length == 0 ? Content.Chunk.EOF : Content.Chunk.from(ByteBuffer.wrap(body), true);
    }

    @Override
    public synchronized Content.Chunk read() {
      Content.Chunk chunk = next;
      next = Content.Chunk.EOF;
      return chunk;
    }

    @Override
    public void demand(Runnable demandCallback) {
      demandCallback.run();
    }

    @Override
    public boolean consumeAvailable() {
      synchronized (this) {
        next = Content.Chunk.EOF;
      }
      return true;
    }
  }
}
