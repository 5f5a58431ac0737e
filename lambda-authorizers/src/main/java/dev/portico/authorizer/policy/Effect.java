package dev.portico.authorizer.policy;

/**
 * The effect of a policy statement.
 *
 * <pre>{@code
 * Grant.of(Effect.DENY, "DELETE", "/pets/*");
 * }</pre>
 */
public enum Effect {
  /** The statement allows the matching methods. */
  ALLOW("Allow"),
  /** The statement denies the matching methods; a deny always wins over an allow. */
  DENY("Deny");

  private final String json;

  Effect(String json) {
    this.json = json;
  }

  /** The value written in the policy JSON: {@code Allow} or {@code Deny}. */
  public String json() {
    return json;
  }
}
