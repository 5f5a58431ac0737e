package dev.portico.samples.observability;

/**
 * The body of {@code GET /greetings/{name}}: {@code {"message": "Hello, Ada"}}.
 *
 * <pre>{@code
 * Greeting greeting = new Greeting("Hello, Ada");
 * }</pre>
 *
 * @param message the greeting
 */
public record Greeting(String message) {}
