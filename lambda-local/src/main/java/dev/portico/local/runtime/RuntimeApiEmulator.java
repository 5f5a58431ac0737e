package dev.portico.local.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portico.local.internal.BufferedBodyHandler;
import dev.portico.local.internal.LocalServers;
import dev.portico.local.internal.LogText;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An emulator of the <a
 * href="https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html">Lambda Runtime API</a>, so
 * that the real runtime interface client ({@code aws-lambda-java-runtime-interface-client}) runs a
 * handler in a separate JVM exactly as it does in Lambda.
 *
 * <p>It serves {@code GET /2018-06-01/runtime/invocation/next} (a long poll answered with the event
 * and the {@code Lambda-Runtime-Aws-Request-Id}, {@code -Deadline-Ms}, {@code
 * -Invoked-Function-Arn}, {@code -Trace-Id}, {@code -Client-Context} and {@code -Cognito-Identity}
 * headers), {@code POST /invocation/{id}/response}, {@code POST /invocation/{id}/error} and {@code
 * POST /init/error}, answering 202, 400 (unknown request id), 403 (a second answer to the same
 * invocation, an init error after initialisation), 413 (a response over 6 MB) and 500 (the emulator
 * is shutting down: the runtime must exit).
 *
 * <pre>{@code
 * try (RuntimeApiEmulator emulator = RuntimeApiEmulator.start("pets")) {
 *   // run: AWS_LAMBDA_RUNTIME_API=<emulator.address()> java -cp ... \
 *   //        com.amazonaws.services.lambda.runtime.api.client.AWSLambda my.Handler
 *   InvocationResult result = emulator.invoke(InvocationRequest.of("{}"));
 * }
 * }</pre>
 */
public final class RuntimeApiEmulator implements AutoCloseable {
  /** The largest response or error document a function may return: 6 MB. */
  public static final int MAX_RESPONSE_BYTES = 6 * 1024 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(RuntimeApiEmulator.class);
  private static final String PREFIX = "/2018-06-01/runtime/";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String functionName;
  private final String functionArn;
  private final Object lock = new Object();
  private final Deque<Pending> queued = new ArrayDeque<>();
  private final Deque<CompletableFuture<Pending>> waiters = new ArrayDeque<>();
  private final Map<String, Pending> inFlight = new ConcurrentHashMap<>();
  private volatile byte[] initError;
  private volatile String initErrorType;
  private volatile boolean initialised;
  private volatile boolean closed;
  private final Server server;

  private RuntimeApiEmulator(String functionName, int port) {
    this.functionName = functionName;
    this.functionArn = "arn:aws:lambda:us-east-1:123456789012:function:" + functionName;
    this.server =
        LocalServers.start(
            "Lambda Runtime API emulator",
            "127.0.0.1",
            port,
            Duration.ofHours(1),
            BufferedBodyHandler.Limits.of(MAX_RESPONSE_BYTES + 1L, Duration.ofSeconds(30)),
            new Api());
  }

  /** Starts an emulator for a function of this name on a free port of 127.0.0.1. */
  public static RuntimeApiEmulator start(String functionName) {
    return start(functionName, 0);
  }

  /** Starts an emulator on the given port of 127.0.0.1 (0 for any free port). */
  public static RuntimeApiEmulator start(String functionName, int port) {
    return new RuntimeApiEmulator(functionName, port);
  }

  /** The value for {@code AWS_LAMBDA_RUNTIME_API}: {@code 127.0.0.1:port}. */
  public String address() {
    return "127.0.0.1:" + LocalServers.port(server);
  }

  /** The function name. */
  public String functionName() {
    return functionName;
  }

  /** The ARN sent as {@code Lambda-Runtime-Invoked-Function-Arn}. */
  public String functionArn() {
    return functionArn;
  }

  /**
   * Queues an invocation for the runtime and waits until it answers, fails or times out.
   *
   * @throws InterruptedException when the waiting thread is interrupted
   */
  public InvocationResult invoke(InvocationRequest request) throws InterruptedException {
    try {
      return submit(request).get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("invocation failed: " + e.getCause(), e.getCause());
    }
  }

  /** Queues an invocation; the future completes when the runtime answers or the deadline passes. */
  public CompletableFuture<InvocationResult> submit(InvocationRequest request) {
    Pending pending = new Pending(UUID.randomUUID().toString(), request);
    byte[] error = initError;
    if (error != null) {
      pending.result.complete(
          new InvocationResult(
              pending.requestId, InvocationResult.Outcome.INIT_ERROR, error, initErrorType));
      return pending.result;
    }
    pending.result.completeOnTimeout(
        new InvocationResult(
            pending.requestId,
            InvocationResult.Outcome.TIMEOUT,
            errorDocument(
                "Task timed out after " + seconds(request.timeout()) + " seconds",
                "Sandbox.Timedout"),
            "Sandbox.Timedout"),
        request.timeout().toMillis(),
        TimeUnit.MILLISECONDS);
    pending.result.whenComplete((r, e) -> inFlight.remove(pending.requestId));
    CompletableFuture<Pending> waiter;
    synchronized (lock) {
      waiter = waiters.poll();
      if (waiter == null) {
        queued.add(pending);
      }
    }
    if (waiter != null) {
      handOut(waiter, pending);
    }
    return pending.result;
  }

