package dev.portico.benchmarks.petstore;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The baseline's copy of the petstore sample's store, with the same seed and the same semantics, so
 * the baseline does not depend on the sample (whose classes use Portico's exceptions).
 */
public final class PetStore {
  private final ConcurrentSkipListMap<Long, Pet> pets = new ConcurrentSkipListMap<>();
  private final AtomicLong nextId = new AtomicLong(1);

  /** A store holding pets 1 (Rex, dog), 2 (Tom, cat) and 3 (Nemo, no tag), as the sample's. */
  public static PetStore seeded() {
    PetStore store = new PetStore();
    store.add(new NewPet("Rex", "dog"));
    store.add(new NewPet("Tom", "cat"));
    store.add(new NewPet("Nemo", null));
    return store;
  }

  /** At most {@code limit} pets in id order, only those with one of {@code tags} when given. */
  public List<Pet> list(int limit, List<String> tags) {
    return pets.values().stream()
        .filter(p -> tags.isEmpty() || (p.tag() != null && tags.contains(p.tag())))
        .limit(limit)
        .toList();
  }

  /** The pet with this id. */
  public Optional<Pet> find(long id) {
    return Optional.ofNullable(pets.get(id));
  }

  /** Adds a pet under the next id. */
  public Pet add(NewPet pet) {
    long id = nextId.getAndIncrement();
    Pet created = new Pet(id, pet.name(), pet.tag());
    pets.put(id, created);
    return created;
  }

  /** Replaces the pet with this id, if there is one. */
  public Optional<Pet> replace(long id, NewPet pet) {
    Pet updated = new Pet(id, pet.name(), pet.tag());
    return Optional.ofNullable(pets.computeIfPresent(id, (k, old) -> updated));
  }

  /** Removes the pet with this id; whether there was one. */
  public boolean remove(long id) {
    return pets.remove(id) != null;
  }
}
