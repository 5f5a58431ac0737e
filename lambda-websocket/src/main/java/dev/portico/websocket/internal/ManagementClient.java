package dev.portico.websocket.internal;

import dev.portico.api.Nullable;
import dev.portico.websocket.ConnectionForbiddenException;
import dev.portico.websocket.ConnectionInfo;
import dev.portico.websocket.ConnectionRegistry;
import dev.portico.websocket.Delivery;
import dev.portico.websocket.MessageTooLargeException;
import dev.portico.websocket.SendException;
import dev.portico.websocket.SendThrottledException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GetConnectionResponse;

/**
 * The three {@code @connections} calls with API Gateway's answers mapped: 410 removes the
 * connection from the registry and is {@link Delivery#GONE}; 403, 413 and 429 are typed exceptions;
 * anything else a {@link SendException} with the status.
 */
public final class ManagementClient {
  private static final Logger LOG = LoggerFactory.getLogger("dev.portico.websocket");

  private final ApiGatewayManagementApiClient sdk;
  private final ConnectionRegistry registry;

  /** Calls through this client; 410 answers clean up this registry. */
  public ManagementClient(ApiGatewayManagementApiClient sdk, ConnectionRegistry registry) {
    this.sdk = sdk;
    this.registry = registry;
  }

  /** {@code POST @connections/{id}}. */
  public Delivery post(String connectionId, byte[] data) {
    try {
      sdk.postToConnection(
          b -> b.connectionId(connectionId).data(SdkBytes.fromByteArrayUnsafe(data)));
      return Delivery.SENT;
    } catch (SdkException e) {
      return answer(connectionId, "send to", e);
    }
  }

  /** {@code DELETE @connections/{id}}. */
  public Delivery delete(String connectionId) {
    try {
      sdk.deleteConnection(b -> b.connectionId(connectionId));
      return Delivery.SENT;
    } catch (SdkException e) {
      return answer(connectionId, "close", e);
    }
  }

  /** {@code GET @connections/{id}}. */
  public Optional<ConnectionInfo> get(String connectionId) {
    GetConnectionResponse response;
    try {
      response = sdk.getConnection(b -> b.connectionId(connectionId));
    } catch (SdkException e) {
      answer(connectionId, "read", e);
      return Optional.empty();
    }
    return Optional.of(
        new ConnectionInfo(
            connectionId,
            response.connectedAt(),
            response.lastActiveAt(),
            response.identity() == null ? null : response.identity().sourceIp(),
            response.identity() == null ? null : response.identity().userAgent()));
  }

  private Delivery answer(String connectionId, String action, SdkException e) {
    int status = e instanceof AwsServiceException service ? service.statusCode() : 0;
    String what = "Cannot " + action + " connection " + LogText.quote(connectionId);
    switch (status) {
      case 410 -> {
        registry.remove(connectionId);
        LOG.debug("Connection {} is gone; removed from the registry", LogText.quote(connectionId));
        return Delivery.GONE;
      }
      case 403 ->
          throw new ConnectionForbiddenException(
              connectionId,
              what
                  + ": 403 Forbidden (does the function's role allow"
                  + " execute-api:ManageConnections on this API and stage?)",
              e);
      case 413 ->
          throw new MessageTooLargeException(
              connectionId, 413, what + ": 413 Payload Too Large", e);
      case 429 ->
          throw new SendThrottledException(connectionId, what + ": 429 Too Many Requests", e);
      default ->
          throw new SendException(
              connectionId,
              status,
              what + (status == 0 ? ": no answer (" + message(e) + ")" : ": HTTP " + status),
              e);
    }
  }

  private static String message(SdkException e) {
    @Nullable String m = e.getMessage();
    return m == null ? e.getClass().getSimpleName() : m;
  }
}
