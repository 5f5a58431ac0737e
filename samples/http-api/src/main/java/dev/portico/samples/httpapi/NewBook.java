package dev.portico.samples.httpapi;

import dev.portico.api.Nullable;
import dev.portico.api.UnprocessableEntityException;

/**
 * The body of {@code POST /books}: {@code {"title": "Dune", "author": "Frank Herbert"}}.
 *
 * <pre>{@code
 * NewBook book = new NewBook("Dune", "Frank Herbert").validated();
 * }</pre>
 *
 * @param title required, 1 to 200 characters
 * @param author required, 1 to 100 characters
 */
public record NewBook(@Nullable String title, @Nullable String author) {
  /**
   * Checks the content of a well-formed body.
   *
   * @throws UnprocessableEntityException naming the field that is wrong
   */
  public NewBook validated() {
    if (title == null || title.isBlank()) {
      throw new UnprocessableEntityException("title is required");
    }
    if (title.length() > 200) {
      throw new UnprocessableEntityException("title must be at most 200 characters");
    }
    if (author == null || author.isBlank()) {
      throw new UnprocessableEntityException("author is required");
    }
    if (author.length() > 100) {
      throw new UnprocessableEntityException("author must be at most 100 characters");
    }
    return this;
  }
}
