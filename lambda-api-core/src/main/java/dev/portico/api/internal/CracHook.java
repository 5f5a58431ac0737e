package dev.portico.api.internal;

import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/** Loaded only when org.crac is on the classpath. */
final class CracHook implements Resource {
  private final Runnable hook;

  private CracHook(Runnable hook) {
    this.hook = hook;
  }

  static Object register(Runnable hook) {
    CracHook resource = new CracHook(hook);
    // CRaC keeps resources weakly: the caller holds the strong reference.
    Core.getGlobalContext().register(resource);
    return resource;
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) {
    hook.run();
  }

  @Override
  public void afterRestore(Context<? extends Resource> context) {}
}
