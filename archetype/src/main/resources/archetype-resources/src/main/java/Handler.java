package ${package};

import dev.portico.api.Api;
import dev.portico.api.ApiHandler;

/**
 * The Lambda handler named in {@code template.yaml}: {@code ${package}.Handler::handleRequest}.
 * Lambda creates it once per execution environment, at init (SnapStart snapshots it after
 * priming).
 */
public final class Handler extends ApiHandler {
  /** The API over an in-memory store. */
  public Handler() {
    this(new InMemoryGreetingStore());
  }

  /** The API over the given store. */
  public Handler(GreetingStore store) {
    super(Api.builder().controller(new GreetingController(store)).build());
  }
}
