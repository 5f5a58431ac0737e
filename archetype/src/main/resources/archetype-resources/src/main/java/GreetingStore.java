package ${package};

import java.util.Optional;

/** Where greetings are kept: a database or another service in a real application. */
public interface GreetingStore {
  /** The greeting saved for this name, if any. */
  Optional<Greeting> find(String name);

  /** Saves (or replaces) the greeting for its name. */
  void save(Greeting greeting);
}
