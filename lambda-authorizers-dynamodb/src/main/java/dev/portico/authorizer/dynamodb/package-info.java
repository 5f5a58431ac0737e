/**
 * A DynamoDB-backed {@link dev.portico.authorizer.replay.ReplayStore} ({@link
 * dev.portico.authorizer.dynamodb.DynamoDbReplayStore}) shared by every container of a function.
 */
package dev.portico.authorizer.dynamodb;