  /**
   * Waits until the runtime has asked for its first invocation (it is initialised) or reported an
   * init error.
   *
   * @return {@code true} when it initialised, {@code false} on an init error
   * @throws TimeoutException when neither happened in time
   */
  public boolean awaitReady(Duration timeout) throws InterruptedException, TimeoutException {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      if (initError != null) {
        return false;
      }
      if (initialised) {
        return true;
      }
      Thread.sleep(10);
    }
    throw new TimeoutException(
        "the runtime neither polled for an invocation nor reported an init error within "
            + timeout);
  }

  /** The init error document the runtime posted, or {@code null}. */
  public String initError() {
    byte[] error = initError;
    return error == null ? null : new String(error, StandardCharsets.UTF_8);
  }

  /** Stops the emulator; runtimes polling for work get a 500 and exit. */
  @Override
  public void close() {
    closed = true;
    Deque<CompletableFuture<Pending>> toFail;
    synchronized (lock) {
      toFail = new ArrayDeque<>(waiters);
      waiters.clear();
    }
    for (CompletableFuture<Pending> waiter : toFail) {
      waiter.cancel(false);
    }
    LocalServers.stopQuietly(server);
  }

  private void handOut(CompletableFuture<Pending> waiter, Pending pending) {
    pending.deadlineMs = System.currentTimeMillis() + pending.request.timeout().toMillis();
    inFlight.put(pending.requestId, pending);
    if (!waiter.complete(pending)) {
      // The runtime went away while waiting: give the invocation to the next poll.
      inFlight.remove(pending.requestId);
      synchronized (lock) {
        queued.addFirst(pending);
      }
    }
  }

  private CompletableFuture<Pending> next() {
    initialised = true;
    CompletableFuture<Pending> waiter = new CompletableFuture<>();
    Pending pending;
    synchronized (lock) {
      pending = queued.poll();
      while (pending != null && pending.result.isDone()) {
        pending = queued.poll();
      }
      if (pending == null) {
        waiters.add(waiter);
        return waiter;
      }
    }
    handOut(waiter, pending);
    return waiter;
  }

  private static String seconds(Duration timeout) {
    long millis = timeout.toMillis();
    return millis % 1000 == 0
        ? Long.toString(millis / 1000)
        : String.format("%.2f", millis / 1000.0);
  }

  private static byte[] errorDocument(String message, String type) {
    ObjectNode node = JSON.createObjectNode();
    node.put("errorMessage", message);
    node.put("errorType", type);
    try {
      return JSON.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String traceId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    byte[] id = new byte[12];
    random.nextBytes(id);
    byte[] parent = new byte[8];
    random.nextBytes(parent);
    return "Root=1-"
        + Long.toHexString(System.currentTimeMillis() / 1000)
        + "-"
        + HexFormat.of().formatHex(id)
        + ";Parent="
        + HexFormat.of().formatHex(parent)
        + ";Sampled=0;Lineage=1:"
        + HexFormat.of().formatHex(parent, 0, 4)
        + ":0";
  }

  private static final class Pending {
    final String requestId;
    final InvocationRequest request;
    final CompletableFuture<InvocationResult> result = new CompletableFuture<>();
    volatile long deadlineMs;

    Pending(String requestId, InvocationRequest request) {
      this.requestId = requestId;
      this.request = request;
    }
  }

  /** The HTTP side. */
  private final class Api extends Handler.Abstract {
    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
      String path = Request.getPathInContext(request);
      String method = request.getMethod();
      if (!path.startsWith(PREFIX)) {
        send(response, callback, 404, error("Unknown path " + path, "NotFound"));
        return true;
      }
      String rest = path.substring(PREFIX.length());
      if (rest.equals("invocation/next") && method.equals("GET")) {
        serveNext(response, callback);
      } else if (rest.equals("init/error") && method.equals("POST")) {
        serveInitError(request, response, callback);
      } else if (rest.startsWith("invocation/") && method.equals("POST")) {
        String tail = rest.substring("invocation/".length());
        int slash = tail.indexOf('/');
        String kind = slash < 0 ? "" : tail.substring(slash + 1);
        if (slash < 0 || !(kind.equals("response") || kind.equals("error"))) {
          send(response, callback, 404, error("Unknown path " + path, "NotFound"));
        } else {
          serveAnswer(tail.substring(0, slash), kind.equals("error"), request, response, callback);
        }
      } else {
        send(
            response,
            callback,
            405,
            error("Method " + method + " is not allowed on " + path, "MethodNotAllowed"));
      }
      return true;
    }

    private void serveNext(Response response, Callback callback) {
      if (closed) {
        send(response, callback, 500, error("The emulator is shutting down", "ContainerError"));
        return;
      }
      next()
          .whenComplete(
              (pending, failure) -> {
                if (failure != null) {
                  send(
                      response,
                      callback,
                      500,
                      error("The emulator is shutting down", "ContainerError"));
                  return;
                }
                InvocationRequest invocation = pending.request;
                response.setStatus(200);
                var headers = response.getHeaders();
                headers.put(HttpHeader.CONTENT_TYPE, "application/json");
                headers.put("Lambda-Runtime-Aws-Request-Id", pending.requestId);
                headers.put("Lambda-Runtime-Deadline-Ms", Long.toString(pending.deadlineMs));
                headers.put("Lambda-Runtime-Invoked-Function-Arn", functionArn);
                headers.put("Lambda-Runtime-Trace-Id", traceId());
                if (invocation.clientContext() != null) {
                  headers.put("Lambda-Runtime-Client-Context", invocation.clientContext());
                }
                if (invocation.cognitoIdentity() != null) {
                  headers.put("Lambda-Runtime-Cognito-Identity", invocation.cognitoIdentity());
                }
                response.write(true, ByteBuffer.wrap(invocation.payload()), callback);
              });
    }

    private void serveInitError(Request request, Response response, Callback callback)
        throws IOException {
      // Read the body before any answer: a response sent with the request unread makes the server
      // close a connection the runtime client expects to reuse.
      byte[] body = readBody(request, MAX_RESPONSE_BYTES);
      if (initialised) {
        send(
            response,
            callback,
            403,
            error(
                "An init error cannot be reported after the runtime asked for an invocation",
                "InvalidStateTransition"));
        return;
      }
      if (body == null) {
        send(response, callback, 413, tooLarge());
        return;
      }
      String type = request.getHeaders().get("Lambda-Runtime-Function-Error-Type");
      initErrorType = type == null ? "Runtime.Unknown" : type;
      initError = body;
      LOG.warn(
          "Runtime reported an init error: {}",
          LogText.quote(new String(body, StandardCharsets.UTF_8)));
      Deque<Pending> failed;
      synchronized (lock) {
        failed = new ArrayDeque<>(queued);
        queued.clear();
      }
      for (Pending pending : failed) {
        pending.result.complete(
            new InvocationResult(
                pending.requestId, InvocationResult.Outcome.INIT_ERROR, body, initErrorType));
      }
      send(response, callback, 202, "{\"status\":\"OK\"}");
    }

    private void serveAnswer(
        String requestId, boolean isError, Request request, Response response, Callback callback)
        throws IOException {
      byte[] body = readBody(request, MAX_RESPONSE_BYTES);
      Pending pending = inFlight.get(requestId);
      if (pending == null) {
        send(
            response, callback, 400, error("Invalid request ID: " + requestId, "InvalidRequestID"));
        return;
      }
      if (body == null) {
        pending.result.complete(
            new InvocationResult(
                requestId,
                InvocationResult.Outcome.ERROR,
                errorDocument(
                    "Response payload size exceeded maximum allowed payload size ("
                        + MAX_RESPONSE_BYTES
                        + " bytes).",
                    "Function.ResponseSizeTooLarge"),
                "Function.ResponseSizeTooLarge"));
        send(response, callback, 413, tooLarge());
        return;
      }
      InvocationResult result;
      if (isError) {
        String type = request.getHeaders().get("Lambda-Runtime-Function-Error-Type");
        result =
            new InvocationResult(
                requestId, InvocationResult.Outcome.ERROR, body, type == null ? "Unhandled" : type);
      } else {
        result = new InvocationResult(requestId, InvocationResult.Outcome.SUCCESS, body, null);
      }
      if (!pending.result.complete(result)) {
        send(
            response,
            callback,
            403,
            error(
                "Invocation " + requestId + " has already been answered or timed out",
                "InvalidStateTransition"));
        return;
      }
      send(response, callback, 202, "{\"status\":\"OK\"}");
    }
  }

  private static String tooLarge() {
    return error(
        "Payload exceeds the maximum of " + MAX_RESPONSE_BYTES + " bytes", "RequestEntityTooLarge");
  }

  private static String error(String message, String type) {
    return new String(errorDocument(message, type), StandardCharsets.UTF_8);
  }

  /** Reads the body, or returns {@code null} when it is larger than {@code max}. */
  private static byte[] readBody(Request request, int max) throws IOException {
    try (InputStream in = Content.Source.asInputStream(request)) {
      byte[] bytes = in.readNBytes(max + 1);
      return bytes.length > max ? null : bytes;
    }
  }

  private static void send(Response response, Callback callback, int status, String json) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.write(true, ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)), callback);
  }
}
