package dev.portico.samples.petstore;

import dev.portico.api.Nullable;
import dev.portico.api.UnprocessableEntityException;

/**
 * The body of {@code POST /pets} and {@code PUT /pets/{id}}: {@code {"name": "Rex", "tag": "dog"}}.
 *
 * <pre>{@code
 * NewPet pet = new NewPet("Rex", null).validated();
 * }</pre>
 *
 * @param name required, 1 to 100 characters
 * @param tag optional, at most 50 characters
 */
public record NewPet(@Nullable String name, @Nullable String tag) {
  /**
   * Checks the content of a well-formed body.
   *
   * @throws UnprocessableEntityException naming the field that is wrong
   */
  public NewPet validated() {
    if (name == null || name.isBlank()) {
      throw new UnprocessableEntityException("name is required");
    }
    if (name.length() > 100) {
      throw new UnprocessableEntityException("name must be at most 100 characters");
    }
    if (tag != null && tag.length() > 50) {
      throw new UnprocessableEntityException("tag must be at most 50 characters");
    }
    return this;
  }
}
