package dev.portico.api.runtime;

/**
 * Where a bound parameter's value comes from; used by generated code.
 *
 * <pre>{@code
 * routes.param(owner, ParamSource.QUERY, "limit", int.class, "20", false)
 * }</pre>
 */
public enum ParamSource {
  /** A {@code {name}} in the path template. */
  PATH("path parameter"),
  /** The query string. */
  QUERY("query parameter"),
  /** A request header. */
  HEADER("header"),
  /** A cookie. */
  COOKIE("cookie"),
  /** A stage variable. */
  STAGE_VARIABLE("stage variable"),
  /** A JWT claim from the authorizer. */
  CLAIM("claim"),
  /** A Lambda authorizer context entry. */
  AUTHORIZER("authorizer context entry"),
  /** The authorizer's principal id. */
  PRINCIPAL("principal");

  private final String description;

  ParamSource(String description) {
    this.description = description;
  }

  /** How error messages name the source, e.g. {@code query parameter}. */
  public String description() {
    return description;
  }
}
