package ${package};

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Greetings kept in the function's memory: each execution environment has its own. */
public final class InMemoryGreetingStore implements GreetingStore {
  private final Map<String, Greeting> greetings = new ConcurrentHashMap<>();

  @Override
  public Optional<Greeting> find(String name) {
    return Optional.ofNullable(greetings.get(name));
  }

  @Override
  public void save(Greeting greeting) {
    greetings.put(greeting.name(), greeting);
  }
}
