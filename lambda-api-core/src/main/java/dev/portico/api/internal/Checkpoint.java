package dev.portico.api.internal;

import dev.portico.api.Nullable;

/**
 * Whether this process may be checkpointed: the one rule, asked by every handler at construction.
 * It is kept apart from {@link Priming} so that an ordinary cold start, which never primes, loads
 * neither that class nor what its initialiser builds.
 */
public final class Checkpoint {

  private Checkpoint() {}

  /**
   * Lambda initialises SnapStart functions with {@code AWS_LAMBDA_INITIALIZATION_TYPE} {@code
   * snap-start}; the system property {@code portico.crac=true} forces it, for other CRaC JVMs.
   */
  public static boolean expected() {
    return expected(
        System.getenv("AWS_LAMBDA_INITIALIZATION_TYPE"), System.getProperty("portico.crac"));
  }

  /** {@link #expected()} for these values of the variable and the property. */
  static boolean expected(@Nullable String initializationType, @Nullable String forced) {
    return "snap-start".equals(initializationType) || "true".equalsIgnoreCase(forced);
  }
}
