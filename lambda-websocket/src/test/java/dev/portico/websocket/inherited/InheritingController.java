package dev.portico.websocket.inherited;

import dev.portico.websocket.OnMessage;

/**
 * A controller without route methods of its own but for one annotated override: it serves the
 * routes of its superclass and of its interface.
 */
public class InheritingController extends BaseController implements ChatRoutes {
  /** Overrides {@code $default} without the annotation: the route stays and calls this. */
  @Override
  public String fallback(String text) {
    return "overridden:" + text;
  }

  /** An annotated override replaces the inherited route: {@code pong}, no longer {@code ping}. */
  @Override
  @OnMessage("pong")
  public String ping() {
    return "pong";
  }
}
