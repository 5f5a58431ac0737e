package dev.portico.websocket.internal;

import dev.portico.api.Nullable;
import java.net.URI;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClientBuilder;

/** Where the {@code @connections} API of an event's stage is, and the clients that call it. */
public final class Endpoints {
  private static final Pattern EXECUTE_API =
      Pattern.compile("[a-z0-9]+\\.execute-api\\.([a-z0-9-]+)\\.amazonaws\\.com(\\.cn)?");

  private Endpoints() {}

  /**
   * The {@code @connections} endpoint for an event: {@code https://{domainName}/{stage}} for an
   * {@code execute-api} host; for a custom domain, the API's own {@code execute-api} host in the
   * function's region ({@code AWS_REGION}), since a custom domain's base path need not be the
   * stage; {@code http://} for a loopback host (local emulation).
   */
  public static URI forEvent(
      String domainName, String stage, @Nullable String apiId, @Nullable String region) {
    String host = domainName.toLowerCase(Locale.ROOT);
    if (isLoopback(host)) {
      return URI.create("http://" + host + "/" + stage);
    }
    if (!EXECUTE_API.matcher(host).matches() && apiId != null && region != null) {
      return URI.create("https://" + apiId + ".execute-api." + region + ".amazonaws.com/" + stage);
    }
    return URI.create("https://" + host + "/" + stage);
  }

  private static boolean isLoopback(String host) {
    String name = host.startsWith("[") ? host.substring(0, host.indexOf(']') + 1) : host;
    int colon = name.startsWith("[") ? -1 : name.indexOf(':');
    if (colon >= 0) {
      name = name.substring(0, colon);
    }
    return name.equals("localhost") || name.equals("127.0.0.1") || name.equals("[::1]");
  }

  /** The endpoint without a trailing slash. */
  public static URI normalize(URI endpoint) {
    String text = endpoint.toString();
    while (text.endsWith("/")) {
      text = text.substring(0, text.length() - 1);
    }
    if (endpoint.getScheme() == null || endpoint.getHost() == null) {
      throw new IllegalArgumentException(
          "A @connections endpoint is an absolute http(s) URI such as"
              + " https://abc123.execute-api.eu-west-1.amazonaws.com/prod; got '"
              + endpoint
              + "'");
    }
    return URI.create(text);
  }

  /** The region in an {@code execute-api} host name, or {@code null}. */
  static @Nullable Region regionOf(URI endpoint) {
    Matcher m = EXECUTE_API.matcher(endpoint.getHost().toLowerCase(Locale.ROOT));
    return m.matches() ? Region.of(m.group(1)) : null;
  }

  /**
   * A client for the endpoint on the JDK's HTTP client, signed for the endpoint's region; a
   * loopback endpoint (local emulation) gets region us-east-1 and throwaway credentials.
   */
  public static ApiGatewayManagementApiClient newClient(
      URI endpoint, Consumer<ApiGatewayManagementApiClientBuilder> customizer) {
    ApiGatewayManagementApiClientBuilder builder =
        ApiGatewayManagementApiClient.builder()
            .endpointOverride(endpoint)
            .httpClient(UrlConnectionHttpClient.create());
    Region region = regionOf(endpoint);
    if (region != null) {
      builder.region(region);
    } else if (isLoopback(endpoint.getAuthority())) {
      // Local emulation: sign with throwaway credentials, never with the developer's own.
      builder
          .region(Region.US_EAST_1)
          .credentialsProvider(
              StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
    }
    customizer.accept(builder);
    return builder.build();
  }

  /** A fixed pool of daemon threads (a frozen Lambda environment never waits for them). */
  public static ExecutorService daemonPool(int threads, URI endpoint) {
    AtomicInteger count = new AtomicInteger();
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            60,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            runnable -> {
              Thread thread =
                  new Thread(
                      runnable, "portico-ws-send-" + count.incrementAndGet() + " " + endpoint);
              thread.setDaemon(true);
              return thread;
            });
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }
}
