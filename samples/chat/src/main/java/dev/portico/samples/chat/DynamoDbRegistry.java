package dev.portico.samples.chat;

import dev.portico.websocket.ConnectionRegistry;
import dev.portico.websocket.dynamodb.DynamoDbConnectionRegistry;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The deployed registry: lambda-websocket-dynamodb on the template's ConnectionsTable. */
final class DynamoDbRegistry {
  private DynamoDbRegistry() {}

  static ConnectionRegistry create(String table) {
    return DynamoDbConnectionRegistry.create(
        DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build(), table);
  }
}
