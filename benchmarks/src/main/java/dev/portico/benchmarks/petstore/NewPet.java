package dev.portico.benchmarks.petstore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /pets} and {@code PUT /pets/{id}}, as in the petstore sample, whose
 * {@code NewPet} is {@code (@NotBlank @Size(max = 100) String name, @Size(max = 50) String tag)}.
 *
 * @param name the pet's name, required, at most 100 characters
 * @param tag a free-form tag of at most 50 characters, or {@code null}
 */
public record NewPet(String name, String tag) {

  /**
   * The violations of the sample's constraints, as the members of its 400 problem's {@code errors}
   * list ({@code in}, {@code field}, {@code pointer}, {@code detail}), in the sample's order; empty
   * when the pet is valid.
   */
  public List<Map<String, Object>> errors() {
    List<Map<String, Object>> errors = new ArrayList<>();
    if (name == null || name.isBlank()) {
      errors.add(error("name", "must not be blank"));
    }
    if (name != null && name.length() > 100) {
      errors.add(error("name", "size must be between 0 and 100"));
    }
    if (tag != null && tag.length() > 50) {
      errors.add(error("tag", "size must be between 0 and 50"));
    }
    return errors;
  }

  /** The problem's detail for these errors: {@code Invalid request: 1 problem}. */
  public static String detail(List<Map<String, Object>> errors) {
    return "Invalid request: " + errors.size() + (errors.size() == 1 ? " problem" : " problems");
  }

  private static Map<String, Object> error(String field, String detail) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("in", "body");
    error.put("field", field);
    error.put("pointer", "#/" + field);
    error.put("detail", detail);
    return error;
  }
}
