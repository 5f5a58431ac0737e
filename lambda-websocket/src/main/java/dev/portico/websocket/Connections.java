package dev.portico.websocket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.api.Api;
import dev.portico.api.Nullable;
import dev.portico.websocket.internal.Endpoints;
import dev.portico.websocket.internal.ManagementClient;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClientBuilder;

/**
 * Sends to, broadcasts to, closes and reads the connections of one WebSocket API stage through the
 * {@code @connections} management API (AWS SDK v2 {@code ApiGatewayManagementApiClient}, one client
 * per endpoint, reused). A handler binds the instance for its event's API and stage as a parameter;
 * elsewhere (a queue consumer, say) build one with {@link #builder(URI)}.
 *
 * <pre>{@code
 * @OnMessage("sendmessage")
 * public void send(@Body Chat chat, Connections connections) {
 *   connections.broadcastToGroup("room:" + chat.room(), chat);
 * }
 * }</pre>
 *
 * <p>Messages: a {@code String} is sent as UTF-8 text, a {@code byte[]} as given, anything else as
 * JSON. A message over {@link #MAX_MESSAGE_BYTES} is refused before sending ({@link
 * MessageTooLargeException}); API Gateway delivers larger-than-32 KB messages to the client in
 * several frames of at most 32 KB, which WebSocket clients reassemble. A 410 Gone answer removes
 * exactly that connection from the registry and reports {@link Delivery#GONE}; 403, 413 and 429
 * become {@link ConnectionForbiddenException}, {@link MessageTooLargeException} and {@link
 * SendThrottledException}. Thread-safe.
 */
public final class Connections {
  /** API Gateway's WebSocket message limit: 128 KB. */
  public static final int MAX_MESSAGE_BYTES = 128 * 1024;

  /** Connection ids asked from the registry per page during {@link #broadcastToGroup}. */
  static final int GROUP_PAGE = 100;

  private final URI endpoint;
  private final @Nullable ApiGatewayManagementApiClient givenClient;
  private final Consumer<ApiGatewayManagementApiClientBuilder> customizer;
  private volatile @Nullable ManagementClient client;
  private final ConnectionRegistry registry;
  private final ObjectMapper mapper;
  private final int maxConcurrency;
  private volatile @Nullable ExecutorService pool;

  private Connections(Builder builder) {
    this.endpoint = builder.endpoint;
    this.registry = builder.registry;
    this.mapper = builder.mapper;
    this.maxConcurrency = builder.maxConcurrency;
    this.givenClient = builder.client;
    this.customizer = builder.customizer;
  }

  /** The SDK client, built on first use: a $connect that sends nothing never pays for it. */
  private ManagementClient client() {
    ManagementClient c = client;
    if (c == null) {
      synchronized (this) {
        c = client;
        if (c == null) {
          ApiGatewayManagementApiClient sdk =
              givenClient != null ? givenClient : Endpoints.newClient(endpoint, customizer);
          c = new ManagementClient(sdk, registry);
          client = c;
        }
      }
    }
    return c;
  }

  /** A builder for the {@code @connections} endpoint {@code https://{domain}/{stage}}. */
  public static Builder builder(URI endpoint) {
    return new Builder(endpoint);
  }

  /**
   * The {@code @connections} endpoint, e.g. {@code
   * https://abc.execute-api.eu-west-1.amazonaws.com/prod}.
   */
  public URI endpoint() {
    return endpoint;
  }

  /** The registry that 410 Gone answers clean up and group broadcasts read. */
  public ConnectionRegistry registry() {
    return registry;
  }

  /**
   * Sends one message to one connection.
   *
   * @return {@link Delivery#SENT}, or {@link Delivery#GONE} when the connection no longer exists
   * @throws SendException when sending failed (the subclasses name the reasons one can act on)
   */
  public Delivery send(String connectionId, Object message) {
    return client().post(connectionId, encode(connectionId, message));
  }

  /**
   * Sends one message to each connection, concurrently on at most {@code maxConcurrency} threads,
   * and reports every connection's outcome; a failure for one never stops the others.
   *
   * @throws MessageTooLargeException before sending anything when the message is too large
   */
  public BroadcastResult broadcast(Collection<String> connectionIds, Object message) {
    byte[] data = encode(connectionIds.isEmpty() ? "" : connectionIds.iterator().next(), message);
    Outcomes outcomes = new Outcomes();
    List<Map.Entry<String, Future<Delivery>>> pending = new ArrayList<>();
    submit(connectionIds, data, pending);
    outcomes.collect(pending);
    return outcomes.result();
  }

  /**
   * Sends one message to every member of a group, reading the registry page by page (no scan of all
   * connections) while earlier pages are being sent.
   */
  public BroadcastResult broadcastToGroup(String group, Object message) {
    byte[] data = encode("group " + group, message);
    Outcomes outcomes = new Outcomes();
    List<Map.Entry<String, Future<Delivery>>> pending = new ArrayList<>();
    String cursor = null;
    do {
      ConnectionRegistry.Page page = registry.members(group, cursor, GROUP_PAGE);
      submit(page.connectionIds(), data, pending);
      cursor = page.next();
    } while (cursor != null);
    outcomes.collect(pending);
    return outcomes.result();
  }

