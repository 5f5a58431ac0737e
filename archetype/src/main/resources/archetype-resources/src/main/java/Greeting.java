package ${package};

/**
 * A greeting, as {@code GET /greetings/{name}} answers it: {@code {"name":"Ada","message":"Hello,
 * Ada"}}.
 *
 * @param name who is greeted
 * @param message what they are told
 */
public record Greeting(String name, String message) {}
