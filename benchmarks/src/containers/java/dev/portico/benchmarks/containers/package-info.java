/**
 * The petstore routes on aws-serverless-java-container (Jersey and Spring Boot 3): what users would
 * otherwise deploy. Compiled only with {@code -Pcontainers}.
 */
package dev.portico.benchmarks.containers;
