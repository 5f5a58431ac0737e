/**
 * {@link dev.portico.websocket.dynamodb.DynamoDbConnectionRegistry}: lambda-websocket's connection
 * registry on one DynamoDB table.
 */
package dev.portico.websocket.dynamodb;