  /**
   * Closes a connection ({@code DeleteConnection}); API Gateway then sends {@code $disconnect}.
   *
   * @return {@link Delivery#SENT} when closed, {@link Delivery#GONE} when it was already gone
   */
  public Delivery close(String connectionId) {
    return client().delete(connectionId);
  }

  /** What API Gateway knows of a live connection; empty when it is gone (and then unregistered). */
  public Optional<ConnectionInfo> info(String connectionId) {
    return client().get(connectionId);
  }

  private void submit(
      Collection<String> ids, byte[] data, List<Map.Entry<String, Future<Delivery>>> pending) {
    ExecutorService executor = pool();
    ManagementClient c = client();
    for (String id : ids) {
      pending.add(Map.entry(id, executor.submit(() -> c.post(id, data))));
    }
  }

  private ExecutorService pool() {
    ExecutorService p = pool;
    if (p == null) {
      synchronized (this) {
        p = pool;
        if (p == null) {
          p = Endpoints.daemonPool(maxConcurrency, endpoint);
          pool = p;
        }
      }
    }
    return p;
  }

  private byte[] encode(String connectionId, Object message) {
    byte[] data;
    if (message instanceof byte[] bytes) {
      data = bytes;
    } else if (message instanceof CharSequence text) {
      data = text.toString().getBytes(StandardCharsets.UTF_8);
    } else {
      try {
        data = mapper.writeValueAsBytes(message);
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException(
            "Cannot write " + message.getClass().getName() + " as JSON: " + e.getOriginalMessage(),
            e);
      }
    }
    if (data.length > MAX_MESSAGE_BYTES) {
      throw new MessageTooLargeException(
          connectionId,
          0,
          "Message of "
              + data.length
              + " bytes not sent to "
              + connectionId
              + ": API Gateway's WebSocket limit is "
              + MAX_MESSAGE_BYTES
              + " bytes (128 KB)",
          null);
    }
    return data;
  }

  /** Collects a broadcast's outcomes in order. */
  private static final class Outcomes {
    private final Map<String, Delivery> outcomes = new LinkedHashMap<>();
    private final Map<String, SendException> failures = new LinkedHashMap<>();

    void collect(List<Map.Entry<String, Future<Delivery>>> pending) {
      boolean interrupted = false;
      for (Map.Entry<String, Future<Delivery>> entry : pending) {
        String id = entry.getKey();
        try {
          outcomes.put(id, entry.getValue().get());
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          outcomes.put(id, Delivery.FAILED);
          failures.put(
              id,
              cause instanceof SendException send
                  ? send
                  : new SendException(id, 0, "Sending to " + id + " failed: " + cause, cause));
        } catch (InterruptedException e) {
          interrupted = true;
          entry.getValue().cancel(true);
          outcomes.put(id, Delivery.FAILED);
          failures.put(id, new SendException(id, 0, "Interrupted before sending to " + id, e));
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }

    BroadcastResult result() {
      return new BroadcastResult(outcomes, failures);
    }
  }

  /** Configures {@link Connections}. */
  public static final class Builder {
    private final URI endpoint;
    private ConnectionRegistry registry = new InMemoryConnectionRegistry();
    private ObjectMapper mapper = Api.Builder.defaultMapper();
    private int maxConcurrency = 16;
    private @Nullable ApiGatewayManagementApiClient client;
    private Consumer<ApiGatewayManagementApiClientBuilder> customizer = b -> {};

    private Builder(URI endpoint) {
      this.endpoint = Endpoints.normalize(endpoint);
    }

    /** The registry that 410 answers clean up and group broadcasts read (in-memory by default). */
    public Builder registry(ConnectionRegistry connectionRegistry) {
      this.registry = connectionRegistry;
      return this;
    }

    /** The mapper that writes JSON messages (Portico's default mapper by default). */
    public Builder objectMapper(ObjectMapper objectMapper) {
      this.mapper = objectMapper;
      return this;
    }

    /** How many sends a broadcast runs at once (16 by default). */
    public Builder maxConcurrency(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("maxConcurrency must be at least 1; got " + threads);
      }
      this.maxConcurrency = threads;
      return this;
    }

    /**
     * Adjusts the SDK client before it is built (credentials, region, retries, an {@code
     * endpointOverride} for tests). The client uses the JDK's {@code HttpURLConnection} and the
     * region in the endpoint's host name unless this says otherwise.
     */
    public Builder customizeClient(
        Consumer<ApiGatewayManagementApiClientBuilder> clientCustomizer) {
      this.customizer = clientCustomizer;
      return this;
    }

    /** Uses this client as it is (its endpoint must be this builder's). */
    public Builder client(ApiGatewayManagementApiClient sdkClient) {
      this.client = sdkClient;
      return this;
    }

    /** Builds. */
    public Connections build() {
      return new Connections(this);
    }
  }
}
