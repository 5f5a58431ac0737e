package ${package};

import dev.portico.api.Nullable;
import dev.portico.api.UnprocessableEntityException;

/**
 * The body of {@code POST /greetings}: {@code {"name":"Ada","message":"Hello, Ada"}}.
 *
 * @param name required, 1 to 64 letters, digits, '-' or '_'
 * @param message required, 1 to 280 characters
 */
public record NewGreeting(@Nullable String name, @Nullable String message) {
  /**
   * The greeting this body describes.
   *
   * @throws UnprocessableEntityException (a 422 problem) naming the field that is wrong
   */
  public Greeting validated() {
    if (name == null || !name.matches("[A-Za-z0-9_-]{1,64}")) {
      throw new UnprocessableEntityException(
          "name is required: 1 to 64 letters, digits, '-' or '_'");
    }
    if (message == null || message.isBlank() || message.length() > 280) {
      throw new UnprocessableEntityException("message is required: 1 to 280 characters");
    }
    return new Greeting(name, message);
  }
}
