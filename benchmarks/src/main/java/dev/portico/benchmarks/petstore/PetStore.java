package dev.portico.benchmarks.petstore;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/** The in-memory store every variant serves, seeded with the same three pets. */
public final class PetStore {
  private final ConcurrentSkipListMap<Long, Pet> pets = new ConcurrentSkipListMap<>();
  private final AtomicLong nextId = new AtomicLong(1);

  /** A store holding pets 1 (Rex, dog), 2 (Tom, cat) and 3 (Polly, bird). */
  public static PetStore seeded() {
    PetStore store = new PetStore();
    store.add(new NewPet("Rex", "dog"));
    store.add(new NewPet("Tom", "cat"));
    store.add(new NewPet("Polly", "bird"));
    return store;
  }

  /** At most {@code limit} pets, in id order. */
  public List<Pet> list(int limit) {
    List<Pet> out = new ArrayList<>(Math.min(Math.max(limit, 0), 64));
    for (Pet pet : pets.values()) {
      if (out.size() >= limit) {
        break;
      }
      out.add(pet);
    }
    return out;
  }

  /** The pet with this id. */
  public Optional<Pet> find(long id) {
    return Optional.ofNullable(pets.get(id));
  }

  /** Adds a pet under the next id. */
  public Pet add(NewPet pet) {
    Pet created = new Pet(nextId.getAndIncrement(), pet.name(), pet.tag());
    pets.put(created.id(), created);
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
