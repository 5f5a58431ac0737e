package dev.portico.processor.websocket;

import java.util.List;

/** What the analyzer found in one WebSocket controller; what the writer emits. */
final class WebSocketModel {
  private WebSocketModel() {}

  /**
   * A controller.
   *
   * @param packageName its package ({@code ""} for the unnamed package)
   * @param generatedName {@code Outer_Inner_WebSocketRoutes}
   * @param controllerType its canonical name
   * @param displayName {@code Outer.Inner}
   * @param routes in declaration order
   */
  record Controller(
      String packageName,
      String generatedName,
      String controllerType,
      String displayName,
      List<Route> routes) {}

  /**
   * One route method.
   *
   * @param routeKey {@code $connect}, {@code $disconnect}, {@code $default} or a custom key
   * @param owner {@code Chat.send(Message m)}, for names and messages
   * @param method the method's name
   * @param returnsVoid whether the method returns nothing
   * @param arguments the argument expressions, in order
   * @param readers body reader declarations needed by the arguments
   */
  record Route(
      String routeKey,
      String owner,
      String method,
      boolean returnsVoid,
      List<String> arguments,
      List<String> readers) {}
}
