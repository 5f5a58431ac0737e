package dev.portico.local.runtime;

import dev.portico.authorizer.AuthorizerHandler;
import dev.portico.authorizer.Decision;

/** An authorizer that allows everyone as {@code ric-user}: its decision line is what is checked. */
public final class LoggingAuthorizer extends AuthorizerHandler {

  /** The handler the runtime creates. */
  public LoggingAuthorizer() {
    super(request -> Decision.allow("ric-user"));
  }
}
