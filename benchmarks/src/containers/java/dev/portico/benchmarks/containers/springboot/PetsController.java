package dev.portico.benchmarks.containers.springboot;

import dev.portico.benchmarks.petstore.NewPet;
import dev.portico.benchmarks.petstore.Pet;
import dev.portico.benchmarks.petstore.PetStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The petstore routes as a Spring MVC controller, with the same statuses as the Portico sample. */
@RestController
@RequestMapping("/pets")
public class PetsController {
  private final PetStore store;

  /** Serves the application's store. */
  public PetsController(PetStore store) {
    this.store = store;
  }

  /** {@code GET /pets}. */
  @GetMapping
  public ResponseEntity<?> list(
      @RequestParam(name = "limit", defaultValue = "20") int limit,
      @RequestParam(name = "tag", required = false) List<String> tags) {
    if (limit < 1 || limit > 100) {
      return problem(400, "Bad Request", "limit must be between 1 and 100, got " + limit);
    }
    return ResponseEntity.ok(store.list(limit, tags == null ? List.of() : tags));
  }

  /** {@code GET /pets/{id}}. */
  @GetMapping("/{id}")
  public ResponseEntity<?> get(@PathVariable("id") long id) {
    return found(store.find(id), id);
  }

  /** {@code POST /pets}. */
  @PostMapping
  public ResponseEntity<?> create(@RequestBody NewPet pet) {
    if (!pet.errors().isEmpty()) {
      return invalid(pet.errors());
    }
    Pet created = store.add(pet);
    return ResponseEntity.status(201).header("Location", "/pets/" + created.id()).body(created);
  }

  /** {@code PUT /pets/{id}}. */
  @PutMapping("/{id}")
  public ResponseEntity<?> update(@PathVariable("id") long id, @RequestBody NewPet pet) {
    if (!pet.errors().isEmpty()) {
      return invalid(pet.errors());
    }
    return found(store.replace(id, pet), id);
  }

  /** {@code DELETE /pets/{id}}. */
  @DeleteMapping("/{id}")
  public ResponseEntity<?> delete(@PathVariable("id") long id) {
    return store.remove(id)
        ? ResponseEntity.noContent().build()
        : problem(404, "Not Found", "no pet " + id);
  }

  private static ResponseEntity<?> found(Optional<Pet> pet, long id) {
    return pet.<ResponseEntity<?>>map(ResponseEntity::ok)
        .orElseGet(() -> problem(404, "Not Found", "no pet " + id));
  }

  private static ResponseEntity<?> problem(int status, String title, String detail) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail);
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
  }

  /** The sample's 400 for a body that breaks NewPet's constraints, listing every violation. */
  private static ResponseEntity<?> invalid(List<Map<String, Object>> errors) {
    int status = 400;
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", "Bad Request");
    body.put("status", status);
    body.put("detail", NewPet.detail(errors));
    body.put("errors", errors);
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
  }
}
