package dev.portico.benchmarks.petstore;

/**
 * The body of {@code POST /pets} and {@code PUT /pets/{id}}, as in the petstore sample.
 *
 * @param name the pet's name, required, at most 100 characters
 * @param tag a free-form tag of at most 50 characters, or {@code null}
 */
public record NewPet(String name, String tag) {

  /** What is wrong with this pet (the sample answers 422 with it), or {@code null}. */
  public String problem() {
    if (name == null || name.isBlank()) {
      return "name is required";
    }
    if (name.length() > 100) {
      return "name must be at most 100 characters";
    }
    if (tag != null && tag.length() > 50) {
      return "tag must be at most 50 characters";
    }
    return null;
  }
}
