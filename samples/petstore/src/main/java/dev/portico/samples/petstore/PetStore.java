package dev.portico.samples.petstore;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An in-memory, thread-safe pet store. Each Lambda execution environment has its own, so the data
 * lives as long as that environment: enough for a sample, not a database.
 *
 * <pre>{@code
 * PetStore store = PetStore.seeded();
 * Pet added = store.add(new NewPet("Rex", "dog"));
 * }</pre>
 */
public final class PetStore {
  private final ConcurrentSkipListMap<Long, Pet> pets = new ConcurrentSkipListMap<>();
  private final AtomicLong nextId = new AtomicLong(1);

  /** An empty store. */
  public PetStore() {}

  /** A store holding three pets with ids 1 to 3. */
  public static PetStore seeded() {
    PetStore store = new PetStore();
    store.add(new NewPet("Rex", "dog"));
    store.add(new NewPet("Tom", "cat"));
    store.add(new NewPet("Nemo", null));
    return store;
  }

  /** Adds a pet under a new id. */
  public Pet add(NewPet pet) {
    long id = nextId.getAndIncrement();
    Pet created = new Pet(id, pet.name(), pet.tag());
    pets.put(id, created);
    return created;
  }

  /** The pet with this id. */
  public Optional<Pet> find(long id) {
    return Optional.ofNullable(pets.get(id));
  }

  /** Pets in id order, only those whose tag is one of {@code tags} unless it is empty. */
  public List<Pet> list(int limit, List<String> tags) {
    return pets.values().stream()
        .filter(p -> tags.isEmpty() || (p.tag() != null && tags.contains(p.tag())))
        .limit(limit)
        .toList();
  }

  /** Replaces a pet's name and tag; empty when there is no such pet. */
  public Optional<Pet> replace(long id, NewPet pet) {
    Pet updated = new Pet(id, pet.name(), pet.tag());
    return Optional.ofNullable(pets.computeIfPresent(id, (k, old) -> updated));
  }

  /** Removes a pet; whether it existed. */
  public boolean remove(long id) {
    return pets.remove(id) != null;
  }
}
